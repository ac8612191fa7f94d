"""Not every word required: all words first, then what lacks one under its own heading, and a way on when nothing has them all."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import ResourceFactory
from wdhs.search.index import refresh_pending
from wdhs.search.query import expand_query, is_about_money, parse_query

pytestmark = pytest.mark.django_db

URL = reverse("search:results")
HEADING = "Deze resultaten bevatten niet alle woorden"


def _partial(response, key: str) -> list[tuple[str, list[str]]]:  # noqa: ANN201
    for group in response.context["partial_groups"]:
        if group.source.key == key:
            return [(result.title, result.missing) for result in group.results]
    return []


def _full(response, key: str) -> list[str]:
    group = next(g for g in response.context["groups"] if g.source.key == key)
    return [result.title for result in group.results]


def test_question_words_and_fillers_are_left_out_of_the_query():
    expanded = expand_query(parse_query("waar kan ik geld aanvragen voor onze club"))
    assert [part.label for part in expanded.parts] == ["geld", "aanvragen", "club"]
    assert expand_query(parse_query("hoe kan ik")).query is None


def test_a_phrase_and_an_exclusion_are_never_left_out():
    expanded = expand_query(parse_query('"kamer van koophandel" inschrijven -notaris'))
    assert [part.label for part in expanded.parts] == ["inschrijven"]
    assert expanded.fixed_labels == ('"kamer van koophandel"', "-notaris")
    assert not expanded.can_relax


def test_of_joins_the_words_around_it_into_one_part():
    expanded = expand_query(parse_query("subsidie buurthuis of dorpshuis"))
    assert [part.label for part in expanded.parts] == ["subsidie", "buurthuis of dorpshuis"]


def test_a_verb_the_page_does_not_use_shows_the_page_under_the_heading(client):
    ResourceFactory(title="Samen een moestuin beginnen", summary="Groenten kweken in de buurt.")
    refresh_pending()
    response = client.get(URL, {"q": "buurtmoestuin opzetten"})
    assert response.status_code == 200
    assert response.context["total"] == 0
    assert _partial(response, "kennis") == [("Samen een moestuin beginnen", ["opzetten"])]
    html = response.content.decode()
    assert HEADING in html
    assert "Bevat niet: ‘opzetten’" in html
    assert "Niets gevonden" not in html
    # The shorter query that works, as a link.
    assert 'href="/zoeken/?q=buurtmoestuin"' in html


def test_a_full_question_finds_the_page_with_most_of_its_words(client):
    ResourceFactory(title="Subsidie aanvragen voor je buurthuis", summary="Geld voor een ontmoetingsplek.")
    ResourceFactory(title="Een jaarverslag schrijven", summary="Wat je deed en waar het geld heen ging.")
    refresh_pending()
    response = client.get(URL, {"q": "Waar kan ik geld aanvragen voor onze club?"})
    found = _partial(response, "kennis")
    # All but one word first (geld, aanvragen), then the one with one word of three.
    assert found == [
        ("Subsidie aanvragen voor je buurthuis", ["club"]),
        ("Een jaarverslag schrijven", ["aanvragen", "club"]),
    ]


def test_documents_with_all_words_come_first_and_the_rest_follow(client):
    ResourceFactory(title="Stichting oprichten bij de notaris", summary="Statuten en bestuur.")
    ResourceFactory(title="Stichting of vereniging", summary="Rechtsvormen uitgelegd.")
    refresh_pending()
    response = client.get(URL, {"q": "stichting oprichten"})
    assert _full(response, "kennis") == ["Stichting oprichten bij de notaris"]
    assert _partial(response, "kennis") == [("Stichting of vereniging", ["oprichten"])]
    html = response.content.decode()
    assert html.index("Stichting oprichten bij de notaris") < html.index(HEADING) < html.index("Stichting of vereniging")
    assert "Alleen de resultaten hierboven bevatten al je woorden." in html


def test_enough_results_with_all_words_look_no_further(client):
    for n in range(10):
        ResourceFactory(title=f"Stichting oprichten {n}", summary="Statuten.")
    ResourceFactory(title="Stichting of vereniging", summary="Rechtsvormen.")
    refresh_pending()
    response = client.get(URL, {"q": "stichting oprichten", "soort": "kennis"})
    assert response.context["partial_groups"] == []
    assert HEADING not in response.content.decode()


def test_an_exclusion_holds_for_the_results_that_lack_a_word(client):
    ResourceFactory(title="Moestuin met de buren", summary="Groenten kweken.")
    ResourceFactory(title="Moestuin bij de school", summary="Kinderen kweken groenten.")
    refresh_pending()
    response = client.get(URL, {"q": "moestuin opzetten -school"})
    assert [title for title, _ in _partial(response, "kennis")] == ["Moestuin met de buren"]


def test_a_phrase_holds_for_the_results_that_lack_a_word(client):
    ResourceFactory(title="Inschrijven bij de Kamer van Koophandel", summary="Wat kost het?")
    ResourceFactory(title="Koophandel en kamers", summary="Iets anders.")
    refresh_pending()
    response = client.get(URL, {"q": '"kamer van koophandel" vereniging inschrijven'})
    assert [title for title, _ in _partial(response, "kennis")] == ["Inschrijven bij de Kamer van Koophandel"]


def test_nothing_found_offers_the_question_form_with_the_query_filled_in(client):
    response = client.get(URL, {"q": "xylofoonclub"})
    html = response.content.decode()
    assert response.context["total"] == 0
    assert "Niets gevonden" in html
    assert 'href="/vraag/?vraag=xylofoonclub"' in html
    assert "financieringswijzer" not in html


def test_nothing_found_about_money_offers_the_funding_finder(client):
    for query in ["subsidies xylofoon", "wijkbudget xylofoon", "geld voor de xylofoonclub"]:
        html = client.get(URL, {"q": query}).content.decode()
        assert 'href="/financiering/"' in html, query


def test_money_words_in_their_forms_and_compounds():
    assert is_about_money(parse_query("subsidies"))
    assert is_about_money(parse_query("energiefonds"))
    assert is_about_money(parse_query("Hoe vraag ik een lening aan?"))
    assert not is_about_money(parse_query("moestuin opzetten"))


def test_the_question_link_leaves_out_signs_the_form_would_refuse(client):
    html = client.get(URL, {"q": "<b>xylofoon</b> -piano"}).content.decode()
    assert 'href="/vraag/?vraag=b%20xylofoon%20b"' in html
