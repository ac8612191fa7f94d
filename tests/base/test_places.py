from __future__ import annotations

import csv
from pathlib import Path

import pytest

from wdhs.models import Municipality, Province
from wdhs.places import DATA_DIR, load_places

pytestmark = pytest.mark.django_db


def test_reference_data_has_12_provinces_and_342_municipalities():
    assert Province.objects.count() == 12
    assert Municipality.objects.active().count() == 342
    assert Municipality.objects.get(code="GM0014").province.name == "Groningen"
    assert Province.objects.get(code="PV21").slug == "fryslan"


def test_loader_run_twice_changes_and_duplicates_nothing():
    first = load_places()
    second = load_places()
    assert first.created == 0 and second.created == 0  # the session already loaded everything
    assert second.updated == 0 and second.deactivated == 0
    assert second.unchanged == 354
    assert Municipality.objects.count() == 342


def test_loader_updates_by_code_and_keeps_merged_municipalities(tmp_path: Path):
    with open(DATA_DIR / "gemeenten.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    fieldnames = list(rows[0].keys())
    merged = rows.pop(1)  # as if this one merged into another on 1 January
    rows[0]["gemeentenaam"] = "Groningen (nieuw)"
    changed = tmp_path / "gemeenten.csv"
    with open(changed, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fieldnames)
        writer.writeheader()
        writer.writerows(rows)

    result = load_places(changed)

    assert result.updated == 1 and result.deactivated == 1 and result.created == 0
    assert Municipality.objects.get(code=rows[0]["gemeentecode"]).name == "Groningen (nieuw)"
    gone = Municipality.objects.get(code=merged["gemeentecode"])
    assert not gone.is_active
    assert Municipality.objects.count() == 342
    load_places()
    assert Municipality.objects.get(code=merged["gemeentecode"]).is_active
