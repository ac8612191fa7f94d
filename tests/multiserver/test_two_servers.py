"""App servers and two task workers on one PostgreSQL and one Redis: what a visitor does on one holds on the other.

The servers are real processes on their own ports (tests/multiserver/cluster.py); the test talks to them over
HTTP on the loopback address only, as a load balancer would send a visitor to either.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from typing import Any

import pytest

from tests import summary
from tests.multiserver.cluster import Browser, Cluster
from wdhs.forms.public import RATE_LIMIT
from wdhs.routers import PIN_COOKIE

pytestmark = [pytest.mark.multiserver, pytest.mark.xdist_group("multiserver")]

TASKS_LIMIT = 180  # seconds the workers may take for the queue: an upper bound to wait, not a measurement


def log_in(browser: Browser, server: str, editor: dict[str, Any]) -> None:
    """Log in with the password, then (staff have two-factor log-in) with one of the editor's recovery codes."""
    token = browser.csrf_token(f"{server}/accounts/login/")
    response = browser.post(
        f"{server}/accounts/login/", {"login": editor["email"], "password": editor["password"]}, token=token
    )
    assert response.status == 302, response.body[:2000]
    assert response.headers["Location"] == "/accounts/2fa/authenticate/"
    token = browser.csrf_token(f"{server}/accounts/2fa/authenticate/")
    code = editor["recovery_codes"].pop()
    response = browser.post(f"{server}/accounts/2fa/authenticate/", {"code": code}, token=token)
    assert response.status == 302, response.body[:2000]
    assert response.headers["Location"] == "/mijn/"


def test_a_log_in_on_one_server_is_valid_on_the_other(cluster: Cluster):
    a, b = cluster.servers["A"].url, cluster.servers["B"].url
    editor = cluster.seeded["editor"]
    assert Browser().get(f"{b}/mijn/").status == 302  # nobody logged in: off to the log-in page

    visitor = Browser()
    log_in(visitor, a, editor)
    page = visitor.get(f"{b}/mijn/")
    assert page.status == 200
    assert editor["name"] in page.body
    # The session is a row in PostgreSQL with a copy in this run's part of Redis.
    assert cluster.query("SELECT count(*) FROM django_session")[0][0] >= 1
    assert cluster.cache_keys("*django.contrib.sessions.cached_db*")

    # Logging out on B ends the session on A too.
    token = visitor.csrf_token(f"{b}/mijn/")
    assert visitor.post(f"{b}/accounts/logout/", {}, token=token).status == 302
    assert visitor.get(f"{a}/mijn/").status == 302


def test_a_rate_limit_counts_across_both_servers(cluster: Cluster):
    a, b = cluster.servers["A"].url, cluster.servers["B"].url
    slug = cluster.seeded["published"]["slug"]
    report = f"/initiatieven/{slug}/melden/"
    visitor = Browser(forwarded_for="203.0.113.10")  # behind the load balancer, which is 127.0.0.1 here
    token = visitor.csrf_token(f"{a}{report}")

    statuses = []
    for n in range(RATE_LIMIT + 2):
        server = (a, b)[n % 2]  # A, B, A, B, ...: half the reports on each server
        response = visitor.post(f"{server}{report}", {"reason": "anders"}, token=token)
        statuses.append(response.status)
        if server == b:  # B reads from its replica: a visitor who wrote is pinned to the primary for a while
            assert PIN_COOKIE in response.set_cookies()
    assert statuses == [302] * RATE_LIMIT + [429, 429]
    assert cluster.query("SELECT count(*) FROM initiatives_problemreport")[0][0] == RATE_LIMIT

    # Another visitor behind the same load balancer has a limit of their own, on either server.
    neighbour = Browser(forwarded_for="203.0.113.11")
    neighbour_token = neighbour.csrf_token(f"{b}{report}")
    assert neighbour.post(f"{b}{report}", {"reason": "anders"}, token=neighbour_token).status == 302
    # The counters are in Redis, under this run's prefix, one per visitor address.
    counters = cluster.cache_keys("*wdhs:rate:initiatives-report:*")
    assert sorted(key.rsplit(":", 1)[1] for key in counters) == ["203.0.113.10", "203.0.113.11"]


