from __future__ import annotations

import re

import pytest
from django.db import connection
from django.urls import reverse

from knowledge.models import Resource
from tests.factories import OrganisationFactory, ResourceFactory, term
from wdhs.models import Term
from wdhs.search.query import parse_query, search_query

pytestmark = pytest.mark.django_db

URL = reverse("knowledge:list")


def titles(client, **params) -> list[str]:
    response = client.get(URL, params)
    assert response.status_code == 200
    return [item.title for item in response.context["items"]]


def test_accents_are_folded(client):
    ResourceFactory(title="Een coöperatie oprichten")
    assert titles(client, q="cooperatie") == ["Een coöperatie oprichten"]
    assert titles(client, q="coöperatie") == ["Een coöperatie oprichten"]


def test_dutch_stemming_finds_other_word_forms(client):
    ResourceFactory(title="Hoe vind je een vrijwilliger?")
    ResourceFactory(title="Iets anders", body="Over de gemeente.")
    assert titles(client, q="vrijwilligers") == ["Hoe vind je een vrijwilliger?"]


def test_title_ranks_above_summary_above_body(client):
    ResourceFactory(title="Over geld", summary="Iets", body="Hier staat het woord buurtfonds in de tekst.")
    ResourceFactory(title="Over subsidie", summary="Een buurtfonds helpt", body="Tekst")
    ResourceFactory(title="Het buurtfonds", summary="Iets", body="Tekst")
    assert titles(client, q="buurtfonds") == ["Het buurtfonds", "Over subsidie", "Over geld"]


def test_snippet_is_highlighted_and_escaped(client):
    ResourceFactory(title="Stuk", summary="<b>Vrijwilligers</b> & <script>alert(1)</script> vinden", body="Tekst")
    html = client.get(URL, {"q": "vrijwilligers"}).content.decode()
    assert "<mark>Vrijwilligers</mark>" in html
    assert "<script>alert(1)</script>" not in html
    match = re.search(r'<p class="kb-snippet">(.*?)</p>', html, re.S)
    assert match is not None
    snippet = match.group(1)
    # Markdown marks are dropped from the snippet; everything else is escaped by highlight_text.
    assert "<b>" not in snippet and "&amp;" in snippet


def test_resources_found_by_theme_name_and_follow_renames(client):
    resource = ResourceFactory(
        title="Samen koken", summary="Iedere week", body="Tekst", themes=[term("theme", "voedsel")]
    )
    assert titles(client, q="voedsel") == ["Samen koken"]
    resource.themes.set([term("theme", "wonen")])
    assert titles(client, q="voedsel") == []
    assert titles(client, q="wonen") == ["Samen koken"]
    theme = term("theme", "wonen")
    theme.name = "Huisvesting"
    theme.save()
    assert titles(client, q="huisvesting") == ["Samen koken"]


def test_search_finds_organisations_by_name(client):
    org = OrganisationFactory(name="Landelijke Vereniging voor Kleine Kernen", short_name="LVKK")
    ResourceFactory(title="Dorpshuis runnen", organisation=org)
    response = client.get(URL, {"q": "kleine kernen"})
    html = response.content.decode()
    assert org.get_absolute_url() in html
    assert "Dorpshuis runnen" in html  # the organisation's name is part of the resource's index
    assert org in client.get(URL, {"q": "LVKK"}).context["organisations"]


def test_search_vector_is_kept_on_every_write_path():
    resource = ResourceFactory(title="Eerst dit")
    Resource.objects.filter(pk=resource.pk).update(title="Daarna energiecoöperatie")
    assert Resource.objects.filter(search_vector=search_query(parse_query("energiecooperatie"))).exists()


def test_typo_gives_a_suggestion_that_finds_something(client):
    ResourceFactory(title="Vrijwilligers vinden en houden")
    response = client.get(URL, {"q": "vrijwiligers", "thema": "zorg-en-welzijn"})
    assert response.status_code == 200
    # The engine also searches for the closest known word (wdhs.search.expand_query) and says so.
    assert [r.title for r in response.context["items"]] == ["Vrijwilligers vinden en houden"]
    suggestion = response.context["suggestion"]
    assert suggestion["text"] == "vrijwilligers"
    assert "thema=zorg-en-welzijn" in suggestion["url"]
    assert "Bedoelde je" in response.content.decode()


