"""Live numbers on knowledge for the goals app (goal 5: bundled knowledge of the partners)."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth

from knowledge.models import FundingScheme, Organisation, Question, Resource


def published_resources() -> float:
    return float(Resource.objects.published().count())


def published_resources_series() -> list[tuple[date, float]]:
    """Cumulative number of published resources at the end of each month with a publication, oldest first."""
    rows = (
        Resource.objects.published()
        .annotate(month=TruncMonth("published_at"))
        .values("month")
        .annotate(n=Count("pk"))
        .order_by("month")
        .values_list("month", "n")
    )
    total = 0
    series = []
    for month, n in rows:
        total += n
        series.append((month.date() if hasattr(month, "date") else month, float(total)))
    return series


def active_partners() -> float:
    return float(Organisation.objects.filter(resources__status=Resource.Status.PUBLISHED).distinct().count())


def by_organisation() -> list[tuple[str, int]]:
    rows = (
        Organisation.objects.annotate(n=Count("resources", filter=Q(resources__status=Resource.Status.PUBLISHED)))
        .filter(n__gt=0)
        .order_by("-n", "name")
        .values_list("name", "n")
    )
    return list(rows)


def answered_questions() -> float:
    return float(Question.objects.answered().count())


def answered_questions_series() -> list[tuple[date, float]]:
    """Cumulative number of answered questions at the end of each month with an answer, oldest first."""
    rows = (
        Question.objects.answered()
        .annotate(month=TruncMonth("answered_at"))
        .values("month")
        .annotate(n=Count("pk"))
        .order_by("month")
        .values_list("month", "n")
    )
    total = 0
    series = []
    for month, n in rows:
        total += n
        series.append((month.date() if hasattr(month, "date") else month, float(total)))
    return series


def funding_schemes() -> float:
    return float(FundingScheme.objects.active().count())
