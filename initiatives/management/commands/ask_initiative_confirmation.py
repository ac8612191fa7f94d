"""Once a year, ask the managers of each published initiative: "klopt dit nog?" (run daily from cron)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from initiatives.models import CONFIRM_EVERY, Initiative
from initiatives.services import initiative_request_confirmation


class Command(BaseCommand):
    help = "Stuurt beheerders de jaarlijkse vraag 'klopt dit nog?' voor gepubliceerde initiatieven."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Laat alleen zien wie een e-mail zou krijgen.")

    def handle(self, *args: Any, dry_run: bool = False, **options: Any) -> None:
        limit = timezone.now() - CONFIRM_EVERY
        due = (
            Initiative.objects.published()
            .filter(confirmed_at__lt=limit)
            .filter(Q(confirmation_requested_at__isnull=True) | Q(confirmation_requested_at__lt=limit))
        )
        count = 0
        for initiative in due.order_by("pk"):
            if not dry_run:
                initiative_request_confirmation(initiative=initiative)
            count += 1
        verb = "zou krijgen" if dry_run else "kreeg"
        self.stdout.write(f"{count} initiatief/initiatieven {verb} de vraag 'klopt dit nog?'.")
