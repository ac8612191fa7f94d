"""Once a year, ask the managers of each published initiative: "klopt dit nog?".

The hourly `enqueue_periodic_jobs` runs this daily as a task; this command runs it by hand.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from initiatives.models import Initiative
from initiatives.services import initiatives_request_confirmation
from wdhs.admin_messages import counted


class Command(BaseCommand):
    help = "Stuurt beheerders de jaarlijkse vraag 'klopt dit nog?' voor gepubliceerde initiatieven."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Laat alleen zien wie een e-mail zou krijgen.")

    def handle(self, *args: Any, dry_run: bool = False, **options: Any) -> None:
        if dry_run:
            count = Initiative.objects.due_for_confirmation(timezone.now()).count()
        else:
            count = initiatives_request_confirmation()
        verb = "zou krijgen" if dry_run else "kreeg"
        self.stdout.write(f"{counted(count, 'initiatief', 'initiatieven')} {verb} de vraag 'klopt dit nog?'.")
