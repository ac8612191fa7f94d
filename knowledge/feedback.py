"""Which knowledge pages take reader feedback (wdhs.feedback) and who reads it: the organisation's editors.

A resource's feedback goes to the editors of its organisation, a scheme's to the editors of its funder (staff when
the funder is not on the portal), an organisation's to its own editors. They see it on /mijn/kennis/.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Max, Q

from knowledge.funding.models import FundingScheme
from knowledge.models import Organisation, Resource
from wdhs.feedback import FeedbackTarget, register_feedback_target
from wdhs.models import AnyUser, PageFeedback, PageFeedbackQuerySet

Kind = PageFeedback.Kind


def editor_emails(organisation: Organisation | None) -> list[str]:
    if organisation is None:
        return []
    return list(organisation.memberships.values_list("user__email", flat=True).order_by("user__email"))


def readers(organisation: Organisation | None) -> str:
    return f"De redactie van {organisation.display_name}" if organisation is not None else ""


def register() -> None:
    register_feedback_target(
        FeedbackTarget(
            kind="kennis",
            label="kennisitem",
            model=Resource,
            public=lambda: Resource.objects.published().select_related("organisation"),
            title=lambda page: page.title,
            recipients=lambda page: editor_emails(page.organisation),
            readers=lambda page: readers(page.organisation),
            inbox_url_name="knowledge:editor_dashboard",
        )
    )
    register_feedback_target(
        FeedbackTarget(
            kind="regeling",
            label="financieringsregeling",
            model=FundingScheme,
            public=lambda: FundingScheme.objects.active().select_related("funder"),
            title=lambda page: page.name,
            recipients=lambda page: editor_emails(page.funder),
            readers=lambda page: readers(page.funder),
            inbox_url_name="knowledge:editor_dashboard",
        )
    )
    register_feedback_target(
        FeedbackTarget(
            kind="organisatie",
            label="organisatie",
            model=Organisation,
            public=lambda: Organisation.objects.all(),
            title=lambda page: page.name,
            recipients=lambda page: editor_emails(page),
            readers=lambda page: readers(page),
            inbox_url_name="knowledge:editor_dashboard",
        )
    )


KNOWLEDGE_KINDS = ("kennis", "regeling", "organisatie")
DASHBOARD_ROWS = 50


def feedback_for_editor(user: AnyUser, *, sees_all: bool = False) -> PageFeedbackQuerySet:
    """The reactions on the pages of the organisations `user` edits; for staff (`sees_all`) every knowledge page."""
    if sees_all:
        return PageFeedback.objects.filter(page_kind__in=KNOWLEDGE_KINDS)
    organisations = Organisation.objects.edited_by(user).values("pk")
    return (
        PageFeedback.objects.for_pages(Resource, Resource.objects.filter(organisation__in=organisations).values("pk"))
        | PageFeedback.objects.for_pages(
            FundingScheme, FundingScheme.objects.filter(funder__in=organisations).values("pk")
        )
        | PageFeedback.objects.for_pages(Organisation, organisations)
    )


def dashboard_feedback(user: AnyUser, *, sees_all: bool = False) -> dict[str, Any]:
    """For /mijn/kennis/: the counts per page (most open work first) and the reactions still to handle; 3 queries."""
    mine = feedback_for_editor(user, sees_all=sees_all)
    pages = list(
        mine.values("content_type", "object_id", "page_kind")
        .annotate(
            title=Max("page_title"),
            nuttig=Count("pk", filter=Q(kind=Kind.USEFUL)),
            niet_nuttig=Count("pk", filter=Q(kind=Kind.NOT_USEFUL)),
            fout=Count("pk", filter=Q(kind=Kind.ERROR)),
            open=Count("pk", filter=Q(kind__in=PageFeedback.NEEDS_HANDLING, handled_at__isnull=True)),
        )
        .order_by("-open", "-niet_nuttig", "title")[:DASHBOARD_ROWS]
    )
    open_items = list(mine.open().order_by("-created_at")[:DASHBOARD_ROWS])
    return {"pages": pages, "open_items": open_items, "open_count": mine.open().count()}
