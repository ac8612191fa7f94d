"""Live numbers the goals app can count itself, registered in wdhs.metrics.METRICS."""

from __future__ import annotations

from django.db.models import QuerySet

from goals.models import Regulation, Update
from wdhs.metrics import Breakdown, Metric, monthly_cumulative, register_breakdown, register_metric
from wdhs.models import User


def _verified_accounts() -> QuerySet:
    return User.objects.filter(is_active=True, emailaddress__verified=True).distinct()


def _published_updates() -> QuerySet:
    return Update.objects.published()


def _adopted_regulations() -> QuerySet:
    return Regulation.objects.filter(is_public=True, position_adopted=True)


def regulations_by_status() -> list[tuple[str, int]]:
    """Public regulations per status, in the order of the choices (statuses without any left out)."""
    counts: dict[str, int] = {}
    for status in Regulation.objects.filter(is_public=True).values_list("status", flat=True):
        counts[status] = counts.get(status, 0) + 1
    return [(label, counts[value]) for value, label in Regulation.Status.choices if value in counts]


def register() -> None:
    register_metric(
        Metric(
            code="goals.regulations_adopted",
            label="Wetten en regels waarin het standpunt van de coalitie is overgenomen",
            unit="wetten en regels",
            current=lambda: float(_adopted_regulations().count()),
        )
    )
    register_breakdown(
        Breakdown(
            code="goals.regulations_by_status",
            label="Wetten en regels per stand van zaken",
            columns=("Stand van zaken", "Aantal"),
            rows=regulations_by_status,
        )
    )
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
