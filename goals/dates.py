"""One date style on every goals page: "3 maart 2026" (the nl locale's month names)."""

from __future__ import annotations

import datetime

from django.utils.formats import date_format

DATE_FORMAT = "j F Y"
MONTH_FORMAT = "F Y"


def format_date(value: datetime.date | datetime.datetime) -> str:
    """A date on the goals pages, in text, tables and charts alike: 3 maart 2026."""
    return date_format(value, DATE_FORMAT)


def format_month(value: datetime.date | datetime.datetime) -> str:
    """A month (monthly counts on the dashboard): maart 2026."""
    return date_format(value, MONTH_FORMAT)
