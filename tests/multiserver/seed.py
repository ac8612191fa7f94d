"""The rows the multi-server test starts from; run in the test's own database by `manage.py shell`."""

from __future__ import annotations

import json

from initiatives.models import Status
from tests.factories import PASSWORD, InitiativeFactory, UserFactory, with_recovery_codes


def seed() -> None:
    """Create an editor, a published initiative and two waiting for review; print what the test needs."""
    editor = UserFactory(
        email="redactie@multiserver.example", display_name="Redacteur", is_staff=True, is_superuser=True
    )
    # Staff log in in two steps (wdhs/adminsite.py); each log-in of the test uses one recovery code, as a TOTP
    # code may be used only once in its period.
    recovery_codes = with_recovery_codes(editor)
    published = InitiativeFactory(name="Buurttuin De Twee Servers")
    waiting = InitiativeFactory(name="Repair Café Gedeelde Database", status=Status.SUBMITTED, published_at=None)
    lagging = InitiativeFactory(name="Voedselbank Trage Replica", status=Status.SUBMITTED, published_at=None)
    print(
        json.dumps(
            {
                "editor": {
                    "email": editor.email,
                    "password": PASSWORD,
                    "name": editor.display_name,
                    "recovery_codes": recovery_codes,
                },
                "published": {"slug": published.slug, "name": published.name},
                "waiting": {"slug": waiting.slug, "name": waiting.name, "pk": waiting.pk},
                "lagging": {"slug": lagging.slug, "name": lagging.name, "pk": lagging.pk},
            }
        )
    )
