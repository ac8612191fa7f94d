from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from wdhs.backup import BackupError, compare_rows, read_backup, restore_database, restore_media, table_count


class Command(BaseCommand):
    help = (
        "Zet een back-up van `manage.py backup` terug in de ingestelde database en opslag. Vervangt wat er staat: "
        "in een database die niet leeg is alleen met --yes. Stop eerst de webserver en de taakverwerkers."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("backup", type=Path, help="De map van de back-up (wdhs-...).")
        parser.add_argument("--yes", action="store_true", help="Ook terugzetten als de database niet leeg is.")

    def handle(self, *args: Any, **options: Any) -> None:
        name = settings.DATABASES["default"]["NAME"]
        try:
            backup = read_backup(options["backup"])
            tables = table_count()
            if tables and not options["yes"]:
                raise CommandError(
                    f"De database {name} is niet leeg ({tables} tabellen). Terugzetten vervangt alles wat in de "
                    "back-up staat door de inhoud van de back-up. Weet je het zeker? Herhaal dan met --yes."
                )
            restore_database(backup)
            files = restore_media(backup)
            differences = compare_rows(backup)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        if differences:
            raise CommandError("De database is teruggezet, maar niet alles klopt:\n" + "\n".join(differences))
        self.stdout.write(
            f"Teruggezet in {name}: {len(backup.manifest['tables'])} tabellen, {backup.rows} rijen (alle aantallen "
            f"kloppen) en {files} uploads, uit de back-up van {backup.manifest['created']}."
        )
