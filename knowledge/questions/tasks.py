"""Background jobs of "Stel je vraag", queued hourly by `manage.py enqueue_periodic_jobs`."""

from __future__ import annotations

from django.tasks import task

from knowledge.questions.services import questions_alert_unanswered, questions_purge_personal_data
from wdhs.jobs import run_once_a_day


@task
def alert_unanswered_questions(day: str) -> str:
    """Daily: one mail to staff about questions without an answer after 5 working days."""
    return run_once_a_day(
        "alert_unanswered_questions",
        day,
        lambda: f"{questions_alert_unanswered()} vraag/vragen zonder antwoord gemeld aan de redactie.",
    )


@task
def purge_question_personal_data(day: str) -> str:
    """Daily: remove askers' names and e-mail addresses 12 months after the answer."""
    return run_once_a_day(
        "purge_question_personal_data",
        day,
        lambda: f"Persoonsgegevens verwijderd bij {questions_purge_personal_data()} vraag/vragen.",
    )
