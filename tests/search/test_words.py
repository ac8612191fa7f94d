"""How one typed word becomes its alternatives: verbs split over a sentence, words typed apart, no diacritics,
synonyms both ways, place names as people say them, and no "correction" of a word the lemmatiser knows."""

from __future__ import annotations

import pytest
from django.db import connection

from initiatives.models import Initiative
from tests.factories import InitiativeFactory, ResourceFactory, municipality
from tests.search.keys import search_keys
from wdhs.models import SearchSynonym, SearchWord
from wdhs.placenames import one_word_aliases, other_names, place_search_text
from wdhs.search import lexicon
from wdhs.search.index import refresh_pending
from wdhs.search.query import expand_query, parse_query

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "spelled"),
    [("financiele", "financiële"), ("reunies", "reünies"), ("cooperatie", "coöperatie"), ("cafe", "café")],
)
def test_a_word_typed_without_diacritics_gets_the_accented_spelling(typed, spelled):
    assert lexicon.accented(typed) == spelled
    assert lexicon.accented(spelled) is None
    assert lexicon.accented("buurthuis") is None  # known as typed


def test_a_word_without_diacritics_gets_the_lemma_and_the_parts_of_the_accented_one():
    assert lexicon.lemma("reunies") == "reünie"
    assert "reünie" in lexicon.word_forms("buurtreunies") or "reunie" in lexicon.word_forms("buurtreunies")
    assert "coöperatie" in lexicon.word_forms("zorgcooperaties")


@pytest.mark.parametrize(
    ("participle", "infinitive"),
    [
        ("aangevraagd", "aanvragen"),
        ("ingeschreven", "inschrijven"),
        ("opgericht", "oprichten"),
        ("opgezet", "opzetten"),
    ],
)
def test_a_participle_of_a_separable_verb_gets_the_infinitive(participle, infinitive):
    assert infinitive in lexicon.word_forms(participle)


def test_words_that_only_look_like_participles_get_no_verb():
    assert lexicon.participle_infinitive("omgeving") is None
    assert lexicon.participle_infinitive("aangifte") is None


def test_a_particle_later_in_the_query_joins_its_verb_and_only_a_verb():
    assert "aanvragen" in lexicon.separable_verb("vraag", "aan")
    assert "oprichten" in lexicon.separable_verb("richt", "op")
    assert "oprichten" in lexicon.separable_verb("richten", "op")  # "op te richten"
    assert lexicon.separable_verb("zorg", "voor") == ()  # "zorg voor ouderen" is no "voorzorg"
    assert lexicon.separable_verb("stichting", "op") == ()


def test_a_verb_typed_whole_meets_a_text_that_splits_it():
    assert lexicon.split_verb("opruimen") == ("op", "ruimen")
    assert lexicon.split_verb("opgericht") == ("op", "richten")
    assert lexicon.split_verb("buurthuizen") is None


def test_a_separable_verb_split_in_the_query_finds_the_joined_verb_and_the_participle():
    ResourceFactory(slug="aanvragen", title="Subsidie aanvragen", summary="Kort.", body="")
    ResourceFactory(slug="gedaan", title="Zo ging het", summary="We hebben subsidie aangevraagd.", body="")
    ResourceFactory(slug="anders", title="Subsidie voor de zomer", summary="Geen verb hier.", body="")
    refresh_pending()
    found = search_keys("hoe vraag ik subsidie aan", partial=False)["r"]
    assert set(found[:2]) == {"r:aanvragen", "r:gedaan"}
    assert "r:anders" not in found


def test_words_typed_apart_find_the_joined_word_of_the_vocabulary():
    ResourceFactory(slug="dorpshuis", title="Het dorpshuis open houden", summary="Kort.", body="")
    refresh_pending()
    assert search_keys("dorps huis")["r"] == ["r:dorpshuis"]
    assert search_keys("dorps kerk", partial=False)["r"] == []  # no "dorpskerk" anywhere: nothing joined


def test_a_joined_word_finds_its_parts_written_apart():
    ResourceFactory(slug="groen", title="Onderhoud van het groen", summary="Kort.", body="")
    refresh_pending()
    assert search_keys("groenonderhoud")["r"] == ["r:groen"]


