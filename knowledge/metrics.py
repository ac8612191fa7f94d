"""Live numbers on knowledge for the goals app (goal 5: bundled knowledge of the partners)."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Q

from knowledge.models import FundingScheme, Organisation, Question, Resource
from wdhs.portal import monthly_cumulative


def published_resources() -> float:
    return float(Resource.objects.published().count())


def published_resources_series() -> list[tuple[date, float]]:
    """Cumulative number of published resources per month with a publication, oldest first."""
    return monthly_cumulative(Resource.objects.published(), "published_at")


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
    """Cumulative number of answered questions per month with an answer, oldest first."""
    return monthly_cumulative(Question.objects.answered(), "answered_at")


def funding_schemes() -> float:
    return float(FundingScheme.objects.active().count())
