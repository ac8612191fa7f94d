import pytest
from tests.search.corpus import QUERIES
from tests.search.test_recall import build_corpus, results_for, score_query

pytestmark = pytest.mark.django_db


def test_dbg():
    build_corpus()
    for q, c, exp in QUERIES:
        if c in ("meervoud", "scheidbaar", "verkleinwoord"):
            res = results_for(q)
            f, t, ranks, miss = score_query(exp, res)
            if min(ranks) < 1:
                print("RANK", c, q, ranks, {k: v[:4] for k, v in res.items() if v})
