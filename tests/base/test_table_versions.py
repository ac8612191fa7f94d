"""Counts kept per table (wdhs.pagecache.memo): a value is kept under the versions of exactly the content tables
its computation read, so a write to initiatives leaves the knowledge counts warm and the other way round, while a
write to any table a value read still shows at once."""

from __future__ import annotations

import hashlib

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import override_settings

from initiatives.models import Initiative
from knowledge.models import Resource
from tests.base.test_shared_counts import _counting, _facet
from tests.factories import InitiativeFactory, ResourceFactory, municipality, term
from wdhs import pagecache
from wdhs.models import Term

pytestmark = pytest.mark.django_db

KNOWLEDGE = "/kennis/?thema=zorg-en-welzijn&fase=starten"


@pytest.fixture(autouse=True)
def shared_counts():
    cache.clear()
    with override_settings(WDHS_PAGE_CACHE=False, WDHS_SHARED_COUNTS=True):
        yield
    cache.clear()


def test_a_write_to_an_initiative_leaves_the_knowledge_counts_warm(client, django_assert_max_num_queries):
    ResourceFactory()
    initiative = InitiativeFactory(name="Repair Café De Schroef")
    client.get(KNOWLEDGE)
    client.get("/kennis/")
    Initiative.objects.filter(pk=initiative.pk).update(name="Repair Café De Moer")
    for url in (KNOWLEDGE, "/kennis/"):
        with django_assert_max_num_queries(20) as warm:
            assert client.get(url).context["total"] == 1
        assert _counting(warm.captured_queries) == [], url


def test_a_write_to_a_resource_leaves_the_initiative_counts_warm(client, django_assert_max_num_queries):
    InitiativeFactory(themes=[term("theme", "wonen")], municipality=municipality("Amersfoort"))
    resource = ResourceFactory()
    client.get("/initiatieven/?thema=wonen")
    Resource.objects.filter(pk=resource.pk).update(title="Zo start je een buurtmoestuin")
    with django_assert_max_num_queries(20) as warm:
        assert client.get("/initiatieven/?thema=wonen").context["page_obj"].paginator.count == 1
    assert _counting(warm.captured_queries) == []


def test_a_write_to_a_link_table_alone_changes_the_counts(client):
    """Only the many-to-many table changes (no save of the resource itself): the theme count still follows."""
    resource = ResourceFactory()
    assert _facet(client.get("/kennis/"), "thema").get("wonen") in (None, 0)
    resource.themes.add(term("theme", "wonen"))
    assert _facet(client.get("/kennis/"), "thema")["wonen"] == 1
    initiative = InitiativeFactory(themes=[term("theme", "wonen")])
    assert _facet(client.get("/initiatieven/"), "thema").get("zorg-en-welzijn") in (None, 0)
    initiative.themes.add(term("theme", "zorg-en-welzijn"))
    assert _facet(client.get("/initiatieven/"), "thema")["zorg-en-welzijn"] == 1


def test_a_renamed_term_shows_on_both_lists(client):
    ResourceFactory()
    InitiativeFactory(themes=[term("theme", "zorg-en-welzijn")])
    for url in ("/kennis/", "/initiatieven/"):
        client.get(url)
    Term.objects.filter(vocabulary="theme", slug="zorg-en-welzijn").update(name="Zorg en elkaar helpen")
    for url in ("/kennis/", "/initiatieven/"):
        assert "Zorg en elkaar helpen" in client.get(url).content.decode(), url


def test_a_memo_learns_the_tables_it_read():
    def count() -> int:
        return Initiative.objects.filter(themes__slug="wonen").count()

    pagecache.memo(("test-learn",), count)
    key = f"memo:{pagecache.code_version()}:{hashlib.sha256(repr(('test-learn',)).encode()).hexdigest()}"
    assert cache.get(key)[0] == {"initiatives_initiative", "initiatives_initiative_themes", "wdhs_term"}


