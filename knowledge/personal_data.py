from __future__ import annotations

from typing import Any

from knowledge.models import Membership, Resource, StatusChange
from wdhs.models import User
from wdhs.personal_data import register_personal_data


def export(user: User) -> dict[str, Any]:
    """What the knowledge part stores about a person: memberships, resources they wrote, workflow steps."""
    return {
        "redacteur van": [
            {"organisatie": m.organisation.name, "mag publiceren": m.can_publish, "sinds": m.created_at.isoformat()}
            for m in Membership.objects.filter(user=user).select_related("organisation")
        ],
        "geschreven kennis": [
            {"titel": r.title, "status": r.get_status_display(), "aangemaakt": r.created_at.isoformat()}
            for r in Resource.objects.filter(author=user).order_by("created_at")
        ],
        "stappen in de redactie": [
            {"kennisitem": c.resource.title, "naar": c.get_to_status_display(), "op": c.at.isoformat()}
            for c in StatusChange.objects.filter(by=user).select_related("resource").order_by("at")
        ],
    }


def erase(user: User) -> None:
    """Memberships go with the user (CASCADE); resources and workflow steps stay, without the person (SET_NULL)."""


def register() -> None:
    register_personal_data(
        "kennis",
        fields=["knowledge.Membership.user", "knowledge.Resource.author", "knowledge.StatusChange.by"],
        export=export,
        erase=erase,
    )
