"""The alerts in the register of personal data (wdhs.personal_data): in the export, gone with the account."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from wdhs.alerts.models import Subscription
from wdhs.alerts.services import summary
from wdhs.models import User
from wdhs.personal_data import matches, register_personal_data


def _mine(user: User) -> Q:
    """The person's alerts: made with the account, or sent to one of their confirmed addresses."""
    return Q(user=user) | matches("email", user)


def _export(user: User) -> list[dict[str, Any]]:
    return [
        {
            "e-mailadres": subscription.email,
            **{label.lower(): value for label, value in summary(subscription)},
            "aangemeld": subscription.created_at.isoformat(),
            "bevestigd": subscription.confirmed_at.isoformat() if subscription.confirmed_at else None,
            "laatste mail": subscription.last_sent_at.isoformat() if subscription.last_sent_at else None,
            "aantal verstuurde items": subscription.sent_items.count(),
        }
        for subscription in Subscription.objects.filter(_mine(user))
        .select_related("province", "municipality")
        .prefetch_related("themes")
        .order_by("created_at")
    ]


def _erase(user: User) -> None:
    Subscription.objects.filter(_mine(user)).delete()


def register() -> None:
    register_personal_data(
        "meldingen per e-mail",
        fields=["alerts.Subscription.email", "alerts.Subscription.user"],
        export=_export,
        erase=_erase,
    )
