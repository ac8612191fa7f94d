from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from wdhs.nearby import load_neighbours
from wdhs.places import load_places


class Command(BaseCommand):
    help = "Laadt of werkt de provincies en gemeenten bij (CBS-codes) en berekent de buurgemeenten. Kan vaker draaien."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--csv", type=Path, help="Ander CSV-bestand met dezelfde kolommen (gemeenten.csv).")

    def handle(self, *args: Any, **options: Any) -> None:
        result = load_places(options["csv"])
        self.stdout.write(f"Plaatsen geladen: {result}.")
        # The neighbours follow the shapes of this year's municipalities (wdhs/data/gemeenten.geojson).
        self.stdout.write(f"Buurgemeenten opnieuw berekend: {load_neighbours()} verbindingen.")
