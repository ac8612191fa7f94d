"""Pure rules for "Stel je vraag": which partner answers, working days, and anonymising a question for the FAQ.

No database here, so the rules are easy to read and to test; knowledge/services_questions.py applies them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

# Points per match. A partner must share the question's theme; a local partner beats a national one.
THEME_POINTS = 10
MUNICIPALITY_POINTS = 3
PROVINCE_POINTS = 2
NATIONAL_POINTS = 1


@dataclass(frozen=True)
class Partner:
    """What routing needs to know about an organisation."""

    pk: int
    name: str
    themes: frozenset[str]
    is_national: bool
    provinces: frozenset[str]
    municipalities: frozenset[str]
    has_editors: bool
    open_questions: int = 0


@dataclass(frozen=True)
class Ask:
    theme: str | None
    theme_name: str
    municipality: str | None
    municipality_name: str
    province: str | None
    province_name: str


@dataclass(frozen=True)
class Score:
    points: int
    reason: str


def score_partner(partner: Partner, ask: Ask) -> Score | None:
    """How well a partner fits a question, with the reason; None when it does not fit at all.

    The rule: the partner must have an editor, must work on the question's theme, and must work
    where the asker lives (or in all of the Netherlands). Then closer is better: the municipality
    (3 points) beats the province (2) beats national (1).
    """
    if not partner.has_editors or not ask.theme or ask.theme not in partner.themes:
        return None
    if ask.municipality and ask.municipality in partner.municipalities:
        region_points, where = MUNICIPALITY_POINTS, f"werkt in de gemeente {ask.municipality_name}"
    elif ask.province and ask.province in partner.provinces:
        region_points, where = PROVINCE_POINTS, f"werkt in de provincie {ask.province_name}"
    elif partner.is_national:
        region_points, where = NATIONAL_POINTS, "werkt in heel Nederland"
    else:
        return None
    return Score(THEME_POINTS + region_points, f"Thema {ask.theme_name.lower()} past; {where}.")


def route(partners: Iterable[Partner], ask: Ask) -> tuple[Partner | None, str]:
    """The best partner and why, or (None, reason) for the staff inbox.

    Ties go to the partner with fewer open questions, then by name, so the choice is stable.
    """
    scored = [(s, p) for p in partners if (s := score_partner(p, ask)) is not None]
    if not scored:
        if not ask.theme:
            return None, "Geen thema gekozen: de redactie kiest wie antwoordt."
        return None, f"Geen partner met een redacteur werkt op het thema {ask.theme_name.lower()} in deze regio."
    score, partner = min(scored, key=lambda sp: (-sp[0].points, sp[1].open_questions, sp[1].name))
    return partner, score.reason


def add_working_days(start: date, days: int) -> date:
    """The date `days` working days after `start`; Saturdays and Sundays do not count."""
    current = start
    left = days
    while left > 0:
        current += timedelta(days=1)
        if current.weekday() < 5:
            left -= 1
    return current


def is_overdue(asked_on: date, today: date, working_days: int) -> bool:
    return today > add_working_days(asked_on, working_days)


def anonymise(text: str, *, name: str, email: str) -> str:
    """Remove the asker's name, e-mail address and any other e-mail address or phone number from a text."""
    result = re.sub(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", "[e-mailadres]", text)
    result = re.sub(r"(\+31|0)[\s-]?\d([\s-]?\d){8}", "[telefoonnummer]", result)
    if email:
        result = result.replace(email, "[e-mailadres]")
    for part in sorted({name.strip(), *name.split()}, key=len, reverse=True):
        # Parts of two letters or fewer ("de", "van") are too common to remove safely.
        if len(part) > 2:
            result = re.sub(rf"\b{re.escape(part)}\b", "[naam]", result, flags=re.IGNORECASE)
    return result


def faq_title(text: str, limit: int = 150) -> str:
    """The first sentence of a question (with its question mark), short enough for a title."""
    flat = " ".join(text.split())
    match = re.match(r"(.+?[?.!])(\s|$)", flat)
    title = match.group(1) if match else flat
    if len(title) > limit:
        title = title[: limit - 1].rsplit(" ", 1)[0] + "…"
    return title
