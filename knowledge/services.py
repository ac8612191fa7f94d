"""Writes with side effects for knowledge: the editorial workflow (with its log) and the mail to staff."""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files import File
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from knowledge.models import Attachment, Membership, Organisation, Resource, StatusChange
from knowledge.reads import most_read_per_organisation
from knowledge.uploads import IMAGE_FORMATS, CheckedFile, reencode_image
from wdhs import emails
from wdhs.models import AnyUser, User
from wdhs.reads import MOST_READ_DAYS

Status = Resource.Status


def can_publish(user: AnyUser, resource: Resource) -> bool:
    """With `knowledge.publish_resource` (staff) everything; an editor only with `can_publish` for the organisation."""
    if not user.is_authenticated:
        return False
    if user.has_perm("knowledge.publish_resource"):
        return True
    return Membership.objects.filter(organisation_id=resource.organisation_id, user=user, can_publish=True).exists()


def _move(
    *, resource: Resource, to: str, by: User | None, note: str = "", fields: tuple[str, ...] = ()
) -> StatusChange:
    change = StatusChange.objects.create(
        resource=resource, from_status=resource.status, to_status=to, by=by if by and by.pk else None, note=note
    )
    resource.status = to
    resource.save(update_fields=["status", "updated_at", *fields])
    return change


@transaction.atomic
def resource_submit(*, resource: Resource, by: User, note: str = "") -> StatusChange:
    """An editor asks the coalition staff to check and publish a draft; staff get a mail."""
    if resource.status not in (Status.DRAFT, Status.ARCHIVED):
        raise ValueError("Alleen een concept kun je ter beoordeling aanbieden.")
    change = _move(resource=resource, to=Status.REVIEW, by=by, note=note)
    emails.send(
        "resource-review",
        to=settings.STAFF_NOTIFICATION_EMAILS,
        context={
            "resource": resource,
            "by": by,
            "note": note,
            "url": _edit_url(resource),
        },
    )
    return change


def _edit_url(resource: Resource) -> str:
    return settings.SITE_URL + reverse("knowledge:editor_resource_edit", args=[resource.slug])


def _mail_author(name: str, *, resource: Resource, by: User, note: str) -> None:
    """Tell the author what a reviewer did with their text; nobody is mailed about their own step."""
    author = resource.author
    if author is None or author.pk == by.pk or not author.email:
        return
    emails.send(
        name,
        to=[author.email],
        context={
            "resource": resource,
            "author_name": author.display_name,
            # The reviewer's own name if they gave one; never (part of) their e-mail address.
            "by_name": by.display_name or "de redactie",
            "note": note,
            "url": _edit_url(resource),
        },
    )


@transaction.atomic
def resource_publish(*, resource: Resource, by: User, note: str = "") -> StatusChange:
    """Publish; the author (if someone else) gets a mail with a link to the item."""
    if not can_publish(by, resource):
        raise PermissionDenied("Je mag dit kennisitem niet publiceren.")
    now = timezone.now()
    if resource.published_at is None:
        resource.published_at = now
    resource.last_reviewed_at = now
    change = _move(
        resource=resource, to=Status.PUBLISHED, by=by, note=note, fields=("published_at", "last_reviewed_at")
    )
    _mail_author("resource-published", resource=resource, by=by, note=note)
    return change


@transaction.atomic
def resource_send_back(*, resource: Resource, by: User, note: str) -> StatusChange:
    """A reviewer sends a text under review back to draft with a note; the author gets the note by mail."""
    if not can_publish(by, resource):
        raise PermissionDenied("Je mag dit kennisitem niet beoordelen.")
    if resource.status != Status.REVIEW:
        raise ValueError("Alleen een item dat ter beoordeling ligt, kun je terugsturen.")
    if not note.strip():
        raise ValueError("Schrijf wat de schrijver moet aanpassen.")
    change = _move(resource=resource, to=Status.DRAFT, by=by, note=note)
    _mail_author("resource-sent-back", resource=resource, by=by, note=note)
    return change