def test_a_diminutive_the_lemmatiser_does_not_know_searches_its_base():
    ResourceFactory(slug="speeltuin", title="Een speeltuin beheren", summary="Kort.", body="")
    refresh_pending()
    assert search_keys("speeltuintjes")["r"] == ["r:speeltuin"]


def test_a_staff_synonym_works_both_ways():
    SearchSynonym.objects.create(word="knutselclub", synonyms="hobbyclub")
    ResourceFactory(slug="knutsel", title="Een knutselclub voor de buurt", summary="Kort.", body="")
    ResourceFactory(slug="hobby", title="Een hobbyclub in het dorp", summary="Kort.", body="")
    refresh_pending()
    assert set(search_keys("knutselclub")["r"]) == {"r:knutsel", "r:hobby"}
    assert set(search_keys("hobbyclub")["r"]) == {"r:knutsel", "r:hobby"}


def test_a_line_one_way_only_does_not_turn_round():
    SearchSynonym.objects.create(word="speelplek", synonyms="speeltuin, trapveld", both_ways=False)
    ResourceFactory(slug="plek", title="Een speelplek maken", summary="Kort.", body="")
    ResourceFactory(slug="tuin", title="Een speeltuin beheren", summary="Kort.", body="")
    refresh_pending()
    assert set(search_keys("speelplek")["r"]) == {"r:plek", "r:tuin"}
    assert search_keys("speeltuin")["r"] == ["r:tuin"]
    assert not SearchSynonym.objects.get(word="rechtsvorm").both_ways  # a category of the starting list


def test_wijk_and_buurt_make_the_same_compound_but_stay_apart_on_their_own():
    ResourceFactory(slug="buurtcoop", title="Een buurtcoöperatie voor deelauto's", summary="Kort.", body="")
    ResourceFactory(slug="wijk", title="Koffie in de wijk", summary="Kort.", body="")
    refresh_pending()
    assert search_keys("wijkcoöperatie")["r"] == ["r:buurtcoop"]
    assert search_keys("wijkcooperaties")["r"] == ["r:buurtcoop"]
    assert search_keys("buurt")["r"] == ["r:buurtcoop"]  # not the text that only says "wijk"


def test_everyday_verbs_find_the_formal_ones():
    ResourceFactory(slug="oprichten", title="Een stichting oprichten", summary="Kort.", body="")
    refresh_pending()
    assert search_keys("stichting beginnen")["r"] == ["r:oprichten"]


def test_a_known_word_is_never_corrected_into_another_word():
    ResourceFactory(slug="huisarts", title="Vervoer naar de huisarts", summary="Kort.", body="")
    refresh_pending()
    expanded = expand_query(parse_query("tandarts"))
    assert expanded.corrections == {}
    assert search_keys("tandarts")["r"] == []
    assert expand_query(parse_query("huisartz")).corrections == {"huisartz": "huisarts"}  # a real typo


def test_a_typo_is_never_corrected_into_a_stop_word_or_a_much_shorter_word():
    ResourceFactory(slug="geld", title="Geld voor de buurt", summary="Kort.", body="")
    refresh_pending()
    assert expand_query(parse_query("voorr")).corrections == {}
    assert expand_query(parse_query("buurtxyz")).corrections == {}
    assert expand_query(parse_query("buurrt")).corrections == {"buurrt": "buurt"}


def test_a_known_word_finds_a_new_form_of_itself_before_the_refresh():
    ResourceFactory(slug="nieuw", title="Dorpshuizen samen", summary="Kort.", body="")
    assert SearchWord.objects.get(word="dorpshuizen").expansion is None  # not filed yet
    expanded = expand_query(parse_query("dorpshuis"))
    assert expanded.corrections == {}  # no "Bedoelde je ...?": it is the same word
    assert search_keys("dorpshuis")["r"] == ["r:nieuw"]


def test_place_names_as_people_say_them():
    assert "Den Bosch" in other_names("'s-Hertogenbosch")
    assert "Hertogenbosch" in other_names("'s-Hertogenbosch")
    assert other_names("Bergen (NH.)") == ("Bergen",)
    assert other_names("Nuenen, Gerwen en Nederwetten") == ("Nuenen",)
    assert place_search_text("Leeuwarden", "Fryslân") == "Leeuwarden Ljouwert Fryslân Friesland"
    assert one_word_aliases()["ljouwert"] == "leeuwarden"
    assert "den bosch" not in one_word_aliases()