def test_a_value_is_kept_until_a_table_it_read_changes():
    calls: list[int] = []

    def count() -> int:
        calls.append(1)
        return Initiative.objects.count()

    assert pagecache.memo(("test-kept",), count) == 0
    ResourceFactory()  # another table
    assert pagecache.memo(("test-kept",), count) == 0
    assert len(calls) == 1
    InitiativeFactory()
    assert pagecache.memo(("test-kept",), count) == 1
    assert len(calls) == 2
    with connection.cursor() as cursor:  # raw SQL and another way of writing count as well
        cursor.execute("DELETE FROM initiatives_initiative_themes")
        cursor.execute("UPDATE initiatives_initiative SET name = name || ' (oud)'")
    assert pagecache.memo(("test-kept",), count) == 1
    assert len(calls) == 3


def test_a_memo_inside_another_passes_on_its_tables():
    """The inner value comes from the cache (no query), yet the outer one still depends on the inner's tables."""

    def inner() -> int:
        return Resource.objects.count()

    pagecache.memo(("test-inner",), inner)

    def outer() -> int:
        return pagecache.memo(("test-inner",), inner) + Initiative.objects.count()

    assert pagecache.memo(("test-outer",), outer) == 0
    ResourceFactory()
    assert pagecache.memo(("test-outer",), outer) == 1


def test_a_second_read_is_one_cache_read(django_assert_num_queries):
    """The tables, their versions and the value are one entry: reading it is one query to the DatabaseCache, besides
    the versions (read once per request)."""

    def count() -> int:
        return Initiative.objects.count()

    pagecache.memo(("test-one-read",), count)
    with django_assert_num_queries(2):  # the versions, the cache
        assert pagecache.memo(("test-one-read",), count) == 0


def test_a_table_without_its_own_row_follows_every_change():
    """A table that has no row yet (a new table before the next migrate) counts with the version of all content."""
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM wdhs_table_version WHERE name = 'initiatives_initiative'")
    calls: list[int] = []

    def count() -> int:
        calls.append(1)
        return Initiative.objects.count()

    pagecache.memo(("test-no-row",), count)
    ResourceFactory()  # only the version of all content moves for initiatives_initiative here
    pagecache.memo(("test-no-row",), count)
    assert len(calls) == 2


def test_bulk_loads_without_triggers_move_every_table():
    before = pagecache.versions()
    with connection.cursor() as cursor:
        pagecache.mark_changed(cursor)
    after = pagecache.versions()
    assert all(after[name] != version for name, version in before.items())


def test_a_value_that_reads_a_table_without_versions_follows_every_change():
    """Accounts have no trigger: a value that reads them (a goal's number of members) follows every change to the
    content, as before there were versions per table, instead of staying until it expires."""
    from wdhs.models import User

    calls: list[int] = []

    def members() -> int:
        calls.append(1)
        return User.objects.count()

    pagecache.memo(("test-members",), members)
    pagecache.memo(("test-members",), members)
    assert len(calls) == 1
    ResourceFactory()
    pagecache.memo(("test-members",), members)
    assert len(calls) == 2


def test_tables_named_by_hand_replace_the_learnt_ones():
    calls: list[int] = []

    def count() -> int:
        calls.append(1)
        return len(calls)

    pagecache.memo(("test-by-hand",), count, depends_on=("knowledge_resource",), in_process=True)
    InitiativeFactory()
    pagecache.memo(("test-by-hand",), count, depends_on=("knowledge_resource",), in_process=True)
    assert len(calls) == 1
    ResourceFactory()
    pagecache.memo(("test-by-hand",), count, depends_on=("knowledge_resource",), in_process=True)
    assert len(calls) == 2
    pagecache.memo(("test-everything",), count, depends_on=(pagecache.ALL_CONTENT,))
    InitiativeFactory()
    pagecache.memo(("test-everything",), count, depends_on=(pagecache.ALL_CONTENT,))
    assert len(calls) == 4
