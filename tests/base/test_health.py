"""/healthz and /healthz/full: the database, the cache and the task workers, each named in the answer."""

from __future__ import annotations

import socket
import time
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.management import call_command
from django.tasks.signals import task_started
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.background import DATABASE_QUEUE
from wdhs.health import FORGET_WORKER_AFTER, QUEUE_BEHIND_AFTER, WORKER_STALE_AFTER, Heartbeat, beat
from wdhs.models import WorkerHeartbeat
from wdhs.search.index import refresh_words

pytestmark = pytest.mark.django_db


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def worker_seen(ago: timedelta, worker_id: str = "worker-1") -> WorkerHeartbeat:
    seen = timezone.now() - ago
    return WorkerHeartbeat.objects.create(worker_id=worker_id, host="web-1", pid=42, started_at=seen, seen_at=seen)


def test_all_parts_up(client):
    worker_seen(timedelta(seconds=10))
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"] == {"status": "ok"}
    assert body["cache"] == {"status": "ok"}
    assert body["worker"]["status"] == "ok"
    assert body["worker"]["workers"] == 1
    assert body["worker"]["waiting"] == 0
    assert response["Cache-Control"].startswith("max-age=0")
    assert client.get("/healthz/full").status_code == 200


@pytest.mark.parametrize(
    ("backend", "url", "status", "overall"),
    [
        # The portal's backend answers as an empty cache: the server keeps serving, degraded and named.
        ("wdhs.cache.ResilientRedisCache", "/healthz", 200, "degraded"),
        ("wdhs.cache.ResilientRedisCache", "/healthz/full", 503, "degraded"),
        # Django's own backend raises on every call: the server cannot serve.
        ("django.core.cache.backends.redis.RedisCache", "/healthz", 503, "error"),
    ],
)
def test_cache_down_is_named(client, backend, url, status, overall):
    worker_seen(timedelta(seconds=10))
    down = {"default": {"BACKEND": backend, "LOCATION": f"redis://127.0.0.1:{closed_port()}/0"}}
    with override_settings(CACHES=down):
        response = client.get(url)
    assert response.status_code == status
    body = response.json()
    assert body["status"] == overall
    assert body["cache"]["status"] == "error"
    assert body["cache"]["error"] == "ConnectionError"
    assert body["database"] == {"status": "ok"}


