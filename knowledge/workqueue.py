"""Knowledge's lines in the staff work queue (wdhs.workqueue): overdue questions, review, past review date."""

from __future__ import annotations

from django.db.models.functions import Coalesce

from knowledge.models import REVIEW_INTERVAL, Resource
from knowledge.questions.models import ANSWER_WITHIN_WORKING_DAYS, Question
from wdhs.workqueue import QueueCount, QueueLine, measure_queryset, register_queue_line

RESOURCES = "admin:knowledge_resource_changelist"
RESOURCE = "admin:knowledge_resource_change"


def overdue_questions() -> QueueCount:
    # Index question_open_created (partial: answered_at IS NULL).
    return measure_queryset(
        Question.objects.overdue(),
        since="created_at",
        changelist="admin:knowledge_question_changelist",
        change="admin:knowledge_question_change",
        query="beantwoord=te-laat",
    )


def resources_in_review() -> QueueCount:
    # Index resource_in_review (partial: status = beoordeling); the oldest by its last change (sent for review).
    return measure_queryset(
        Resource.objects.filter(status=Resource.Status.REVIEW),
        since="updated_at",
        changelist=RESOURCES,
        change=RESOURCE,
        query=f"status__exact={Resource.Status.REVIEW}",
    )


def resources_past_review_date() -> QueueCount:
    # Index resource_review_due (expression, partial: status = gepubliceerd). The age is since the last check
    # (or publication); the review date itself lies REVIEW_INTERVAL later.
    count = measure_queryset(
        Resource.objects.past_review_date(),
        since=Coalesce("last_reviewed_at", "published_at"),
        changelist=RESOURCES,
        change=RESOURCE,
        query="nakijken=ja",
    )
    oldest = count.oldest + REVIEW_INTERVAL if count.oldest is not None else None
    return QueueCount(count=count.count, oldest=oldest, url=count.url)


def register() -> None:
    register_queue_line(
        QueueLine(
            code="questions.overdue",
            label=f"Vragen zonder antwoord na {ANSWER_WITHIN_WORKING_DAYS} werkdagen",
            permission="knowledge.change_question",
            measure=overdue_questions,
        )
    )
    register_queue_line(
        QueueLine(
            code="knowledge.review",
            label="Kennisitems die wachten op beoordeling",
            permission="knowledge.publish_resource",
            measure=resources_in_review,
        )
    )
    register_queue_line(
        QueueLine(
            code="knowledge.past_review_date",
            label="Kennisitems over de datum om na te kijken",
            permission="knowledge.change_resource",
            measure=resources_past_review_date,
            help_text="Gepubliceerd en meer dan een jaar niet nagekeken: klopt het nog?",
        )
    )
