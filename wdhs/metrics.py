"""Live numbers for the goals' indicators: the one place where apps plug into the portal.

Each app registers the numbers it can count (`register_metric`, `register_breakdown`) in its
AppConfig.ready(); the goals app reads them by code, so a goal's indicator names a metric code
("initiatives.published") instead of importing the app that counts it.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone


@dataclass(frozen=True)
class Metric:
    """A number counted live from the portal's own data, for the goals' indicators.

    `current` gives today's value; `series` (optional) gives (date, value) points, oldest first,
    for a line chart, for example cumulative counts per month.
    """

    code: str
    label: str
    unit: str
    current: Callable[[], float]
    series: Callable[[], list[tuple[Any, float]]] | None = None


@dataclass(frozen=True)
class Breakdown:
    """A table counted live (for the staff dashboard): column headings and rows of values."""

    code: str
    label: str
    columns: tuple[str, ...]
    rows: Callable[[], list[tuple[Any, ...]]]


METRICS: dict[str, Metric] = {}
BREAKDOWNS: dict[str, Breakdown] = {}


def register_metric(metric: Metric) -> None:
    METRICS[metric.code] = metric


def register_breakdown(breakdown: Breakdown) -> None:
    BREAKDOWNS[breakdown.code] = breakdown


def monthly_cumulative(queryset: QuerySet[Any], date_field: str) -> list[tuple[datetime.date, float]]:
    """Cumulative count at the start of each month in which rows were added, oldest first."""
    # Rows of one table are counted as they are (COUNT(*), so an index with the date answers it alone); a
    # queryset that joins another table may repeat a row, and counts each once.
    query = queryset.query
    plain = len(query.alias_map) <= 1 and not query.distinct
    per_month = (
        queryset.annotate(month=TruncMonth(date_field, tzinfo=timezone.get_current_timezone()))
        .values("month")
        .annotate(n=Count("*") if plain else Count("pk", distinct=True))
        .order_by("month")
    )
    total = 0
    points = []
    for row in per_month:
        total += row["n"]
        month = row["month"]
        points.append((month.date() if isinstance(month, datetime.datetime) else month, float(total)))
    return points
