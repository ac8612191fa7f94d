"""The shared cache: Redis the portal can lose for a while, or a table in PostgreSQL written in one statement.

The cache only speeds things up (pages, shared counts, a copy of the sessions) and keeps the rate-limit
counters. With Django's own Redis backend an unreachable Redis makes every call raise, so every page failed
with a 500 while the database was fine. This backend answers as a cache that holds nothing instead: `get`
misses, `set` keeps nothing, `incr` finds no counter (so rate limits let requests through until Redis is back).
After a failure it does not try Redis again for RETRY_AFTER seconds (per process), so a Redis that hangs costs
one request its timeout, not every request. Each outage is logged once per retry period; `/healthz` names it.
"""

from __future__ import annotations

import base64
import logging
import pickle
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.db import DatabaseCache
from django.core.cache.backends.redis import RedisCache
from django.db import connections, router
from django.utils.timezone import now as tz_now
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

RETRY_AFTER = 5.0  # seconds without trying Redis after a failure
UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)

_down_until: dict[str, float] = {}  # per Redis location, for all threads of this process
_lock = threading.Lock()


class ResilientRedisCache(RedisCache):
    """Django's RedisCache that behaves as an empty cache while Redis cannot be reached."""

    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._location = str(server)

    def _guarded[T](self, call: Callable[[], T], fallback: T) -> T:
        location = self._location
        if time.monotonic() < _down_until.get(location, 0.0):
            return fallback
        try:
            return call()
        except UNREACHABLE as error:
            with _lock:
                first = time.monotonic() >= _down_until.get(location, 0.0)
                _down_until[location] = time.monotonic() + RETRY_AFTER
            if first:
                logger.warning("Redis is not reachable (%s); the portal works without its cache.", error)
            return fallback

    def is_reachable(self) -> bool:
        """False while a recent call failed (within RETRY_AFTER): for the health check."""
        return time.monotonic() >= _down_until.get(self._location, 0.0)

    def get(self, key: Any, default: Any = None, version: int | None = None) -> Any:
        return self._guarded(lambda: super(ResilientRedisCache, self).get(key, default, version), default)

    def get_many(self, keys: Any, version: int | None = None) -> dict[Any, Any]:
        return self._guarded(lambda: super(ResilientRedisCache, self).get_many(keys, version), {})

    def has_key(self, key: Any, version: int | None = None) -> bool:
        return self._guarded(lambda: super(ResilientRedisCache, self).has_key(key, version), False)

    def set(self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> None:
        self._guarded(lambda: super(ResilientRedisCache, self).set(key, value, timeout, version), None)

    def add(self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> bool:
        return self._guarded(lambda: super(ResilientRedisCache, self).add(key, value, timeout, version), False)

    def set_many(self, data: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> list[Any]:
        return self._guarded(lambda: super(ResilientRedisCache, self).set_many(data, timeout, version), list(data))

    def touch(self, key: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> bool:
        return self._guarded(lambda: super(ResilientRedisCache, self).touch(key, timeout, version), False)

    def delete(self, key: Any, version: int | None = None) -> bool:
        return self._guarded(lambda: super(ResilientRedisCache, self).delete(key, version), False)

    def delete_many(self, keys: Any, version: int | None = None) -> None:
        self._guarded(lambda: super(ResilientRedisCache, self).delete_many(keys, version), None)

    def incr(self, key: Any, delta: int = 1, version: int | None = None) -> int:
        missing = object()
        value = self._guarded(lambda: super(ResilientRedisCache, self).incr(key, delta, version), missing)
        if value is missing:
            raise ValueError(f"Key '{key}' not found (Redis is not reachable).")
        return value  # type: ignore[return-value]

    def clear(self) -> None:
        self._guarded(lambda: super(ResilientRedisCache, self).clear(), None)


class PostgresCache(DatabaseCache):
    """Django's DatabaseCache, each write one statement (for a portal without Redis, and the bench).

    Django's version counts the whole table on every write (to decide whether to cull), reads the key, then updates
    or inserts it, in a transaction of its own: five statements per write, and a COUNT(*) that grows with the table
    (MAX_ENTRIES is 100,000). List and search pages write their counts to the cache, so that was 2-3 ms of every
    page new to the cache. Here a write is one statement: an `INSERT ... ON CONFLICT` (which also cannot fail on a
    key another server adds at the same moment) that returns PostgreSQL's estimate of the table's rows
    (`pg_class.reltuples`, kept by autovacuum). Only when that estimate is over MAX_ENTRIES does the write count
    the rows and cull as Django does; so the number of queries per write is fixed until the table is full.
    """

    def _base_set(self, mode: str, key: str, value: Any, timeout: Any = DEFAULT_TIMEOUT) -> bool:
        timeout = self.get_backend_timeout(timeout)
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        table = connection.ops.quote_name(self._table)  # type: ignore[attr-defined]
        now = tz_now().replace(microsecond=0)
        if timeout is None:
            until = datetime.max
        else:
            until = datetime.fromtimestamp(timeout, tz=UTC if settings.USE_TZ else None)
        expires = connection.ops.adapt_datetimefield_value(until.replace(microsecond=0))
        # The table name is the cache's LOCATION from the settings, quoted; every value is a parameter.
        with connection.cursor() as cursor:
            if mode == "touch":
                cursor.execute(f"UPDATE {table} SET expires = %s WHERE cache_key = %s", [expires, key])  # noqa: S608
                return cursor.rowcount == 1
            pickled = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
            # `add` replaces only an expired entry, as Django's does; `set` always.
            replace_when = f" WHERE {table}.expires < %s" if mode == "add" else ""
            cursor.execute(
                f"WITH written AS (INSERT INTO {table} (cache_key, value, expires) VALUES (%s, %s, %s)"  # noqa: S608
                f" ON CONFLICT (cache_key) DO UPDATE SET value = EXCLUDED.value, expires = EXCLUDED.expires"
                f"{replace_when} RETURNING 1)"
                " SELECT (SELECT COUNT(*) FROM written), (SELECT reltuples FROM pg_class WHERE oid = %s::regclass)",
                [key, pickled, expires, *([now] if mode == "add" else []), table],
            )
            written, estimate = cursor.fetchone()
            if estimate is not None and estimate > self._max_entries:
                cursor.execute(f"SELECT COUNT(*) FROM {table}")  # noqa: S608
                rows = cursor.fetchone()[0]
                if rows > self._max_entries:
                    self._cull(db, cursor, now, rows)  # type: ignore[attr-defined]
            return bool(written)
