from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from wdhs.backup import BackupError, create_backup, prune


class Command(BaseCommand):
    help = (
        "Maakt een back-up van de database (pg_dump) en de uploads, met een manifest (rijen per tabel, "
        "controlesommen), in een nieuwe map wdhs-<tijd> onder --dir of WDHS_BACKUP_DIR."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dir", type=Path, help="Map voor de back-ups (standaard: WDHS_BACKUP_DIR).")
        parser.add_argument(
            "--keep", type=int, default=0, help="Bewaar alleen de nieuwste N back-ups in die map (0: alles bewaren)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        folder = options["dir"] or Path(settings.WDHS_BACKUP_DIR)
        if options["keep"] < 0:
            raise CommandError("--keep moet 0 of meer zijn.")
        try:
            backup = create_backup(folder)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        manifest = backup.manifest
        self.stdout.write(
            f"Back-up gemaakt: {backup.path} ({len(manifest['tables'])} tabellen, {backup.rows} rijen, "
            f"{len(manifest['files'])} uploads)."
        )
        if options["keep"]:
            for old in prune(folder, options["keep"]):
                self.stdout.write(f"Oude back-up verwijderd: {old}")
