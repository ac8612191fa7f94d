"""Demo questions and a demo partner editor, to show the /mijn/vragen/ inbox; safe to run again.

The askers are invented (example.org addresses); the editor can log in on a laptop only.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from knowledge.models import Membership, Organisation, Question
from knowledge.questions.routing import route
from knowledge.questions.services import ask_for, partners_for_routing
from wdhs.models import Municipality, Term, User

DEMO_EDITOR_EMAIL = "partner-demo@wdhs.localhost"
DEMO_EDITOR_PASSWORD = "samen-doen-2024"  # noqa: S105 - development only, never in production
DEMO_ORGANISATION = "nederland-zorgt-voor-elkaar"

# (asker, municipality, theme, question, answer or "", may be published, days ago)
QUESTIONS: list[tuple[str, str, str, str, str, bool, int]] = [
    (
        "Voorbeeld Vraagsteller 1",
        "Zwolle",
        "zorg-en-welzijn",
        "Wij willen in onze wijk een burenhulp opzetten voor ouderen. Moeten we daar een stichting voor oprichten, "
        "of kan het ook zonder?",
        "Je kunt zonder stichting beginnen. Spreek met elkaar af wie wat doet en houd het klein. Wil je geld "
        "aanvragen bij een fonds, dan heb je vaak wel een stichting of vereniging nodig, of een penvoerder. "
        "Kijk ook in de financieringswijzer op dit platform.",
        True,
        20,
    ),
    (
        "Voorbeeld Vraagsteller 2",
        "Utrecht",
        "ouderen",
        "Hoe regelen we vervoer naar de huisarts voor ouderen in ons dorp? We hebben vijf vrijwillige chauffeurs.",
        "",
        False,
        2,
    ),
    (
        "Voorbeeld Vraagsteller 3",
        "Deventer",
        "zorg-en-welzijn",
        "Onze zorgcoöperatie wil afspraken maken met de gemeente over een vaste vergoeding. Hoe pakken we dat aan?",
        "",
        True,
        9,
    ),
    (
        "Voorbeeld Vraagsteller 4",
        "Groningen",
        "",
        "Ik heb een idee voor mijn straat maar weet niet waar ik moet beginnen. Wie kan mij helpen?",
        "",
        False,
        1,
    ),
]


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
    organisation = Organisation.objects.filter(slug=DEMO_ORGANISATION).first()
    if organisation is None:
        return "overgeslagen: laad eerst de kennis (organisaties)"
    editor = _editor(organisation)
    themes = {t.slug: t for t in Term.objects.themes()}
    municipalities = {m.name: m for m in Municipality.objects.select_related("province")}
    partners = partners_for_routing()
    now = timezone.now()
    made = 0
    for index, (asker, place, theme, text, answer, publish, days_ago) in enumerate(QUESTIONS, start=1):
        if Question.objects.filter(text=text).exists():
            continue
        question = Question(
            name=asker,
            email=f"vraagsteller{index}@example.org",
            municipality=municipalities.get(place),
            theme=themes.get(theme),
            text=text,
            consent_store=True,
            consent_publish=publish,
            created_at=now - timedelta(days=days_ago),
        )
        partner, reason = route(partners, ask_for(question))
        question.organisation_id = partner.pk if partner else None
        question.routing_reason = reason
        if answer:
            question.answer = answer
            question.answered_at = question.created_at + timedelta(days=2)
            question.answered_by = editor
        question.save()
        made += 1
    note = (
        f" (partner inloggen: {DEMO_EDITOR_EMAIL} / {DEMO_EDITOR_PASSWORD})"
        if settings.ENVIRONMENT == "development"
        else ""
    )
    return f"{made} voorbeeldvragen toegevoegd, {len(QUESTIONS)} in totaal{note}"
