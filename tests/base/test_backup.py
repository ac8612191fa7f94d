"""`manage.py backup` and `manage.py restore`: content and uploads come back exactly, after a change and after a wipe.

Against a database of its own on the test suite's PostgreSQL server (created here, migrated, dropped afterwards),
never the test database: the restore replaces everything. The commands run as their own processes, as on a server.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from tests.multiserver.cluster import with_database

pytestmark = pytest.mark.xdist_group("backup")

ROOT = Path(__file__).resolve().parents[2]

CONTENT = """
from django.core.files.base import ContentFile
from knowledge.models import Attachment
from tests.factories import InitiativeFactory, ResourceFactory, UserFactory
UserFactory(email="bewoner@backup.example")
InitiativeFactory(name="Buurtmoestuin Terug Van Weggeweest")
resource = ResourceFactory(title="Draaiboek buurtfeest")
attachment = Attachment(resource=resource, original_name="draaiboek.pdf", content_type="application/pdf", size=9)
attachment.file.save("draaiboek.pdf", ContentFile(b"%PDF-1.4\\n" + bytes(range(256)) * 40), save=True)
"""
CHANGE = "from tests.factories import InitiativeFactory; InitiativeFactory(name='Na de back-up')"


@dataclass
class Site:
    url: str
    env: dict[str, str]
    media: Path
    backups: Path

    def manage(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=300
        )
        if check:
            assert result.returncode == 0, f"manage.py {args}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        return result

    def counts(self) -> dict[str, int]:
        with psycopg.connect(self.url) as conn:
            tables = conn.execute(
                "SELECT schemaname, tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1, 2"
            ).fetchall()
            return {
                f"{schema}.{table}": conn.execute(
                    sql.SQL("SELECT count(*) FROM {}.{}").format(sql.Identifier(schema), sql.Identifier(table))
                ).fetchone()[0]  # type: ignore[index]
                for schema, table in tables
            }

    def initiatives(self) -> list[str]:
        with psycopg.connect(self.url) as conn:
            return [r[0] for r in conn.execute("SELECT name FROM initiatives_initiative ORDER BY name").fetchall()]

    def files(self) -> dict[str, bytes]:
        return {str(p.relative_to(self.media)): p.read_bytes() for p in self.media.rglob("*") if p.is_file()}


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Site]:
    server = os.environ["DATABASE_URL"]
    name = f"wdhs_backup_{secrets.token_hex(4)}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    url = with_database(server, name)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "WDHS_", "DATABASE_"))}
    env.update(
        DJANGO_ENV="development",
        DATABASE_URL=url,
        WDHS_MEDIA_ROOT=str(tmp_path / "media"),
        WDHS_BACKUP_DIR=str(tmp_path / "backups"),
    )
    try:
        yield Site(url, env, tmp_path / "media", tmp_path / "backups")
    finally:
        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def test_backup_and_restore_bring_back_rows_and_uploads(site: Site) -> None:
    site.manage("migrate", "--noinput")
    site.manage("shell", "--no-imports", "-c", CONTENT)
    counts, files = site.counts(), site.files()
    assert counts["public.initiatives_initiative"] == 1 and counts["public.knowledge_attachment"] == 1
    assert len(files) == 1 and next(iter(files.values())).startswith(b"%PDF")

    made = site.manage("backup")
    assert "Back-up gemaakt" in made.stdout
    [backup] = site.backups.iterdir()
    assert backup.name.startswith("wdhs-") and sorted(p.name for p in backup.iterdir()) == [
        "database.dump",
        "manifest.json",
        "media.tar",
    ]
    manifest = json.loads((backup / "manifest.json").read_text())
    assert manifest["tables"] == counts
    [(name, entry)] = manifest["files"].items()
    assert files[name] and entry["size"] == len(files[name]) and len(entry["sha256"]) == 64

    # A database with content is not replaced without --yes.
    site.manage("shell", "--no-imports", "-c", CHANGE)
    refused = site.manage("restore", str(backup), check=False)
    assert refused.returncode != 0 and "niet leeg" in refused.stderr and "--yes" in refused.stderr
    assert "Na de back-up" in site.initiatives()

    restored = site.manage("restore", str(backup), "--yes")
    assert "alle aantallen kloppen" in restored.stdout
    assert site.initiatives() == ["Buurtmoestuin Terug Van Weggeweest"]
    assert site.counts() == counts

    # Everything gone: every table and every upload.
    with psycopg.connect(site.url, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")
    shutil.rmtree(site.media)
    assert site.counts() == {} and site.files() == {}

    site.manage("restore", str(backup))  # an empty database needs no --yes
    assert site.counts() == counts
    assert site.files() == files
    # The portal works on what came back: no migration missing, the upload readable through Django.
    check = (
        "from django.core.management import call_command; call_command('migrate', check_unapplied=True); "
        "from knowledge.models import Attachment; print(Attachment.objects.get().file.read()[:8])"
    )
    assert "%PDF-1.4" in site.manage("shell", "--no-imports", "-c", check).stdout


def test_a_damaged_backup_is_refused(site: Site) -> None:
    (site.media / "logos").mkdir(parents=True)
    (site.media / "logos" / "a.png").write_bytes(b"\x89PNG" + b"0" * 100)
    site.manage("backup")
    [backup] = site.backups.iterdir()
    media = backup / "media.tar"
    media.write_bytes(media.read_bytes()[:-1] + b"x")
    refused = site.manage("restore", str(backup), "--yes", check=False)
    assert refused.returncode != 0 and "beschadigd" in refused.stderr
    assert site.manage("restore", str(site.backups / "bestaat-niet"), check=False).returncode != 0


def test_backup_keeps_the_newest(site: Site) -> None:
    for stamp in ("20260101T000000Z", "20260102T000000Z"):
        old = site.backups / f"wdhs-{stamp}"
        old.mkdir(parents=True)
        (old / "manifest.json").write_text("{}")
    site.manage("backup", "--keep", "2")
    kept = sorted(p.name for p in site.backups.iterdir())
    assert len(kept) == 2 and kept[0] == "wdhs-20260102T000000Z"