def test_a_publish_on_one_server_is_visible_on_the_other_at_once(cluster: Cluster):
    a, b = cluster.servers["A"].url, cluster.servers["B"].url
    waiting = cluster.seeded["waiting"]
    editor = cluster.seeded["editor"]
    # Anonymous, under one host name for both servers: they share the pages in the page cache. On B the reads
    # go through the replica alias.
    reader = Browser(host="localhost")
    for server in (a, b):
        assert reader.get(f"{server}/initiatieven/{waiting['slug']}/").status == 404
    before = [reader.get(f"{server}/initiatieven/") for server in (a, b)]
    assert [page.headers["X-Page-Cache"] for page in before] == ["miss", "hit"]  # A filed it, B served A's copy
    assert all(waiting["name"] not in page.body for page in before)

    staff = Browser()
    log_in(staff, a, editor)
    changelist = f"{a}/beheer/initiatives/initiative/"
    token = staff.csrf_token(changelist)
    response = staff.post(
        changelist, {"action": "approve", "_selected_action": str(waiting["pk"]), "index": "0"}, token=token
    )
    assert response.status == 302, response.body[:2000]

    detail = reader.get(f"{b}/initiatieven/{waiting['slug']}/")
    assert detail.status == 200
    assert waiting["name"] in detail.body
    after = reader.get(f"{b}/initiatieven/")
    assert waiting["name"] in after.body
    assert after.headers["X-Page-Cache"] == "miss"  # the publish made every cached page old, on every server
    assert PIN_COOKIE not in [cookie.name for cookie in reader.jar]  # it only read: B used the replica alias


def test_a_lagging_replica_hides_nobodys_own_write_and_files_no_stale_page(cluster: Cluster):
    a, c = cluster.servers["A"].url, cluster.servers["C"].url  # C reads from a replica that never catches up
    lagging = cluster.seeded["lagging"]
    editor = cluster.seeded["editor"]

    staff = Browser()
    log_in(staff, c, editor)
    changelist = f"{c}/beheer/initiatives/initiative/"
    token = staff.csrf_token(changelist)
    response = staff.post(
        changelist, {"action": "approve", "_selected_action": str(lagging["pk"]), "index": "0"}, token=token
    )
    assert response.status == 302, response.body[:2000]
    assert staff.cookie(PIN_COOKIE)
    # The editor just wrote: C reads their pages from the primary, so they see the change at once ...
    assert staff.get(f"{c}/initiatieven/{lagging['slug']}/").status == 200
    # ... while a visitor who wrote nothing reads C's replica, which does not have it yet.
    reader = Browser(host="localhost")
    assert reader.get(f"{c}/initiatieven/{lagging['slug']}/").status == 404

    # C renders the list from its replica and files it under the replica's content version, not the primary's:
    # A, on the primary, must not be handed C's old page.
    from_c = reader.get(f"{c}/initiatieven/")
    assert from_c.headers["X-Page-Cache"] == "miss" and lagging["name"] not in from_c.body
    from_a = reader.get(f"{a}/initiatieven/")
    assert lagging["name"] in from_a.body, from_a.headers["X-Page-Cache"]


def test_tasks_queued_by_one_server_run_exactly_once_with_two_workers(cluster: Cluster):
    a = cluster.servers["A"].url
    slug = cluster.seeded["published"]["slug"]
    contact = f"/initiatieven/{slug}/contact/"
    run = time.time_ns()
    messages = [f"Bericht {n} van run {run}: mogen we meedoen?" for n in range(12)]
    for n, message in enumerate(messages):
        visitor = Browser(forwarded_for=f"198.51.100.{n + 1}")  # each a visitor of their own: no rate limit
        token = visitor.csrf_token(f"{a}{contact}")
        data = {"name": f"Bezoeker {n}", "email": f"bezoeker{n}@example.org", "message": message}
        assert visitor.post(f"{a}{contact}", data, token=token).status == 302

    deadline = time.monotonic() + TASKS_LIMIT
    while cluster.unfinished_tasks():
        assert time.monotonic() < deadline, "the workers did not empty the queue:\n" + cluster.logs()
        for worker in cluster.workers.values():
            assert worker.popen.poll() is None, f"{worker.name} stopped:\n" + cluster.logs()
        time.sleep(0.2)

    delivered = [json.loads(path.read_text(encoding="utf-8")) for path in cluster.maildir.glob("*.json")]
    sent = {message: sum(message in mail["body"] for mail in delivered) for message in messages}
    assert sent == dict.fromkeys(messages, 1), sent

    rows = cluster.query(
        "SELECT status, worker_ids FROM django_tasks_database_dbtaskresult WHERE task_path LIKE %s", ("%.deliver",)
    )
    assert {status for status, _ in rows} == {"SUCCESSFUL"}
    assert all(len(worker_ids) == 1 for _, worker_ids in rows)
    taken = Counter(worker_ids[0] for _, worker_ids in rows)
    assert set(taken) <= {"worker-1", "worker-2"}
    summary.report(
        "taakverwerkers", [f"{len(rows)} mails verstuurd: " + ", ".join(f"{w} {n}" for w, n in sorted(taken.items()))]
    )
