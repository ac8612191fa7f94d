"""Demo initiatives for `manage.py load_demo`: VOORBEELDEN, invented, not real groups.

One Markdown file per initiative beside this module; the file name is the slug, the text the
description. Every name, description, website and address is made up to show how the register
looks: websites use example.org and e-mail addresses the .example domain, so nobody is contacted
by accident. An initiative is created once and then left alone, so a second run changes nothing.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from django.conf import settings

from initiatives.models import Initiative, Membership, Status
from wdhs.demo import Lookups, Record, apply_all, days_from_today, read
from wdhs.models import User

FOLDER = Path(__file__).resolve().parent
FIELDS = {
    "name",
    "kind",
    "municipality",
    "area",
    "themes",
    "phase",
    "legal_form",
    "needs",
    "founded_year",
    "active_people",
    "website",
    "public_email",
    "status",
    "published_days_ago",
    "confirmed_days_ago",
}
EXAMPLE_NOTE = "*Dit is een voorbeeld: dit initiatief bestaat niet echt.*"
DEMO_MANAGER_EMAIL = "initiatief-demo@wdhs.localhost"
DEMO_MANAGER_PASSWORD = "samen-doen-2024"  # noqa: S105 - development only, never in production


def _manager() -> User:
    user, created = User.objects.get_or_create(
        email=DEMO_MANAGER_EMAIL, defaults={"display_name": "Demo-beheerder initiatieven"}
    )
    if created:
        # A known password only on a laptop; elsewhere nobody can log in with this account.
        if settings.ENVIRONMENT == "development":
            user.set_password(DEMO_MANAGER_PASSWORD)
        else:
            user.set_unusable_password()
        user.save(update_fields=["password"])
        from allauth.account.models import EmailAddress

        EmailAddress.objects.get_or_create(user=user, email=user.email, defaults={"verified": True, "primary": True})
    return user


def load() -> str:
    """Add the demo initiatives that do not exist yet, each with the demo manager as its manager."""
    lookups = Lookups()
    if not lookups.municipalities:
        return "overgeslagen: laad eerst de gemeenten (manage.py load_places)"
    records = read(FOLDER, fields=FIELDS)
    existing = set(Initiative.objects.filter(slug__in=[r.slug for r in records]).values_list("slug", flat=True))
    created = sum(apply_all(records, partial(_apply, manager=_manager(), lookups=lookups, existing=existing)))
    note = (
        f" (inloggen: {DEMO_MANAGER_EMAIL} / {DEMO_MANAGER_PASSWORD})" if settings.ENVIRONMENT == "development" else ""
    )
    return f"{created} voorbeeldinitiatieven toegevoegd, {len(records)} in totaal{note}"


def _apply(record: Record, *, manager: User, lookups: Lookups, existing: set[str]) -> bool:
    if record.slug in existing:
        return False
    data = record.data
    status = Status(data.get("status", Status.PUBLISHED))
    initiative = Initiative.objects.create(
        name=data["name"],
        slug=record.slug,
        kind=lookups.term("initiative_kind", data["kind"]),
        legal_form=lookups.term("legal_form", data["legal_form"]),
        phase=lookups.term("phase", data["phase"]),
        municipality=lookups.municipalities[data["municipality"]],
        area=data["area"],
        founded_year=data["founded_year"],
        active_people=data["active_people"],
        description=f"{record.body}\n\n{EXAMPLE_NOTE}",
        website=data["website"],
        public_email=data.get("public_email", ""),
        status=status,
        published_at=days_from_today(-data["published_days_ago"]) if status == Status.PUBLISHED else None,
        confirmed_at=days_from_today(-data["confirmed_days_ago"]),
    )
    # A new initiative has no themes or needs yet: add them without reading first.
    initiative.themes.add(*lookups.terms("theme", data["themes"]))
    initiative.needs.add(*lookups.terms("need", data["needs"]))
    Membership.objects.create(initiative=initiative, user=manager)
    return True
