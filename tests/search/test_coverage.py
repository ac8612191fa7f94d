"""Not every word required: all words first, then what lacks one under its own heading, and always a way on."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from goals.models import Goal
from knowledge.models import Question, Resource
from tests.factories import (
    FundingSchemeFactory,
    InitiativeFactory,
    OrganisationFactory,
    ResourceFactory,
    municipality,
    term,
)
from tests.search.test_index import SOURCES, _many_documents, _plan
from wdhs.search.index import refresh_pending
from wdhs.search.query import expand_query, is_about_money, parse_query
from wdhs.search.registry import PARTIAL_BELOW, search_source

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
    response = client.get(URL, {"q": "buurtmoestuin uitbreiden"})
    assert response.status_code == 200
    assert response.context["total"] == 0
    assert _partial(response, "kennis") == [("Samen een moestuin beginnen", ["uitbreiden"])]
    html = response.content.decode()
    assert HEADING in html
    assert "Bevat niet: ‘uitbreiden’" in html
    assert "Nog niets gevonden" not in html
    # The shorter query that works, as a link.
    assert 'href="/zoeken/?q=buurtmoestuin"' in html


def test_a_compound_of_three_parts_may_lose_its_modifier_under_the_heading(client):
    ResourceFactory(title="Moestuin De Groene Vingers", summary="Elke zaterdag tuinieren we met de buren.")
    ResourceFactory(title="Een buurthuis openhouden", summary="Met vrijwilligers.")
    refresh_pending()
    response = client.get(URL, {"q": "buurtmoestuin opzetten"})
    assert response.context["total"] == 0
    # It has neither word as typed, so it names both, and offers no shorter query it would not find.
    assert _partial(response, "kennis") == [("Moestuin De Groene Vingers", ["buurtmoestuin", "opzetten"])]
    # A simple head is no such part: a "vakantiehuisje" is not about every "huis".
    assert _partial(client.get(URL, {"q": "vakantiehuisje frankrijk"}), "kennis") == []
    # With all words required the modifier stays.
    assert search_source("kennis").search(AnonymousUser(), expand_query(parse_query("buurtmoestuin"))).count() == 0


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
    assert (
        html.index("Stichting oprichten bij de notaris") < html.index(HEADING) < html.index("Stichting of vereniging")
    )
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
    response = client.get(URL, {"q": "moestuin uitbreiden -school"})
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
    assert "Nog niets gevonden" in html
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
    assert not is_about_money(parse_query("moestuin uitbreiden"))


def test_the_question_link_leaves_out_signs_the_form_would_refuse(client):
    html = client.get(URL, {"q": "<b>xylofoon</b> -piano"}).content.decode()
    assert 'href="/vraag/?vraag=b%20xylofoon%20b"' in html


# The list pages: the same heading, within the chosen filters, and the same ways on.


def test_knowledge_list_shows_what_lacks_a_word_within_its_filters(client):
    wonen = term("theme", "wonen")
    ResourceFactory(title="Samen een moestuin beginnen", summary="Groenten kweken.", themes=[wonen])
    ResourceFactory(title="Moestuin op het schoolplein", summary="Met de kinderen.")
    refresh_pending()
    response = client.get(reverse("knowledge:list"), {"q": "moestuin uitbreiden"})
    assert response.status_code == 200
    assert response.context["items"] == []
    assert {item.title for item in response.context["partial"]} == {
        "Samen een moestuin beginnen",
        "Moestuin op het schoolplein",
    }
    html = response.content.decode()
    assert HEADING in html
    assert "Bevat niet: ‘uitbreiden’" in html
    assert "Nog niets gevonden" not in html
    assert 'href="?q=moestuin"' in html
    filtered = client.get(reverse("knowledge:list"), {"q": "moestuin uitbreiden", "thema": "wonen"})
    assert [item.title for item in filtered.context["partial"]] == ["Samen een moestuin beginnen"]
    assert 'href="?q=moestuin&amp;thema=wonen"' in filtered.content.decode()


def test_knowledge_list_with_nothing_offers_the_question_and_the_funding_finder(client):
    html = client.get(reverse("knowledge:list"), {"q": "subsidie xylofoonclub"}).content.decode()
    assert "Nog niets gevonden" in html
    assert 'href="/vraag/?vraag=subsidie%20xylofoonclub"' in html
    assert 'href="/financiering/"' in html


def test_initiative_list_shows_what_lacks_a_word_within_its_filters(client):
    InitiativeFactory(name="Moestuin De Groene Vingers", municipality=municipality("Nijmegen"))
    InitiativeFactory(name="Moestuin Zuid", municipality=municipality("Utrecht"))
    refresh_pending()
    response = client.get(reverse("initiatives:list"), {"q": "moestuin uitbreiden"})
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == 0
    assert {i.name for i in response.context["partial"]} == {"Moestuin De Groene Vingers", "Moestuin Zuid"}
    html = response.content.decode()
    assert HEADING in html
    assert "We vonden geen initiatieven" not in html
    assert 'href="/vraag/?vraag=moestuin%20uitbreiden"' in html
    filtered = client.get(reverse("initiatives:list"), {"q": "moestuin uitbreiden", "provincie": "utrecht"})
    assert [i.name for i in filtered.context["partial"]] == ["Moestuin Zuid"]


def test_organisation_list_shows_what_lacks_a_word(client):
    OrganisationFactory(name="Energie Samen", description="Koepel van energiecoöperaties.")
    refresh_pending()
    response = client.get(reverse("knowledge:organisation_list"), {"q": "energie uitbreiden"})
    assert [o.name for o in response.context["partial"]] == ["Energie Samen"]
    html = response.content.decode()
    assert HEADING in html
    assert "Geen organisatie gevonden" not in html


def test_funding_finder_shows_schemes_that_lack_a_word(client):
    FundingSchemeFactory(name="Startlening voor een energiecoöperatie", summary="Een lening voor zonnepanelen.")
    refresh_pending()
    response = client.get(reverse("funding:finder"), {"q": "lening zonnepanelen school"})
    assert response.status_code == 200
    assert [s.name for s in response.context["partial"]] == ["Startlening voor een energiecoöperatie"]
    html = response.content.decode()
    assert HEADING in html
    assert "Bevat niet: ‘school’" in html
    assert "Geen regeling gevonden" not in html


# "Stel je vraag" with the query filled in: checked like everything a visitor sends.


def test_question_form_is_filled_in_from_the_search(client):
    response = client.get(reverse("questions:ask"), {"vraag": "geld aanvragen club"})
    assert response.status_code == 200
    assert response.context["form"].initial["text"] == "geld aanvragen club"
    assert "geld aanvragen club</textarea>" in response.content.decode()
    # Search words are rarely a whole question: the page says what to add.
    assert "Maak er een hele vraag van" in response.content.decode()
    assert "Maak er een hele vraag van" not in client.get(reverse("questions:ask")).content.decode()


@pytest.mark.parametrize(
    "value",
    [
        "x" * 201,
        "x" * 100_000,
        "<script>alert(1)</script>",
        "",
    ],
)
def test_hostile_or_huge_prefill_gives_a_dutch_message_and_an_empty_form(client, value):
    response = client.get(reverse("questions:ask"), {"vraag": value})
    assert response.status_code == 400
    html = response.content.decode()
    assert "De vraag in het webadres is te lang of bevat tekens die we niet kunnen lezen." in html
    assert "script" not in response.context["form"].initial.get("text", "")
    assert "<script>alert" not in html
    assert Question.objects.count() == 0


@pytest.mark.parametrize("value", ["subsidie\x00club", "subsidie\nclub"])
def test_a_control_character_in_the_prefill_is_refused_before_the_page(client, value):
    # The rule for every link (wdhs.text): the 400 page says which characters we cannot read.
    response = client.get(reverse("questions:ask"), {"vraag": value})
    assert response.status_code == 400
    assert "tekens die we niet kunnen lezen" in response.content.decode()
    assert Question.objects.count() == 0


def test_prefill_never_sends_a_question(client):
    client.get(reverse("questions:ask"), {"vraag": "Hoe vind ik vrijwilligers?"})
    assert Question.objects.count() == 0


def _looks_for_fewer_words(captured: CaptureQueriesContext) -> bool:
    # Only the search for documents that lack a word leaves out those that have every word.
    return any(re.search(r'NOT \("\w+"\."search_vector" @@', query["sql"]) for query in captured.captured_queries)


def test_a_page_with_enough_results_runs_no_query_for_fewer_words(client):
    for n in range(PARTIAL_BELOW):
        ResourceFactory(title=f"Stichting oprichten {n}", summary="Statuten.")
    ResourceFactory(title="Stichting of vereniging", summary="Rechtsvormen.")
    refresh_pending()
    pages = [(reverse("knowledge:list"), {}), (URL, {"soort": "kennis"}), (URL, {})]
    for url, params in pages:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url, {"q": "stichting oprichten", **params})
        assert response.status_code == 200
        assert not _looks_for_fewer_words(captured), url
    # One result fewer, and the page looks further.
    Resource.objects.filter(title=f"Stichting oprichten {PARTIAL_BELOW - 1}").delete()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("knowledge:list"), {"q": "stichting oprichten"})
    assert _looks_for_fewer_words(captured)
    assert [item.title for item in response.context["partial"]] == ["Stichting of vereniging"]


@pytest.mark.parametrize("text", ["tuin xylofoon", "tuin fiets xylofoon", "waar kan ik tuin fiets school dak xylofoon"])
def test_the_search_for_fewer_words_uses_the_search_index(text):
    _many_documents()
    refresh_pending()
    expanded = expand_query(parse_query(text))
    for key, table, index in SOURCES:
        source = search_source(key)
        levels = [expanded.all_but_one(), expanded.any_part()]
        for query in [level for level in levels if level is not None]:
            # The page's queries never scan the whole table ...
            for by_coverage in (False, True):
                with CaptureQueriesContext(connection) as captured:
                    source._partial_level(None, expanded, query, queryset=None, by_coverage=by_coverage)
                statements = [_statement(q["sql"]) for q in captured if f'FROM "{table}"' in q["sql"]]
                assert statements
                for statement in statements:
                    plan = _explain(statement)
                    assert f"Seq Scan on {table}" not in plan, plan
            # ... and its search condition is answered from the GIN index.
            model = source.queryset(None).model
            matching = model.objects.filter(search_vector=query).exclude(search_vector=expanded.query)
            plan = _plan(matching.values("pk"))
            assert index in plan, (text, plan)


def _statement(sql: str) -> str:
    """The select of a captured statement (`found_keys` sends it between two planner settings)."""
    parts = [part for part in sql.split("; ") if part.lstrip().upper().startswith(("SELECT", "WITH"))]
    return next((part for part in parts if "set_config" not in part), parts[-1])


def _explain(sql: str) -> str:
    """As `_plan`, for a statement as it was sent (its values in the text)."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql.replace("%", "%%"))
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("SET LOCAL enable_seqscan = on")
    return plan


