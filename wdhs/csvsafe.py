"""CSV files that a spreadsheet opens as data, never as formulas (CSV injection, OWASP; ASVS 5.0 L1).

A cell that starts with =, +, -, @, a tab or a line break is a formula to Excel, LibreOffice and Google
Sheets: `=HYPERLINK("https://evil.example", "Klik")` in an initiative's name would become a live link in
the open-data file. Such a cell gets a leading apostrophe, which the spreadsheet shows as plain text.
Numbers are data, so -3 stays -3. Every CSV the portal writes goes through `writer` or `DictWriter`.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

# ASCII and the full-width forms some spreadsheet programs also read as the start of a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def csv_safe(value: Any) -> str:
    """The text of one cell, with an apostrophe in front when a spreadsheet would run it as a formula."""
    if value is None:
        return ""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return str(value)
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text


def safe_row(values: Iterable[Any]) -> list[str]:
    return [csv_safe(value) for value in values]


class SafeWriter:
    """csv.writer whose rows are made safe cell by cell."""

    def __init__(self, stream: Any, **options: Any) -> None:
        self._writer = csv.writer(stream, **options)

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._writer.writerow(safe_row(row))

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def writer(stream: Any, **options: Any) -> SafeWriter:
    return SafeWriter(stream, **options)


class DictWriter(csv.DictWriter[str]):
    """csv.DictWriter whose values (and header) are made safe cell by cell."""

    def writeheader(self) -> Any:
        return self.writer.writerow(safe_row(self.fieldnames))

    def writerow(self, rowdict: Mapping[str, Any]) -> Any:
        return super().writerow({key: csv_safe(value) for key, value in rowdict.items()})
