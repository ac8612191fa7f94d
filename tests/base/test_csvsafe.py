"""wdhs.csvsafe: the one CSV helper of the portal (CSV injection, issue #17)."""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal
from pathlib import Path

import pytest

from wdhs import csvsafe


@pytest.mark.parametrize(
    "value",
    ["=1+1", "+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1", "\n=1", "\uff1d1+1", '=HYPERLINK("https://evil.example")'],
)
def test_formula_starts_get_an_apostrophe(value):
    assert csvsafe.csv_safe(value) == "'" + value


@pytest.mark.parametrize(
    ("value", "written"),
    [(None, ""), (-3, "-3"), (2.5, "2.5"), (Decimal("-1.50"), "-1.50"), ("Buurthuis = fijn", "Buurthuis = fijn")],
)
def test_numbers_and_ordinary_text_stay_as_they_are(value, written):
    assert csvsafe.csv_safe(value) == written


def test_writers_make_every_cell_safe():
    stream = io.StringIO()
    csvsafe.writer(stream, delimiter=";").writerows([["=kop", 1], ["@x", -1]])
    dict_writer = csvsafe.DictWriter(stream, fieldnames=["a", "b"])
    dict_writer.writeheader()
    dict_writer.writerow({"a": "+x", "b": "ok"})
    lines = stream.getvalue().splitlines()
    assert lines[:2] == ["'=kop;1", "'@x;-1"]
    assert list(csv.reader(lines[2:])) == [["a", "b"], ["'+x", "ok"]]


def test_no_csv_is_written_past_the_helper():
    """Every CSV the portal writes goes through wdhs.csvsafe: no other module calls csv.writer itself."""
    root = Path(__file__).resolve().parents[2]
    offenders = [
        str(path.relative_to(root))
        for folder in ("wdhs", "knowledge", "initiatives", "goals")
        for path in (root / folder).rglob("*.py")
        if path.name != "csvsafe.py" and re.search(r"\bcsv\.(writer|DictWriter)\b", path.read_text())
    ]
    assert offenders == []