def test_no_suggestion_when_nothing_is_close(client):
    ResourceFactory(title="Vrijwilligers vinden")
    response = client.get(URL, {"q": "xqzwv"})
    assert response.context["suggestion"] is None
    assert "Nog niets gevonden" in response.content.decode()


def test_search_combines_with_facets(client):
    ResourceFactory(title="Geld voor wonen", themes=[term("theme", "wonen")])
    ResourceFactory(title="Geld voor voedsel", themes=[term("theme", "voedsel")])
    assert titles(client, q="geld", thema="voedsel") == ["Geld voor voedsel"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "Je hebt geen zoekwoord ingevuld"),
        ("   ", "Je hebt geen zoekwoord ingevuld"),
        ("!!! ??? ...", "Typ een of meer woorden"),
        ("woord " * 400, "Je zoekvraag was erg lang"),
    ],
)
def test_bad_queries_give_a_normal_page_with_a_dutch_message(client, query, message):
    ResourceFactory(title="Vrijwilligers")
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    assert message in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "'; DROP TABLE knowledge_resource; --",
        "1 OR 1=1",
        "stichting & | ! ( ) :* <->",
        '<script>alert("x")</script>',
        '"onbalans stichting',
        'stichting "',
        "\\x00 null",
        "a" * 2000,
        "-",
        "of of of",
        "de het een",
    ],
)
def test_hostile_queries_never_break_the_page(client, query):
    ResourceFactory(title="Een stichting oprichten")
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert '<script>alert("x")</script>' not in html
    assert Resource.objects.count() == 1


def test_a_nul_in_the_query_is_refused_with_a_dutch_400(client):
    # The rule for every link (wdhs.text): a control character never reaches the search.
    response = client.get(URL, {"q": "\x00 null"})
    assert response.status_code == 400
    assert "tekens die we niet kunnen lezen" in response.content.decode()


def test_unbalanced_quotes_still_search(client):
    ResourceFactory(title="Een stichting oprichten")
    assert titles(client, q='"stichting') == ["Een stichting oprichten"]


def test_search_query_can_use_the_gin_index():
    ResourceFactory(title="Een stichting oprichten")
    sql, params = (
        Resource.objects.filter(search_vector=search_query(parse_query("stichting"))).only("pk").query.sql_with_params()
    )
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "resource_search_gin" in plan


def test_theme_term_model_still_saves():
    # The rename trigger on wdhs_term must not get in the way of ordinary edits.
    theme = Term.objects.themes().first()
    assert theme is not None
    theme.description = "Nieuwe uitleg"
    theme.save()


def test_snippet_has_no_markdown_markup(client):
    ResourceFactory(
        title="Stuk", summary="Kort", body="## Buurtkas\n\n**Een buurtkas** helpt. Zie [de buurtkas](https://a.nl)."
    )
    html = client.get(URL, {"q": "buurtkas"}).content.decode()
    match = re.search(r'<p class="kb-snippet">(.*?)</p>', html, re.S)
    assert match is not None
    snippet = match.group(1)
    assert "<mark>" in snippet
    assert "##" not in snippet and "**" not in snippet and "[" not in snippet


def test_the_organisations_a_search_names_by_name_short_name_or_a_close_word(client):
    """The lookup behind "Organisaties die passen" (trigram indexes of knowledge/0007): accents and case aside,
    a typo in a word of the name, the short name; a % or _ in the query is a character, not a wildcard."""
    coop = OrganisationFactory(name="Energiecoöperatie Noord")
    point = OrganisationFactory(name="Vrijwilligerspunt Oost")
    lvkk = OrganisationFactory(name="Landelijke Vereniging voor Kleine Kernen", short_name="LVKK")
    OrganisationFactory(name="Stichting 100% Groen")

    def named(query: str) -> list[str]:
        response = client.get(URL, {"q": query})
        assert response.status_code == 200
        return [organisation.name for organisation in response.context["organisations"]]

    assert coop.name in named("ENERGIECOOPERATIE")
    assert point.name in named("vrijwiligerspunt")  # one letter missing: word similarity
    assert lvkk.name in named("lvkk")
    assert named("%") == []
    assert named("100%") == ["Stichting 100% Groen"]
    assert named("_") == []
