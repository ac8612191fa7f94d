"""/organisaties/feed/: partners new on the portal, with the filters of /organisaties/, announced by the list."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from knowledge.models import OrganisationKind
from tests.factories import OrganisationFactory, term

pytestmark = pytest.mark.django_db


def _titles(client, query: str = "") -> list[str]:  # noqa: ANN001
    response = client.get("/organisaties/feed/" + query)
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/atom+xml")
    return sorted(re.findall(r"<entry>.*?<title>([^<]*)</title>", response.content.decode(), flags=re.S))


def _partner(name: str = "", theme: str = "", **fields: object) -> object:
    organisation = OrganisationFactory(**({"name": name} if name else {}), **fields)
    if theme:
        organisation.themes.set([term("theme", theme)])
    return organisation


def _alternate(client, url: str) -> str:  # noqa: ANN001
    html = client.get(url).content.decode()
    found = re.search(r'<link rel="alternate" type="application/atom\+xml"[^>]*href="([^"]+)"', html)
    assert found, html[:500]
    return found.group(1).replace("&amp;", "&")


def test_the_feed_holds_the_partners_the_filtered_list_shows(client):
    _partner("Buurtwerk Wonen", "wonen")
    _partner("Zon op Zuid", "energie-en-klimaat")
    assert _titles(client) == ["Buurtwerk Wonen", "Zon op Zuid"]
    assert _titles(client, "?thema=wonen") == ["Buurtwerk Wonen"]
    feed = client.get("/organisaties/feed/?thema=wonen").content.decode()
    assert "Nieuwe organisaties: Wonen" in feed
    assert 'href="http://testserver/organisaties/?thema=wonen"' in feed


def test_the_feed_searches_like_the_list(client):
    OrganisationFactory(name="Vrijwilligerscentrale Noord", description="Wij koppelen vrijwilligers aan clubs.")
    OrganisationFactory(name="Energiehuis", description="Advies over zonnepanelen.")
    assert _titles(client, "?q=vrijwilligers") == ["Vrijwilligerscentrale Noord"]


@pytest.mark.parametrize(
    "query",
    [
        "?thema=bestaat-niet",
        "?soort=geen-soort",
        "?provincie=atlantis",
        "?q=" + "x" * 5000,
        "?thema=%00",
        "?q=%00abc",
        "?provincie=%3Cscript%3E",
        "?thema=" + "a" * 100_000,
    ],
)
def test_a_filter_it_does_not_know_gets_a_dutch_400(client, query):
    response = client.get("/organisaties/feed/" + query)
    assert response.status_code == 400
    assert b"<script>" not in response.content
    text = response.content.decode()
    # The feed's own message, or the portal's for invisible characters (a NUL) before any view runs.
    assert "filters" in text or "zoekvraag" in text or "onzichtbare tekens" in text


def test_the_list_announces_its_feed_with_the_same_filters(client):
    OrganisationFactory(kind=OrganisationKind.choices[0][0])
    assert _alternate(client, "/organisaties/") == "/organisaties/feed/"
    assert _alternate(client, "/organisaties/?thema=wonen&page=2") == "/organisaties/feed/?thema=wonen"
    assert _alternate(client, "/organisaties/?thema=bestaat-niet") == "/organisaties/feed/"


def test_the_feed_takes_a_fixed_number_of_queries(client):
    OrganisationFactory()
    with CaptureQueriesContext(connection) as few:
        client.get("/organisaties/feed/?thema=wonen")
    for _ in range(40):
        _partner(theme="wonen")
    with CaptureQueriesContext(connection) as many:
        response = client.get("/organisaties/feed/?thema=wonen")
    assert response.content.decode().count("<entry>") == 30
    assert len(many) == len(few)


def test_hostile_search_words_are_text_in_the_feed(client):
    OrganisationFactory(name="Buurtwerk", description="Wij helpen bij <script>-vrije websites.")
    response = client.get("/organisaties/feed/", {"q": "<script>alert(1)</script>"})
    assert response.status_code in (200, 400)
    assert b"<script>alert" not in response.content