def test_an_initiative_is_found_by_every_name_of_its_place():
    InitiativeFactory(slug="muntel", name="Buurtmoestuin", municipality=municipality("'s-Hertogenbosch"))
    InitiativeFactory(slug="ljouwert", name="Repair Café", municipality=municipality("Leeuwarden"))
    refresh_pending()
    assert search_keys("den bosch")["i"] == ["i:muntel"]
    assert search_keys("moestuin hertogenbosch")["i"] == ["i:muntel"]
    assert search_keys("ljouwert")["i"] == ["i:ljouwert"]
    assert search_keys("friesland")["i"] == ["i:ljouwert"]


def test_a_one_word_place_alias_also_finds_other_texts():
    ResourceFactory(slug="leeuwarden", title="Wat we leerden in Leeuwarden", summary="Kort.", body="")
    refresh_pending()
    assert search_keys("ljouwert")["r"] == ["r:leeuwarden"]


def test_the_migration_gives_existing_initiatives_their_other_place_names():
    from importlib import import_module

    from django.apps import apps

    initiative = InitiativeFactory(slug="oud", name="Oud initiatief", municipality=municipality("Leeuwarden"))
    Initiative.objects.filter(pk=initiative.pk).update(place_names="Leeuwarden Fryslân")
    assert search_keys("ljouwert")["i"] == ["i:oud"]  # the one-word alias in the query
    assert search_keys("friesland")["i"] == ["i:oud"]
    migration = import_module("initiatives.migrations.0003_place_names_as_said")
    migration.forwards(apps, connection.schema_editor())
    assert Initiative.objects.get(pk=initiative.pk).place_names == "Leeuwarden Ljouwert Fryslân Friesland"


def test_the_migration_adds_everyday_synonyms_to_an_existing_list_and_keeps_the_staffs_lines():
    from importlib import import_module

    from django.apps import apps

    migration = import_module("wdhs.migrations.0003_synonyms_both_ways_and_everyday_words")
    SearchSynonym.objects.filter(word__in=migration.EVERYDAY_SYNONYMS).delete()
    SearchSynonym.objects.create(word="club", synonyms="sportclub")
    SearchSynonym.objects.filter(word="rechtsvorm").update(both_ways=True)
    migration.forwards(apps, connection.schema_editor())
    assert SearchSynonym.objects.get(word="club").synonyms == "sportclub"
    assert not SearchSynonym.objects.get(word="rechtsvorm").both_ways
    assert SearchSynonym.objects.get(word="beginnen").synonym_list == ["starten", "oprichten", "opzetten"]


@pytest.mark.parametrize(
    "text", ["buurthuizen", '"samen eten" in de buurt -geld', "speel tuin of moestuin", "it's o'brien \\ 100%"]
)
def test_the_expanded_query_goes_to_postgresql_as_its_tsquery_text(text):
    """Built once (wdhs.search.query.TsQuery): every statement after that gets one parameter, not the tree of
    plainto_tsquery() calls, and finds exactly what the tree finds."""
    from django.db.models import Q

    from knowledge.models import Resource
    from wdhs.search.query import TsQuery, _as_text

    for n, title in enumerate(["Samen eten in de buurt", "Een buurthuis runnen", "Speeltuin opknappen", "Geld"]):
        ResourceFactory(title=title, summary=f"Tekst {n}.")
    refresh_pending()
    expanded = expand_query(parse_query(text))
    queries = [expanded.query, *(part.query for part in expanded.parts)]
    assert all(isinstance(query, TsQuery) for query in queries if query is not None)
    if expanded.query is None:
        return
    assert isinstance(expanded.query, TsQuery)
    found = Resource.objects.filter(search_vector=expanded.query)
    sql = str(found.query)
    assert "plainto_tsquery" not in sql and "::tsquery" in sql
    # The same text from PostgreSQL for the text as for the tree it came from, and so the same documents.
    with connection.cursor() as cursor:
        cursor.execute("SELECT %s::tsquery::text", [expanded.query.text])
        assert cursor.fetchone()[0] == expanded.query.text
    (again,) = _as_text([expanded.query])
    assert isinstance(again, TsQuery) and again.text == expanded.query.text
    by_parts = Q()
    for part in expanded.parts:
        by_parts &= Q(search_vector=part.query)
    if expanded.parts and expanded.fixed is None:
        assert set(found) == set(Resource.objects.filter(by_parts))
