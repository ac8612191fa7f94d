from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from goals import demo as goals_demo
from initiatives import demo as initiatives_demo
from knowledge import demo as knowledge_demo
from knowledge.events import demo as events_demo
from knowledge.funding import demo as funding_demo
from knowledge.questions import demo as questions_demo
from knowledge.routes import demo as routes_demo
from wdhs.audit import without_audit_log
from wdhs.demo import DemoDataError
from wdhs.models import User
from wdhs.roles import STAFF_GROUP, ensure_groups
from wdhs.search.index import refresh_pending

DEV_STAFF_EMAIL = "redactie@wdhs.localhost"
DEV_STAFF_PASSWORD = "samen-doen-2024"  # noqa: S105 - development only, never in production


class Command(BaseCommand):
    help = "Laadt de voorbeeldinhoud van alle onderdelen. Kan vaker draaien: er komt niets dubbel."

    def handle(self, *args: Any, **options: Any) -> None:
        # Demo content, not people's work: no audit log lines for it.
        with without_audit_log():
            self._handle()

    def _handle(self) -> None:
        if settings.ENVIRONMENT == "production":
            raise CommandError(
                "load_demo draait niet in productie (DJANGO_ENV=production): voorbeeldinhoud hoort niet "
                "in de echte database. Gebruik het alleen op je eigen computer of in een testomgeving."
            )
        loaders = [
            ("kennis", knowledge_demo.load),
            ("financiering", funding_demo.load),
            ("agenda", events_demo.load),
            ("aan de slag", routes_demo.load),
            ("initiatieven", initiatives_demo.load),
            ("vragen", questions_demo.load),
            ("doelen", goals_demo.load),
        ]
        for name, load in loaders:
            try:
                with transaction.atomic():
                    self.stdout.write(f"{name}: {load()}")
            except DemoDataError as error:
                raise CommandError(f"Voorbeeldinhoud van {name} niet geladen: {error}") from error
        # Demo content is written in bulk: give its words their forms now, so the first search finds them.
        self.stdout.write(f"zoekindex: {refresh_pending()} nieuwe zoekwoorden verwerkt.")
        if settings.ENVIRONMENT == "development":
            self._dev_staff_account()

    def _dev_staff_account(self) -> None:
        """A staff account for trying the admin on a laptop; only in DJANGO_ENV=development."""
        user, created = User.objects.get_or_create(
            email=DEV_STAFF_EMAIL, defaults={"is_staff": True, "is_superuser": True, "display_name": "Redactie WDHS"}
        )
        # Its editorial rights come from the group, like a real staff member's (docs/authorisation.md).
        ensure_groups()
        user.groups.add(Group.objects.get(name=STAFF_GROUP))
        if created:
            user.set_password(DEV_STAFF_PASSWORD)
            user.save(update_fields=["password"])
            from allauth.account.models import EmailAddress

            EmailAddress.objects.get_or_create(
                user=user, email=user.email, defaults={"verified": True, "primary": True}
            )
        self.stdout.write(f"Beheeraccount (alleen voor ontwikkeling): {DEV_STAFF_EMAIL} / {DEV_STAFF_PASSWORD}")
        if settings.WDHS_STAFF_MFA_REQUIRED:
            self.stdout.write(
                "Voor /beheer/ stel je eerst tweestapsverificatie in (een app op je telefoon); "
                "of start met WDHS_STAFF_MFA_REQUIRED=false."
            )
