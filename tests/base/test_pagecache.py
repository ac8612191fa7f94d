"""The page cache (wdhs/pagecache.py): public pages come from the cache until the content changes."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from initiatives.models import Initiative
from tests.factories import InitiativeFactory, UserFactory
from wdhs import pagecache
from wdhs.health import beat

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


@pytest.fixture
def page_cache():
    cache.clear()
    with override_settings(WDHS_PAGE_CACHE=True):
        yield
    cache.clear()


def test_second_visit_comes_from_the_cache_with_one_query(client, django_assert_num_queries):
    initiative = InitiativeFactory(name="Buurtmoestuin De Wilg")
    first = client.get(initiative.get_absolute_url())
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(2):  # the content version, and the cache (the database cache here)
        second = client.get(initiative.get_absolute_url())
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_a_save_shows_at_once(client):
    initiative = InitiativeFactory(name="Buurtmoestuin De Wilg")
    assert "De Wilg" in client.get(initiative.get_absolute_url()).content.decode()
    initiative.name = "Buurtmoestuin De Eik"
    initiative.save()
    assert "De Eik" in client.get(initiative.get_absolute_url()).content.decode()


def test_a_bulk_update_and_raw_sql_show_at_once(client):
    initiative = InitiativeFactory(name="Buurtmoestuin De Wilg")
    url = initiative.get_absolute_url()
    client.get(url)
    Initiative.objects.filter(pk=initiative.pk).update(name="Buurtmoestuin De Beuk")
    assert "De Beuk" in client.get(url).content.decode()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE initiatives_initiative SET name = 'De Linde' WHERE id = %s", [initiative.pk])
    assert "De Linde" in client.get(url).content.decode()


def test_a_change_to_a_link_table_shows_at_once(client):
    initiative = InitiativeFactory()
    url = initiative.get_absolute_url()
    before = client.get(url).content
    initiative.themes.clear()
    after = client.get(url)
    assert after["X-Page-Cache"] == "miss" and after.content != before


def test_every_content_table_has_the_trigger():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname = %s",
            ["wdhs_content_changed"],
        )
        with_trigger = {row[0] for row in cursor.fetchall()}
    tables = pagecache.content_tables()
    assert "initiatives_initiative" in tables and "initiatives_initiative_themes" in tables
    assert "knowledge_resource" in tables and "goals_update" in tables
    assert "wdhs_searchword" not in tables and "wdhs_user" not in tables
    assert "wdhs_formsubmission" not in tables  # a contact message changes no page: the cache stays
    assert set(tables) <= with_trigger
    assert "wdhs_workerheartbeat" not in with_trigger  # bookkeeping keeps no trigger, also from an older release


def test_a_worker_heartbeat_keeps_the_cache(client):
    """Every task worker writes a heartbeat every 30 seconds: that must not empty the page cache."""
    InitiativeFactory()
    client.get("/initiatieven/")
    beat("worker-1", started_at=timezone.now())
    assert client.get("/initiatieven/")["X-Page-Cache"] == "hit"


def test_install_drops_the_trigger_of_a_table_that_is_no_longer_content():
    with connection.cursor() as cursor:
        cursor.execute(pagecache.TRIGGER_SQL.format(table="wdhs_workerheartbeat"))
    pagecache.install()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
            " WHERE t.tgname = 'wdhs_content_changed' AND c.relname = 'wdhs_workerheartbeat'"
        )
        assert cursor.fetchone() == (0,)


def test_visitors_with_an_account_are_never_served_from_the_cache(client):
    initiative = InitiativeFactory()
    client.get(initiative.get_absolute_url())
    client.force_login(UserFactory(display_name="Fatima de Vries"))
    response = client.get(initiative.get_absolute_url())
    assert "X-Page-Cache" not in response
    assert "Uitloggen" in response.content.decode() or "Mijn" in response.content.decode()


def test_pages_with_a_form_token_are_not_cached(client):
    first = client.get("/vraag/")
    assert first.status_code == 200 and "csrfmiddlewaretoken" in first.content.decode()
    assert "X-Page-Cache" not in first
    assert "X-Page-Cache" not in client.get("/vraag/")


def test_errors_and_private_pages_are_not_cached(client):
    assert "X-Page-Cache" not in client.get("/initiatieven/bestaat-niet/")
    assert "X-Page-Cache" not in client.get("/healthz")


def test_a_post_is_never_answered_from_the_cache(client):
    client.get("/vraag/")
    response = client.post("/vraag/", {})
    assert "X-Page-Cache" not in response


def test_off_by_setting(client):
    initiative = InitiativeFactory()
    with override_settings(WDHS_PAGE_CACHE=False):
        client.get(initiative.get_absolute_url())
        assert "X-Page-Cache" not in client.get(initiative.get_absolute_url())


def test_counts_kept_for_many_pages_follow_every_change(client, django_assert_max_num_queries):
    """Facet counts, the province map and the theme grid are kept in the cache until the content changes."""
    client.force_login(UserFactory())  # past the page cache: only the kept counts are in play
    InitiativeFactory.create_batch(2)
    # A filtered list: the unfiltered one reads the counts the database keeps (wdhs/counts.py), counted or not.
    url = "/initiatieven/?provincie=utrecht&thema=wonen"
    client.get(url)
    with django_assert_max_num_queries(99) as warm:
        client.get(url)
    assert not [q for q in warm.captured_queries if "GROUP BY" in q["sql"]]
    with override_settings(WDHS_PAGE_CACHE=False), django_assert_max_num_queries(99) as cold:
        client.get(url)
    assert [q for q in cold.captured_queries if "GROUP BY" in q["sql"]]
    InitiativeFactory.create_batch(3)
    provinces = next(f for f in client.get("/initiatieven/").context["facets"] if f.param == "provincie")
    assert sum(item.count for item in provinces.items) == 5


def test_the_code_version_in_every_key_changes_with_the_code_and_templates(tmp_path, settings):
    """After a deploy no page from old templates and no memo in an old shape is read: the keys hold a fingerprint of
    the code and templates, the same for the same code on every server."""
    (tmp_path / "wdhs").mkdir()
    (tmp_path / "templates").mkdir()
    (tmp_path / "wdhs" / "views.py").write_text("x = 1\n")
    (tmp_path / "templates" / "home.html").write_text("<h1>Hallo</h1>\n")
    settings.BASE_DIR = tmp_path

    def fingerprint() -> str:
        pagecache.code_version.cache_clear()
        return pagecache.code_version()

    first = fingerprint()
    assert fingerprint() == first
    (tmp_path / "templates" / "home.html").write_text("<h1>Welkom</h1>\n")
    second = fingerprint()
    assert second != first
    (tmp_path / "wdhs" / "views.py").write_text("x = 2\n")
    assert fingerprint() not in (first, second)
    (tmp_path / "wdhs" / "notes.md").write_text("niet de code\n")
    third = fingerprint()
    (tmp_path / "wdhs" / "notes.md").write_text("nog steeds niet\n")
    assert fingerprint() == third
    pagecache.code_version.cache_clear()


def test_a_memo_kept_in_the_process_follows_every_change():
    """in_process keeps one value per name in memory, for the versions of the tables it read: the same versions
    reuse it without computing, a change to a table it read computes it anew."""
    from tests.factories import InitiativeFactory

    calls = []

    def compute() -> int:
        calls.append(Initiative.objects.count())
        return len(calls)

    with override_settings(WDHS_PAGE_CACHE=True):
        first = pagecache.memo(("test-in-process",), compute, in_process=True)
        assert pagecache.memo(("test-in-process",), compute, in_process=True) == first
        assert len(calls) == 1
        InitiativeFactory()  # a write to a table it read bumps that table's version
        assert pagecache.memo(("test-in-process",), compute, in_process=True) == first + 1
        assert len(calls) == 2
