"""Remove askers' names and e-mail addresses 12 months after the answer; safe to repeat.

The hourly `enqueue_periodic_jobs` runs this daily as a task; this command runs it by hand.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from knowledge.questions.services import questions_purge_personal_data


class Command(BaseCommand):
    help = "Verwijdert naam en e-mailadres van vraagstellers 12 maanden na het antwoord."

    def handle(self, *args: Any, **options: Any) -> None:
        count = questions_purge_personal_data()
        self.stdout.write(f"Persoonsgegevens verwijderd bij {count} vraag/vragen.")
