"""The index stays right on every write path, the rebuild command, word forms, and index use (EXPLAIN)."""

from __future__ import annotations

import importlib
import io

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from initiatives.models import Initiative, Status
from knowledge.models import FundingScheme, Organisation, Resource
from tests.background import committed, queued, run_queued_tasks
from tests.factories import FundingSchemeFactory, InitiativeFactory, OrganisationFactory, ResourceFactory, term
from tests.search.keys import search_keys
from wdhs.models import Municipality, SearchWord
from wdhs.search import triggers
from wdhs.search.index import refresh_pending
from wdhs.search.lexicon import compound_parts, query_parts, word_forms
from wdhs.search.query import expand_query, parse_query
from wdhs.search.registry import search_source

pytestmark = pytest.mark.django_db


def kennis(query: str) -> list[str]:
    return search_keys(query)["r"]


@pytest.mark.parametrize(
    ("word", "forms"),
    [
        ("subsidies", {"subsidie"}),
        ("initiatieven", {"initiatief"}),
        ("buurthuizen", {"buurthuis", "buurt", "huis"}),
        ("buurtje", {"buurt"}),
        ("ideeën", {"idee"}),
        ("energiecoöperaties", {"energie", "coöperatie"}),
        ("bewonersinitiatieven", {"bewoner", "initiatief"}),
        ("wijkcoöperaties", {"wijk", "coöperatie"}),
        ("ontmoetingsplek", {"ontmoeting", "plek"}),
        ("speeltuintje", {"speeltuin", "tuin"}),
        ("repaircafés", {"repair", "café"}),  # an English modifier simplemma does not know
        ("repaircafe", {"repair", "café"}),
    ],
)
def test_word_forms(word, forms):
    assert forms <= set(word_forms(word))


@pytest.mark.parametrize("word", ["vrijwilliger", "gemeente", "kinderen", "persoonlijk", "stichting"])
def test_simple_words_are_not_split(word):
    assert not (set(word_forms(word)) - {"kind", "vrijwilliger", "gemeente", "stichting"})


def test_an_english_word_is_a_modifier_only():
    assert query_parts("repaircafé") == ("repair", "café")
    assert compound_parts("caférepair") == ()  # a head must be Dutch


def test_query_parts_drop_the_linking_sound():
    assert query_parts("bewonersinitiatieven") == ("bewoner", "initiatief")
    assert query_parts("energiecoöperaties") == ("energie", "coöperatie")
    assert compound_parts("huis") == ()


