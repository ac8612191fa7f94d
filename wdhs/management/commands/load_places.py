from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from wdhs.places import load_places


class Command(BaseCommand):
    help = "Laadt of werkt de provincies en gemeenten bij (CBS-codes). Kan vaker draaien."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--csv", type=Path, help="Ander CSV-bestand met dezelfde kolommen (gemeenten.csv).")

    def handle(self, *args: Any, **options: Any) -> None:
        result = load_places(options["csv"])
        self.stdout.write(f"Plaatsen geladen: {result}.")
