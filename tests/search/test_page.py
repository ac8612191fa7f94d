"""/zoeken/: grouped results, links per kind, validation of every parameter, visibility, highlight."""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from initiatives.models import Status
from knowledge.models import Resource
from tests.factories import FundingSchemeFactory, InitiativeFactory, OrganisationFactory, ResourceFactory
from wdhs.search.index import refresh_pending

pytestmark = pytest.mark.django_db

URL = reverse("search:results")


def group(response, key: str):  # noqa: ANN201
    return next(g for g in response.context["groups"] if g.source.key == key)


def titles(response, key: str) -> list[str]:
    return [r.title for r in group(response, key).results]


def test_results_are_grouped_by_kind_with_counts_and_links(client):
    ResourceFactory(title="Subsidie voor je buurthuis", summary="Geld voor een ontmoetingsplek.")
    InitiativeFactory(name="Buurthuis De Ontmoeting", description="Koffie en taalles.")
    OrganisationFactory(name="Vereniging van Buurthuizen", description="Wij helpen buurthuizen.")
    response = client.get(URL, {"q": "buurthuizen"})
    assert response.status_code == 200
    assert titles(response, "kennis") == ["Subsidie voor je buurthuis"]
    assert titles(response, "initiatieven") == ["Buurthuis De Ontmoeting"]
    assert titles(response, "organisaties") == ["Vereniging van Buurthuizen"]
    assert response.context["total"] == 3
    html = response.content.decode()
    assert 'href="/kennis/?q=buurthuizen"' in html
    assert 'href="/initiatieven/?q=buurthuizen"' in html
    # Each kind is a checkbox of the filter form ("Soort"), counted; the chosen ones also show as chips.
    assert '<input type="checkbox" name="soort" value="organisaties"> Organisaties (1)' in html
    assert 'Kennis <span class="zk-count">(1)</span>' in html


def test_group_links_keep_working_and_use_the_same_engine(client):
    ResourceFactory(title="Subsidie aanvragen", summary="Kort.")
    InitiativeFactory(name="Energiecoöperatie Zonnig", description="Zonnepanelen op daken.")
    kennis = client.get(reverse("knowledge:list"), {"q": "subsidies"})
    assert [item.title for item in kennis.context["items"]] == ["Subsidie aanvragen"]
    initiatieven = client.get(reverse("initiatives:list"), {"q": "energie"})
    assert initiatieven.status_code == 200
    assert "Energiecoöperatie Zonnig" in initiatieven.content.decode()


def test_header_search_box_goes_to_the_search_page(client):
    html = client.get("/").content.decode()
    assert 'action="/zoeken/"' in html


def test_one_kind_is_paginated(client):
    for n in range(23):
        ResourceFactory(title=f"Vrijwilligers werven deel {n}")
    response = client.get(URL, {"q": "vrijwilligers", "soort": "kennis"})
    assert response.status_code == 200
    assert [g.source.key for g in response.context["groups"]] == ["kennis"]
    assert len(group(response, "kennis").results) == 20
    second = client.get(URL, {"q": "vrijwilligers", "soort": "kennis", "page": 2})
    assert len(group(second, "kennis").results) == 3


def test_overview_shows_five_per_group_and_the_full_count(client):
    for n in range(7):
        ResourceFactory(title=f"Stichting oprichten deel {n}")
    response = client.get(URL, {"q": "stichting"})
    assert len(group(response, "kennis").results) == 5
    assert group(response, "kennis").count == 7


def test_drafts_and_unpublished_initiatives_stay_hidden(client, user):
    ResourceFactory(title="Geheim plan buurtkas", status=Resource.Status.DRAFT, published_at=None)
    InitiativeFactory(name="Buurtkas in aanvraag", status=Status.SUBMITTED)
    client.force_login(user)
    response = client.get(URL, {"q": "buurtkas"})
    assert response.context["total"] == 0
    assert "Nog niets gevonden" in response.content.decode()


def test_typo_gives_bedoelde_je_with_a_link_and_finds_the_word(client):
    ResourceFactory(title="Vrijwilligers vinden en houden")
    response = client.get(URL, {"q": "vrijwiligers"})
    assert titles(response, "kennis") == ["Vrijwilligers vinden en houden"]
    assert response.context["suggestion"]["text"] == "vrijwilligers"
    assert 'Bedoelde je <a class="utrecht-link" href="/zoeken/?q=vrijwilligers">vrijwilligers</a>?' in (
        response.content.decode()
    )


@pytest.mark.parametrize("query", ["vrijwilligers", "vrijwilliger", "huis", "energie coöperatie", "zorgcoöperaties"])
def test_no_suggestion_for_known_words_forms_and_parts(client, query):
    # Known as written, as a lemma of a document word, as a compound part, or all parts known.
    ResourceFactory(title="Vrijwilligers vinden voor het buurthuis", summary="Een energiecoöperatie en zorg.")
    refresh_pending()
    assert client.get(URL, {"q": query}).context["suggestion"] is None


