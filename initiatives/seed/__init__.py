"""Seeded initiatives for `manage.py seed_bulk`: every kind, legal form, phase and status, all over the country.

Names, descriptions and places come from the pools in `words.py`; a share is waiting for review,
rejected, archived, not confirmed for a long time or has a change waiting, as in real life. Each
initiative gets one to three managers from the seeded users, some an invitation or a problem report.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.utils.text import slugify

from initiatives.models import (
    ActivePeople,
    Initiative,
    Invitation,
    Membership,
    ProblemReason,
    ProblemReport,
    Status,
    render_description,
)
from initiatives.models import hash_token as _hash
from initiatives.seed import words
from wdhs.seed import EMAIL_DOMAIN, SLUG_LIKE, SLUG_PREFIX, Person, Seeder, delete_rows, number
from wdhs.seed.text import Text
from wdhs.seed.words import PLACE_NAMES, WEEKDAYS

# Plain strings, not the enums: COPY writes them as they are.
STATUSES = {Status.PUBLISHED.value: 85, Status.SUBMITTED.value: 6, Status.REJECTED.value: 3, Status.ARCHIVED.value: 6}
PHASES = {"idee": 10, "starten": 25, "groeien": 40, "blijven-bestaan": 25}
# phase: (fewest years since founding, most years, share without a founding year)
FOUNDED_YEARS = {"idee": (0, 1, 0.6), "starten": (0, 2, 0.2), "groeien": (2, 10, 0.1), "blijven-bestaan": (5, 40, 0.1)}
PEOPLE = {
    "idee": {"1-5": 70, "6-15": 30},
    "starten": {"1-5": 40, "6-15": 45, "16-50": 15},
    "groeien": {"6-15": 40, "16-50": 40, "51-200": 15, "200+": 5},
    "blijven-bestaan": {"6-15": 25, "16-50": 40, "51-200": 25, "200+": 10},
}
REGISTERED_FORMS = frozenset(["vereniging", "cooperatie", "stichting", "besloten-vennootschap"])
STALE_SHARE = 0.2  # published but not confirmed for over 15 months
FIELDS = [
    "id", "name", "slug", "kind", "legal_form", "phase", "kvk_number", "municipality", "area", "founded_year",
    "active_people", "description", "description_html", "website", "social_links", "public_email", "status",
    "rejection_reason",
    "pending_changes", "pending_since", "confirmed_at", "confirmation_requested_at", "published_at", "created_at",
    "updated_at", "place_names", "search_vector",
]  # fmt: skip


@dataclass
class Seeded:
    """What the seed made, for the command's report and for links from other apps."""

    ids: list[int] = field(default_factory=list)
    published: int = 0
    memberships: int = 0
    themes: int = 0
    needs: int = 0
    invitations: int = 0
    reports: int = 0

    def __str__(self) -> str:
        return (
            f"{number(len(self.ids))} initiatieven ({number(self.published)} gepubliceerd), "
            f"{number(self.memberships)} beheerders, {number(self.themes)} thema's, {number(self.needs)} behoeften, "
            f"{number(self.invitations)} uitnodigingen, {number(self.reports)} meldingen"
        )


def remove(cursor: Any) -> int:
    """Delete the seeded initiatives with their managers, invitations and reports; returns how many."""
    return delete_rows(cursor, Initiative, "slug LIKE %s", [SLUG_LIKE])


