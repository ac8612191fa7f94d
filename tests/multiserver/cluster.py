"""Two app servers and two task workers on one PostgreSQL database and one Redis, as in a scaled-out production.

The database is made for one run (`wdhs_multiserver_<random>`) and dropped afterwards; the Redis keys carry a
prefix of their own, and only those keys are deleted (never FLUSHDB: others may use the same Redis). The
servers run gunicorn when it is installed, else Django's runserver without reloading; each is its own process
with its own memory, so whatever they share, they share through PostgreSQL and Redis.

Settings: DJANGO_ENV=development with DEBUG off, like `make bench`: production settings would need
`collectstatic` into the checkout and HTTPS. Everything #16 is about (cache, sessions, replica router,
trusted proxies, task queue) is switched on by its environment variable, as in production.
"""

from __future__ import annotations

import contextlib
import http.cookiejar
import importlib.util
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
import redis
from psycopg import sql

ROOT = Path(__file__).resolve().parents[2]
LOCAL_POSTGRES = "postgresql://postgres@127.0.0.1:5432/postgres"
LOCAL_REDIS = "redis://127.0.0.1:6379/11"
# Upper bounds for waiting, not measurements: a server loads the Dutch dictionary before it answers.
STARTUP_LIMIT = 180
COMMAND_LIMIT = 600


class Unavailable(Exception):
    """PostgreSQL or Redis cannot be reached: the test cannot run here."""


def _postgres_answers(url: str) -> bool:
    try:
        with psycopg.connect(url, connect_timeout=3) as conn:
            conn.execute("SELECT 1")
    except psycopg.Error:
        return False
    return True


def find_postgres() -> str:
    """A PostgreSQL server to make the test database on: WDHS_MULTISERVER_POSTGRES, the one on 127.0.0.1:5432,
    or else the server of the test suite itself (DATABASE_URL, the embedded one under `make test`)."""
    chosen = os.environ.get("WDHS_MULTISERVER_POSTGRES")
    candidates = [chosen] if chosen else [LOCAL_POSTGRES, os.environ.get("DATABASE_URL", "")]
    for url in candidates:
        if url and _postgres_answers(url):
            return url
    raise Unavailable(f"geen PostgreSQL bereikbaar (geprobeerd: {', '.join(c for c in candidates if c)})")


def find_redis() -> str:
    """WDHS_MULTISERVER_REDIS, or the Redis on 127.0.0.1:6379 (database 11)."""
    url = os.environ.get("WDHS_MULTISERVER_REDIS", LOCAL_REDIS)
    try:
        redis.Redis.from_url(url, socket_connect_timeout=3, socket_timeout=3).ping()
    except redis.RedisError as exc:
        raise Unavailable(f"Redis op {url} is niet bereikbaar ({exc})") from exc
    return url


def with_database(url: str, name: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit(parts._replace(path="/" + name, query=""))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _tail(path: Path, lines: int = 40) -> str:
    return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])


@dataclass
class Process:
    name: str
    popen: subprocess.Popen[bytes]
    log: Path

    def stop(self) -> None:
        if self.popen.poll() is None:
            self.popen.terminate()  # a worker finishes its task first; servers stop their workers
            try:
                self.popen.wait(20)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait(10)


@dataclass
class Server(Process):
    url: str


