"""Writes with side effects for initiatives: registration, review decisions, managers and messages."""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from initiatives import changes
from initiatives.forms import similar_initiatives
from initiatives.models import (
    INVITATION_VALID_FOR,
    Initiative,
    Invitation,
    Membership,
    ProblemReason,
    ProblemReport,
    Status,
    hash_token,
)
from wdhs import emails, retention
from wdhs.models import User


def _absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def _manager_emails(initiative: Initiative) -> list[str]:
    return list(initiative.memberships.values_list("user__email", flat=True))


def _mail_managers(initiative: Initiative, name: str, **context: Any) -> None:
    emails.send(name, to=_manager_emails(initiative), context={"initiative": initiative, **context})


class PossibleDuplicate(Exception):
    """An initiative with nearly the same name in the same municipality was registered just before."""

    def __init__(self, duplicates: list[Initiative]) -> None:
        super().__init__("Er staat al een initiatief met een bijna gelijke naam in deze gemeente.")
        self.duplicates = duplicates


def _lock_registrations_in(municipality_id: int) -> None:
    """Registrations in one municipality, one after the other until each commits (a PostgreSQL advisory lock).

    The form checks for a similar name before the insert: two registrations at the same moment would both
    find nothing. The lock is on the municipality, not on the name, because the check looks for names that
    are nearly the same (pg_trgm) within a municipality; it ends with the transaction.
    """
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(hashtext('initiatives.register'), %s)", [municipality_id])


@transaction.atomic
def initiative_register(*, user: User, data: dict[str, Any], confirmed_new: bool = False) -> Initiative:
    """Create a submitted initiative from a form's cleaned data; the person who registers becomes its manager.

    Unless the person confirmed that theirs is another initiative, a similar name in the same municipality
    (one registered since the form was checked) raises PossibleDuplicate and nothing is saved.
    """
    municipality = data.get("municipality")
    duplicates: list[Initiative] = []
    if municipality is not None:
        _lock_registrations_in(municipality.pk)
        duplicates = list(similar_initiatives(data["name"], municipality))
        if duplicates and not confirmed_new:
            raise PossibleDuplicate(duplicates)
    # Registered although a similar name exists: staff check it (a line in the work queue).
    initiative = Initiative(status=Status.SUBMITTED, duplicate_override=bool(duplicates))
    changes.apply(initiative, data)
    Membership.objects.create(initiative=initiative, user=user)
    emails.send(
        "initiative-new",
        to=settings.STAFF_NOTIFICATION_EMAILS,
        context={
            "initiative": initiative,
            "admin_url": _absolute(reverse("admin:initiatives_initiative_change", args=[initiative.pk])),
        },
    )
    return initiative


@transaction.atomic
def initiative_update(*, initiative: Initiative, by: User, data: dict[str, Any]) -> bool:
    """Save a manager's changes. Returns True when they wait for review (the initiative is published).

    Published data stays public until staff approve the changes; an initiative that is not public yet
    is changed directly and (when it was rejected or archived) goes back into the review queue.
    """
    if initiative.status == Status.PUBLISHED:
        changes.hold(initiative, data)
        return True
    changes.apply(initiative, data)
    if initiative.status in {Status.REJECTED, Status.ARCHIVED}:
        initiative.status = Status.SUBMITTED
        initiative.rejection_reason = ""
        initiative.save(update_fields=["status", "rejection_reason", "updated_at"])
    return False


@transaction.atomic
def initiative_approve(*, initiative: Initiative, by: User | None) -> None:
    """Publish a submitted initiative, or apply the pending changes of a published one; mail the managers."""
    had_changes = initiative.pending_changes is not None
    if had_changes:
        changes.apply(initiative, changes.held(initiative))
    now = timezone.now()
    was_public = initiative.status == Status.PUBLISHED
    initiative.status = Status.PUBLISHED
    initiative.rejection_reason = ""
    initiative.pending_changes = None
    initiative.pending_since = None
    if initiative.published_at is None:
        initiative.published_at = now
    initiative.confirmed_at = now
    initiative.save()
    _mail_managers(
        initiative,
        "initiative-approved",
        changes_only=was_public and had_changes,
        url=_absolute(initiative.get_absolute_url()),
    )


