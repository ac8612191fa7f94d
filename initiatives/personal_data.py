from __future__ import annotations

from typing import Any

from django.db.models import Q

from initiatives.models import Initiative, Invitation, ProblemReport
from initiatives.services import initiatives_orphan
from wdhs.models import User
from wdhs.personal_data import matches, register_personal_data


def export(user: User) -> dict[str, Any]:
    """The initiatives a person manages, the invitations they sent or received and the reports they made."""
    managed = [
        {
            "initiatief": m.initiative.name,
            "status": m.initiative.get_status_display(),
            "beheerder sinds": m.created_at.isoformat(),
            "openbaar e-mailadres": m.initiative.public_email,
        }
        for m in user.initiative_memberships.select_related("initiative")
    ]
    public_address = [
        {"initiatief": i.name, "openbaar e-mailadres": i.public_email}
        for i in Initiative.objects.filter(matches("public_email", user)).order_by("name")
    ]
    sent = [
        {"initiatief": i.initiative.name, "aan": i.email, "verstuurd": i.created_at.isoformat()}
        for i in Invitation.objects.filter(invited_by=user).select_related("initiative")
    ]
    received = [
        {
            "initiatief": i.initiative.name,
            "aan": i.email,
            "verstuurd": i.created_at.isoformat(),
            "geaccepteerd": i.accepted_at.isoformat() if i.accepted_at else None,
        }
        for i in Invitation.objects.filter(matches("email", user) | Q(accepted_by=user)).select_related("initiative")
    ]
    reports = [
        {
            "initiatief": r.initiative.name,
            "wat is er mis": r.get_reason_display(),
            "toelichting": r.message,
            "e-mailadres": r.reporter_email,
            "gemeld": r.created_at.isoformat(),
            "afgehandeld": r.handled_at.isoformat() if r.handled_at else None,
        }
        for r in ProblemReport.objects.filter(matches("reporter_email", user))
        .exclude(reporter_email="")
        .select_related("initiative")
        .order_by("created_at")
    ]
    return {
        "beheert": managed,
        "jouw e-mailadres als contactadres": public_address,
        "verstuurde uitnodigingen": sent,
        "ontvangen uitnodigingen": received,
        "meldingen": reports,
    }


def erase(user: User) -> None:
    """Before the account goes: initiatives managed alone are flagged for staff (co-managers simply keep theirs),
    invitations sent or received are deleted (they hold an address), the person's reports and public contact
    address are wiped. Memberships go with the user row (CASCADE)."""
    initiatives_orphan(user=user)
    Invitation.objects.filter(Q(invited_by=user) | matches("email", user) | Q(accepted_by=user)).delete()
    ProblemReport.objects.filter(matches("reporter_email", user)).update(reporter_email="")
    Initiative.objects.filter(matches("public_email", user)).update(public_email="")


def register() -> None:
    register_personal_data(
        "initiatieven",
        fields=[
            "initiatives.Initiative.public_email",
            "initiatives.Membership.user",
            "initiatives.Membership.invited_by",
            "initiatives.Invitation.email",
            "initiatives.Invitation.invited_by",
            "initiatives.Invitation.accepted_by",
            "initiatives.ProblemReport.reporter_email",
        ],
        export=export,
        erase=erase,
    )
