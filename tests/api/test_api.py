"""The open-data API (/api/v1/): published content only, cursor pages, filters, bad input, CORS, rate limit, ETag."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from initiatives.models import Status
from tests.factories import (
    EventFactory,
    FundingSchemeFactory,
    IndicatorFactory,
    InitiativeFactory,
    OrganisationFactory,
    ResourceFactory,
    UserFactory,
    municipality,
    province,
    term,
)

pytestmark = pytest.mark.django_db

LISTS = ["initiatieven", "kennis", "organisaties", "financiering", "indicatoren", "agenda"]


@pytest.fixture(autouse=True)
def _clean_rate_limits(empty_cache):  # noqa: ANN001, ANN202
    return empty_cache


def _get(client: Client, path: str, **headers: str):  # noqa: ANN202
    return client.get(f"/api/v1/{path}", headers=headers)


def test_every_list_answers_json_with_cors_and_an_etag(client):
    InitiativeFactory()
    ResourceFactory()
    FundingSchemeFactory()
    IndicatorFactory()
    EventFactory()
    for name in LISTS:
        response = _get(client, name)
        assert response.status_code == 200, name
        assert response["Content-Type"].startswith("application/json")
        assert response["Access-Control-Allow-Origin"] == "*"
        assert response["ETag"].startswith('W/"')
        body = response.json()
        assert len(body["items"]) >= 1, name
        assert body["volgende"] is None


def test_only_published_initiatives_without_personal_data(client):
    manager = UserFactory(email="beheerder-geheim@example.org", first_name="Geheimnaam")
    InitiativeFactory(name="Zichtbaar Buurtfeest", managers=[manager])
    InitiativeFactory(name="Nog In Behandeling", status=Status.SUBMITTED, published_at=None)
    response = _get(client, "initiatieven")
    names = [item["naam"] for item in response.json()["items"]]
    assert names == ["Zichtbaar Buurtfeest"]
    text = response.content.decode()
    assert "beheerder-geheim" not in text
    assert "Geheimnaam" not in text


def test_the_cursor_walks_every_row_once(client):
    made = {InitiativeFactory().pk for _ in range(5)}
    seen: list[int] = []
    path = "initiatieven?limit=2"
    for _ in range(10):
        body = _get(client, path).json()
        assert len(body["items"]) <= 2
        seen += [item["id"] for item in body["items"]]
        if body["volgende"] is None:
            break
        path = f"initiatieven?limit=2&cursor={body['volgende']}"
    assert sorted(seen) == sorted(made)


def test_filters_like_the_pages(client):
    groen = term("theme", "groen-en-leefomgeving")
    InitiativeFactory(name="Groen in Utrecht", themes=[groen])
    InitiativeFactory(name="Koken in Zwolle", municipality=municipality("Zwolle"), themes=[term("theme", "wonen")])
    assert [i["naam"] for i in _get(client, "initiatieven?thema=groen-en-leefomgeving").json()["items"]] == [
        "Groen in Utrecht"
    ]
    assert [i["naam"] for i in _get(client, "initiatieven?gemeente=zwolle").json()["items"]] == ["Koken in Zwolle"]
    assert [i["naam"] for i in _get(client, "initiatieven?q=koken").json()["items"]] == ["Koken in Zwolle"]
    assert _get(client, "initiatieven?provincie=bestaat-niet").json()["items"] == []


def test_funding_schemes_carry_their_rules(client):
    FundingSchemeFactory(min_amount=500, max_amount=5000, is_rolling=False)
    rules = _get(client, "financiering").json()["items"][0]["regels"]
    assert rules["minimumbedrag"] == 500
    assert rules["maximumbedrag"] == 5000
    assert rules["doorlopend"] is False
    assert rules["landelijk"] is True


@pytest.mark.parametrize(
    "query",
    [
        "cursor=niet-van-ons",
        "cursor=" + "A" * 5000,
        "cursor=eyJuYSI6IC0xfQ",  # {"na": -1}
        "cursor=WzFd",  # [1]
        "limit=0",
        "limit=101",
        "limit=veel",
        "q=" + "x" * 5000,
        "q=%00",
        "thema=%00",
    ],
)
def test_bad_input_gets_a_dutch_400(client, query):
    response = _get(client, f"initiatieven?{query}")
    assert response.status_code == 400
    assert response["Access-Control-Allow-Origin"] == "*"
    message = response.json()["fout"]
    assert any(word in message for word in ("klopt niet", "kennen we niet", "tekens"))


def test_get_only_and_preflight(client):
    assert client.post("/api/v1/initiatieven").status_code == 405
    assert client.delete("/api/v1/initiatieven").status_code == 405
    assert client.head("/api/v1/initiatieven").status_code == 200
    preflight = client.options("/api/v1/initiatieven", headers={"Origin": "https://example.org"})
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "GET" in preflight["Access-Control-Allow-Methods"]


def test_rate_limit_per_client_with_retry_after(client, settings):
    settings.WDHS_API_RATE_LIMIT = 2
    assert _get(client, "indicatoren").status_code == 200
    assert _get(client, "indicatoren").status_code == 200
    refused = _get(client, "indicatoren")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "te veel" in refused.json()["fout"]
    other = Client(REMOTE_ADDR="192.0.2.77")
    assert other.get("/api/v1/indicatoren").status_code == 200


def test_etag_makes_polling_cheap_until_the_content_changes(client):
    initiative = InitiativeFactory()
    etag = _get(client, "initiatieven")["ETag"]
    # The content version and the rate-limit counter only; the list is not read.
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        unchanged = _get(client, "initiatieven", if_none_match=etag)
    assert not any("initiatives_initiative" in query["sql"] for query in queries.captured_queries)
    assert unchanged.status_code == 304
    assert unchanged.content == b""
    assert _get(client, "kennis", if_none_match=etag).status_code == 200  # another URL, another tag
    initiative.name = "Nieuwe naam"
    initiative.save()
    changed = _get(client, "initiatieven", if_none_match=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag


@pytest.mark.parametrize("name", LISTS)
def test_a_fixed_number_of_queries_per_page(client, name):
    def count() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert _get(client, f"{name}?limit=100").status_code == 200
        return len(queries)

    groen, zorg = term("theme", "groen-en-leefomgeving"), term("theme", "zorg-en-welzijn")
    make = {
        "initiatieven": lambda: InitiativeFactory(themes=[groen, zorg]),
        "kennis": lambda: ResourceFactory(),
        "organisaties": lambda: OrganisationFactory(),
        "financiering": lambda: FundingSchemeFactory(),
        "indicatoren": lambda: IndicatorFactory(),
        "agenda": lambda: EventFactory().themes.set([groen, zorg]),
    }[name]
    make()
    count()  # the first request also creates the rate-limit counter
    one = count()
    for _ in range(6):
        make()
    assert count() == one


def test_openapi_document_and_readable_page(client):
    document = _get(client, "openapi.json").json()
    assert document["openapi"].startswith("3.1")
    assert {"/api/v1/initiatieven", "/api/v1/kennis", "/api/v1/organisaties"} <= set(document["paths"])
    details = {"/api/v1/openapi.json", "/api/v1/agenda/{slug}"}
    assert set(document["paths"]) - details == {f"/api/v1/{name}" for name in LISTS}
    page = client.get("/api/v1/docs")
    assert page.status_code == 200
    text = page.content.decode()
    assert "API voor open data" in text
    assert "/api/v1/financiering" in text
    assert '<script src="http' not in text


def test_agenda_lists_published_events_with_the_filters_of_the_agenda(client):
    utrecht = EventFactory(title="In Utrecht", province=province("Utrecht"))
    utrecht.themes.set([term("theme", "wonen")])
    EventFactory(title="In Groningen", province=province("Groningen"))
    EventFactory(title="Online voor iedereen", location="", online_url="https://example.org/webinar")
    EventFactory(
        title="Vorige maand",
        starts_at=timezone.now() - datetime.timedelta(days=30),
        ends_at=timezone.now() - datetime.timedelta(days=30) + datetime.timedelta(hours=1),
    )
    EventFactory(title="Verborgen", is_published=False)

    def titles(query: str = "") -> list[str]:
        response = _get(client, f"agenda?{query}")
        assert response.status_code == 200, query
        return sorted(item["titel"] for item in response.json()["items"])

    assert titles() == ["In Groningen", "In Utrecht", "Online voor iedereen", "Vorige maand"]
    assert titles("thema=wonen") == ["In Utrecht"]
    # As on /agenda/: a province shows its own events and those for the whole country.
    assert titles("provincie=utrecht") == ["In Utrecht", "Online voor iedereen", "Vorige maand"]
    assert titles("periode=afgelopen") == ["Vorige maand"]
    assert titles("periode=komend&provincie=groningen") == ["In Groningen", "Online voor iedereen"]


def test_agenda_pages_with_a_cursor(client):
    for _ in range(5):
        EventFactory().themes.set([term("theme", "wonen")])
    seen: list[int] = []
    path = "agenda?limit=2"
    while path:
        body = _get(client, path).json()
        seen += [item["id"] for item in body["items"]]
        path = f"agenda?limit=2&cursor={body['volgende']}" if body["volgende"] else ""
    assert len(seen) == len(set(seen)) == 5


def test_one_event_by_its_slug_and_a_dutch_404_for_others(client):
    event = EventFactory(title="Buurtavond", organiser_name="Buurtnetwerk Oost")
    hidden = EventFactory(is_published=False)
    body = _get(client, f"agenda/{event.slug}").json()
    assert body["titel"] == "Buurtavond" and body["organisator"] == "Buurtnetwerk Oost"
    assert body["url"].endswith(f"/agenda/{event.slug}/")
    assert body["agenda_bestand"].endswith(f"/agenda/{event.slug}/agenda.ics")
    for slug in (hidden.slug, "bestaat-niet", "x" * 500):
        response = _get(client, f"agenda/{slug}")
        assert response.status_code == 404
        assert "niet (meer) in de agenda" in response.json()["fout"]


@pytest.mark.parametrize("query", ["periode=morgen", "limit=0", "cursor=niet-van-ons", "provincie=" + "x" * 500])
def test_agenda_bad_input_gets_a_dutch_400(client, query):
    response = _get(client, f"agenda?{query}")
    assert response.status_code == 400
    assert any(word in response.json()["fout"] for word in ("klopt niet", "kennen we niet"))


def test_the_index_links_to_the_documents_and_every_list(client):
    response = _get(client, "")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    body = response.json()
    assert body["naam"] == "Open data van We Doen Het Samen"
    assert body["openapi"] == "http://testserver/api/v1/openapi.json"
    assert body["uitleg"] == "http://testserver/api/v1/docs"
    assert {item["url"] for item in body["lijsten"]} == {f"http://testserver/api/v1/{name}" for name in LISTS}
    links = [body["openapi"], body["uitleg"], *(item["url"] for item in body["lijsten"])]
    for link in links:
        assert client.get(link).status_code == 200, link
    assert client.post("/api/v1/").status_code == 405
