"""Readers improve every page: "Was deze pagina nuttig? Ja / Nee", "wat mist er?" and "Meld een fout".

The feedback itself is one model in the base (`wdhs.models.PageFeedback`, a generic relation to the page). The
apps say which pages take feedback and who reads it, from their `AppConfig.ready()`:

    register_feedback_target(FeedbackTarget(kind="kennis", model=Resource, ...))

knowledge registers its resources, schemes and organisations (read by the organisation's editors on
/mijn/kennis/), initiatives registers initiatives (read by the coalition staff in the admin; an error report on an
initiative is the existing ProblemReport, so there is one way to report a problem with an initiative).

For the staff work queue: `open_feedback()` (a queryset, newest first) and `open_feedback_count()`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse

from wdhs import emails
from wdhs.models import PageFeedback, PageFeedbackQuerySet, User
from wdhs.personal_data import matches, register_personal_data

Kind = PageFeedback.Kind


@dataclass(frozen=True)
class FeedbackTarget:
    kind: str  # the word in the URL and the admin filter: "kennis", "regeling", "organisatie", "initiatief"
    label: str  # what a reader calls it: "deze pagina", in the admin "kennisitem"
    model: type[models.Model]
    public: Callable[[], models.QuerySet[Any]]  # the pages anyone may see (and so give feedback on)
    title: Callable[[Any], str]
    # The e-mail addresses of the people who read this page's feedback (its organisation's editors); empty: staff.
    recipients: Callable[[Any], list[str]] = field(default=lambda page: [])
    # Who reads it, for the confirmation: "de redactie van Oranje Fonds"; empty: the portal's editors.
    readers: Callable[[Any], str] = field(default=lambda page: "")
    # Where "Meld een fout" goes when the app has its own way (initiatives: the problem report); None: here.
    report_url: Callable[[Any], str] | None = None
    # Where the readers see it (a URL name): the editor dashboard; empty: the admin.
    inbox_url_name: str = ""


_TARGETS: dict[str, FeedbackTarget] = {}


def register_feedback_target(target: FeedbackTarget) -> None:
    """Register (or replace) one kind of page; called from an app's `ready()`."""
    _TARGETS[target.kind] = target


def target(kind: str) -> FeedbackTarget | None:
    return _TARGETS.get(kind)


def targets() -> list[FeedbackTarget]:
    return list(_TARGETS.values())


def target_for(page: models.Model) -> FeedbackTarget | None:
    for registered in _TARGETS.values():
        if isinstance(page, registered.model):
            return registered
    return None


def open_feedback() -> PageFeedbackQuerySet:
    """Every reaction someone still has to look at ("niet nuttig", errors), newest first: for the staff queue."""
    return PageFeedback.objects.open().order_by("-created_at")


def open_feedback_count() -> int:
    """How many reactions wait (served by a partial index on the open ones)."""
    return open_feedback().count()


def counts_for(model: type[models.Model], pks: Any) -> dict[int, dict[str, int]]:
    """Per page of `model` in `pks`: {"nuttig": n, "niet_nuttig": n, "fout": n, "open": n}; one query."""
    rows = (
        PageFeedback.objects.for_pages(model, pks)
        .values("object_id")
        .annotate(
            nuttig=models.Count("pk", filter=models.Q(kind=Kind.USEFUL)),
            niet_nuttig=models.Count("pk", filter=models.Q(kind=Kind.NOT_USEFUL)),
            fout=models.Count("pk", filter=models.Q(kind=Kind.ERROR)),
            open=models.Count("pk", filter=models.Q(kind__in=PageFeedback.NEEDS_HANDLING, handled_at__isnull=True)),
        )
        .order_by()
    )
    return {row["object_id"]: {key: row[key] for key in ("nuttig", "niet_nuttig", "fout", "open")} for row in rows}


def feedback_give(*, target: FeedbackTarget, page: Any, kind: str, message: str, email: str) -> PageFeedback:
    """Store one reaction and, when it asks for work ("niet nuttig" with a text, an error), mail its readers."""
    feedback = PageFeedback.objects.create(
        page=page,
        page_kind=target.kind,
        page_title=target.title(page)[:200],
        kind=kind,
        message=message.strip(),
        email=email,
    )
    if kind == Kind.ERROR or (kind == Kind.NOT_USEFUL and feedback.message):
        editors = target.recipients(page)
        # Editors: their dashboard, where they handle it; staff: this reaction in the admin, not a list.
        for_staff = not (editors and target.inbox_url_name)
        emails.send(
            "page-feedback",
            to=editors or list(settings.STAFF_NOTIFICATION_EMAILS),
            context={
                "feedback": feedback,
                "page_url": f"{settings.SITE_URL}{page.get_absolute_url()}",
                "inbox_url": settings.SITE_URL
                + (
                    reverse("admin:wdhs_pagefeedback_change", args=[feedback.pk])
                    if for_staff
                    else reverse(target.inbox_url_name)
                ),
                "for_staff": for_staff,
            },
            reply_to=email,
        )
    return feedback


def _export(user: User) -> list[dict[str, Any]]:
    return [
        {
            "pagina": f.page_title,
            "soort": f.get_kind_display(),
            "toelichting": f.message,
            "e-mailadres": f.email,
            "ontvangen": f.created_at.isoformat(),
            "afgehandeld": f.handled_at.isoformat() if f.handled_at else None,
        }
        for f in PageFeedback.objects.filter(matches("email", user)).exclude(email="").order_by("created_at")
    ]


def _erase(user: User) -> None:
    """A reaction with the person's address loses its text and address; "handled by" them is forgotten."""
    PageFeedback.objects.filter(matches("email", user)).exclude(email="").update(email="", message="")
    PageFeedback.objects.filter(handled_by=user).update(handled_by=None)


def register_personal_data_source() -> None:
    register_personal_data(
        "reacties op pagina's",
        fields=["wdhs.PageFeedback.email", "wdhs.PageFeedback.handled_by"],
        export=_export,
        erase=_erase,
    )


def register_queue_line() -> None:
    """The line of the staff work queue on /beheer/ (wdhs.workqueue): reactions that still need someone."""
    from wdhs.workqueue import QueueCount, QueueLine, measure_queryset
    from wdhs.workqueue import register_queue_line as register

    def measure() -> QueueCount:
        return measure_queryset(
            PageFeedback.objects.open(),
            since="created_at",
            changelist="admin:wdhs_pagefeedback_changelist",
            change="admin:wdhs_pagefeedback_change",
            query="afgehandeld=nee",
        )

    register(
        QueueLine(
            code="feedback",
            label="Reacties van lezers: niet nuttig of een fout gemeld",
            permission="wdhs.change_pagefeedback",
            measure=measure,
            help_text="Wat lezers missen of fout vinden op een pagina, nog niet afgehandeld.",
        )
    )
