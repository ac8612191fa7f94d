"""Live numbers the goals app can count itself, registered in wdhs.portal.METRICS."""

from __future__ import annotations

import datetime

from django.db.models import Count, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone

from wdhs.portal import Metric, register_metric


def monthly_cumulative(queryset: QuerySet, date_field: str) -> list[tuple[datetime.date, float]]:
    """Cumulative count at the start of each month in which rows were added, oldest first."""
    per_month = (
        queryset.annotate(month=TruncMonth(date_field, tzinfo=timezone.get_current_timezone()))
        .values("month")
        .annotate(n=Count("pk", distinct=True))
        .order_by("month")
    )
    total = 0
    points = []
    for row in per_month:
        total += row["n"]
        month = row["month"]
        points.append((month.date() if isinstance(month, datetime.datetime) else month, float(total)))
    return points


def _verified_accounts() -> QuerySet:
    from wdhs.models import User

    return User.objects.filter(is_active=True, emailaddress__verified=True).distinct()


def _published_updates() -> QuerySet:
    from goals.models import Update

    return Update.objects.published()


def register_metrics() -> None:
    register_metric(
        Metric(
            code="wdhs.accounts",
            label="Accounts met een bevestigd e-mailadres",
            unit="accounts",
            current=lambda: float(_verified_accounts().count()),
            series=lambda: monthly_cumulative(_verified_accounts(), "date_joined"),
        )
    )
    register_metric(
        Metric(
            code="goals.updates",
            label="Gepubliceerde voortgangsberichten",
            unit="berichten",
            current=lambda: float(_published_updates().count()),
            series=lambda: monthly_cumulative(_published_updates(), "published_at"),
        )
    )