@transaction.atomic
def resource_archive(*, resource: Resource, by: User, note: str = "") -> StatusChange:
    return _move(resource=resource, to=Status.ARCHIVED, by=by, note=note)


@transaction.atomic
def resource_withdraw(*, resource: Resource, by: User, note: str = "") -> StatusChange:
    """Back to draft, for example to change a published text."""
    return _move(resource=resource, to=Status.DRAFT, by=by, note=note)


@transaction.atomic
def resource_mark_reviewed(*, resource: Resource, by: User) -> None:
    """The editor checked the text and it is still right ("nog actueel?" answered with yes)."""
    resource.last_reviewed_at = timezone.now()
    resource.save(update_fields=["last_reviewed_at", "updated_at"])
    StatusChange.objects.create(
        resource=resource,
        from_status=resource.status,
        to_status=resource.status,
        by=by if by and by.pk else None,
        note="Nagekeken: nog actueel.",
    )


def attachment_add(*, resource: Resource, upload: UploadedFile, checked: CheckedFile, title: str = "") -> Attachment:
    # The name is only shown and sent back in Content-Disposition: no control characters, no folders.
    name = re.sub(r"[\x00-\x1f\x7f\"\\/]", "", PurePosixPath(upload.name or "").name).strip()
    stem = PurePosixPath(name).stem[:150] or "bijlage"
    # An image is stored re-encoded: no EXIF (a photo's GPS position) and nothing hidden after the picture.
    content: File[Any] = upload
    if checked.extension in IMAGE_FORMATS:
        content = reencode_image(upload, checked.extension)
    attachment = Attachment(
        resource=resource,
        title=title,
        original_name=f"{stem}.{checked.extension}",
        content_type=checked.content_type,
        size=content.size or 0,
    )
    attachment.file.save(f"bijlage.{checked.extension}", content, save=False)
    attachment.save()
    return attachment


SUMMARY_LIMIT = 10  # titles per organisation in the monthly mail; the rest is on /mijn/kennis/


def editor_summaries_send() -> int:
    """The monthly mail to each partner's editors: their most-read pages and the texts past their review date.

    A fixed number of queries whatever the number of organisations (the old texts, the editors' addresses, the
    organisations, and per kind of page the read counts and the pages); organisations with nothing to tell get
    no mail. Returns the number of organisations mailed.
    """
    stale: dict[int, list[Resource]] = {}
    for resource in (
        Resource.objects.needs_review()
        .select_related("organisation")
        .order_by("organisation_id", "last_reviewed_at", "published_at")
    ):
        stale.setdefault(resource.organisation_id, []).append(resource)
    addresses: dict[int, list[str]] = {}
    for organisation_id, email in Membership.objects.values_list("organisation_id", "user__email").order_by(
        "organisation_id", "user__email"
    ):
        addresses.setdefault(organisation_id, []).append(email)
    if not addresses:
        return 0
    most_read = most_read_per_organisation(addresses)
    wanted = [pk for pk in addresses if stale.get(pk) or most_read.get(pk)]
    organisations = Organisation.objects.in_bulk(wanted)
    mailed = 0
    for organisation_id in wanted:
        resources = stale.get(organisation_id, [])
        emails.send(
            "editor-summary",
            to=addresses[organisation_id],
            context={
                "organisation": organisations[organisation_id],
                "count": len(resources),
                "items": [(r, _edit_url(r)) for r in resources[:SUMMARY_LIMIT]],
                "more": max(0, len(resources) - SUMMARY_LIMIT),
                "most_read": [(line, settings.SITE_URL + line.url) for line in most_read.get(organisation_id, [])],
                "most_read_days": MOST_READ_DAYS,
                "dashboard_url": settings.SITE_URL + reverse("knowledge:editor_dashboard"),
            },
        )
        mailed += 1
    return mailed
