"""Health of the portal's parts for `/healthz`: the database, the shared cache and the task workers.

A task worker shows it is alive with a heartbeat. django-tasks-db records tasks, not workers, and a
quiet queue finishes no task for hours, so our `manage.py db_worker` (wdhs/management/commands) writes a
`WorkerHeartbeat` row from a small thread every HEARTBEAT_INTERVAL seconds and removes it when it stops.
A worker that is alive but stuck shows up another way: due tasks wait longer than QUEUE_BEHIND_AFTER.
"""

from __future__ import annotations

import logging
import os
import secrets
import socket
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.core.cache import cache
from django.db import DatabaseError, connection, connections
from django.db.models import Case, Count, F, Max, Min, Q, When
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from wdhs.models import WorkerHeartbeat

logger = logging.getLogger(__name__)

HEARTBEAT_INTERVAL = 30  # seconds between two heartbeats of one worker
WORKER_STALE_AFTER = timedelta(seconds=3 * HEARTBEAT_INTERVAL)  # no heartbeat for this long: that worker is gone
QUEUE_BEHIND_AFTER = timedelta(minutes=15)  # a due task waiting this long: the workers do not keep up
FORGET_WORKER_AFTER = timedelta(days=1)  # the row of a worker that was killed (kill -9) goes after this

Part = dict[str, Any]
OK = "ok"


def check_database() -> Part:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        return {"status": "error", "error": type(error).__name__}
    return {"status": OK}


def check_cache() -> Part:
    """Write a value and read it back: a cache that answers but keeps nothing is no cache."""
    # One key per process: two servers checking at once must not read each other's value.
    key = f"wdhs:health:{socket.gethostname()}:{os.getpid()}"
    token = secrets.token_hex(8)
    try:
        cache.set(key, token, timeout=60)
        value = cache.get(key)
    except Exception as error:  # each backend fails its own way: redis, socket and database errors
        return {"status": "error", "error": type(error).__name__}
    if not getattr(cache, "is_reachable", lambda: True)():
        # wdhs.cache answers as an empty cache instead of raising: pages still work, without the cache.
        return {"status": "error", "error": "ConnectionError", "pages_work": True}
    if value != token:
        return {"status": "error", "error": "the value written was not read back"}
    return {"status": OK}


def check_worker() -> Part:
    """How many task workers gave a heartbeat lately, and how long the oldest due task has waited."""
    now = timezone.now()
    try:
        beats = WorkerHeartbeat.objects.aggregate(
            alive=Count("pk", filter=Q(seen_at__gte=now - WORKER_STALE_AFTER)), last=Max("seen_at")
        )
        # A task without run_after is due since it was queued (django-tasks-db stores the far future then).
        due_since = Case(When(run_after=get_date_max(), then=F("enqueued_at")), default=F("run_after"))
        queue = DBTaskResult.objects.ready().aggregate(waiting=Count("pk"), oldest=Min(due_since))
    except DatabaseError as error:
        return {"status": "unknown", "error": type(error).__name__}
    last_seen: datetime | None = beats["last"]
    oldest: datetime | None = queue["oldest"]
    waited = max(now - oldest, timedelta(0)) if oldest else timedelta(0)
    if not beats["alive"]:
        status = "stale"
    elif waited > QUEUE_BEHIND_AFTER:
        status = "behind"
    else:
        status = OK
    return {
        "status": status,
        "workers": beats["alive"],
        "last_seen": last_seen.isoformat() if last_seen else None,
        "waiting": queue["waiting"],
        "oldest_waiting_seconds": int(waited.total_seconds()),
    }


@dataclass(frozen=True)
class Health:
    database: Part
    cache: Part
    worker: Part

    @property
    def serving(self) -> bool:
        """This web server can answer requests: the database works. Without the cache (wdhs.cache) pages are
        slower and rate limits are off, and without a worker mail waits: both degrade, neither stops the site.
        A cache backend that raises when its server is gone (Django's own) does stop every page."""
        return self.database["status"] == OK and (self.cache["status"] == OK or self.cache.get("pages_work", False))

    @property
    def complete(self) -> bool:
        return self.serving and self.cache["status"] == OK and self.worker["status"] == OK

    def as_json(self) -> dict[str, Any]:
        status = OK if self.complete else "degraded" if self.serving else "error"
        return {"status": status, "database": self.database, "cache": self.cache, "worker": self.worker}


def check() -> Health:
    return Health(database=check_database(), cache=check_cache(), worker=check_worker())


def beat(worker_id: str, *, started_at: datetime) -> None:
    """Record that this worker is alive now, and forget workers that stopped without saying so."""
    now = timezone.now()
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={"seen_at": now},
        create_defaults={
            "seen_at": now,
            "started_at": started_at,
            "host": socket.gethostname()[:255],
            "pid": os.getpid(),
        },
    )
    WorkerHeartbeat.objects.filter(seen_at__lt=now - FORGET_WORKER_AFTER).delete()


class Heartbeat:
    """The heartbeat of one task worker: a first beat at once, then one every HEARTBEAT_INTERVAL from a thread.

    A thread, because the worker's own loop may spend minutes in one task; a long task is no dead worker.
    """

    def __init__(self, worker_id: str, interval: float = HEARTBEAT_INTERVAL) -> None:
        self.worker_id = worker_id
        self.interval = interval
        self.started_at = timezone.now()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="wdhs-heartbeat", daemon=True)

    def start(self) -> None:
        self._beat()
        self._thread.start()

    def stop(self) -> None:
        """Stop beating and remove the row, so /healthz does not count this worker for the next minutes."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)
        try:
            WorkerHeartbeat.objects.filter(worker_id=self.worker_id).delete()
        except DatabaseError:
            logger.warning("Could not remove the heartbeat of task worker %s", self.worker_id, exc_info=True)

    def _beat(self) -> None:
        try:
            beat(self.worker_id, started_at=self.started_at)
        except DatabaseError:
            logger.warning("Heartbeat of task worker %s not written", self.worker_id, exc_info=True)

    def _run(self) -> None:
        try:
            while not self._stop.wait(self.interval):
                self._beat()
                # This thread's own connection: closed between beats, like the worker closes its own.
                connections.close_all()
        finally:
            connections.close_all()
