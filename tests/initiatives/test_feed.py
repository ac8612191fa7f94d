"""/initiatieven/feed/ takes the filters of /initiatieven/, and the list announces the feed with its filters."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from initiatives import feeds
from initiatives.models import Status
from tests.factories import InitiativeFactory, municipality, term

pytestmark = pytest.mark.django_db
FEED = "/initiatieven/feed/"


def _titles(client, query: str = "") -> list[str]:  # noqa: ANN001
    response = client.get(FEED + query)
    assert response.status_code == 200, response.content
    assert "application/atom+xml" in response["Content-Type"]
    return sorted(re.findall(r"<entry>.*?<title>([^<]*)</title>", response.content.decode(), flags=re.S))


@pytest.fixture
def initiatives() -> None:
    InitiativeFactory(name="Energie Lombok", themes=[term("theme", "energie-en-klimaat")])
    InitiativeFactory(name="Woongroep Zwolle", municipality=municipality("Zwolle"), themes=[term("theme", "wonen")])
    InitiativeFactory(name="Nog niet zichtbaar", status=Status.SUBMITTED, published_at=None)


def test_filtered_feed_holds_only_what_the_filtered_list_shows(client, initiatives):
    assert _titles(client) == ["Energie Lombok (Utrecht)", "Woongroep Zwolle (Zwolle)"]
    assert _titles(client, "?thema=wonen") == ["Woongroep Zwolle (Zwolle)"]
    assert _titles(client, "?provincie=overijssel") == ["Woongroep Zwolle (Zwolle)"]
    assert _titles(client, "?gemeente=utrecht") == ["Energie Lombok (Utrecht)"]
    assert _titles(client, "?q=energie") == ["Energie Lombok (Utrecht)"]
    assert _titles(client, "?thema=wonen&sorteer=naam&page=3") == ["Woongroep Zwolle (Zwolle)"]


@pytest.mark.parametrize(
    "query", ["?thema=bestaat-niet", "?provincie=atlantis", "?gemeente=%3Cscript%3E", "?sorteer=willekeurig"]
)
def test_feed_refuses_a_filter_it_does_not_know_in_dutch(client, initiatives, query):
    response = client.get(FEED + query)
    assert response.status_code == 400
    assert response["Content-Type"] == "text/html; charset=utf-8"  # the portal's Dutch 400 page
    assert "kennen we niet" in response.content.decode()


def test_feed_holds_the_newest_few_in_a_fixed_number_of_queries(client, monkeypatch):
    monkeypatch.setattr(feeds, "FEED_SIZE", 3)
    InitiativeFactory()
    with CaptureQueriesContext(connection) as few:
        client.get(FEED, {"provincie": "utrecht"})
    for _ in range(6):
        InitiativeFactory()
    with CaptureQueriesContext(connection) as many:
        titles = _titles(client, "?provincie=utrecht")
    assert len(titles) == 3
    assert len(many) == len(few)


def test_the_list_announces_its_feed_with_the_same_filters(client, initiatives):
    def alternate(path: str) -> str:
        html = client.get(path).content.decode()
        (link,) = re.findall(r'<link rel="alternate" type="application/atom\+xml"[^>]*>', html)
        return re.search(r'href="([^"]*)"', link).group(1).replace("&amp;", "&")  # type: ignore[union-attr]

    assert alternate("/initiatieven/") == FEED
    assert alternate("/initiatieven/?provincie=utrecht&thema=wonen&sorteer=naam&page=2") == (
        f"{FEED}?provincie=utrecht&thema=wonen"
    )
    assert alternate("/initiatieven/?provincie=atlantis") == FEED
