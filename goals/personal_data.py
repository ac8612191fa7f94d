from __future__ import annotations

from typing import Any

from goals.models import Measurement, Update
from wdhs.models import User
from wdhs.personal_data import register_personal_data


def export(user: User) -> dict[str, Any]:
    """What the goals app stores about a person: updates they wrote and measurements they entered."""
    return {
        "voortgangsberichten": list(
            Update.objects.filter(author=user).values("title", "published_at", "is_published").order_by("pk")
        ),
        "metingen": list(
            Measurement.objects.filter(entered_by=user).values("indicator__name", "date", "value").order_by("pk")
        ),
    }


def erase(user: User) -> None:
    """Updates and measurements stay, without the person (SET_NULL): they are the coalition's record."""


def register() -> None:
    register_personal_data(
        "doelen",
        fields=["goals.Update.author", "goals.Measurement.entered_by"],
        export=export,
        erase=erase,
    )
