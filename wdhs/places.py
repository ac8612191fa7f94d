"""Loads the 12 provinces and 342 municipalities (CBS / Kadaster) from wdhs/data/."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from wdhs.models import Municipality, Province

DATA_DIR = Path(__file__).resolve().parent / "data"
SOURCE = "Bron: Kadaster / Centraal Bureau voor de Statistiek, 2025"


@dataclass
class LoadResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deactivated: int = 0

    def __str__(self) -> str:
        return (
            f"{self.created} nieuw, {self.updated} bijgewerkt, {self.unchanged} ongewijzigd, "
            f"{self.deactivated} niet meer actief"
        )


def _sync(model: type, lookup: dict[str, object], values: dict[str, object], result: LoadResult) -> object:
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        result.created += 1
        return model.objects.create(**lookup, **values)
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if changed:
        for name in changed:
            setattr(obj, name, values[name])
        obj.save(update_fields=changed)
        result.updated += 1
    else:
        result.unchanged += 1
    return obj


@transaction.atomic
def load_places(csv_path: Path | None = None) -> LoadResult:
    """Create or update places by CBS code; a municipality missing from the file is deactivated, never deleted."""
    result = LoadResult()
    path = csv_path or DATA_DIR / "gemeenten.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    provinces: dict[str, Province] = {}
    for row in rows:
        code = row["provinciecode"]
        if code not in provinces:
            name = row["provincienaam"]
            provinces[code] = _sync(Province, {"code": code}, {"name": name, "slug": slugify(name)}, result)
    seen: set[str] = set()
    for row in rows:
        code = row["gemeentecode"]
        seen.add(code)
        _sync(
            Municipality,
            {"code": code},
            {
                "name": row["gemeentenaam"],
                "slug": slugify(row["gemeentenaam"]) or code.lower(),
                "province": provinces[row["provinciecode"]],
                "label_lat": float(row["label_lat"]),
                "label_lon": float(row["label_lon"]),
                "is_active": True,
            },
            result,
        )
    result.deactivated = Municipality.objects.filter(is_active=True).exclude(code__in=seen).update(is_active=False)
    return result