def test_typo_inside_a_compound_is_still_corrected(client):
    ResourceFactory(title="Een huurdersvereniging oprichten")
    response = client.get(URL, {"q": "huurdesvereniging"})
    assert response.context["suggestion"]["text"] == "huurdersvereniging"
    assert titles(response, "kennis") == ["Een huurdersvereniging oprichten"]


@pytest.mark.parametrize("kept", [False, True], ids=["read-each-time", "kept-per-process"])
def test_synonyms_edited_by_staff_take_effect_at_once(client, kept, settings):
    """Also where the synonym table is kept in the process until its rows change (shared counts on)."""
    from wdhs.models import SearchSynonym

    settings.WDHS_SHARED_COUNTS = kept
    ResourceFactory(title="Een wijkcentrum runnen", summary="Kort.")
    assert client.get(URL, {"q": "clubhuis"}).context["total"] == 0
    synonym = SearchSynonym.objects.create(word="Clubhuis", synonyms="wijkcentrum, buurthuis")
    assert titles(client.get(URL, {"q": "clubhuis"}), "kennis") == ["Een wijkcentrum runnen"]
    SearchSynonym.objects.filter(pk=synonym.pk).update(is_active=False)
    assert client.get(URL, {"q": "clubhuis"}).context["total"] == 0


def test_starting_synonyms_are_loaded():
    from wdhs.models import SearchSynonym

    geld = SearchSynonym.objects.get(word="geld")
    assert "financiering" in geld.synonym_list and "subsidie" in geld.synonym_list
    assert SearchSynonym.objects.filter(word="buurthuis", synonyms__contains="ontmoetingsplek").exists()


def test_title_ranks_above_summary_above_body(client):
    ResourceFactory(title="Over geld", summary="Iets", body="Hier staat buurtfonds in de tekst.")
    ResourceFactory(title="Over subsidie", summary="Een buurtfonds helpt", body="Tekst")
    ResourceFactory(title="Het buurtfonds", summary="Iets", body="Tekst")
    assert titles(client.get(URL, {"q": "buurtfonds"}), "kennis") == ["Het buurtfonds", "Over subsidie", "Over geld"]


def test_newer_or_recently_reviewed_slightly_ahead(client):
    long_ago = timezone.now() - datetime.timedelta(days=1500)
    ResourceFactory(title="Buurtfonds oud", published_at=long_ago, last_reviewed_at=long_ago)
    ResourceFactory(title="Buurtfonds nieuw")
    ResourceFactory(
        title="Buurtfonds nagekeken",
        published_at=long_ago,
        last_reviewed_at=timezone.now() - datetime.timedelta(days=2),
    )
    assert titles(client.get(URL, {"q": "buurtfonds"}), "kennis") == [
        "Buurtfonds nieuw",
        "Buurtfonds nagekeken",
        "Buurtfonds oud",
    ]


def test_a_title_match_beats_freshness(client):
    long_ago = timezone.now() - datetime.timedelta(days=2000)
    ResourceFactory(title="Het buurtfonds", summary="Iets", published_at=long_ago, last_reviewed_at=long_ago)
    ResourceFactory(title="Nieuws", summary="Iets", body="Ook over een buurtfonds.")
    assert titles(client.get(URL, {"q": "buurtfonds"}), "kennis") == ["Het buurtfonds", "Nieuws"]


def test_exact_phrase(client):
    ResourceFactory(title="Inschrijven bij de Kamer van Koophandel", summary="Kort.")
    ResourceFactory(title="Een kamer huren", summary="De handel in koop en huur van de kamer.")
    response = client.get(URL, {"q": '"kamer van koophandel"'})
    assert titles(response, "kennis") == ["Inschrijven bij de Kamer van Koophandel"]
    both = client.get(URL, {"q": "kamer"})
    assert len(titles(both, "kennis")) == 2


def test_exclude_and_or(client):
    ResourceFactory(title="Stichting oprichten", summary="Kort.")
    ResourceFactory(title="Vereniging oprichten", summary="Kort.")
    assert titles(client.get(URL, {"q": "oprichten -stichting"}), "kennis") == ["Vereniging oprichten"]
    assert len(titles(client.get(URL, {"q": "stichting of vereniging"}), "kennis")) == 2


def test_highlight_shows_words_as_written_and_escapes_everything_else(client):
    ResourceFactory(
        title="Stuk",
        summary="<b>Energiecoöperaties</b> & <script>alert(1)</script> in de Subsidies",
        body="## Tekst\n\n**vet**",
    )
    refresh_pending()
    html = client.get(URL, {"q": "energie subsidie"}).content.decode()
    match = re.search(r'<p class="zk-snippet">(.*?)</p>', html, re.S)
    assert match is not None
    snippet = match.group(1)
    assert "<mark>Energiecoöperaties</mark>" in snippet
    assert "<mark>Subsidies</mark>" in snippet
    assert "&lt;script&gt;" in snippet and "<script>" not in snippet and "&lt;b&gt;" in snippet
    assert "**" not in snippet and "##" not in snippet
    assert re.sub(r"</?mark>", "", snippet).count("<") == 0


