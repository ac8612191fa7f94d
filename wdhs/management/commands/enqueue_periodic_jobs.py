"""Queue the recurring background work; cron runs this every hour (see README).

Every hour: a sweep of the search words that bulk writes queued (they send no signal). Once a day: the
daily jobs, each with today's date, unless it already ran today (`wdhs.jobs`). Queuing a job twice is
harmless: the second finds the day done and does nothing.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from initiatives.tasks import ask_initiative_confirmation, purge_initiative_personal_data
from knowledge.questions.tasks import alert_unanswered_questions, purge_question_personal_data
from knowledge.tasks import send_editor_summaries
from wdhs.alerts.tasks import purge_unconfirmed_alerts, send_alert_digests
from wdhs.jobs import (
    clear_sessions,
    prune_task_results,
    purge_accounts,
    purge_page_feedback,
    purge_page_reads,
    recount,
)
from wdhs.models import DailyJobRun
from wdhs.search.index import refresh_words

DAILY_JOBS = [
    ask_initiative_confirmation,
    alert_unanswered_questions,
    purge_question_personal_data,
    send_editor_summaries,
    purge_initiative_personal_data,
    prune_task_results,
    purge_accounts,
    purge_page_feedback,
    purge_unconfirmed_alerts,
    send_alert_digests,
    purge_page_reads,
    clear_sessions,
    recount,
]


class Command(BaseCommand):
    help = "Zet de terugkerende achtergrondtaken in de wachtrij: elk uur de zoekwoorden, elke dag de dagtaken."

    def handle(self, *args: Any, **options: Any) -> None:
        day = timezone.localdate().isoformat()
        done = set(DailyJobRun.objects.filter(day=day).values_list("job", flat=True))
        for job in DAILY_JOBS:
            if job.name in done:
                self.stdout.write(f"{job.name}: vandaag al gedaan.")
            else:
                job.enqueue(day)
                self.stdout.write(f"{job.name}: in de wachtrij voor {day}.")
        refresh_words.enqueue()
        self.stdout.write("refresh_words: in de wachtrij.")
