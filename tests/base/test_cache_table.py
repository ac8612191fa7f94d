"""The cache table in PostgreSQL (wdhs.cache.PostgresCache): Django's semantics, one statement per write."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wdhs.cache import PostgresCache

pytestmark = pytest.mark.django_db

TABLE = "wdhs_cache_test"


@pytest.fixture
def cache() -> PostgresCache:
    call_command("createcachetable", TABLE, verbosity=0)
    return PostgresCache(TABLE, {"KEY_PREFIX": "t", "OPTIONS": {"MAX_ENTRIES": 5, "CULL_FREQUENCY": 2}})


def rows() -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {TABLE}")  # noqa: S608 - a constant
        return cursor.fetchone()[0]


def test_set_get_and_overwrite(cache: PostgresCache) -> None:
    cache.set("a", {"n": 1})
    assert cache.get("a") == {"n": 1}
    cache.set("a", [2, "twee"])
    assert cache.get("a") == [2, "twee"]
    cache.set("forever", "blijft", timeout=None)
    assert cache.get("forever") == "blijft"
    cache.set("gone", "weg", timeout=0)  # Django: 0 expires at once
    assert cache.get("gone", "mis") == "mis"


def test_add_only_when_missing_or_expired(cache: PostgresCache) -> None:
    assert cache.add("k", "eerste") is True
    assert cache.add("k", "tweede") is False
    assert cache.get("k") == "eerste"
    cache.set("old", "oud", timeout=0)
    assert cache.add("old", "nieuw") is True
    assert cache.get("old") == "nieuw"


def test_touch(cache: PostgresCache) -> None:
    assert cache.touch("nothing") is False
    cache.set("k", "v", timeout=0)
    assert cache.touch("k", timeout=60) is True
    assert cache.get("k") == "v"


def test_a_write_is_one_statement(cache: PostgresCache) -> None:
    with CaptureQueriesContext(connection) as queries:
        cache.set("k", "v")
        cache.set("k", "w")
        cache.add("other", "x")
        cache.add("other", "y")
    assert len(queries) == 4, [q["sql"] for q in queries]
    assert not any("COUNT(*) FROM" in q["sql"] and "written" not in q["sql"] for q in queries)
    assert cache.get("other") == "x"


def test_the_table_is_culled_when_postgresql_counts_it_full(cache: PostgresCache) -> None:
    """The write reads PostgreSQL's estimate of the rows (kept by autovacuum; here ANALYZE): below MAX_ENTRIES
    nothing more, over it the rows are counted and culled as Django does."""
    for i in range(12):
        cache.set(f"k{i}", i)
    assert rows() == 12  # no estimate yet: nothing culled
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {TABLE}")
    cache.set("last", "laatste")
    assert rows() <= 7  # culled to about half of MAX_ENTRIES, the new row included
    assert cache.get("last") == "laatste"
