"""The lists for partners' websites (wdhs/embed/): filters, framing headers, bad input, query counts, the code page."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from knowledge.models import Organisation
from tests.factories import (
    EventFactory,
    InitiativeFactory,
    OrganisationFactory,
    ResourceFactory,
    municipality,
    province,
    term,
)

pytestmark = pytest.mark.django_db

EMBEDS = ["/embed/initiatieven/", "/embed/kennis/", "/embed/agenda/"]


def frame_ancestors(response) -> str:
    policy = response["Content-Security-Policy"]
    return next(part.strip() for part in policy.split(";") if part.strip().startswith("frame-ancestors"))


def item_titles(response) -> list[str]:
    html = response.content.decode()
    return re.findall(r'class="utrecht-link wdhs-embed__link"[^>]*>([^<]+)<span', html)


# --- each embed, with its filters ---


def test_initiatives_embed_filters_by_municipality_and_theme(client):
    wonen = term("theme", "wonen")
    InitiativeFactory(name="Wooncoöperatie De Dijk", themes=[wonen])
    InitiativeFactory(name="Moestuin Lombok")  # another theme
    InitiativeFactory(name="Woonhof Zwolle", themes=[wonen], municipality=municipality("Zwolle"))
    response = client.get("/embed/initiatieven/?gemeente=utrecht&thema=wonen")
    assert response.status_code == 200
    assert item_titles(response) == ["Wooncoöperatie De Dijk"]
    html = response.content.decode()
    assert "Gemeente: Utrecht · Thema: Wonen" in html
    # "Meer" opens the full list with the same filters, newest first as in the embed.
    assert 'href="/initiatieven/?gemeente=utrecht&amp;thema=wonen&amp;sorteer=nieuw"' in html


def test_initiatives_embed_newest_first_and_by_province(client):
    now = timezone.now()
    InitiativeFactory(name="Oud", published_at=now - datetime.timedelta(days=30))
    InitiativeFactory(name="Nieuw", published_at=now)
    InitiativeFactory(name="Elders", municipality=municipality("Zwolle"))
    assert item_titles(client.get("/embed/initiatieven/?provincie=utrecht")) == ["Nieuw", "Oud"]


def test_unpublished_initiatives_stay_out(client):
    InitiativeFactory(name="Nog in behandeling", status="aangemeld")
    InitiativeFactory(name="Gepubliceerd")
    assert item_titles(client.get("/embed/initiatieven/")) == ["Gepubliceerd"]


def test_knowledge_embed_filters_by_theme_and_kind(client):
    ResourceFactory(
        title="Stappenplan wooncoöperatie", themes=[term("theme", "wonen")], kind=term("knowledge_kind", "stappenplan")
    )
    ResourceFactory(title="Artikel over wonen", themes=[term("theme", "wonen")], kind=term("knowledge_kind", "artikel"))
    ResourceFactory(title="Stappenplan zorg", kind=term("knowledge_kind", "stappenplan"))
    response = client.get("/embed/kennis/?thema=wonen&soort=stappenplan")
    assert response.status_code == 200
    assert item_titles(response) == ["Stappenplan wooncoöperatie"]
    assert 'href="/kennis/?thema=wonen&amp;soort=stappenplan"' in response.content.decode()


def test_agenda_embed_shows_upcoming_events_by_theme_and_province(client):
    energie = term("theme", "energie-en-klimaat")
    soon = EventFactory(title="Energiecafé Utrecht", province=province("Utrecht"))
    soon.themes.set([energie])
    past = EventFactory(
        title="Al geweest",
        starts_at=timezone.now() - datetime.timedelta(days=7),
        ends_at=timezone.now() - datetime.timedelta(days=7, hours=-2),
        province=province("Utrecht"),
    )
    past.themes.set([energie])
    elsewhere = EventFactory(title="Energiecafé Zwolle", province=province("Overijssel"))
    elsewhere.themes.set([energie])
    EventFactory(title="Zorgavond", province=province("Utrecht"))
    response = client.get("/embed/agenda/?thema=energie-en-klimaat&provincie=utrecht")
    assert response.status_code == 200
    assert item_titles(response) == ["Energiecafé Utrecht"]


def test_aantal_limits_the_items_and_defaults_to_five(client):
    for number in range(8):
        ResourceFactory(title=f"Kennis {number}")
    assert len(item_titles(client.get("/embed/kennis/"))) == 5
    assert len(item_titles(client.get("/embed/kennis/?aantal=2"))) == 2
    assert len(item_titles(client.get("/embed/kennis/?aantal=20"))) == 8


def test_every_link_opens_a_new_tab_and_says_so(client):
    InitiativeFactory(name="Buurtmoestuin")
    html = client.get("/embed/initiatieven/").content.decode()
    links = re.findall(r"<a [^>]*>.*?</a>", html)
    assert len(links) == 2  # the item and "Meer op We Doen Het Samen"
    for link in links:
        assert 'target="_blank"' in link and 'rel="noopener"' in link
        assert "(opent in een nieuw venster)" in link


def test_an_empty_embed_helps(client):
    response = client.get("/embed/agenda/")
    assert response.status_code == 200
    assert "Er staan nu geen activiteiten in de agenda." in response.content.decode()


@pytest.mark.parametrize("path", EMBEDS)
def test_other_parameters_are_ignored(client, path):
    assert client.get(f"{path}?q=zomaar&sorteer=naam&utm_source=gemeente").status_code == 200


# --- headers: only the embeds may be framed ---


@pytest.mark.parametrize("path", EMBEDS)
def test_embeds_may_be_framed_on_https_sites(client, path):
    response = client.get(path)
    assert frame_ancestors(response) == "frame-ancestors 'self' https:"
    assert "X-Frame-Options" not in response
    # The rest of the site-wide policy stays.
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "object-src 'none'" in response["Content-Security-Policy"]


@pytest.mark.parametrize("path", ["/", "/kennis/", "/initiatieven/", "/agenda/", "/embed/", "/embed/?lijst=kennis"])
def test_other_pages_still_refuse_every_frame(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert frame_ancestors(response) == "frame-ancestors 'none'"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("path", EMBEDS)
def test_embeds_are_public_in_caches_and_not_indexed(client, path):
    response = client.get(path)
    control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"public", "max-age=300"} <= control
    assert response["X-Robots-Tag"] == "noindex"
    assert '<meta name="robots" content="noindex">' in response.content.decode()
    assert not response.cookies


def test_an_embed_from_the_page_cache_keeps_its_own_frame_policy(client):
    InitiativeFactory(name="Buurtmoestuin")
    cache.clear()
    try:
        with override_settings(WDHS_PAGE_CACHE=True):
            first = client.get("/embed/initiatieven/")
            second = client.get("/embed/initiatieven/")
            home = [client.get("/"), client.get("/")]
    finally:
        cache.clear()
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert frame_ancestors(second) == "frame-ancestors 'self' https:"
    assert "X-Frame-Options" not in second
    assert home[1]["X-Page-Cache"] == "hit"
    assert frame_ancestors(home[1]) == "frame-ancestors 'none'"
    assert home[1]["X-Frame-Options"] == "DENY"


# --- bad input: a 400 with a Dutch message, in the embed itself ---


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("aantal=0", "Het aantal moet een getal van 1 tot en met 20 zijn."),
        ("aantal=21", "Het aantal moet een getal van 1 tot en met 20 zijn."),
        ("aantal=999", "Het aantal moet een getal van 1 tot en met 20 zijn."),
        ("aantal=abc", "Het aantal moet een getal van 1 tot en met 20 zijn."),
        ("aantal=2.5", "Het aantal moet een getal van 1 tot en met 20 zijn."),
        ("aantal=" + "9" * 5000, "Een van de filters in het webadres is te lang."),
        ("thema=atlantis", "Dit thema kennen we niet."),
        ("thema=" + "x" * 10_000, "Een van de filters in het webadres is te lang."),
        ("&".join(["thema=wonen"] * 21), "te veel filters van één soort"),
        ("thema=<script>alert(1)</script>", "Dit thema kennen we niet."),
    ],
)
@pytest.mark.parametrize("path", EMBEDS)
def test_bad_input_answers_400_in_dutch_in_the_embed(client, path, query, message):
    response = client.get(f"{path}?{query}")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Deze lijst werkt nu niet." in html
    assert message in html
    assert "<script>alert" not in html
    assert 'class="wdhs-theme utrecht-document wdhs-embed"' in html  # the embed's own page, not the portal's
    assert frame_ancestors(response) == "frame-ancestors 'self' https:"  # the partner sees the message


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/embed/initiatieven/?gemeente=atlantis", "Deze gemeente kennen we niet."),
        ("/embed/initiatieven/?soort=atlantis", "Deze soort initiatief kennen we niet."),
        ("/embed/kennis/?soort=atlantis", "Deze soort kennis kennen we niet."),
        ("/embed/kennis/?fase=atlantis", "Deze fase kennen we niet."),
        ("/embed/agenda/?provincie=atlantis", "Deze provincie kennen we niet."),
    ],
)
def test_unknown_filter_values_answer_400(client, path, message):
    response = client.get(path)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_a_post_is_not_allowed(client):
    assert client.post("/embed/kennis/").status_code == 405


# --- one organisation's own items, for its own website ---


def test_knowledge_embed_for_one_organisation(client):
    partner = OrganisationFactory(name="Buurtfonds Noord", slug="buurtfonds-noord")
    ResourceFactory(title="Ons stappenplan", organisation=partner, themes=[term("theme", "wonen")])
    ResourceFactory(title="Van een ander", themes=[term("theme", "wonen")])
    response = client.get("/embed/kennis/?organisatie=buurtfonds-noord&thema=wonen")
    assert response.status_code == 200
    assert item_titles(response) == ["Ons stappenplan"]
    html = response.content.decode()
    assert "Organisatie: Buurtfonds Noord" in html
    assert 'href="/kennis/?organisatie=buurtfonds-noord&amp;thema=wonen"' in html  # /kennis/ takes it too


def test_agenda_embed_for_one_organisation(client):
    partner = OrganisationFactory(name="Buurtfonds Noord", slug="buurtfonds-noord")
    EventFactory(title="Onze inloopavond", organisation=partner)
    EventFactory(title="Avond van een ander", organisation=OrganisationFactory())
    EventFactory(title="Zonder organisatie")
    response = client.get("/embed/agenda/?organisatie=buurtfonds-noord")
    assert response.status_code == 200
    assert item_titles(response) == ["Onze inloopavond"]
    html = response.content.decode()
    assert "Organisatie: Buurtfonds Noord" in html
    assert 'href="/agenda/"' in html  # /agenda/ has no filter per organisation: the whole agenda


@pytest.mark.parametrize("path", ["/embed/kennis/", "/embed/agenda/"])
@pytest.mark.parametrize("value", ["bestaat-niet", "<b>x</b>", "x" * 101])
def test_an_unknown_organisation_answers_400_in_dutch(client, path, value):
    response = client.get(path, {"organisatie": value})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Deze lijst werkt nu niet." in html
    expected = (
        "Een van de filters in het webadres is te lang." if len(value) > 100 else "Deze organisatie kennen we niet."
    )
    assert expected in html
    assert "<b>x" not in html


def test_code_page_offers_the_organisation_for_knowledge_and_the_agenda(client):
    OrganisationFactory(name="Buurtfonds Noord", slug="buurtfonds-noord")
    for key in ("kennis", "agenda"):
        html = client.get(f"/embed/?lijst={key}").content.decode()
        assert 'name="organisatie"' in html and "Alle organisaties" in html
        assert re.search(r'<option value="buurtfonds-noord"[^>]*>Buurtfonds Noord</option>', html)
        made = client.get(f"/embed/?lijst={key}&organisatie=buurtfonds-noord")
        assert made.status_code == 200
        assert f'src="/embed/{key}/?organisatie=buurtfonds-noord&amp;aantal=5"' in made.content.decode()
        assert "organisatie: Buurtfonds Noord" in made.content.decode()
        wrong = client.get(f"/embed/?lijst={key}&organisatie=bestaat-niet")
        assert wrong.status_code == 400 and "Deze organisatie kennen we niet." in wrong.content.decode()
    assert 'name="organisatie"' not in client.get("/embed/?lijst=initiatieven").content.decode()


# --- queries: the same number for 1 item as for 20 ---


def _partner() -> Organisation:
    return Organisation.objects.filter(slug="partner-embed").first() or OrganisationFactory(slug="partner-embed")


@pytest.mark.parametrize(
    ("path", "make"),
    [
        ("/embed/initiatieven/?gemeente=utrecht&thema=groen-en-leefomgeving", lambda: InitiativeFactory()),
        (
            "/embed/kennis/?thema=zorg-en-welzijn&soort=artikel",
            lambda: ResourceFactory(kind=term("knowledge_kind", "artikel")),
        ),
        ("/embed/agenda/?provincie=utrecht", lambda: EventFactory(province=province("Utrecht"))),
        (
            "/embed/kennis/?organisatie=partner-embed",
            lambda: ResourceFactory(organisation=_partner()),
        ),
    ],
)
def test_query_count_does_not_grow_with_the_items(client, path, make):
    make()
    with CaptureQueriesContext(connection) as one:
        assert len(item_titles(client.get(f"{path}&aantal=20"))) == 1
    for _ in range(12):
        make()
    with CaptureQueriesContext(connection) as many:
        assert len(item_titles(client.get(f"{path}&aantal=20"))) == 13
    assert len(many) == len(one)
    assert len(one) <= 8


# --- the code page ---


def test_code_page_gives_the_snippet_and_a_preview(client, settings):
    settings.SITE_URL = "https://wedoenhetsamen.example"
    response = client.get("/embed/?lijst=kennis&thema=wonen&thema=energie-en-klimaat&soort=stappenplan&aantal=7")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Zet de lijst op je eigen website" in html
    src = "/embed/kennis/?thema=wonen&amp;thema=energie-en-klimaat&amp;soort=stappenplan&amp;aantal=7"
    # In the textarea the snippet is escaped once more: the partner copies &amp; as the HTML of an attribute.
    assert f"&lt;iframe src=&quot;https://wedoenhetsamen.example{src.replace('&amp;', '&amp;amp;')}&quot;" in html
    assert "readonly" in html
    assert f'<iframe class="wdhs-embed-builder__preview" src="{src}"' in html
    assert (
        'title="Voorbeeld: Kennis, thema: Wonen of Energie en klimaat, soort: Stappenplan – We Doen Het Samen"' in html
    )


def test_code_page_without_choices_shows_the_default_code(client):
    response = client.get("/embed/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'src="/embed/initiatieven/?aantal=5"' in html
    assert 'aria-current="page">Initiatieven</a>' in html
    for label in ("Gemeente", "Provincie", "Thema", "Soort initiatief", "Aantal"):
        assert label in html


def test_code_page_form_works_for_each_list(client):
    for key, field in (("initiatieven", 'name="gemeente"'), ("kennis", 'name="fase"'), ("agenda", 'name="provincie"')):
        html = client.get(f"/embed/?lijst={key}").content.decode()
        assert field in html
        assert f'<input type="hidden" name="lijst" value="{key}">' in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("lijst=atlantis", "Deze lijst kennen we niet."),
        ("lijst=kennis&aantal=0", "Het aantal moet een getal van 1 tot en met 20 zijn."),
        ("lijst=kennis&aantal=abc", "Het aantal moet een getal van 1 tot en met 20 zijn."),
        ("lijst=agenda&thema=atlantis", "Dit thema kennen we niet."),
        ("lijst=initiatieven&thema=atlantis", "Dit thema kennen we niet."),
        ("lijst=initiatieven&gemeente=" + "x" * 5000, "Een van de filters in het webadres is te lang."),
        ("lijst=" + "x" * 5000, "Deze lijst kennen we niet."),
    ],
)
def test_code_page_bad_input_answers_400_without_a_snippet(client, query, message):
    response = client.get(f"/embed/?{query}")
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'id="embed-code"' not in html
    assert "wdhs-embed-builder__preview" not in html
    assert frame_ancestors(response) == "frame-ancestors 'none'"


def test_newest_initiatives_come_from_an_index_without_sorting_all():
    # At national size (100,000 initiatives) the embed reads its first ones from initiative_published_newest.
    from django.http import QueryDict

    from wdhs.embed.lists import LISTS, _initiatives

    InitiativeFactory()
    filterset = LISTS["initiatieven"].bind(QueryDict(""))
    captured: list[str] = []
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
        with CaptureQueriesContext(connection) as queries:
            _initiatives(filterset.qs, 5)
        sql = queries.captured_queries[-1]["sql"]
        cursor.execute(f"EXPLAIN {sql}")
        captured = [row[0] for row in cursor.fetchall()]
    plan = "\n".join(captured)
    assert "initiative_published_newest" in plan, plan
    assert "Sort" not in plan, plan


def test_robots_txt_lets_crawlers_see_the_noindex_of_the_embeds(client):
    # A crawler that may not fetch an embed never reads its noindex, and could list the bare address.
    lines = client.get("/robots.txt").content.decode().splitlines()
    assert "Disallow: /beheer/" in lines
    assert not any(line.startswith("Disallow: /embed") for line in lines)
