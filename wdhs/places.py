"""Loads the 12 provinces and 342 municipalities (CBS / Kadaster) from wdhs/data/."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


def _sync_all[Place: (Province, Municipality)](
    model: type[Place], wanted: dict[str, dict[str, Any]], result: LoadResult
) -> None:
    """Create or update rows by CBS code in a few queries, whatever the number of rows."""
    existing = {obj.code: obj for obj in model.objects.all()}
    new: list[Place] = []
    changed: list[Place] = []
    fields: set[str] = set()
    for code, values in wanted.items():
        obj = existing.get(code)
        if obj is None:
            new.append(model(code=code, **values))
            continue
        names = [name for name, value in values.items() if getattr(obj, name) != value]
        for name in names:
            setattr(obj, name, values[name])
        if names:
            changed.append(obj)
            fields.update(names)
    model.objects.bulk_create(new)
    if changed:
        model.objects.bulk_update(changed, sorted(fields))
    result.created += len(new)
    result.updated += len(changed)
    result.unchanged += len(wanted) - len(new) - len(changed)


@transaction.atomic
def load_places(csv_path: Path | None = None) -> LoadResult:
    """Create or update places by CBS code; a municipality missing from the file is deactivated, never deleted."""
    result = LoadResult()
    path = csv_path or DATA_DIR / "gemeenten.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    provinces = {
        row["provinciecode"]: {"name": row["provincienaam"], "slug": slugify(row["provincienaam"])} for row in rows
    }
    _sync_all(Province, provinces, result)
    province_ids = dict(Province.objects.values_list("code", "pk"))
    municipalities = {
        row["gemeentecode"]: {
            "name": row["gemeentenaam"],
            "slug": slugify(row["gemeentenaam"]) or row["gemeentecode"].lower(),
            "province_id": province_ids[row["provinciecode"]],
            "label_lat": float(row["label_lat"]),
            "label_lon": float(row["label_lon"]),
            "is_active": True,
        }
        for row in rows
    }
    _sync_all(Municipality, municipalities, result)
    result.deactivated = (
        Municipality.objects.filter(is_active=True).exclude(code__in=list(municipalities)).update(is_active=False)
    )
    return result
