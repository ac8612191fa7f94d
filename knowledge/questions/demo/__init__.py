"""Demo questions and a demo partner editor, to show the /mijn/vragen/ inbox; safe to run again.

One Markdown file per question beside this module: the asker and the answer in the front matter, the
question as the text. The askers are invented (example.org addresses); the editor can log in on a
laptop only. A question is known by its text, so a second run adds nothing.
"""

from __future__ import annotations

from datetime import timedelta
from functools import partial
from pathlib import Path

from django.conf import settings

from knowledge.models import Membership, Organisation, Question
from knowledge.questions.routing import Partner, route
from knowledge.questions.services import ask_for, partners_for_routing
from wdhs.demo import Lookups, Record, apply_all, days_from_today, read
from wdhs.models import User

FOLDER = Path(__file__).resolve().parent
FIELDS = {"name", "email", "municipality", "theme", "consent_publish", "asked_days_ago", "answer"}
DEMO_EDITOR_EMAIL = "partner-demo@wdhs.localhost"
DEMO_EDITOR_PASSWORD = "samen-doen-2024"  # noqa: S105 - development only, never in production
DEMO_ORGANISATION = "nederland-zorgt-voor-elkaar"
# Demo answers come two days after the question.
ANSWERED_AFTER = timedelta(days=2)


def _editor(organisation: Organisation) -> User:
    user, created = User.objects.get_or_create(
        email=DEMO_EDITOR_EMAIL, defaults={"display_name": "Demo-redacteur partner"}
    )
    if created:
        # A known password only on a laptop; elsewhere nobody can log in with this account.
        if settings.ENVIRONMENT == "development":
            user.set_password(DEMO_EDITOR_PASSWORD)
        else:
            user.set_unusable_password()
        user.save(update_fields=["password"])
        from allauth.account.models import EmailAddress

        EmailAddress.objects.get_or_create(user=user, email=user.email, defaults={"verified": True, "primary": True})
    Membership.objects.get_or_create(organisation=organisation, user=user)
    return user


def load() -> str:
    """Add the questions not asked yet, each routed to a partner as a real question would be."""
    organisation = Organisation.objects.filter(slug=DEMO_ORGANISATION).first()
    if organisation is None:
        return "overgeslagen: laad eerst de kennis (organisaties)"
    records = read(FOLDER, fields=FIELDS)
    asked = set(Question.objects.filter(text__in=[r.body for r in records]).values_list("text", flat=True))
    apply = partial(
        _apply, editor=_editor(organisation), partners=partners_for_routing(), lookups=Lookups(), asked=asked
    )
    made = sum(apply_all(records, apply))
    note = (
        f" (partner inloggen: {DEMO_EDITOR_EMAIL} / {DEMO_EDITOR_PASSWORD})"
        if settings.ENVIRONMENT == "development"
        else ""
    )
    return f"{made} voorbeeldvragen toegevoegd, {len(records)} in totaal{note}"


def _apply(record: Record, *, editor: User, partners: list[Partner], lookups: Lookups, asked: set[str]) -> bool:
    if record.body in asked:
        return False
    data = record.data
    question = Question(
        name=data["name"],
        email=data["email"],
        municipality=lookups.municipalities[data["municipality"]] if "municipality" in data else None,
        theme=lookups.term("theme", data["theme"]) if "theme" in data else None,
        text=record.body,
        consent_store=True,
        consent_publish=data["consent_publish"],
        created_at=days_from_today(-data["asked_days_ago"]),
    )
    partner, reason = route(partners, ask_for(question))
    question.organisation_id = partner.pk if partner else None
    question.routing_reason = reason
    if "answer" in data:
        question.answer = data["answer"]
        question.answered_at = question.created_at + ANSWERED_AFTER
        question.answered_by = editor
    question.save()
    return True
