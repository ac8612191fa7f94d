from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from wdhs.models import User
from wdhs.portal import DEMO_LOADERS

DEV_STAFF_EMAIL = "redactie@wdhs.localhost"
DEV_STAFF_PASSWORD = "samen-doen-2024"  # noqa: S105 - development only, never in production


class Command(BaseCommand):
    help = "Laadt de voorbeeldinhoud van alle onderdelen. Kan vaker draaien: er komt niets dubbel."

    def handle(self, *args: Any, **options: Any) -> None:
        for loader in sorted(DEMO_LOADERS.values(), key=lambda item: (item.order, item.name)):
            with transaction.atomic():
                self.stdout.write(f"{loader.name}: {loader.load()}")
        if settings.ENVIRONMENT == "development":
            self._dev_staff_account()

    def _dev_staff_account(self) -> None:
        """A staff account for trying the admin on a laptop; only in DJANGO_ENV=development."""
        user, created = User.objects.get_or_create(
            email=DEV_STAFF_EMAIL, defaults={"is_staff": True, "is_superuser": True, "display_name": "Redactie WDHS"}
        )
        if created:
            user.set_password(DEV_STAFF_PASSWORD)
            user.save(update_fields=["password"])
            from allauth.account.models import EmailAddress

            EmailAddress.objects.get_or_create(
                user=user, email=user.email, defaults={"verified": True, "primary": True}
            )
        self.stdout.write(f"Beheeraccount (alleen voor ontwikkeling): {DEV_STAFF_EMAIL} / {DEV_STAFF_PASSWORD}")
