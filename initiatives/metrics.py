"""Live numbers on initiatives for the goals app (goal 2: collectives in every municipality)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Count
from django.utils import timezone

from initiatives import counts
from initiatives.models import Initiative
from wdhs import counts as wdhs_counts
from wdhs.metrics import Breakdown, Metric, register_breakdown, register_metric


def published_count() -> float:
    return float(counts.total())


def published_series() -> list[tuple[date, float]]:
    """Cumulative number of published initiatives at the end of each month since the first publication.

    From the counts per month the database keeps (initiatives/counts.py): no count over every initiative."""
    per_month = {date(int(month[:4]), int(month[5:7]), 1): n for month, n in wdhs_counts.months(counts.KIND)}
    if not per_month:
        return []
    today = timezone.localdate()
    month = min(per_month)
    total, series = 0, []
    while month <= today:
        total += per_month.get(month, 0)
        series.append((month, float(total)))
        month = date(month.year + (month.month == 12), month.month % 12 + 1, 1)
    return series


def municipalities_with_initiative() -> float:
    return float(len(counts.facet("municipality")()))


def by_province() -> list[tuple[Any, ...]]:
    return list(
        Initiative.objects.published()
        .order_by()
        .values_list("municipality__province__name")
        .annotate(n=Count("pk"))
        .order_by("municipality__province__name")
        .values_list("municipality__province__name", "n")
    )


def by_theme() -> list[tuple[Any, ...]]:
    return list(
        Initiative.objects.published()
        .order_by()
        .values_list("themes__name")
        .annotate(n=Count("pk", distinct=True))
        .exclude(themes__name=None)
        .order_by("-n", "themes__name")
        .values_list("themes__name", "n")
    )


def register() -> None:
    register_metric(
        Metric(
            code="initiatives.published",
            label="Gepubliceerde initiatieven",
            unit="initiatieven",
            current=published_count,
            series=published_series,
        )
    )
    register_metric(
        Metric(
            code="initiatives.municipalities_with_initiative",
            label="Gemeenten met minstens één gepubliceerd initiatief",
            unit="gemeenten",
            current=municipalities_with_initiative,
        )
    )
    register_breakdown(
        Breakdown(
            code="initiatives.by_province",
            label="Gepubliceerde initiatieven per provincie",
            columns=("Provincie", "Initiatieven"),
            rows=by_province,
        )
    )
    register_breakdown(
        Breakdown(
            code="initiatives.by_theme",
            label="Gepubliceerde initiatieven per thema",
            columns=("Thema", "Initiatieven"),
            rows=by_theme,
        )
    )
