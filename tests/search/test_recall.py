"""The Dutch search test set: recall@10 over a fixed corpus, per query class; fails under 0.9."""

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


def results_for(query: str) -> dict[str, list[str]]:
    """The first ten keys per kind, through the portal's search engine."""
    from tests.search.keys import search_keys

    return search_keys(query, limit=10)


def test_recall_at_10_on_the_dutch_test_set(capsys):
    build_corpus()
    found_per_class: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses = []
    for query, query_class, expected in QUERIES:
        results = results_for(query)
        for key in expected:
            kind = key.split(":", 1)[0]
            hit = key in results.get(kind, [])
            found_per_class[query_class][0] += hit
            found_per_class[query_class][1] += 1
            if not hit:
                misses.append(f"{query!r} ({query_class}) mist {key}")
    found = sum(v[0] for v in found_per_class.values())
    total = sum(v[1] for v in found_per_class.values())
    recall = found / total
    lines = [f"recall@10 = {recall:.3f} ({found}/{total}, {len(QUERIES)} zoekvragen)"]
    lines += [f"  {name:<14} {v[0]}/{v[1]}" for name, v in sorted(found_per_class.items())]
    lines += [f"  mist: {miss}" for miss in misses]
    run_summary.report("zoeken: Nederlandse testset", lines)
    with capsys.disabled():
        print("\n" + "\n".join(lines))
    assert recall >= MIN_RECALL, "\n".join(lines)
