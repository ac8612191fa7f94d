"""Live numbers the goals app can count itself, registered in wdhs.metrics.METRICS."""

from __future__ import annotations

from django.db.models import QuerySet

from goals.models import Update
from wdhs.metrics import Metric, monthly_cumulative, register_metric
from wdhs.models import User


def _verified_accounts() -> QuerySet:
    return User.objects.filter(is_active=True, emailaddress__verified=True).distinct()


def _published_updates() -> QuerySet:
    return Update.objects.published()


def register() -> None:
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
