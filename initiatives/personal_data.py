from __future__ import annotations

from typing import Any

from initiatives.models import Invitation
from wdhs.models import User


def export(user: User) -> dict[str, Any]:
    """The initiatives a person manages and the invitations they sent or received."""
    managed = [
        {
            "initiatief": m.initiative.name,
            "status": m.initiative.get_status_display(),
            "beheerder sinds": m.created_at.isoformat(),
        }
        for m in user.initiative_memberships.select_related("initiative")
    ]
    sent = [
        {"initiatief": i.initiative.name, "aan": i.email, "verstuurd": i.created_at.isoformat()}
        for i in Invitation.objects.filter(invited_by=user).select_related("initiative")
    ]
    received = [
        {"initiatief": i.initiative.name, "verstuurd": i.created_at.isoformat(), "geaccepteerd": i.accepted_at}
        for i in Invitation.objects.filter(email__iexact=user.email).select_related("initiative")
    ]
    return {"beheert": managed, "verstuurde uitnodigingen": sent, "ontvangen uitnodigingen": received}