def test_empty_page_invites_a_search(client):
    response = client.get(URL)
    assert response.status_code == 200
    assert "Typ hierboven een of meer woorden" in response.content.decode()


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": "buurt", "soort": "onzin"}, "Deze soort resultaten kennen we niet"),
        ({"q": "buurt", "page": "abc"}, "Deze pagina bestaat niet"),
        ({"q": "buurt", "page": "0"}, "Deze pagina bestaat niet"),
        ({"q": "buurt", "page": "99999999999999999999"}, "Deze pagina bestaat niet"),
        ({"q": "a" * 5000}, "Je zoekvraag is te lang"),
        ({"q": "stichting \x00"}, "tekens die we niet kunnen lezen"),
    ],
)
def test_bad_parameters_give_a_dutch_400(client, params, message):
    ResourceFactory(title="Buurt helpen")
    response = client.get(URL, params)
    assert response.status_code == 400
    assert message in response.content.decode()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("woord " * 100, "Je zoekvraag was erg lang"),
        ("!!! ??? ...", "Typ een of meer woorden"),
    ],
)
def test_odd_queries_give_a_normal_page_with_a_dutch_message(client, query, message):
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    assert message in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "'; DROP TABLE knowledge_resource; --",
        "1 OR 1=1",
        "stichting & | ! ( ) :* <-> \\",
        '<script>alert("x")</script>',
        '"onbalans stichting',
        'stichting "',
        '""',
        '" "',
        "null \ue000 \x7f",
        "-",
        "-stichting",
        "of of of",
        "de het een",
        "stichting of",
        "of stichting",
        "x" * 150,
        "ﬁnanciering ＡＢＣ",
    ],
)
def test_hostile_queries_never_break_the_page(client, query):
    ResourceFactory(title="Een stichting oprichten")
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    assert '<script>alert("x")</script>' not in response.content.decode()
    assert Resource.objects.count() == 1


def test_post_is_refused(client):
    assert client.post(URL, {"q": "x"}).status_code == 405


def test_query_count_does_not_grow_with_results(client, django_assert_max_num_queries):
    for n in range(3):
        ResourceFactory(title=f"Buurt helpen {n}")
        InitiativeFactory(name=f"Buurtinitiatief {n}")
        FundingSchemeFactory(name=f"Buurtregeling {n}", funder=OrganisationFactory())
    client.get(URL, {"q": "buurt"})  # files the new words first
    # 19: one query per kind, plus for knowledge and initiatives whether they match more than they rank, plus the
    # expanded query made into its tsquery text once (wdhs.search.query.TsQuery).
    with django_assert_max_num_queries(19):
        assert client.get(URL, {"q": "buurt"}).status_code == 200
    for n in range(20):
        ResourceFactory(title=f"Buurt helpen meer {n}")
        InitiativeFactory(name=f"Buurtinitiatief meer {n}")
        FundingSchemeFactory(name=f"Buurtregeling meer {n}", funder=OrganisationFactory())
    client.get(URL, {"q": "buurt"})
    with django_assert_max_num_queries(19):
        assert client.get(URL, {"q": "buurt"}).status_code == 200


def test_goals_are_a_group_too(client):
    response = client.get(URL, {"q": "gemeenten partners"})
    assert [r.item.number for r in group(response, "doelen").results] == [2]
    assert 'href="/zoeken/?q=gemeenten+partners&amp;soort=doelen"' in response.content.decode()


def test_results_page_is_not_indexed_by_search_engines(client):
    assert '<meta name="robots" content="noindex">' in client.get(URL, {"q": "buurt"}).content.decode()


def test_a_registered_source_appears_as_its_own_group(client):
    """The funding source (registered in knowledge/apps.py): /zoeken/ shows and links its group."""
    FundingSchemeFactory(name="Regeling voor buurthuizen", summary="Geld voor een buurthuis.")
    response = client.get(URL, {"q": "buurthuis"})
    assert [g.source.key for g in response.context["groups"]] == [
        "kennis",
        "initiatieven",
        "organisaties",
        "financiering",
        "doelen",
    ]
    assert titles(response, "financiering") == ["Regeling voor buurthuizen"]
    # The group links to the finder with the same words, and the kind is a choice of the filter form.
    assert 'href="/financiering/?q=buurthuis"' in response.content.decode()
    assert '<input type="checkbox" name="soort" value="financiering"> Financiering (1)' in response.content.decode()
    assert client.get(URL, {"q": "buurthuis", "soort": "financiering"}).status_code == 200
