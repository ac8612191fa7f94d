from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from wdhs.search.index import rebuild


class Command(BaseCommand):
    help = "Bouwt de hele zoekindex opnieuw: woordvormen (lemma's, samenstellingen) en alle zoekvectoren."

    def handle(self, *args: Any, **options: Any) -> None:
        counts = rebuild()
        for table, rows in counts.items():
            self.stdout.write(f"{table}: {rows} rijen opnieuw geïndexeerd")
        self.stdout.write(self.style.SUCCESS("De zoekindex is opnieuw opgebouwd."))