def test_goals_without_a_stored_vector_also_show_what_lacks_a_word(client):
    goal = Goal.objects.order_by("number").first()
    assert goal is not None
    word = max(re.findall(r"\w+", goal.short_title), key=len)
    response = client.get(URL, {"q": f"{word} xylofoon", "soort": "doelen"})
    assert response.status_code == 200
    assert _partial(response, "doelen")[:1] == [(str(goal), ["xylofoon"])]


def test_a_long_sentence_of_many_words_is_searched_by_most_words_first(client):
    ResourceFactory(title="Moestuin met buren in de wijk", summary="Groenten kweken op braakliggende grond.")
    ResourceFactory(title="Groenten", summary="Kort.")
    refresh_pending()
    words = "moestuin buren wijk groenten kweken braakliggende grond xylofoon piano trompet viool harp"
    expanded = expand_query(parse_query(words))
    assert len(expanded.parts) > 8 and expanded.all_but_one() is None
    response = client.get(URL, {"q": words})
    assert response.status_code == 200
    found = _partial(response, "kennis")
    assert [title for title, _ in found] == ["Moestuin met buren in de wijk", "Groenten"]
    assert found[0][1] == ["xylofoon", "piano", "trompet", "viool", "harp"]


def test_a_query_of_the_longest_length_with_every_word_different_answers(client):
    ResourceFactory(title="Stichting oprichten", summary="Statuten.")
    refresh_pending()
    text = " ".join(f"stichting{n}x" for n in range(40))[:400]
    response = client.get(URL, {"q": text})
    assert response.status_code == 200