def seed(seeder: Seeder, *, count: int, managers: Sequence[Person]) -> Seeded:
    rng = seeder.rng
    result = Seeded(ids=seeder.ids(Initiative, count))
    pick_kind = seeder.picker({kind: share for kind, (share, _, _) in words.KINDS.items()})
    pick_status = seeder.picker(STATUSES)
    pick_phase = seeder.picker(PHASES)
    pick_form = {kind: seeder.picker(forms) for kind, forms in words.LEGAL_FORMS.items()}
    pick_people = {phase: seeder.picker(people) for phase, people in PEOPLE.items()}
    themes = {t.slug: t for t in seeder.terms["theme"]}
    needs = seeder.terms["need"]
    rows: list[list[Any]] = []
    documents: list[list[tuple[Text, str]]] = []
    theme_rows: list[tuple[int, int]] = []
    need_rows: list[tuple[int, int]] = []
    members: list[tuple[Any, ...]] = []
    invitations: list[tuple[Any, ...]] = []
    reports: list[tuple[Any, ...]] = []
    for n, (pk, place) in enumerate(zip(result.ids, seeder.places_for(count), strict=True), start=1):
        kind = pick_kind()
        phase = pick_phase()
        status = pick_status()
        legal_form = pick_form[kind]()
        area = _area(seeder, kind)
        chosen_themes = _themes(seeder, kind, themes)
        chosen_needs = seeder.some(needs, 0, 3)
        founded = _founded(seeder, phase)
        values: dict[str, str | Text] = {
            "plek": area or place.short_name,
            "gemeente": place.name,
            "huisnaam": rng.choice(PLACE_NAMES),
            "aantal": str(rng.choice((4, 6, 8, 12, 15, 20, 25, 30, 40, 60, 80, 120))),
            "jaar": str(founded or ""),
            "dag": rng.choice(WEEKDAYS),
            "tijd": str(rng.randint(9, 20)),
        }
        name = Text().fill(rng.choice(words.KINDS[kind][1]), values)
        description = _description(seeder, kind, chosen_themes, chosen_needs, founded, values)
        place_names = Text(place.search_names)
        documents.append([(name, "A"), (Text(area, " ").extend(place_names), "B"), (description, "C")])
        # No cutting to the column's length: the vector is built from the whole text (COPY refuses longer).
        name_text = str(name)
        registered = legal_form in REGISTERED_FORMS and rng.random() < 0.9
        slug_base = slugify(name_text)[:140]
        created = seeder.moment(days_ago=2200, until_days_ago=1)
        dates = _dates(seeder, status, created)
        rows.append(
            [
                pk, name_text, f"{SLUG_PREFIX}{slug_base}-{n}", seeder.term("initiative_kind", kind).id,
                seeder.term("legal_form", legal_form).id, seeder.term("phase", phase).id,
                str(rng.randint(10_000_000, 99_999_999)) if registered else "",
                place.id, area, founded, pick_people[phase](), str(description), render_description(str(description)),
                f"https://www.example.org/{slug_base}" if rng.random() < 0.5 else "",
                f"https://social.example/{slug_base}" if rng.random() < 0.3 else "",
                f"contact@{slug_base[:40].strip('-') or 'initiatief'}.example" if rng.random() < 0.4 else "",
                status, rng.choice(words.REJECTION_REASONS) if status == Status.REJECTED else "",
                *_pending(seeder, status, created),
                *dates, str(place_names), None,
            ]
        )  # fmt: skip
        result.published += status == Status.PUBLISHED
        theme_rows.extend((pk, theme.id) for theme in chosen_themes)
        need_rows.extend((pk, need.id) for need in chosen_needs)
        members.extend(_memberships(seeder, pk, managers, created))
        if rng.random() < 0.02:
            invitations.append(_invitation(seeder, pk, members[-1][1], created))
        if status == Status.PUBLISHED and rng.random() < 0.006:
            reports.append(_report(seeder, pk))
    seeder.copy(Initiative, FIELDS, seeder.with_vectors(rows, documents))
    result.themes = seeder.copy(Initiative.themes.through, ["initiative", "term"], theme_rows)
    result.needs = seeder.copy(Initiative.needs.through, ["initiative", "term"], need_rows)
    result.memberships = seeder.copy(Membership, ["initiative", "user", "invited_by", "created_at"], members)
    result.invitations = seeder.copy(
        Invitation,
        ["initiative", "email", "token_hash", "invited_by", "created_at", "expires_at", "accepted_at", "revoked_at"],
        invitations,
    )
    result.reports = seeder.copy(
        ProblemReport,
        ["initiative", "reason", "message", "reporter_email", "created_at", "handled_at", "staff_note"],
        reports,
    )
    return result


def _area(seeder: Seeder, kind: str) -> str:
    roll = seeder.rng.random()
    if kind == "dorpscooperatie":
        return seeder.village() if roll < 0.8 else ""
    if roll < 0.6:
        return seeder.neighbourhood()
    return seeder.village() if roll < 0.75 else ""


def _themes(seeder: Seeder, kind: str, themes: dict[str, Any]) -> list[Any]:
    chosen = [themes[seeder.rng.choice(words.KIND_THEMES[kind])]]
    for extra in seeder.some(list(themes.values()), 0, 2):
        if extra not in chosen:
            chosen.append(extra)
    return chosen


def _founded(seeder: Seeder, phase: str) -> int | None:
    fewest, most, without = FOUNDED_YEARS[phase]
    if seeder.rng.random() < without:
        return None
    return seeder.now.year - seeder.rng.randint(fewest, most)


