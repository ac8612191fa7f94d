"""One query, one ranking: every list page orders its search results exactly as /zoeken/ does for that kind."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import FundingSchemeFactory, InitiativeFactory, OrganisationFactory, ResourceFactory
from wdhs.search.index import refresh_pending

pytestmark = pytest.mark.django_db

QUERY = "buurt"
# The word in different fields (title, summary, body), once or twice, on documents of different ages:
# enough spread that two different rankings would order them differently. The first and the last
# match equally well, so only freshness puts the newer one ("zeker", made first) ahead of "anders".
PLACES = [
    ("Buurt zeker", "Tekst.", "Tekst."),
    ("Buurt", "Samen doen.", "Over de buurt en de buurtgenoten."),
    ("Samen koken", "In de buurt.", "Tekst."),
    ("Groen", "Tekst.", "De buurt wordt groener."),
    ("Buurtfeest", "Een feest voor de buurt.", "Tekst."),
    ("Wijkcentrum", "Tekst.", "Buurt, buurt en nog eens buurt."),
    ("Buurt en dorp", "Tekst.", "Tekst."),
    ("Koken", "Tekst.", "Voor de hele buurt."),
    ("Klussen in de buurt", "Tekst.", "Tekst."),
    ("Repair café", "Een buurtinitiatief.", "Tekst."),
    ("Buurtbus", "De bus voor de buurt.", "Ook voor de buurt ernaast."),
    ("Zorg", "Tekst.", "Hulp in de buurt."),
    ("Buurtmoestuin", "Tekst.", "Tekst."),
    ("Buurt anders", "Tekst.", "Tekst."),
]


def _days_ago(n: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=40 * n)


def _search_page(client, kind: str) -> list[str]:  # noqa: ANN001
    response = client.get(reverse("search:results"), {"q": QUERY, "soort": kind})
    assert response.status_code == 200
    group = response.context["groups"][0]
    return [result.title for result in group.results][:10]


def test_knowledge_list_ranks_as_the_search_page(client):
    for n, (title, summary, body) in enumerate(PLACES):
        ResourceFactory(title=title, summary=summary, body=body, published_at=_days_ago(n), last_reviewed_at=None)
    refresh_pending()
    listed = [r.title for r in client.get(reverse("knowledge:list"), {"q": QUERY}).context["items"]][:10]
    assert listed == _search_page(client, "kennis")
    assert listed.index("Buurt zeker") < listed.index("Buurt anders")
    assert len(listed) == 10


def test_initiatives_list_ranks_as_the_search_page(client):
    for n, (title, _summary, body) in enumerate(PLACES):
        initiative = InitiativeFactory(name=title, area="", description=body)
        initiative.confirmed_at = _days_ago(n)
        initiative.save(update_fields=["confirmed_at"])
    refresh_pending()
    response = client.get(reverse("initiatives:list"), {"q": QUERY})
    listed = [i.name for i in response.context["page_obj"].object_list][:10]
    assert listed == _search_page(client, "initiatieven")
    assert listed.index("Buurt zeker") < listed.index("Buurt anders")
    assert len(listed) == 10


def test_organisations_list_ranks_as_the_search_page(client):
    for title, summary, body in PLACES:
        OrganisationFactory(name=f"{title} organisatie", description=summary, services=body)
    refresh_pending()
    response = client.get(reverse("knowledge:organisation_list"), {"q": QUERY})
    listed = [o.name for o in response.context["organisations"]][:10]
    assert listed == _search_page(client, "organisaties")
    assert len(listed) == 10


def test_funding_finder_ranks_as_the_search_page(client):
    for title, summary, body in PLACES:
        FundingSchemeFactory(name=title, summary=summary, description=body)
    refresh_pending()
    response = client.get(reverse("funding:finder"), {"q": QUERY})
    listed = [s.name for s in response.context["schemes"]][:10]
    assert listed == _search_page(client, "financiering")
    assert len(listed) == 10


def test_found_in_one_pass_gives_the_order_and_count_of_the_ranking_for_every_kind(client):
    """SearchSource.found (the count and a page from one pass over the matches) equals ranking and counting apart."""
    from wdhs.search.query import expand_query, parse_query
    from wdhs.search.registry import search_sources

    for n, (title, summary, body) in enumerate(PLACES):
        ResourceFactory(title=title, summary=summary, body=body, published_at=_days_ago(n), last_reviewed_at=None)
        InitiativeFactory(name=title, area="", description=body)
        OrganisationFactory(name=f"{title} organisatie", description=summary, services=body)
        FundingSchemeFactory(name=title, summary=summary, description=body)
    refresh_pending()
    expanded = expand_query(parse_query(QUERY))
    for source in search_sources():
        expected = list(source.search(None, expanded).values_list("pk", flat=True))
        for offset in (0, 5, 10, len(expected), len(expected) + 5):
            items, count = source.found(None, expanded, offset=offset, limit=5)
            assert [item.pk for item in items] == expected[offset : offset + 5], (source.key, offset)
            assert count == len(expected), source.key
    for page in ("1", "2", "500"):
        response = client.get(reverse("search:results"), {"q": QUERY, "soort": "kennis", "page": page})
        assert response.status_code == 200
        assert response.context["page_obj"].number == 1  # 14 results: one page; past the end gives the last
