"""Seeded questions ("Stel je vraag") for `manage.py seed_bulk`: open, answered, overdue and anonymised ones.

Each is routed to a seeded organisation with editors that works on its theme, or waits in the staff
inbox. The routing reason starts with `QUESTION_MARK`, so a new run finds and deletes them.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from knowledge.models import Question
from knowledge.seed import Organisations, SeededOrganisation
from wdhs.seed import EMAIL_DOMAIN, QUESTION_MARK, Seeder, TermRef, delete_rows, number
from wdhs.seed.text import Text
from wdhs.seed.words import FIRST_NAMES, LAST_NAMES

TEXTS = (
    "Wij willen in {plek} een buurtmoestuin beginnen. Waar moeten we aan denken?",
    "Hoe vinden we meer vrijwilligers voor onze koffieochtend?",
    "Kunnen we subsidie krijgen als we nog geen stichting zijn?",
    "Ons buurthuis in {plek} dreigt te sluiten. Kunnen we het zelf overnemen?",
    "Wie kan ons helpen met het schrijven van een plan voor de gemeente?",
    "Mogen we zonnepanelen leggen op het dak van de school?",
    "Hoe regelen we een verzekering voor onze vrijwilligers?",
    "We willen een buurtbus voor ouderen in {plek}. Waar beginnen we?",
    "Wat is het verschil tussen een stichting en een vereniging?",
    "Hoe betrekken we jongeren bij ons initiatief?",
    "Is er een fonds voor een speeltuin in {plek}?",
    "Hoe helpen we buren met geldzorgen zonder dat ze zich schamen?",
)
ANSWERS = (
    "Goede vraag! Begin klein en zoek een paar buren die mee willen doen. Op het portaal staat een stappenplan.",
    "Dat kan via een penvoerder: een organisatie die het geld voor jullie beheert. Bel ons gerust voor advies.",
    "Neem contact op met de gemeente, zij hebben vaak een vrijwilligersverzekering. Wij helpen je graag verder.",
    "Kijk in de financieringswijzer op dit portaal. Daar staan regelingen die bij jullie plan passen.",
    "We komen graag een keer langs om mee te denken. Stuur ons een bericht met een paar data.",
)
FIELDS = [
    "name", "email", "municipality", "theme", "text", "consent_store", "consent_publish", "organisation", "routing",
    "routing_reason", "answer", "answered_at", "answered_by", "alerted_at", "personal_data_removed_at", "faq",
    "created_at",
]  # fmt: skip


def remove(cursor: Any) -> int:
    return delete_rows(cursor, Question, "routing_reason LIKE %s", [QUESTION_MARK + "%"])


def seed(seeder: Seeder, *, count: int, organisations: Organisations, faq_ids: list[int]) -> str:
    rng, now = seeder.rng, seeder.now
    by_theme: dict[int, list[SeededOrganisation]] = {}
    for partner in organisations.all:
        if partner.editors:
            for subject in partner.themes:
                by_theme.setdefault(subject.id, []).append(partner)
    faqs = iter(rng.sample(faq_ids, min(len(faq_ids), count // 20)))
    rows: list[tuple[Any, ...]] = []
    answered = 0
    for n, place in enumerate(seeder.places_for(count), start=1):
        theme: TermRef | None = rng.choice(seeder.terms["theme"]) if rng.random() < 0.9 else None
        candidates = by_theme.get(theme.id, []) if theme else []
        organisation: SeededOrganisation | None = rng.choice(candidates) if candidates and rng.random() < 0.9 else None
        created = seeder.moment(days_ago=730)
        is_answered = rng.random() < (0.7 if organisation else 0.5)
        answered_at = min(created + timedelta(days=rng.randint(1, 10)), now) if is_answered else None
        purged = (answered_at or created) < now - timedelta(days=365)
        publish = rng.random() < 0.3
        overdue = not is_answered and created < now - timedelta(days=7)
        rows.append(
            (
                "" if purged else f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
                "" if purged else f"vraagsteller{n}@{EMAIL_DOMAIN}",
                place.id if rng.random() < 0.8 else None, theme.id if theme else None,
                str(Text().fill(rng.choice(TEXTS), {"plek": place.short_name})), True, publish,
                organisation.id if organisation else None,
                Question.Routing.AUTOMATIC.value if organisation else Question.Routing.STAFF.value,
                f"{QUESTION_MARK}: werkt aan {theme.name.lower()}" if organisation and theme else QUESTION_MARK,
                rng.choice(ANSWERS) if is_answered else "", answered_at,
                rng.choice(organisation.editors) if is_answered and organisation else None,
                created + timedelta(days=7) if overdue and rng.random() < 0.5 else None,
                (answered_at or created) + timedelta(days=365) if purged else None,
                next(faqs, None) if is_answered and publish else None, created,
            )
        )  # fmt: skip
        answered += is_answered
    seeder.copy(Question, FIELDS, rows)
    return f"{number(len(rows))} vragen ({number(answered)} beantwoord)"