def _description(
    seeder: Seeder, kind: str, themes: list[Any], needs: list[Any], founded: int | None, values: dict[str, str | Text]
) -> Text:
    """One sentence to a few paragraphs: opening, the themes, sometimes what they need and how to join."""
    rng = seeder.rng
    text = Text().fill(rng.choice(words.KINDS[kind][2]), values)
    if founded and rng.random() < 0.5:
        text.add(" ").fill(rng.choice(words.FOUNDED), values)
    if rng.random() < 0.15:  # a short entry
        return text
    for theme in themes:
        sentences = words.THEME_SENTENCES[theme.slug]
        text.add("\n\n")
        for i, sentence in enumerate(rng.sample(sentences, rng.randint(1, min(4, len(sentences))))):
            text.add(" " if i else "").fill(sentence, values)
    if needs and rng.random() < 0.5:
        text.add("\n\n", words.NEEDS_HEADING, "\n")
        for need in needs:
            text.add("\n- ").fill(rng.choice(words.NEED_LINES[need.slug]), values)
    if rng.random() < 0.6:
        text.add("\n\n")
        for i, sentence in enumerate(rng.sample(words.PRACTICAL, rng.randint(1, 3))):
            text.add(" " if i else "").fill(sentence, values)
    if rng.random() < 0.4:
        text.add("\n\n", rng.choice(words.CLOSINGS))
    return text


def _dates(
    seeder: Seeder, status: str, created: datetime
) -> tuple[datetime, datetime | None, datetime | None, datetime, datetime]:
    """confirmed_at, confirmation_requested_at, published_at, created_at, updated_at."""
    rng, now = seeder.rng, seeder.now
    published = None
    confirmed = created
    requested = None
    if status in (Status.PUBLISHED, Status.ARCHIVED):
        published = min(created + timedelta(days=rng.randint(1, 30), seconds=rng.randint(0, 86400)), now)
        if rng.random() < STALE_SHARE:
            confirmed = max(published, seeder.moment(days_ago=1400, until_days_ago=460))
            if rng.random() < 0.7:
                requested = seeder.moment(days_ago=90)
        else:
            confirmed = max(published, seeder.moment(days_ago=450))
    return confirmed, requested, published, created, max(confirmed, published or created)


def _pending(seeder: Seeder, status: str, created: datetime) -> tuple[str | None, datetime | None]:
    """A change of a published initiative that waits for review (pending_changes, pending_since), now and then."""
    if status != Status.PUBLISHED or seeder.rng.random() >= 0.02:
        return None, None
    change = {"active_people": seeder.rng.choice(list(ActivePeople)).value, "area": seeder.neighbourhood()}
    return json.dumps(change), max(created, seeder.moment(days_ago=20))


def _memberships(seeder: Seeder, pk: int, managers: Sequence[Person], created: datetime) -> list[tuple[Any, ...]]:
    count = 1 if seeder.rng.random() < 0.7 else seeder.rng.choice((2, 2, 2, 3))
    first, *others = dict.fromkeys(seeder.rng.choice(managers).id for _ in range(count))
    rows: list[tuple[Any, ...]] = [(pk, first, None, created)]
    rows.extend((pk, other, first, created + timedelta(days=seeder.rng.randint(1, 300))) for other in others)
    return rows


def _invitation(seeder: Seeder, pk: int, invited_by: int, created: datetime) -> tuple[Any, ...]:
    rng = seeder.rng
    sent = max(created, seeder.moment(days_ago=60))
    roll = rng.random()
    return (
        pk, f"buur{pk}@{EMAIL_DOMAIN}", _hash(f"{SLUG_PREFIX}{pk}"), invited_by, sent, sent + timedelta(days=14),
        sent + timedelta(days=2) if roll < 0.3 else None, sent + timedelta(days=1) if 0.3 <= roll < 0.4 else None,
    )  # fmt: skip


def _report(seeder: Seeder, pk: int) -> tuple[Any, ...]:
    rng = seeder.rng
    made = seeder.moment(days_ago=120)
    handled = rng.random() < 0.5
    return (
        pk, rng.choice(list(ProblemReason)).value, rng.choice(words.PROBLEM_MESSAGES),
        f"melder{pk}@{EMAIL_DOMAIN}" if rng.random() < 0.5 else "", made,
        made + timedelta(days=rng.randint(1, 10)) if handled else None,
        rng.choice(words.STAFF_NOTES) if handled else "",
    )  # fmt: skip