def test_no_worker_is_reported_but_the_web_server_stays_in_service(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded"
    assert body["worker"] == {
        "status": "stale",
        "workers": 0,
        "last_seen": None,
        "waiting": 0,
        "oldest_waiting_seconds": 0,
    }
    full = client.get("/healthz/full")
    assert full.status_code == 503
    assert full.json()["worker"]["status"] == "stale"


def test_a_worker_without_a_recent_heartbeat_is_stale(client):
    last = worker_seen(WORKER_STALE_AFTER + timedelta(seconds=5)).seen_at
    body = client.get("/healthz").json()
    assert body["status"] == "degraded"
    assert body["worker"]["status"] == "stale"
    assert body["worker"]["workers"] == 0
    assert body["worker"]["last_seen"] == last.isoformat()


def test_a_queue_that_waits_too_long_means_the_workers_are_behind(client, settings):
    settings.TASKS = DATABASE_QUEUE
    worker_seen(timedelta(seconds=10))
    refresh_words.enqueue()
    refresh_words.enqueue()
    DBTaskResult.objects.update(enqueued_at=timezone.now() - QUEUE_BEHIND_AFTER - timedelta(minutes=1))
    response = client.get("/healthz")
    assert response.status_code == 200
    worker = response.json()["worker"]
    assert worker["status"] == "behind"
    assert worker["waiting"] == 2
    assert worker["oldest_waiting_seconds"] > QUEUE_BEHIND_AFTER.total_seconds()
    assert client.get("/healthz/full").status_code == 503


def test_a_task_planned_for_later_is_not_waiting(client, settings):
    settings.TASKS = DATABASE_QUEUE
    worker_seen(timedelta(seconds=10))
    refresh_words.using(run_after=timezone.now() + timedelta(hours=1)).enqueue()
    worker = client.get("/healthz").json()["worker"]
    assert worker["status"] == "ok"
    assert worker["waiting"] == 0


@pytest.mark.parametrize("url", ["/healthz", "/healthz/full"])
def test_health_rejects_post(client, url):
    assert client.post(url).status_code == 405


def test_a_beat_forgets_workers_that_were_killed():
    worker_seen(FORGET_WORKER_AFTER + timedelta(minutes=1), worker_id="killed")
    beat("alive", started_at=timezone.now())
    beat("alive", started_at=timezone.now())
    assert list(WorkerHeartbeat.objects.values_list("worker_id", flat=True)) == ["alive"]


@pytest.mark.django_db(transaction=True)
def test_heartbeat_beats_from_its_thread_and_is_gone_after_stop():
    heartbeat = Heartbeat("worker-thread", interval=0.05)
    heartbeat.start()
    try:
        first = WorkerHeartbeat.objects.get(worker_id="worker-thread").seen_at  # the first beat comes at once
        deadline = time.monotonic() + 10
        while WorkerHeartbeat.objects.get(worker_id="worker-thread").seen_at == first:
            assert time.monotonic() < deadline, "the thread wrote no second heartbeat"
            time.sleep(0.05)
    finally:
        heartbeat.stop()
    assert not WorkerHeartbeat.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_the_worker_command_gives_a_heartbeat_while_it_runs(settings):
    settings.TASKS = DATABASE_QUEUE
    refresh_words.enqueue()
    seen: list[str] = []

    def during_task(**kwargs: object) -> None:
        seen.extend(WorkerHeartbeat.objects.values_list("worker_id", flat=True))

    task_started.connect(during_task)
    try:
        call_command("db_worker", "--max-tasks=1", "--no-startup-delay", "--no-reload", "--worker-id=w-1", verbosity=0)
    finally:
        task_started.disconnect(during_task)
    assert seen == ["w-1"]
    assert not WorkerHeartbeat.objects.exists()  # a worker that stops cleanly takes its row with it


@pytest.mark.django_db(transaction=True)
def test_a_batch_run_is_no_worker_and_gives_no_heartbeat(settings):
    settings.TASKS = DATABASE_QUEUE
    refresh_words.enqueue()
    seen: list[str] = []

    def during_task(**kwargs: object) -> None:
        seen.extend(WorkerHeartbeat.objects.values_list("worker_id", flat=True))

    task_started.connect(during_task)
    try:
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    finally:
        task_started.disconnect(during_task)
    assert seen == []


def test_health_answers_over_plain_http_when_everything_else_redirects(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200
    assert client.get("/healthz/full").status_code == 503  # no worker: an answer, not a redirect
    assert client.get("/over/").status_code == 301


def test_pages_forms_and_rate_limits_work_while_redis_is_down(client, caplog):
    """With Redis unreachable the portal serves every page from the database: the cache misses, rate limits let
    requests through (counted again once Redis is back), and the outage is logged once, not per call."""
    from tests.factories import InitiativeFactory

    InitiativeFactory(name="Buurthuis De Linde")
    down = {
        **settings.CACHES,
        "default": {"BACKEND": "wdhs.cache.ResilientRedisCache", "LOCATION": f"redis://127.0.0.1:{closed_port()}/0"},
    }
    with override_settings(CACHES=down, WDHS_PAGE_CACHE=True):
        for url in ["/", "/kennis/", "/initiatieven/", "/initiatieven/?q=buurthuis", "/zoeken/?q=buurthuis"]:
            assert client.get(url).status_code == 200, url
        assert b"Buurthuis De Linde" in client.get("/initiatieven/").content
        from wdhs.ratelimit import rate_limited

        request = client.get("/").wsgi_request
        assert not any(rate_limited(request, "health-test", limit=1) for _ in range(5))
    warnings = [r for r in caplog.records if r.name == "wdhs.cache"]
    assert len(warnings) == 1
    assert "Redis is not reachable" in warnings[0].getMessage()
