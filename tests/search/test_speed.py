"""Search pages stay cheap at national size: a fixed number of queries, and bounded work for common words.

Timings do not belong in tests (the machine is shared); the number of queries does: it must not grow with the
number of results. docs/search.md ("Snelheid") has the measurements.
"""

from __future__ import annotations

import datetime

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import FundingSchemeFactory, InitiativeFactory, OrganisationFactory, ResourceFactory
from wdhs.search import registry
from wdhs.search.index import refresh_pending

pytestmark = pytest.mark.django_db

PAGES = ["/zoeken/", "/kennis/", "/initiatieven/", "/organisaties/", "/financiering/"]


def _documents(count: int) -> None:
    """`count` more documents of every kind with "buurt" in their text (more than the pages show at once)."""
    for n in range(count):
        ResourceFactory(summary=f"Samen in de buurt, deel {n}.")
        InitiativeFactory(description=f"We maken de buurt groener, stap {n}.")
        OrganisationFactory(description=f"Wij helpen bewoners in hun buurt ({n}).")
        FundingSchemeFactory(summary=f"Geld voor een plan in de buurt ({n}).")
    refresh_pending()


def _queries(client, url: str, query: str) -> int:  # noqa: ANN001
    # Every measurement with nothing kept: a kept filter form reads its choices once, a new one twice.
    caches["forms"].clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, {"q": query})
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("query", ["buurt", "buurt groener samen", "buurd"])
def test_the_number_of_queries_does_not_grow_with_the_results(client, query):
    _documents(12)
    few = {url: _queries(client, url, query) for url in PAGES}
    _documents(30)
    many = {url: _queries(client, url, query) for url in PAGES}
    assert many == few


def test_a_capped_search_keeps_the_same_number_of_queries(client, settings):
    """Above the limit a search ranks candidates: a few queries more than below it, but no more as matches grow."""
    settings.SEARCH_EXACT_LIMIT = 5
    _documents(12)
    few = {url: _queries(client, url, "buurt") for url in PAGES}
    _documents(30)
    many = {url: _queries(client, url, "buurt") for url in PAGES}
    assert many == few


def test_the_newest_candidates_come_from_the_newest_documents_only(client, settings, monkeypatch):
    """The walk along the date index for the newest matches stops at the NEWEST_WINDOW-th newest document: an
    older match of a body word is no candidate, however few newer matches there are (it was: a rare pair of
    words walked tens of thousands of documents)."""
    settings.SEARCH_EXACT_LIMIT = 5
    monkeypatch.setattr(registry, "NEWEST_CANDIDATES", 2)
    monkeypatch.setattr(registry, "NEWEST_WINDOW", 2)
    now = timezone.now()
    ResourceFactory(title="Samen koken", summary="Koken in de buurt.", published_at=now)
    ResourceFactory(title="Tuinieren", summary="Het nieuwste stuk zonder het woord.", published_at=now)
    ResourceFactory(title="Groen", summary="De buurt wordt groener.", published_at=now - datetime.timedelta(days=1))
    titles = ["Buurt zeker", "Buurt", "Buurt en dorp", "Klussen in de buurt", "Buurt anders"]
    for n, title in enumerate(titles, start=2):
        ResourceFactory(title=title, published_at=now - datetime.timedelta(days=n))
    ResourceFactory(title="Zorg", summary="Hulp in de buurt.", published_at=now - datetime.timedelta(days=30))
    refresh_pending()
    response = client.get(reverse("knowledge:list"), {"q": "buurt"})
    assert response.context["capped_at"] == 5
    listed = {item.title for item in response.context["items"]}
    assert listed == {*titles, "Samen koken"}  # "Groen" and "Zorg": older than the two newest documents


