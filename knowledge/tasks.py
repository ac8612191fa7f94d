"""Background jobs of the knowledge base, queued daily by `manage.py enqueue_periodic_jobs`."""

from __future__ import annotations

from datetime import date

from django.tasks import task

from knowledge.services import editor_summaries_send
from wdhs.jobs import run_once_a_day


@task
def send_editor_summaries(day: str) -> str:
    """Monthly (on the first day of the month): each partner's editors get the texts past their review date."""

    def work() -> str:
        if date.fromisoformat(day).day != 1:
            return "Alleen op de eerste dag van de maand."
        return f"Overzicht gestuurd aan {editor_summaries_send()} organisatie(s)."

    return run_once_a_day("send_editor_summaries", day, work)
