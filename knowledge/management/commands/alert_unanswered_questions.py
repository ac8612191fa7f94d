"""Mail staff about questions without an answer after 5 working days (each question is reported once).

The hourly `enqueue_periodic_jobs` runs this daily as a task; this command runs it by hand.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from knowledge.questions.services import questions_alert_unanswered


class Command(BaseCommand):
    help = "Waarschuwt de redactie over vragen die na 5 werkdagen nog geen antwoord hebben."

    def handle(self, *args: Any, **options: Any) -> None:
        count = questions_alert_unanswered()
        self.stdout.write(f"{count} vraag/vragen zonder antwoord gemeld aan de redactie.")
