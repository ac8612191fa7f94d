"""/kennis/feed/ (Atom and RSS) takes the filters of /kennis/, and /kennis/ announces the feed with its filters."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from knowledge import feeds
from knowledge.models import Resource
from tests.factories import OrganisationFactory, ResourceFactory, province, term

pytestmark = pytest.mark.django_db

FEEDS = ["knowledge:feed", "knowledge:feed_rss"]


def _titles(client, url_name: str, query: str = "") -> list[str]:  # noqa: ANN001
    response = client.get(reverse(url_name) + query)
    assert response.status_code == 200, response.content
    text = response.content.decode()
    entries = re.findall(r"<(?:entry|item)>.*?<title>([^<]*)</title>", text, flags=re.S)
    return sorted(entries)


@pytest.fixture
def resources() -> dict[str, Resource]:
    oost = OrganisationFactory(slug="buurtwerk-oost")
    return {
        "wonen": ResourceFactory(title="Samen wonen", themes=[term("theme", "wonen")], organisation=oost),
        "energie": ResourceFactory(
            title="Zonnepanelen op het dak",
            themes=[term("theme", "energie-en-klimaat")],
            kind=term("knowledge_kind", "stappenplan"),
            scope="provincie",
            province=province("Utrecht"),
        ),
        "concept": ResourceFactory(
            title="Nog niet af", themes=[term("theme", "wonen")], status=Resource.Status.DRAFT, published_at=None
        ),
    }


@pytest.mark.parametrize("url_name", FEEDS)
def test_filtered_feed_holds_only_what_the_filtered_page_shows(client, resources, url_name):
    assert _titles(client, url_name) == ["Samen wonen", "Zonnepanelen op het dak"]
    assert _titles(client, url_name, "?thema=wonen") == ["Samen wonen"]
    assert _titles(client, url_name, "?thema=wonen&thema=energie-en-klimaat") == [
        "Samen wonen",
        "Zonnepanelen op het dak",
    ]
    assert _titles(client, url_name, "?soort=stappenplan") == ["Zonnepanelen op het dak"]
    assert _titles(client, url_name, "?regio=utrecht") == ["Zonnepanelen op het dak"]
    assert _titles(client, url_name, "?organisatie=buurtwerk-oost") == ["Samen wonen"]
    assert _titles(client, url_name, "?q=zonnepanelen") == ["Zonnepanelen op het dak"]
    assert _titles(client, url_name, "?thema=wonen&page=7") == ["Samen wonen"]  # the page number is no filter
    # A long search is cut and searched, as on /kennis/.
    assert _titles(client, url_name, "?q=zonnepanelen" + "%20dak" * 60) == ["Zonnepanelen op het dak"]


def test_feed_says_its_filter_in_its_title_and_links_to_the_filtered_page(client, resources):
    text = client.get(reverse("knowledge:feed"), {"thema": "wonen"}).content.decode()
    assert "<title>Nieuwe kennis: Wonen · We Doen Het Samen</title>" in text
    assert 'href="http://testserver/kennis/?thema=wonen"' in text


@pytest.mark.parametrize("url_name", FEEDS)
@pytest.mark.parametrize(
    "query",
    [
        "?thema=bestaat-niet",
        "?thema=wonen&thema=bestaat-niet",
        "?fase=%3Cscript%3Ealert(1)%3C/script%3E",
        "?regio=atlantis",
        "?organisatie=" + "x" * 2000,
        "?q=" + "woord%20" * 600,
        "?q=%21%21%21",  # no word to search for
    ],
)
def test_feed_refuses_a_filter_it_does_not_know_in_dutch(client, resources, url_name, query):
    response = client.get(reverse(url_name) + query)
    assert response.status_code == 400
    assert response["Content-Type"] == "text/html; charset=utf-8"  # the portal's Dutch 400 page
    text = response.content.decode()
    assert any(words in text for words in ("kennen we niet", "te lang", "Typ een of meer woorden")), text
    assert "Samen wonen" not in text


def test_feed_holds_the_newest_few_in_a_fixed_number_of_queries(client, monkeypatch):
    monkeypatch.setattr(feeds, "FEED_SIZE", 3)
    ResourceFactory()
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("knowledge:feed"), {"thema": "zorg-en-welzijn"})
    for _ in range(6):
        ResourceFactory()
    with CaptureQueriesContext(connection) as many:
        titles = _titles(client, "knowledge:feed", "?thema=zorg-en-welzijn")
    assert len(titles) == 3
    assert len(many) == len(few)


def _alternate(client, path: str) -> str:  # noqa: ANN001
    html = client.get(path).content.decode()
    (link,) = re.findall(r'<link rel="alternate" type="application/atom\+xml"[^>]*>', html)
    return re.search(r'href="([^"]*)"', link).group(1).replace("&amp;", "&")  # type: ignore[union-attr]


def test_the_list_announces_its_feed_with_the_same_filters(client, resources):
    assert _alternate(client, "/kennis/") == "/kennis/feed/"
    assert _alternate(client, "/kennis/?thema=wonen&page=2") == "/kennis/feed/?thema=wonen"
    assert _alternate(client, "/kennis/?q=wonen&soort=stappenplan") == "/kennis/feed/?q=wonen&soort=stappenplan"
    # A filter the page does not know: the feed would refuse it, so the page announces the feed without filters.
    assert _alternate(client, "/kennis/?thema=bestaat-niet") == "/kennis/feed/"
