"""Reads from the read replica where that is safe, everything else from the primary.

Only with DATABASE_REPLICA_URL (wdhs/settings.py): `ReplicaMiddleware` decides for each web request whether
its reads may go to the replica, and `PrimaryReplicaRouter` follows that decision. A replica lags a little
behind the primary, so a read goes to the primary

- outside a web request: the task worker, cron, management commands, migrations, the shell;
- in a request that may write (POST, PUT, PATCH, DELETE), and in any request once it wrote;
- for WDHS_REPLICA_PIN_SECONDS after a request of this visitor wrote: a cookie says so, so that visitors see
  their own change on the next page, whichever app server answers it;
- inside a transaction (`transaction.atomic`): what it reads is what it writes on;
- from the tables that coordinate the servers: sessions, the database cache and the task queue.

Writes and migrations always go to the primary.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import connections
from django.db.models import Model
from django.http import HttpRequest, HttpResponse

PRIMARY = "default"
REPLICA = "replica"
PIN_COOKIE = "wdhs_primary"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Read by one server right after another wrote them: a stale row would log a visitor out, count a rate limit
# wrong or run a task twice. These are app labels: "django_cache" is Django's database cache table,
# "django_tasks_database" the task queue of django-tasks-db.
PRIMARY_ONLY_APPS = frozenset({"sessions", "django_cache", "django_tasks_database"})


@dataclass
class RequestReads:
    """Where the reads of the current web request may go."""

    replica_allowed: bool
    wrote: bool = False


_current: ContextVar[RequestReads | None] = ContextVar("wdhs_request_reads", default=None)


def _pinned(request: HttpRequest) -> bool:
    """True while the visitor's pin cookie says they wrote less than REPLICA_PIN_SECONDS ago."""
    try:
        until = int(request.COOKIES.get(PIN_COOKIE, ""))
    except ValueError:
        return False
    return time.time() < until


def reads_from() -> str:
    """The database that reads of content go to at this moment: "replica" or "default" (PRIMARY).

    For SQL that does not go through a model, such as the page cache's version number, which must come from
    the same database as the page it stands for.
    """
    reads = _current.get()
    if reads is None or not reads.replica_allowed or reads.wrote or connections[PRIMARY].in_atomic_block:
        return PRIMARY
    return REPLICA


class ReplicaMiddleware:
    """Let the reads of a request go to the replica, unless it may write or its visitor wrote just now."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        safe = request.method in SAFE_METHODS
        reads = RequestReads(replica_allowed=safe and not _pinned(request))
        token = _current.set(reads)
        try:
            response = self.get_response(request)
        finally:
            _current.reset(token)
        # Also after a POST that wrote nothing the router saw (raw SQL goes around it): a pin costs little.
        if not safe or reads.wrote:
            seconds = settings.REPLICA_PIN_SECONDS
            response.set_cookie(
                PIN_COOKIE,
                str(int(time.time()) + seconds),
                max_age=seconds,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response


class PrimaryReplicaRouter:
    """The database router for a primary ("default") with one read replica ("replica")."""

    def db_for_read(self, model: type[Model], **hints: Any) -> str:
        return PRIMARY if model._meta.app_label in PRIMARY_ONLY_APPS else reads_from()

    def db_for_write(self, model: type[Model], **hints: Any) -> str:
        reads = _current.get()
        # A session or a rate-limit counter is always read from the primary: writing one needs no pin.
        if reads is not None and model._meta.app_label not in PRIMARY_ONLY_APPS:
            reads.wrote = True
        return PRIMARY

    def allow_relation(self, obj1: Model, obj2: Model, **hints: Any) -> bool | None:
        # Both hold the same rows: an object read from the replica may be linked to one from the primary.
        if obj1._state.db in (PRIMARY, REPLICA) and obj2._state.db in (PRIMARY, REPLICA):
            return True
        return None

    def allow_migrate(self, db: str, app_label: str, model_name: str | None = None, **hints: Any) -> bool:
        # The replica follows the primary's schema by replication.
        return db == PRIMARY