class Cluster:
    """One database, one Redis prefix, app servers "A", "B" and "C" (B and C with a read replica) and two workers."""

    def __init__(self, folder: Path, postgres_url: str, redis_url: str) -> None:
        self.folder = folder
        self.maintenance_url = postgres_url
        self.redis_url = redis_url
        run = secrets.token_hex(4)
        self.database = f"wdhs_multiserver_{run}"
        self.database_url = with_database(postgres_url, self.database)
        # A copy made once, before the servers start: a read replica that stopped replaying (the worst lag).
        self.stale_replica = f"{self.database}_stale"
        self.cache_prefix = f"wdhs-multiserver-{run}"
        self.maildir = folder / "mail"
        self.maildir.mkdir()
        self.servers: dict[str, Server] = {}
        self.workers: dict[str, Process] = {}
        self.seeded: dict[str, Any] = {}
        self.server_kind = "gunicorn" if importlib.util.find_spec("gunicorn") else "runserver"
        passed_on = ("DJANGO_", "WDHS_", "AWS_", "DATABASE_", "REDIS_", "EMAIL_")
        self.env = {key: value for key, value in os.environ.items() if not key.startswith(passed_on)}
        self.env.update(
            DJANGO_ENV="development",
            DJANGO_DEBUG="0",
            DJANGO_LOG_LEVEL="WARNING",
            DJANGO_SECRET_KEY=secrets.token_urlsafe(50),  # one key for all: sessions and tokens are signed with it
            DATABASE_URL=self.database_url,
            REDIS_URL=redis_url,
            WDHS_CACHE_KEY_PREFIX=self.cache_prefix,
            # The test's requests come from 127.0.0.1, which plays the load balancer: X-Forwarded-For names the visitor.
            WDHS_TRUSTED_PROXIES="127.0.0.1",
            WDHS_PAGE_CACHE="1",  # on in production: public pages come from the shared cache
            WDHS_MEDIA_ROOT=str(folder / "media"),
            EMAIL_BACKEND="tests.multiserver.mailbox.EmailBackend",
            WDHS_MULTISERVER_MAILDIR=str(self.maildir),
            PYTHONUNBUFFERED="1",
        )

    # --- the shared services ---

    def create_database(self) -> None:
        with psycopg.connect(self.maintenance_url, autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(self.database)))

    def copy_database(self) -> None:
        """Make the stale replica: a copy of the database as it is now (nobody may be connected to it)."""
        with psycopg.connect(self.maintenance_url, autocommit=True) as conn:
            statement = sql.SQL("CREATE DATABASE {} TEMPLATE {}")
            conn.execute(statement.format(sql.Identifier(self.stale_replica), sql.Identifier(self.database)))

    def drop_database(self) -> None:
        with psycopg.connect(self.maintenance_url, autocommit=True) as conn:
            for name in (self.stale_replica, self.database):
                conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))

    def forget_cache(self) -> int:
        """Delete this run's keys from Redis, and only those."""
        client = redis.Redis.from_url(self.redis_url)
        keys = list(client.scan_iter(match=f"{self.cache_prefix}:*", count=500))
        if keys:
            client.delete(*keys)
        return len(keys)

    def cache_keys(self, pattern: str = "*") -> list[str]:
        client = redis.Redis.from_url(self.redis_url)
        return [key.decode() for key in client.scan_iter(match=f"{self.cache_prefix}:{pattern}", count=500)]

    def query(self, statement: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """Read the shared database directly, the way neither server does."""
        with psycopg.connect(self.database_url, autocommit=True) as conn:
            return conn.execute(statement, params).fetchall()

    def unfinished_tasks(self) -> int:
        """Tasks in the queue that no worker has finished yet."""
        statement = "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE status IN ('READY', 'RUNNING')"
        return int(self.query(statement)[0][0])

    # --- processes ---

    def manage(self, *args: str) -> str:
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=COMMAND_LIMIT,
        )
        if result.returncode != 0:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
        return result.stdout

    def _spawn(self, name: str, command: list[str], env: dict[str, str]) -> tuple[subprocess.Popen[bytes], Path]:
        log = self.folder / f"{name}.log"
        with log.open("wb") as out:
            popen = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        return popen, log

    def start_server(self, name: str, **extra_env: str) -> Server:
        port = free_port()
        if self.server_kind == "gunicorn":
            command = [sys.executable, "-m", "gunicorn", "wdhs.wsgi:application", "--bind", f"127.0.0.1:{port}"]
            command += ["--workers", "1", "--threads", "4"]
        else:
            command = [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"]
        popen, log = self._spawn(f"server-{name}", command, {**self.env, **extra_env})
        server = Server(name, popen, log, f"http://127.0.0.1:{port}")
        self.servers[name] = server
        return server

    def start_worker(self, name: str) -> Process:
        command = [sys.executable, "manage.py", "db_worker", "--no-reload", "--interval", "0.2", "--worker-id", name]
        popen, log = self._spawn(name, command, self.env)
        worker = Process(name, popen, log)
        self.workers[name] = worker
        return worker

    def wait_until_up(self, server: Server) -> None:
        deadline = time.monotonic() + STARTUP_LIMIT
        while time.monotonic() < deadline:
            if server.popen.poll() is not None:
                raise RuntimeError(f"server {server.name} stopped while starting:\n{_tail(server.log)}")
            with (
                contextlib.suppress(OSError),
                urllib.request.urlopen(server.url + "/healthz", timeout=5) as response,  # noqa: S310 - loopback
            ):
                if response.status == 200:
                    return
            time.sleep(0.2)
        raise RuntimeError(f"server {server.name} did not answer /healthz:\n{_tail(server.log)}")

    def start(self) -> None:
        self.create_database()
        self.manage("migrate", "--noinput")
        seeded = self.manage("shell", "--no-imports", "-c", "from tests.multiserver.seed import seed; seed()")
        self.seeded = json.loads(seeded.strip().splitlines()[-1])
        # A has one database. B also reads through a "replica" alias on the same database (a replica without lag),
        # so its router and middleware run for real. C's replica is a copy that never catches up.
        self.copy_database()
        servers = [
            self.start_server("A"),
            self.start_server("B", DATABASE_REPLICA_URL=self.database_url),
            self.start_server("C", DATABASE_REPLICA_URL=with_database(self.maintenance_url, self.stale_replica)),
        ]
        self.start_worker("worker-1")
        self.start_worker("worker-2")
        for server in servers:
            self.wait_until_up(server)

    def stop(self) -> None:
        for process in [*self.servers.values(), *self.workers.values()]:
            process.stop()
        try:
            self.forget_cache()
        finally:
            self.drop_database()

    def logs(self) -> str:
        return "\n".join(f"--- {p.name} ---\n{_tail(p.log)}" for p in [*self.servers.values(), *self.workers.values()])


@dataclass
class Response:
    status: int
    body: str
    headers: Any

    def set_cookies(self) -> list[str]:
        return [value.split("=", 1)[0] for value in self.headers.get_all("Set-Cookie") or []]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None  # the test looks at the redirect itself


CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Browser:
    """A visitor: one cookie jar for both servers, as behind a load balancer (cookies do not depend on the port)."""

    def __init__(self, forwarded_for: str | None = None, host: str | None = None) -> None:
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect())
        self.forwarded_for = forwarded_for
        self.host = host  # one name for every server, as behind a load balancer

    def request(self, url: str, data: dict[str, str] | None = None, *, forwarded_for: str | None = None) -> Response:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(url, data=body, method="POST" if data is not None else "GET")  # noqa: S310
        if self.host:
            request.add_header("Host", self.host)
        if forwarded_for or self.forwarded_for:
            request.add_header("X-Forwarded-For", forwarded_for or self.forwarded_for or "")
        try:
            with self.opener.open(request, timeout=30) as response:
                return Response(response.status, response.read().decode(), response.headers)
        except urllib.error.HTTPError as error:  # 3xx (not followed), 4xx, 5xx
            with error:
                return Response(error.code, error.read().decode(), error.headers)

    def get(self, url: str, **kwargs: Any) -> Response:
        return self.request(url, **kwargs)

    def csrf_token(self, form_url: str) -> str:
        page = self.get(form_url)
        match = CSRF_FIELD.search(page.body)
        assert match, f"no form with a CSRF token on {form_url} ({page.status})"
        return match.group(1)

    def post(self, url: str, data: dict[str, str], *, token: str, **kwargs: Any) -> Response:
        return self.request(url, {**data, "csrfmiddlewaretoken": token}, **kwargs)

    def cookie(self, name: str) -> str | None:
        return next((cookie.value for cookie in self.jar if cookie.name == name), None)
