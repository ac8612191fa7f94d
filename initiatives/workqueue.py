"""The initiatives' lines in the staff work queue (wdhs.workqueue): new, changed, duplicate-check overrides, reports."""

from __future__ import annotations

from initiatives.models import Initiative, ProblemReport, Status
from wdhs.workqueue import QueueCount, QueueLine, measure_queryset, register_queue_line

CHANGELIST = "admin:initiatives_initiative_changelist"
CHANGE = "admin:initiatives_initiative_change"


def new_initiatives() -> QueueCount:
    # Index initiative_submitted_created (partial: status = ingediend).
    return measure_queryset(
        Initiative.objects.filter(status=Status.SUBMITTED),
        since="created_at",
        changelist=CHANGELIST,
        change=CHANGE,
        query=f"status__exact={Status.SUBMITTED}",
    )


def changed_initiatives() -> QueueCount:
    # Index initiative_pending_since (partial: pending_changes IS NOT NULL).
    return measure_queryset(
        Initiative.objects.filter(pending_changes__isnull=False),
        since="pending_since",
        changelist=CHANGELIST,
        change=CHANGE,
        query="wijzigingen=wachten",
    )


def duplicate_overrides() -> QueueCount:
    # Index initiative_duplicate_override (partial: ingediend and the duplicate check overridden).
    return measure_queryset(
        Initiative.objects.filter(status=Status.SUBMITTED, duplicate_override=True),
        since="created_at",
        changelist=CHANGELIST,
        change=CHANGE,
        query=f"status__exact={Status.SUBMITTED}&duplicate_override__exact=1",
    )


def open_reports() -> QueueCount:
    # Index problemreport_open (partial: handled_at IS NULL).
    return measure_queryset(
        ProblemReport.objects.filter(handled_at__isnull=True),
        since="created_at",
        changelist="admin:initiatives_problemreport_changelist",
        change="admin:initiatives_problemreport_change",
        query="afgehandeld=nee",
    )


def register() -> None:
    register_queue_line(
        QueueLine(
            code="initiatives.new",
            label="Nieuwe initiatieven die wachten op controle",
            permission="initiatives.change_initiative",
            measure=new_initiatives,
        )
    )
    register_queue_line(
        QueueLine(
            code="initiatives.changed",
            label="Gewijzigde initiatieven die wachten op controle",
            permission="initiatives.change_initiative",
            measure=changed_initiatives,
            help_text="Openbare initiatieven: de wijziging staat pas online na goedkeuring.",
        )
    )
    register_queue_line(
        QueueLine(
            code="initiatives.duplicates",
            label="Aangemeld ondanks een bijna gelijke naam",
            permission="initiatives.change_initiative",
            measure=duplicate_overrides,
            help_text="De aanmelder zag een initiatief met bijna dezelfde naam en zei: dit is een ander.",
        )
    )
    register_queue_line(
        QueueLine(
            code="initiatives.reports",
            label="Meldingen over initiatieven",
            permission="initiatives.change_problemreport",
            measure=open_reports,
        )
    )
