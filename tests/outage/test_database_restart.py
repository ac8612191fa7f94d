"""The database stops under a running server and comes back: visitors get the 503 page meanwhile (never a 500),
and the server serves pages again by itself, without a restart.

A PostgreSQL cluster of its own for this test (wdhs.pgembed in a temporary folder), never the test database:
it is stopped halfway. The app server is gunicorn with the production configuration (wdhs/gunicorn_config.py)
and production's persistent connections (DB_CONN_MAX_AGE=60), the case where a stale connection must be noticed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.factories import PASSWORD
from tests.multiserver.cluster import Browser, free_port
from wdhs import pgembed

pytestmark = pytest.mark.xdist_group("outage")

ROOT = Path(__file__).resolve().parents[2]
# Upper bounds for waiting, not measurements.
STARTUP_LIMIT = 120
RECOVERY_LIMIT = 30
EMAIL = "bewoner@storing.example"


@dataclass
class Portal:
    url: str
    env: dict[str, str]
    pgdata_root: str
    log: Path
    server: subprocess.Popen[bytes]

    def postgres(self, action: str) -> None:
        """Start or stop (fast: open connections are cut, as in a crash or a fail-over) the portal's PostgreSQL."""
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("WDHS_PGDATA_ROOT", self.pgdata_root)
            if action == "start":
                pgembed.start()
            else:
                assert pgembed.stop()


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, f"manage.py {args}:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}"
    return result.stdout


@pytest.fixture(scope="module")
def portal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Portal]:
    folder = tmp_path_factory.mktemp("outage")
    pgdata_root = str(folder / "pg")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WDHS_PGDATA_ROOT", pgdata_root)
        layout = pgembed.start()
        url = pgembed.database_url(layout)
    passed_on = ("DJANGO_", "WDHS_", "AWS_", "DATABASE_", "REDIS_", "EMAIL_", "DB_")
    env = {key: value for key, value in os.environ.items() if not key.startswith(passed_on)}
    port = free_port()
    env.update(
        DJANGO_ENV="development",
        DJANGO_DEBUG="0",  # the error pages of production, not Django's debug page
        DJANGO_LOG_LEVEL="WARNING",
        DATABASE_URL=url,
        DB_CONN_MAX_AGE="60",  # as in production: the connection outlives the request and the outage
        WDHS_PAGE_CACHE="1",
        WDHS_MEDIA_ROOT=str(folder / "media"),
        WDHS_BIND=f"127.0.0.1:{port}",
        WEB_CONCURRENCY="1",
        WEB_THREADS="2",
        WDHS_ACCESS_LOG="0",
        EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
        PYTHONUNBUFFERED="1",
    )
    server = None
    try:
        manage(env, "migrate", "--noinput")
        manage(env, "createcachetable")
        code = "from tests.factories import UserFactory; UserFactory(email='" + EMAIL + "')"
        manage(env, "shell", "--no-imports", "-c", code)
        log = folder / "server.log"
        with log.open("wb") as out:
            command = [sys.executable, "-m", "gunicorn", "-c", "python:wdhs.gunicorn_config", "wdhs.wsgi:application"]
            server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        portal = Portal(f"http://127.0.0.1:{port}", env, pgdata_root, log, server)
        wait_for(portal, "/healthz", 200, STARTUP_LIMIT)
        yield portal
    finally:
        if server is not None:
            server.terminate()
            server.wait(30)
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("WDHS_PGDATA_ROOT", pgdata_root)
            pgembed.stop()
            layout = pgembed.layout()
        shutil.rmtree(layout.root, ignore_errors=True)
        shutil.rmtree(layout.socket_dir, ignore_errors=True)


def wait_for(portal: Portal, path: str, status: int, limit: float, browser: Browser | None = None) -> list[int]:
    """Ask `path` until it answers `status`; return every status seen on the way."""
    browser = browser or Browser()
    seen: list[int] = []
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        assert portal.server.poll() is None, portal.log.read_text(errors="replace")[-3000:]
        try:
            seen.append(browser.get(portal.url + path).status)
        except OSError:
            seen.append(0)  # not listening yet
        if seen[-1] == status:
            return seen
        time.sleep(0.2)
    raise AssertionError(f"{path} did not answer {status} within {limit} s: {seen[-20:]}")


def test_database_outage_answers_503_and_the_portal_recovers_by_itself(portal: Portal) -> None:
    visitor, member = Browser(), Browser()
    token = member.csrf_token(portal.url + "/accounts/login/")
    login = member.post(portal.url + "/accounts/login/", {"login": EMAIL, "password": PASSWORD}, token=token)
    assert login.status == 302, login.body[:1000]
    pages = [(visitor, "/"), (visitor, "/kennis/"), (visitor, "/privacy/"), (member, "/mijn/")]
    for browser, path in pages:
        assert browser.get(portal.url + path).status == 200, path

    portal.postgres("stop")
    for browser, path in pages * 2:  # twice: the first request finds the connection broken, the next none at all
        response = browser.get(portal.url + path)
        assert response.status == 503, (path, response.status, response.body[:2000])
        assert response.headers["Retry-After"] == "60"
        assert "even niet bereikbaar" in response.body and "over een paar minuten" in response.body
    # A form sent meanwhile: the session middleware needs the database before any view runs.
    assert member.post(portal.url + "/accounts/logout/", {}, token=token).status == 503
    assert visitor.get(portal.url + "/healthz").status == 503

    portal.postgres("start")
    seen = wait_for(portal, "/", 200, RECOVERY_LIMIT, visitor)
    assert 500 not in seen, seen
    for browser, path in pages:
        assert browser.get(portal.url + path).status == 200, path
    assert visitor.get(portal.url + "/healthz").status == 200
    assert "Internal Server Error" not in portal.log.read_text(errors="replace")