def test_save_and_queryset_update_keep_the_index(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        resource = ResourceFactory(title="Eerst dit")
    assert kennis("energie") == []
    Resource.objects.filter(pk=resource.pk).update(title="Daarna een energiecoöperatie")
    refresh_pending()  # a queryset update sends no signal: the refresh job files the words
    assert kennis("energie") == [f"r:{resource.slug}"]
    resource.refresh_from_db()
    resource.title = "Nu over buurthuizen"
    with django_capture_on_commit_callbacks(execute=True):
        resource.save()
    assert kennis("energie") == []
    assert kennis("buurthuis") == [f"r:{resource.slug}"]


def test_bulk_create_and_bulk_update_keep_the_index():
    organisation = OrganisationFactory()
    kind = term("knowledge_kind", "artikel")
    made = Resource.objects.bulk_create(
        [
            Resource(
                title=f"Wijkcoöperaties deel {n}",
                slug=f"bulk-{n}",
                summary="Kort.",
                body="Tekst.",
                kind=kind,
                organisation=organisation,
                status=Resource.Status.DRAFT,
            )
            for n in range(3)
        ]
    )
    for resource in made:
        resource.status = Resource.Status.PUBLISHED
        resource.published_at = resource.created_at
    Resource.objects.bulk_update(made, ["status", "published_at"])
    refresh_pending()  # bulk writes send no signals: the loader (or the refresh job) files the words
    assert sorted(kennis("coöperatie")) == ["r:bulk-0", "r:bulk-1", "r:bulk-2"]
    for resource in made:
        resource.title = "Iets over subsidies"
    Resource.objects.bulk_update(made, ["title"])
    refresh_pending()
    assert kennis("coöperatie") == []
    assert len(kennis("subsidie")) == 3


def test_raw_sql_like_a_data_migration_keeps_the_index():
    initiative = InitiativeFactory(name="Zomaar iets")
    with connection.cursor() as cursor:
        cursor.execute("UPDATE initiatives_initiative SET name = 'Dorpshuizen Samen' WHERE id = %s", [initiative.pk])
    refresh_pending()
    assert search_keys("dorpshuis")["i"] == [f"i:{initiative.slug}"]


def test_admin_edit_keeps_the_index(client, staff, django_capture_on_commit_callbacks):
    organisation = OrganisationFactory(name="Iets", slug="iets", description="Kort.")
    client.force_login(staff)
    url = reverse("admin:knowledge_organisation_change", args=[organisation.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {
                "name": "Koepel van Zorgcoöperaties",
                "short_name": "",
                "slug": "iets",
                "kind": "landelijk",
                "description": "Wij helpen zorgcoöperaties.",
                "website": "",
                "is_national": "on",
                "services": "",
                "contact": "",
                "memberships-TOTAL_FORMS": "0",
                "memberships-INITIAL_FORMS": "0",
                "memberships-MIN_NUM_FORMS": "0",
                "memberships-MAX_NUM_FORMS": "1000",
            },
        )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert search_keys("coöperatie")["o"] == ["o:iets"]


def test_theme_change_reindexes_the_resource():
    resource = ResourceFactory(title="Samen koken", themes=[term("theme", "voedsel")])
    resource.themes.set([term("theme", "energie-en-klimaat")])
    assert kennis("klimaat") == [f"r:{resource.slug}"]


def test_unknown_words_are_queued_then_filed_after_the_write_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        ResourceFactory(title="Het zwembadcomité")
        ResourceFactory(title="Nog een zwembadcomité")
    assert SearchWord.objects.filter(word="zwembadcomité", expansion__isnull=True).exists()
    assert len(callbacks) == 1  # one refresh per transaction, however many rows it wrote
    callbacks[0]()
    assert SearchWord.objects.get(word="zwembadcomité").expansion is not None


def test_the_refresh_is_a_task_in_the_queue_once_per_transaction(task_queue):
    with committed(), transaction.atomic():
        ResourceFactory(title="Het zwembadcomité")
        ResourceFactory(title="Nog een zwembadcomité")
        assert queued("refresh_words") == []  # not before the commit
    assert len(queued("refresh_words")) == 1
    assert SearchWord.objects.get(word="zwembadcomité").expansion is None  # the request did not do it
    assert run_queued_tasks() == 1
    assert SearchWord.objects.get(word="zwembadcomité").expansion is not None
    assert kennis("zwembad") != []


def test_a_rolled_back_write_queues_no_refresh(task_queue):
    with committed(), pytest.raises(RuntimeError), transaction.atomic():
        ResourceFactory(title="Het zwembadcomité")
        raise RuntimeError("the write fails")
    assert queued("refresh_words") == []


def test_the_hourly_sweep_files_words_of_bulk_writes(task_queue):
    resource = ResourceFactory(title="Eerst dit")
    refresh_pending()
    Resource.objects.filter(pk=resource.pk).update(title="Het zwembadcomité")  # no signal, no refresh queued
    assert queued("refresh_words") == []
    call_command("enqueue_periodic_jobs", stdout=io.StringIO())
    assert len(queued("refresh_words")) == 1
    run_queued_tasks()
    assert SearchWord.objects.get(word="zwembadcomité").expansion is not None
    assert kennis("zwembad") == [f"r:{resource.slug}"]


def test_a_search_never_writes(client):
    """GET pages only read: words that writes queued wait for the refresh, the search answers with what is indexed."""
    ResourceFactory(title="Het zwembadcomité", summary="Over zwembaden.")
    InitiativeFactory(name="Zwembadcomité Oost")
    assert SearchWord.objects.filter(expansion__isnull=True).exists()
    urls = [
        (reverse("search:results"), {"q": "zwembadcomité"}),
        (reverse("search:results"), {"q": "zwembad", "soort": "kennis"}),
        (reverse("knowledge:list"), {"q": "zwembadcomite"}),
        (reverse("initiatives:list"), {"q": "zwembad comité"}),
        (reverse("knowledge:organisation_list"), {"q": "zwembad"}),
        (reverse("funding:finder"), {"q": "zwembad"}),
        (reverse("home"), {}),
    ]
    for url, params in urls:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url, params).status_code == 200
        writes = [q["sql"] for q in queries.captured_queries if q["sql"].lstrip().split()[0].upper() in WRITES]
        assert writes == [], (url, writes)
    assert SearchWord.objects.filter(expansion__isnull=True).exists()


WRITES = {"INSERT", "UPDATE", "DELETE", "MERGE", "TRUNCATE"}


def test_rebuild_command_rebuilds_everything(capsys):
    resource = ResourceFactory(title="Energiecoöperaties in de regio")
    initiative = InitiativeFactory(name="Buurthuizen Noord")
    organisation = OrganisationFactory(name="Huurdersverenigingen Samen")
    # Lose every word form (as after a change to the splitter) and index without them.
    SearchWord.objects.update(expansion="")
    Resource.objects.update(title=F("title"))
    Initiative.objects.update(name=F("name"))
    Organisation.objects.update(name=F("name"))
    assert kennis("energie") == []
    call_command("rebuild_search_index")
    assert "De zoekindex is opnieuw opgebouwd." in capsys.readouterr().out
    assert not SearchWord.objects.filter(expansion__isnull=True).exists()
    assert kennis("energie") == [f"r:{resource.slug}"]
    assert search_keys("buurthuis")["i"] == [f"i:{initiative.slug}"]
    assert search_keys("vereniging")["o"] == [f"o:{organisation.slug}"]


def _plan(queryset) -> str:  # noqa: ANN001
    """The plan with sequential scans priced out: at test size a scan is cheaper than any index, so
    this shows whether the query *can* use the GIN index (a query that cannot still shows a Seq Scan)."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("SET LOCAL enable_seqscan = on")
    return plan


WORDS = [
    "tuin",
    "fiets",
    "school",
    "huis",
    "straat",
    "pad",
    "plan",
    "feest",
    "markt",
    "bank",
    "kerk",
    "sport",
    "zorg",
    "taal",
    "muziek",
    "boek",
    "weg",
    "park",
    "water",
    "boom",
    "kunst",
    "koor",
    "dans",
    "film",
    "brood",
    "soep",
    "klus",
    "auto",
    "bus",
    "trein",
    "hond",
    "kat",
    "vis",
    "zon",
    "wind",
    "dak",
    "raam",
    "deur",
]


def _many_documents() -> None:
    """A few thousand rows of varied text, most published, like a grown portal."""
    organisation = OrganisationFactory()
    kind = term("knowledge_kind", "artikel")
    municipality = Municipality.objects.first()
    initiative_kind = term("initiative_kind", "bewonersinitiatief")
    legal_form = term("legal_form", "stichting")
    phase = term("phase", "groeien")
    texts = [f"{a} {b} {c}" for a in WORDS for b in WORDS[::3] for c in WORDS[::7]][:1500]
    Resource.objects.bulk_create(
        Resource(
            title=f"Over {text}",
            slug=f"veel-{n}",
            summary=f"Iets over {text}.",
            body=f"Lange tekst over {text}.",
            kind=kind,
            organisation=organisation,
            status=Resource.Status.PUBLISHED,
            published_at=organisation.created_at,
        )
        for n, text in enumerate(texts)
    )
    Initiative.objects.bulk_create(
        Initiative(
            name=f"Samen {text}",
            slug=f"veel-{n}",
            description=f"Wij doen iets met {text}.",
            kind=initiative_kind,
            legal_form=legal_form,
            phase=phase,
            municipality=municipality,
            active_people="6-15",
            status=Status.PUBLISHED,
        )
        for n, text in enumerate(texts)
    )
    Organisation.objects.bulk_create(
        Organisation(name=f"Stichting {text} {n}", slug=f"veel-{n}", kind="lokaal", description=f"Over {text}.")
        for n, text in enumerate(texts[:800])
    )
    funding_kind = term("funding_kind", "gift")
    FundingScheme.objects.bulk_create(
        FundingScheme(
            name=f"Regeling {text}",
            slug=f"veel-{n}",
            funder_name="Fonds",
            kind=funding_kind,
            summary=f"Geld voor {text}.",
            apply_url="https://example.org/",
        )
        for n, text in enumerate(texts)
    )
    ResourceFactory(title="Subsidies voor buurthuizen", summary="Vrijwilligers en energie.")
    FundingSchemeFactory(name="Subsidies voor buurthuizen", summary="Vrijwilligers en energie.")
    InitiativeFactory(name="Energiecoöperatie Buurthuizen")
    OrganisationFactory(name="Vereniging van buurthuizen", description="Subsidies en vrijwilligers.")
    with connection.cursor() as cursor:
        # What autovacuum does on a live server: move new entries from the GIN pending list into the index.
        for index in (
            "resource_search_gin",
            "initiative_search_gin",
            "organisation_search_gin",
            "fundingscheme_search_gin",
        ):
            cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [index])
        for table in (
            "knowledge_resource",
            "initiatives_initiative",
            "knowledge_organisation",
            "knowledge_fundingscheme",
            "wdhs_searchword",
        ):
            cursor.execute(f"ANALYZE {table}")


HOT_QUERIES = ["subsidies buurthuizen", "energie", "vrijwiligers", '"kamer van koophandel"', "geld"]
SOURCES = [
    ("kennis", "knowledge_resource", "resource_search_gin"),
    ("initiatieven", "initiatives_initiative", "initiative_search_gin"),
    ("organisaties", "knowledge_organisation", "organisation_search_gin"),
    ("financiering", "knowledge_fundingscheme", "fundingscheme_search_gin"),
]


def test_hot_queries_use_the_search_index():
    _many_documents()
    refresh_pending()  # file the new words first, as the refresh after a write does
    for query in HOT_QUERIES:
        expanded = expand_query(parse_query(query))
        for key, table, index in SOURCES:
            source = search_source(key)
            found = source.search(None, expanded)
            # The page's own queries (first results, count) never scan the whole table ...
            for queryset in (found[:5], found.order_by()):
                plan = _plan(queryset)
                assert f"Seq Scan on {table}" not in plan, plan
            # ... and the search condition itself is answered from the GIN index.
            model = found.model
            plan = _plan(model.objects.filter(search_vector=expanded.query).order_by().values("pk"))
            assert index in plan, (query, plan)


def test_vocabulary_lookups_use_indexes():
    ResourceFactory(title="Vrijwilligers vinden")
    refresh_pending()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN SELECT word FROM wdhs_searchword WHERE plain %% %s", ["vrijwiligers"])
        trigram = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("EXPLAIN SELECT plain FROM wdhs_searchword WHERE plain = ANY(%s::text[])", [["a", "b"]])
        exact = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute(
            "EXPLAIN SELECT 1 FROM wdhs_searchword WHERE string_to_array(expansion, ' ') && %s::text[]", [["huis"]]
        )
        forms = "\n".join(row[0] for row in cursor.fetchall())
    assert "wdhs_searchword_trgm" in trigram
    assert "Seq Scan" not in exact
    assert "wdhs_searchword_forms" in forms


def test_initiatives_and_organisations_models_keep_their_vector():
    initiative = InitiativeFactory(name="Windcoöperatie")
    organisation = OrganisationFactory(name="Windkoepel")
    assert Initiative.objects.get(pk=initiative.pk).search_vector
    assert Organisation.objects.get(pk=organisation.pk).search_vector


def test_trigger_helper_gives_a_new_source_the_same_word_forms():
    create, drop = triggers.vector_trigger("zoektest_regeling", [("NEW.title", "A"), ("NEW.description", "C")])
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE zoektest_regeling"
            " (id serial PRIMARY KEY, title text, description text, search_vector tsvector)"
        )
        cursor.execute(create)
        cursor.execute("INSERT INTO zoektest_regeling (title, description) VALUES ('Subsidies voor buurthuizen', 'x')")
        refresh_pending()  # files the queued words
        cursor.execute("UPDATE zoektest_regeling SET search_vector = NULL")
        cursor.execute("SELECT count(*) FROM zoektest_regeling WHERE search_vector @@ to_tsquery('wdhs_dutch', 'huis')")
        assert cursor.fetchone()[0] == 1
        cursor.execute(drop)


def test_touch_trigger_reindexes_documents_when_a_related_name_changes():
    create, drop = triggers.touch_trigger(
        "zoektest_naam_gewijzigd",
        on="zoektest_naam",
        columns=("name",),
        documents="zoektest_doc",
        where="name_id = NEW.id",
    )
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE zoektest_naam (id serial PRIMARY KEY, name text)")
        cursor.execute("CREATE TABLE zoektest_doc (id serial PRIMARY KEY, name_id int, search_vector tsvector)")
        cursor.execute(create)
        cursor.execute("INSERT INTO zoektest_naam (name) VALUES ('a') RETURNING id")
        name_id = cursor.fetchone()[0]
        cursor.execute("INSERT INTO zoektest_doc (name_id, search_vector) VALUES (%s, 'x')", [name_id])
        cursor.execute("UPDATE zoektest_naam SET name = 'a'")  # no real change: nothing touched
        cursor.execute("SELECT count(*) FROM zoektest_doc WHERE search_vector IS NULL")
        assert cursor.fetchone()[0] == 0
        cursor.execute("UPDATE zoektest_naam SET name = 'b'")
        cursor.execute("SELECT count(*) FROM zoektest_doc WHERE search_vector IS NULL")
        assert cursor.fetchone()[0] == 1
        cursor.execute(drop)


@pytest.mark.parametrize(
    ("table", "parts"),
    [("x; DROP TABLE y", [("NEW.title", "A")]), ("ok", [("NEW.title", "E")]), ("ok", []), ("a b", [("NEW.t", "A")])],
)
def test_trigger_helper_refuses_odd_names(table, parts):
    with pytest.raises(ValueError):
        triggers.vector_trigger(table, parts)


def test_demo_loader_files_the_words_and_the_schemes_are_findable(demo):
    assert not SearchWord.objects.filter(expansion__isnull=True).exists()
    assert search_keys("energiecoöperaties")["f"]


def test_search_works_in_parallel_workers():
    """At tens of thousands of rows PostgreSQL plans a search in parallel; force that at test size."""
    resource = ResourceFactory(title="Samen een buurthuis runnen")
    refresh_pending()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL debug_parallel_query = on")
        found = [r.slug for r in search_source("kennis").search(None, expand_query(parse_query("buurthuizen")))]
        cursor.execute("SELECT count(*) FROM knowledge_resource WHERE to_tsvector(title) @@ to_tsquery('buurthuis')")
        plain = cursor.fetchone()[0]
        cursor.execute("SET LOCAL debug_parallel_query = off")
    assert found == [resource.slug]
    assert plain == 1


def test_the_worker_and_the_web_server_load_the_dictionary_at_start():
    from django.core.management import get_commands

    from wdhs.search import lexicon

    # Our db_worker (wdhs comes before django_tasks_db in INSTALLED_APPS) warms up before it takes tasks.
    assert get_commands()["db_worker"] == "wdhs"
    lexicon.lemma.cache_clear()
    lexicon.warm_up()
    assert lexicon.lemma.cache_info().currsize == 1
    lexicon.lemma.cache_clear()
    importlib.reload(importlib.import_module("wdhs.wsgi"))  # what a web server does at start
    assert lexicon.lemma.cache_info().currsize >= 1