@transaction.atomic
def initiative_reject(*, initiative: Initiative, by: User | None, reason: str) -> None:
    """Reject a submitted initiative, or the pending changes of a published one (it stays public)."""
    reason = reason.strip()
    if not reason:
        raise ValidationError("Geef een reden op. De beheerders krijgen die te zien.")
    changes_only = initiative.status == Status.PUBLISHED and initiative.pending_changes is not None
    if changes_only:
        initiative.pending_changes = None
        initiative.pending_since = None
        initiative.save(update_fields=["pending_changes", "pending_since", "updated_at"])
    else:
        initiative.status = Status.REJECTED
        initiative.rejection_reason = reason
        initiative.save(update_fields=["status", "rejection_reason", "updated_at"])
    _mail_managers(
        initiative,
        "initiative-rejected",
        reason=reason,
        changes_only=changes_only,
        url=_absolute(initiative.get_manage_url()),
    )


@transaction.atomic
def initiative_archive(*, initiative: Initiative, by: User | None) -> None:
    initiative.status = Status.ARCHIVED
    initiative.pending_changes = None
    initiative.pending_since = None
    initiative.save(update_fields=["status", "pending_changes", "pending_since", "updated_at"])
    _mail_managers(initiative, "initiative-archived", url=_absolute(initiative.get_manage_url()))


def initiative_confirm(*, initiative: Initiative, by: User) -> None:
    """A manager says the information is still right ("klopt dit nog?" - "ja")."""
    initiative.confirmed_at = timezone.now()
    initiative.save(update_fields=["confirmed_at", "updated_at"])


@transaction.atomic
def initiative_request_confirmation(*, initiative: Initiative) -> None:
    """Ask the managers once a year whether the page is still right."""
    initiative.confirmation_requested_at = timezone.now()
    initiative.save(update_fields=["confirmation_requested_at"])
    _mail_managers(initiative, "initiative-confirm", url=_absolute(initiative.get_manage_url()))


def initiatives_request_confirmation(*, now: datetime | None = None) -> int:
    """Ask every initiative that is due for it (`due_for_confirmation`); returns how many were asked."""
    due = Initiative.objects.due_for_confirmation(now or timezone.now()).order_by("pk")
    count = 0
    for initiative in due:
        initiative_request_confirmation(initiative=initiative)
        count += 1
    return count


@transaction.atomic
def invitation_create(*, initiative: Initiative, email: str, by: User) -> Invitation:
    """Invite someone by e-mail to co-manage; earlier open invitations to the same address stop working."""
    now = timezone.now()
    initiative.invitations.filter(email__iexact=email, accepted_at__isnull=True, revoked_at__isnull=True).update(
        revoked_at=now
    )
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        initiative=initiative,
        email=email,
        token_hash=hash_token(token),
        invited_by=by,
        expires_at=now + INVITATION_VALID_FOR,
    )
    emails.send(
        "initiative-invitation",
        to=[email],
        context={
            "initiative": initiative,
            "inviter": by,
            "url": _absolute(reverse("initiatives:invitation", args=[token])),
            "expires_at": invitation.expires_at,
        },
    )
    return invitation


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user: User) -> Membership:
    """Use an invitation once: the person becomes a manager; the link stops working."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_usable:
        raise ValidationError("Deze uitnodiging is al gebruikt of verlopen.")
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    membership, _ = Membership.objects.get_or_create(
        initiative=invitation.initiative, user=user, defaults={"invited_by": invitation.invited_by}
    )
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership, by: User) -> None:
    """Remove a manager; the last one stays, so an initiative is never without a manager."""
    initiative = Initiative.objects.select_for_update().get(pk=membership.initiative_id)
    if initiative.memberships.count() <= 1:
        raise ValidationError("Je kunt de laatste beheerder niet verwijderen. Nodig eerst iemand anders uit.")
    membership.delete()


@transaction.atomic
def problem_report_create(*, initiative: Initiative, reason: str, message: str, reporter_email: str) -> ProblemReport:
    report = ProblemReport.objects.create(
        initiative=initiative, reason=reason, message=message, reporter_email=reporter_email
    )
    emails.send(
        "initiative-report",
        to=settings.STAFF_NOTIFICATION_EMAILS,
        context={
            "report": report,
            "initiative": initiative,
            "admin_url": _absolute(reverse("admin:initiatives_problemreport_change", args=[report.pk])),
        },
    )
    return report


def contact_send(*, initiative: Initiative, name: str, email: str, message: str) -> None:
    """Forward a visitor's message to the managers; their addresses stay hidden from the visitor."""
    emails.send(
        "initiative-contact",
        to=_manager_emails(initiative),
        context={"initiative": initiative, "name": name, "email": email, "message": message},
        reply_to=email,
    )


