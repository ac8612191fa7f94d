"""The Dutch search test set: recall@10 and MRR per query class; fails under 0.9 overall or 0.8 in a class."""

from __future__ import annotations

from collections import defaultdict

import pytest

from tests import summary as run_summary
from tests.factories import (
    FundingSchemeFactory,
    InitiativeFactory,
    OrganisationFactory,
    ResourceFactory,
    municipality,
    term,
)
from tests.search.corpus import FUNDING_SCHEMES, INITIATIVES, ORGANISATIONS, QUERIES, RESOURCES, published_days_ago
from wdhs.search.index import refresh_pending

pytestmark = pytest.mark.django_db

MIN_RECALL = 0.9
MIN_CLASS_RECALL = 0.8


def build_corpus() -> None:
    organisations = {
        slug: OrganisationFactory(slug=slug, name=name, short_name=short, description=description)
        for slug, name, short, description in ORGANISATIONS
    }
    publisher = organisations["movisie"]
    for index, (slug, title, summary, body, themes) in enumerate(RESOURCES):
        moment = published_days_ago(index)
        ResourceFactory(
            slug=slug,
            title=title,
            summary=summary,
            body=body,
            organisation=publisher,
            published_at=moment,
            last_reviewed_at=moment,
            themes=[term("theme", t) for t in themes],
        )
    for slug, name, area, place, kind, description, themes in INITIATIVES:
        InitiativeFactory(
            slug=slug,
            name=name,
            area=area,
            municipality=municipality(place),
            kind=term("initiative_kind", kind),
            description=description,
            themes=[term("theme", t) for t in themes],
        )
    for slug, name, summary, description, kind, funder in FUNDING_SCHEMES:
        organisation = organisations.get(funder)
        FundingSchemeFactory(
            slug=slug,
            name=name,
            summary=summary,
            description=description,
            kind=term("funding_kind", kind),
            funder=organisation,
            funder_name="" if organisation else funder,
        )
    refresh_pending()  # as a bulk loader does when it is done


def results_for(query: str, *, partial: bool = True) -> dict[str, list[str]]:
    """The first ten keys per kind, through the portal's search engine."""
    from tests.search.keys import search_keys

    return search_keys(query, limit=10, partial=partial)


def score_query(expected: list[str], results: dict[str, list[str]]) -> tuple[int, int, list[float], list[str]]:
    """(found, expected, reciprocal ranks, missing keys) of one query.

    Recall counts the expected documents in the first ten of their kind. The reciprocal rank is taken
    per kind: 1/position of the first expected document of that kind (0 when none is in the ten).
    A query that must find nothing (`expected` empty) scores 1 when every kind is empty, else 0.
    """
    if not expected:
        extra = [key for keys in results.values() for key in keys]
        return (0 if extra else 1), 1, [0.0 if extra else 1.0], [f"vindt toch {', '.join(extra[:3])}"] if extra else []
    found = 0
    missing = []
    for key in expected:
        if key in results.get(key.split(":", 1)[0], []):
            found += 1
        else:
            missing.append(key)
    ranks = []
    for kind in dict.fromkeys(key.split(":", 1)[0] for key in expected):
        keys = results.get(kind, [])
        positions = [keys.index(key) + 1 for key in expected if key.startswith(kind + ":") and key in keys]
        ranks.append(1 / min(positions) if positions else 0.0)
    return found, len(expected), ranks, missing


def test_scores_count_what_they_should():
    results = {"r": ["r:a", "r:b", "r:c"], "i": []}
    assert score_query(["r:b", "r:x"], results) == (1, 2, [0.5], ["r:x"])
    assert score_query(["r:c", "i:z"], results) == (1, 2, [1 / 3, 0.0], ["i:z"])
    assert score_query([], {"r": [], "i": []}) == (1, 1, [1.0], [])
    assert score_query([], results)[0] == 0


def test_recall_at_10_on_the_dutch_test_set(capsys):
    build_corpus()
    found_per_class: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    ranks_per_class: dict[str, list[float]] = defaultdict(list)
    misses = []
    for query, query_class, expected in QUERIES:
        # A query that must find nothing must find nothing with every word; the page may still show, under
        # "Deze resultaten bevatten niet alle woorden", what has one of them (it never says "niets gevonden" then).
        found, total, ranks, missing = score_query(expected, results_for(query, partial=bool(expected)))
        found_per_class[query_class][0] += found
        found_per_class[query_class][1] += total
        ranks_per_class[query_class] += ranks
        misses += [f"{query!r} ({query_class}) mist {key}" for key in missing]
    found = sum(v[0] for v in found_per_class.values())
    total = sum(v[1] for v in found_per_class.values())
    recall = found / total
    all_ranks = [r for ranks in ranks_per_class.values() for r in ranks]
    lines = [
        f"recall@10 = {recall:.3f} ({found}/{total}), MRR = {sum(all_ranks) / len(all_ranks):.3f}, "
        f"{len(QUERIES)} zoekvragen"
    ]
    weak = []
    for name, (hits, count) in sorted(found_per_class.items()):
        ranks = ranks_per_class[name]
        lines.append(f"  {name:<14} recall {hits / count:.3f} ({hits}/{count})  MRR {sum(ranks) / len(ranks):.3f}")
        if hits / count < MIN_CLASS_RECALL:
            weak.append(name)
    lines += [f"  mist: {miss}" for miss in misses]
    run_summary.report("zoeken: Nederlandse testset", lines)
    with capsys.disabled():
        print("\n" + "\n".join(lines))
    assert recall >= MIN_RECALL, "\n".join(lines)
    assert not weak, f"klassen onder {MIN_CLASS_RECALL}: {', '.join(weak)}\n" + "\n".join(lines)
