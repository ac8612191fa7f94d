"""Live numbers on knowledge for the goals app (goal 5: bundled knowledge of the partners)."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Q

from knowledge import counts
from knowledge.models import Organisation, Resource
from wdhs import counts as wdhs_counts
from wdhs.metrics import Breakdown, Metric, register_breakdown, register_metric


def published_resources() -> float:
    return float(counts.total())


def published_resources_series() -> list[tuple[date, float]]:
    """Cumulative number of published resources per month with a publication, oldest first (from the counts per
    month the database keeps, knowledge/counts.py)."""
    total, points = 0, []
    for month, n in wdhs_counts.months(counts.KIND):
        total += n
        points.append((date(int(month[:4]), int(month[5:7]), 1), float(total)))
    return points


def active_partners() -> float:
    return float(len(counts.facet("organisation")()))


def by_organisation() -> list[tuple[str, int]]:
    rows = (
        Organisation.objects.annotate(n=Count("resources", filter=Q(resources__status=Resource.Status.PUBLISHED)))
        .filter(n__gt=0)
        .order_by("-n", "name")
        .values_list("name", "n")
    )
    return list(rows)


def register() -> None:
    register_metric(
        Metric(
            code="knowledge.published_resources",
            label="Gepubliceerde kennisitems",
            unit="kennisitems",
            current=published_resources,
            series=published_resources_series,
        )
    )
    register_metric(
        Metric(
            code="knowledge.partners",
            label="Organisaties die kennis delen",
            unit="organisaties",
            current=active_partners,
        )
    )
    register_breakdown(
        Breakdown(
            code="knowledge.by_organisation",
            label="Gepubliceerde kennis per organisatie",
            columns=("organisatie", "gepubliceerde kennisitems"),
            rows=by_organisation,
        )
    )