def test_a_capped_search_takes_no_more_queries_than_an_exact_one(client, settings):
    """The candidates of a capped search (title matches, the newest matches, made up from the first matches) are
    chosen inside the statement that ranks them (`SearchSource.bound_in_sql`): no query per step, no keys through
    Python. Before, each capped kind took four queries more than an exact one."""
    _documents(12)
    pages = ["/zoeken/", "/kennis/", "/initiatieven/"]
    exact = {url: _queries(client, url, "buurt") for url in pages}
    settings.SEARCH_EXACT_LIMIT = 5
    capped = {url: _queries(client, url, "buurt") for url in pages}
    for url in pages:
        assert capped[url] <= exact[url], url
    response = client.get("/zoeken/", {"q": "buurt"})
    assert "meer dan 5" in response.content.decode()


@pytest.mark.parametrize("url", ["/kennis/", "/initiatieven/", "/zoeken/"])
def test_documents_lacking_a_word_are_found_through_the_gin_index_only(client, url, settings):
    """The documents that lack a word (resources have "buurt" and "deel", not "stap") are first read as keys
    through the GIN index (`registry.found_keys`, index scans off for that one statement): with a LIMIT PostgreSQL
    otherwise walks a b-tree and tests each document's vector (30 ms at national size for "dorp wolrode")."""
    _documents(3)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, {"q": "buurt deel stap"})
    assert response.status_code == 200
    # The first keys of the documents lacking a word: the query excludes those with every word, limit + 1 rows.
    limit = f"LIMIT {registry.PARTIAL_DEPTH.resolved()[0] + 1}"
    partial = [query["sql"] for query in captured if "NOT (" in query["sql"] and limit in query["sql"]]
    assert partial, "no search for documents lacking a word"
    assert all(sql.startswith("SELECT set_config('enable_indexscan', 'off', true);") for sql in partial), partial


def test_documents_lacking_a_word_are_ranked_among_fewer_candidates(client, monkeypatch):
    """The documents that lack a word are a few lines below the full matches: for a common word they are ranked
    among fewer candidates (registry.PARTIAL_DEPTH) than a search with every word, and still the best of them
    (a title match) comes first. Here the partial depth is 3 matches, 2 title candidates, the newest 1 of 2."""
    monkeypatch.setattr(registry, "PARTIAL_DEPTH", registry.Depth(limit=3, titles=2, newest=1, window=2))
    _documents(6)
    ResourceFactory(title="Buurt zonder het andere woord", summary="Alleen over de wijk.")
    refresh_pending()
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/kennis/", {"q": "buurt zeldzaamwoord"})
    assert response.status_code == 200
    partial = [query["sql"] for query in captured if "p_found" in query["sql"]]
    assert partial and all("LIMIT 2)" in sql for sql in partial), partial  # the title candidates
    items = response.context["partial"]
    assert items[0].title == "Buurt zonder het andere woord"


@pytest.mark.parametrize("url", ["/kennis/", "/initiatieven/", "/zoeken/"])
def test_a_kind_without_matches_sends_no_ranking_statement(client, url):
    """When the first keys from the GIN index are none, nothing can be ranked, counted or bound: the page says so
    without the statement that would rank the candidates (2-3 ms per kind at national size, for nothing)."""
    _documents(3)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, {"q": "buurt"})
    assert response.status_code == 200
    assert any("c_found" in query["sql"] for query in captured)  # a kind with matches is ranked
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, {"q": "zeldzaamwoord"})
    assert response.status_code == 200
    if url != "/zoeken/":
        assert response.context["page_obj"].paginator.count == 0
    assert [query["sql"] for query in captured if "c_found" in query["sql"]] == []


def test_the_words_a_document_lacks_are_read_with_the_document():
    """`SearchSource.partial` names the words each document lacks from flags read in the query that reads the
    documents themselves, not in a query of its own per kind."""
    from django.test import Client

    _documents(3)
    with CaptureQueriesContext(connection) as captured:
        response = Client().get("/kennis/", {"q": "buurt deel stap"})
    assert response.status_code == 200
    assert response.context["partial"] and all(item.missing_words == ["stap"] for item in response.context["partial"])
    flagged = [query["sql"] for query in captured if "_has_part_0" in query["sql"]]
    assert flagged and all('"knowledge_resource"."title"' in sql for sql in flagged), flagged