ORPHANED_MESSAGE = (
    "Het account van de enige beheerder is verwijderd. Dit initiatief heeft nu geen beheerder. "
    "Het staat daarom niet meer op de website. Zoek een nieuwe beheerder of archiveer het initiatief."
)


def sole_managed_by(user: User) -> list[Initiative]:
    """The initiatives `user` manages without anyone else: deleting the account would leave them without a manager."""
    mine = Membership.objects.filter(user=user).values("initiative")
    return list(
        Initiative.objects.filter(pk__in=mine)
        .annotate(managers=Count("memberships"))
        .filter(managers=1)
        .order_by("name")
    )


@transaction.atomic
def initiatives_orphan(*, user: User) -> list[Initiative]:
    """Before `user`'s account goes: hand over, or flag for staff, every initiative they manage.

    With a co-manager the initiative simply stays with them. Managed alone, it goes offline for review
    (status "ingediend"), gets a report in the staff's list explaining why, and staff get a mail.
    """
    # Lock every initiative they manage first (membership_remove locks the same row), then count: a co-manager
    # who leaves at the same moment cannot leave the initiative with nobody and unflagged. (Today the page
    # cache's version row already serialises these writes; the lock does not rely on that.)
    mine = Initiative.objects.select_for_update(of=("self",)).filter(memberships__user=user).order_by("pk")
    locked = [initiative.pk for initiative in mine]
    orphans: list[Initiative] = list(
        Initiative.objects.filter(pk__in=locked)
        .annotate(managers=Count("memberships"))
        .filter(managers=1)
        .order_by("pk")
    )
    for initiative in orphans:
        if initiative.status == Status.PUBLISHED:
            initiative.status = Status.SUBMITTED
            initiative.save(update_fields=["status", "updated_at"])
        report = ProblemReport.objects.create(
            initiative=initiative,
            reason=ProblemReason.OTHER,
            message=ORPHANED_MESSAGE,
            staff_note="Automatisch gemeld toen de laatste beheerder het account verwijderde.",
        )
        emails.send(
            "initiative-report",
            to=settings.STAFF_NOTIFICATION_EMAILS,
            context={
                "report": report,
                "initiative": initiative,
                "admin_url": _absolute(reverse("admin:initiatives_problemreport_change", args=[report.pk])),
            },
        )
    return orphans


@transaction.atomic
def initiatives_purge_personal_data(*, now: datetime | None = None) -> tuple[int, int]:
    """Delete problem reports and finished invitations older than their period (wdhs/retention.py)."""
    now = now or timezone.now()
    reports, _ = ProblemReport.objects.filter(created_at__lt=now - retention.period("reports")).delete()
    limit = now - retention.period("invitations")
    invitations, _ = Invitation.objects.filter(
        Q(accepted_at__lt=limit) | Q(revoked_at__lt=limit) | Q(expires_at__lt=limit)
    ).delete()
    return reports, invitations
