"""Seeded partner organisations and knowledge for `manage.py seed_bulk`.

Organisations of every kind (national, funds, institutes, local supporters, municipalities), most
with editors; knowledge items of every kind with a Markdown body, themes, phases, an audience and a
region, in every status, with their workflow history and "zie ook" links. Words come from `words.py`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.utils.text import slugify

from initiatives.seed.words import THEME_SENTENCES
from knowledge.models import Membership, Organisation, Resource, StatusChange, render_body
from knowledge.seed import words
from wdhs.seed import SLUG_LIKE, SLUG_PREFIX, Person, Place, Seeder, TermRef, delete_rows, number
from wdhs.seed.text import Text
from wdhs.seed.words import FIRST_NAMES, LAST_NAMES, PLACE_NAMES, WEEKDAYS

Status = Resource.Status
RESOURCE_STATUSES = {
    Status.PUBLISHED.value: 80,
    Status.DRAFT.value: 8,
    Status.REVIEW.value: 6,
    Status.ARCHIVED.value: 6,
}
AUDIENCES = {"iedereen": 40, "bewoners": 25, "initiatieven": 20, "professionals": 10, "gemeenten": 5}
FEATURED = 6
LOCAL_KINDS = frozenset(["gemeente", "lokaal", "anders"])
DESCRIPTION_MAX = 500
SUMMARY_MAX = 300
ORGANISATION_FIELDS = [
    "id", "name", "short_name", "slug", "kind", "logo", "description", "website", "is_national", "services",
    "contact", "created_at", "updated_at", "search_vector",
]  # fmt: skip
RESOURCE_FIELDS = [
    "id", "kind", "title", "slug", "summary", "body", "body_html", "audience", "scope", "province", "municipality",
    "organisation", "author", "author_name", "status", "published_at", "is_featured", "last_reviewed_at",
    "event_starts_at", "event_place", "created_at", "updated_at", "search_vector",
]  # fmt: skip


@dataclass
class SeededOrganisation:
    id: int
    name: Text
    short_name: str
    kind: str
    place: Place
    themes: list[TermRef]
    editors: list[int]


@dataclass
class Organisations:
    """The seeded organisations, for resources, funding schemes and questions."""

    all: list[SeededOrganisation] = field(default_factory=list)
    memberships: int = 0

    def __str__(self) -> str:
        with_editors = sum(bool(o.editors) for o in self.all)
        return (
            f"{number(len(self.all))} organisaties ({number(with_editors)} met redacteuren), "
            f"{number(self.memberships)} redacteuren"
        )


@dataclass
class Resources:
    ids: list[int] = field(default_factory=list)
    published: int = 0
    faq_ids: list[int] = field(default_factory=list)  # published "veelgestelde vraag" items, for questions
    themes: int = 0
    phases: int = 0
    related: int = 0
    status_changes: int = 0

    def __str__(self) -> str:
        return (
            f"{number(len(self.ids))} kennisitems ({number(self.published)} gepubliceerd), {number(self.themes)} "
            f"thema's, {number(self.phases)} fases, {number(self.related)} 'zie ook'-links, "
            f"{number(self.status_changes)} statuswijzigingen"
        )


def remove(cursor: Any) -> tuple[int, int]:
    """Delete the seeded knowledge items, then the seeded organisations; returns how many of each."""
    resources = delete_rows(cursor, Resource, "slug LIKE %s", [SLUG_LIKE])
    return resources, delete_rows(cursor, Organisation, "slug LIKE %s", [SLUG_LIKE])


def seed_organisations(seeder: Seeder, *, count: int, people: Sequence[Person]) -> Organisations:
    rng = seeder.rng
    result = Organisations()
    ids = seeder.ids(Organisation, count)
    taken = set(Organisation.objects.values_list("name", flat=True))
    pick_kind = seeder.picker({kind: share for kind, (share, _, _, _) in words.ORGANISATION_KINDS.items()})
    themes = seeder.terms["theme"]
    rows: list[list[Any]] = []
    documents: list[list[tuple[Text, str]]] = []
    theme_rows: list[tuple[int, int]] = []
    province_rows: list[tuple[int, int]] = []
    municipality_rows: list[tuple[int, int]] = []
    members: list[tuple[Any, ...]] = []
    for n, (pk, place) in enumerate(zip(ids, seeder.places_for(count), strict=True), start=1):
        kind = pick_kind()
        if kind == "gemeente" and f"Gemeente {place.short_name}" in taken:
            kind = "lokaal"  # one organisation per municipality
        chosen_themes = seeder.some(themes, 1, 4)
        values: dict[str, str | Text] = {
            "gemeente": place.short_name,
            "provincie": place.province_name,
            "onderwerp": rng.choice(words.SUBJECTS),
            "thema": chosen_themes[0].name.lower(),
            "huisnaam": rng.choice(PLACE_NAMES),
            "achternaam": rng.choice(LAST_NAMES).split()[-1],
        }
        name = _unique_name(seeder, kind, values, taken)
        short_name = _short_name(str(name)) if rng.random() < 0.25 else ""
        description = _description(seeder, kind, values | {"gemeente": place.name})
        services = Text()
        for i, line in enumerate(seeder.some(words.SERVICES, 2, 5)):
            services.add("\n" if i else "", line)
        national = kind in ("landelijk", "kennisinstituut") or (kind == "fonds" and rng.random() < 0.5)
        slug = f"{SLUG_PREFIX}{slugify(str(name))[:60]}-{n}"
        created = seeder.moment(days_ago=2500, until_days_ago=200)
        documents.append([(Text().extend(name).add(" ", short_name), "A"), (description, "B"), (services, "C")])
        rows.append(
            [
                pk, str(name), short_name, slug, kind, "", str(description), f"https://www.example.org/{slug}",
                national, str(services),
                f"Bel ons op 0{rng.randint(10, 99)}-{rng.randint(1_000_000, 9_999_999)} of mail naar "
                f"info@{slug}.example.",
                created, seeder.moment(days_ago=200), None,
            ]
        )  # fmt: skip
        theme_rows.extend((pk, theme.id) for theme in chosen_themes)
        if not national:
            if kind == "fonds":
                province_rows.append((pk, place.province_id))
            else:
                nearby = [p for p in seeder.rng.sample(seeder.places, 8) if p.province_id == place.province_id]
                municipality_rows.extend((pk, m) for m in dict.fromkeys([place.id, *(p.id for p in nearby[:3])]))
        editors = (
            list(dict.fromkeys(rng.choice(people).id for _ in range(rng.randint(1, 3)))) if rng.random() < 0.85 else []
        )
        members.extend((pk, editor, rng.random() < 0.3, created) for editor in editors)
        result.all.append(SeededOrganisation(pk, name, short_name, kind, place, chosen_themes, editors))
    seeder.copy(Organisation, ORGANISATION_FIELDS, seeder.with_vectors(rows, documents))
    seeder.copy(Organisation.themes.through, ["organisation", "term"], theme_rows)
    seeder.copy(Organisation.provinces.through, ["organisation", "province"], province_rows)
    seeder.copy(Organisation.municipalities.through, ["organisation", "municipality"], municipality_rows)
    result.memberships = seeder.copy(Membership, ["organisation", "user", "can_publish", "created_at"], members)
    return result


def _unique_name(seeder: Seeder, kind: str, values: dict[str, str | Text], taken: set[str]) -> Text:
    """A name no organisation has yet (names are unique): another template, then the province, then a number."""
    templates = words.ORGANISATION_KINDS[kind][1]
    for attempt in range(12):
        name = Text().fill(seeder.rng.choice(templates), values | {"onderwerp": seeder.rng.choice(words.SUBJECTS)})
        if attempt >= 6:
            name.add(" ", str(values["provincie"]))
        if str(name) not in taken:
            taken.add(str(name))
            return name
    number = 2
    while f"{name} {number}" in taken:
        number += 1
    name.add(" ", str(number))
    taken.add(str(name))
    return name


def _short_name(name: str) -> str:
    letters = "".join(word[0] for word in name.split() if word[:1].isupper())
    return letters if 2 <= len(letters) <= 8 else ""


def _description(seeder: Seeder, kind: str, values: dict[str, str | Text]) -> Text:
    sentences = words.ORGANISATION_KINDS[kind][2]
    text = Text()
    for template in seeder.some(sentences, 1, 3):
        candidate = Text().fill(template, values)
        if len(text) + len(candidate) + 1 > DESCRIPTION_MAX:
            break
        text.add(" " if text.pieces else "").extend(candidate)
    return text


def seed_resources(seeder: Seeder, *, count: int, organisations: Organisations) -> Resources:
    rng = seeder.rng
    result = Resources(ids=seeder.ids(Resource, count))
    pick_kind = seeder.picker({kind: share for kind, (share, _) in words.RESOURCE_KINDS.items()})
    pick_status = seeder.picker(RESOURCE_STATUSES)
    pick_audience = seeder.picker(AUDIENCES)
    publishers = organisations.all
    weights = [words.ORGANISATION_KINDS[o.kind][3] for o in publishers]
    themes = {t.slug: t for t in seeder.terms["theme"]}
    phases = {t.slug: t for t in seeder.terms["phase"]}
    kinds = {t.slug: t.id for t in seeder.terms["knowledge_kind"]}
    rows: list[list[Any]] = []
    documents: list[list[tuple[Text, str]]] = []
    theme_rows: list[tuple[int, int]] = []
    phase_rows: list[tuple[int, int]] = []
    changes: list[tuple[Any, ...]] = []
    featured = 0
    for n, (pk, organisation) in enumerate(
        zip(result.ids, rng.choices(publishers, weights=weights, k=count), strict=True), start=1
    ):
        kind = pick_kind()
        status = pick_status()
        infinitive, how, thing, topic_themes, topic_phases = rng.choice(words.TOPICS)
        place = organisation.place if organisation.kind in LOCAL_KINDS else seeder.places_for(1)[0]
        values: dict[str, str | Text] = {
            "doen": infinitive,
            "Doen": infinitive[:1].upper() + infinitive[1:],
            "hoe": how,
            "ding": thing,
            "plaats": place.short_name,
            "plek": place.short_name,
            "aantal": str(rng.randint(3, 7)),
            "huisnaam": rng.choice(PLACE_NAMES),
            "dag": rng.choice(WEEKDAYS),
            "tijd": str(rng.randint(9, 20)),
        }
        title = Text().fill(rng.choice(words.RESOURCE_KINDS[kind][1]), values)
        if rng.random() < 0.3:
            title.add(rng.choice(words.TITLE_ENDINGS))
        summary = Text().fill(rng.choice(words.SUMMARIES), values)
        advice = rng.choice(words.ADVICE)
        if rng.random() < 0.5 and len(summary) + len(advice) < SUMMARY_MAX:
            summary.add(" ", advice)
        body = _body(seeder, kind, values, topic_themes)
        chosen_themes = [themes[slug] for slug in topic_themes] or seeder.some(list(themes.values()), 1, 2)
        chosen_phases = [phases[slug] for slug in topic_phases if rng.random() < 0.8]
        theme_names = Text()
        for i, theme in enumerate(chosen_themes):
            theme_names.add(" " if i else "", theme.name)
        documents.append(
            [
                (title, "A"),
                (Text().extend(summary).add(" ").extend(theme_names), "B"),
                (body, "C"),
                (Text().extend(organisation.name).add(" ", organisation.short_name), "D"),
            ]
        )
        scope, province, municipality = _scope(seeder, organisation)
        created = seeder.moment(days_ago=1800, until_days_ago=2)
        published = None
        if status in (Status.PUBLISHED, Status.ARCHIVED):
            published = min(created + timedelta(days=rng.randint(0, 40)), seeder.now)
        is_featured = status == Status.PUBLISHED and featured < FEATURED and kind in ("stappenplan", "handleiding")
        featured += is_featured
        author = rng.choice(organisation.editors) if organisation.editors and rng.random() < 0.6 else None
        event = _event(seeder, values) if kind == "training" else (None, "")
        rows.append(
            [
                pk, kinds[kind], str(title), f"{SLUG_PREFIX}{slugify(str(title))[:150]}-{n}", str(summary),
                str(body), render_body(str(body)), pick_audience(), scope, province, municipality, organisation.id,
                author,
                f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}" if rng.random() < 0.25 else "",
                status, published, is_featured, _reviewed(seeder, published), *event, created,
                max(created, published or created), None,
            ]
        )  # fmt: skip
        result.published += status == Status.PUBLISHED
        if status == Status.PUBLISHED and kind == "veelgestelde-vraag":
            result.faq_ids.append(pk)
        theme_rows.extend((pk, theme.id) for theme in chosen_themes)
        phase_rows.extend((pk, phase.id) for phase in chosen_phases)
        changes.extend(_history(seeder, pk, status, created, published, author))
    seeder.copy(Resource, RESOURCE_FIELDS, seeder.with_vectors(rows, documents))
    result.themes = seeder.copy(Resource.themes.through, ["resource", "term"], theme_rows)
    result.phases = seeder.copy(Resource.phases.through, ["resource", "term"], phase_rows)
    result.related = seeder.copy(
        Resource.related.through, ["from_resource", "to_resource"], _related(seeder, result.ids)
    )
    result.status_changes = seeder.copy(
        StatusChange, ["resource", "from_status", "to_status", "by", "at", "note"], changes
    )
    return result


def _body(seeder: Seeder, kind: str, values: dict[str, str | Text], topic_themes: Sequence[str]) -> Text:
    """A Markdown body: an introduction, what the kind needs (steps, questions, a programme) and a few sections."""
    rng = seeder.rng
    text = Text()
    if kind == "praktijkvoorbeeld":
        text.add("*De namen in dit voorbeeld zijn verzonnen. Zo gaat het wel vaak.*\n\n")
    text.fill(rng.choice(words.INTROS), values)
    if rng.random() < 0.6:
        text.add(" ", rng.choice(words.ADVICE))
    if kind == "stappenplan":
        text.add("\n\n## De stappen\n")
        for number, step in enumerate(words.STEPS[: rng.randint(3, len(words.STEPS))], start=1):
            text.add(f"\n{number}. ", step)
    elif kind == "veelgestelde-vraag":
        for question, answer in rng.sample(words.QUESTIONS, rng.randint(3, len(words.QUESTIONS))):
            text.add("\n\n### ", question, "\n\n", answer)
    elif kind == "training":
        text.add("\n\n## Programma\n")
        for line in words.EVENT_PROGRAMME:
            text.add("\n- ", line)
    elif kind == "tool-of-sjabloon":
        text.add("\n\n## Checklist\n")
        for tip in rng.sample(words.TIPS, rng.randint(4, 8)):
            text.add("\n- ", tip)
    elif kind == "praktijkvoorbeeld":
        text.add("\n\n## Wat ze doen\n\n")
        for i, slug in enumerate(topic_themes or rng.sample(list(THEME_SENTENCES), 1)):
            text.add(" " if i else "").fill(rng.choice(THEME_SENTENCES[slug]), values)
    low, high = (2, 5) if kind in ("artikel", "handleiding") else (1, 3)
    for heading in rng.sample(words.HEADINGS, rng.randint(low, high)):
        text.add("\n\n## ", heading, "\n\n")
        for i, sentence in enumerate(rng.sample(words.ADVICE, rng.randint(2, 5))):
            text.add(" " if i else "", sentence)
        if rng.random() < 0.3:
            text.add("\n")
            for tip in rng.sample(words.TIPS, rng.randint(2, 4)):
                text.add("\n- ", tip)
    return text


def _scope(seeder: Seeder, organisation: SeededOrganisation) -> tuple[str, int | None, int | None]:
    roll = seeder.rng.random()
    if organisation.kind in LOCAL_KINDS:
        if roll < 0.5:
            return Resource.Scope.MUNICIPALITY.value, None, organisation.place.id
        if roll < 0.7:
            return Resource.Scope.PROVINCE.value, organisation.place.province_id, None
    elif roll < 0.15:
        return Resource.Scope.PROVINCE.value, seeder.rng.choice(seeder.provinces).pk, None
    return Resource.Scope.NATIONAL.value, None, None


def _reviewed(seeder: Seeder, published: datetime | None) -> datetime | None:
    """Last checked: often at publication, sometimes later, sometimes never (then "nog actueel?" after a year)."""
    if published is None:
        return None
    roll = seeder.rng.random()
    if roll < 0.5:
        return published
    if roll < 0.8:
        return max(published, seeder.moment(days_ago=500))
    return None


def _event(seeder: Seeder, values: dict[str, str | Text]) -> tuple[datetime, str]:
    rng = seeder.rng
    hour, minute = (19, 30) if rng.random() < 0.6 else (10, 0)  # an evening meeting or a morning training
    starts = seeder.now.replace(hour=hour, minute=minute) + timedelta(days=rng.randint(-200, 120))
    return starts, str(Text().fill(rng.choice(words.EVENT_PLACES), values))


def _history(
    seeder: Seeder, pk: int, status: str, created: datetime, published: datetime | None, by: int | None
) -> list[tuple[Any, ...]]:
    """The resource's status changes: straight to published, or through draft and review."""
    if status in (Status.PUBLISHED, Status.ARCHIVED) and seeder.rng.random() < 0.5:
        steps = [("", Status.PUBLISHED.value)]
    else:
        steps = [("", Status.DRAFT.value)]
        if status != Status.DRAFT:
            steps.append((Status.DRAFT.value, Status.REVIEW.value))
        if status in (Status.PUBLISHED, Status.ARCHIVED):
            steps.append((Status.REVIEW.value, Status.PUBLISHED.value))
    if status == Status.ARCHIVED:
        steps.append((Status.PUBLISHED.value, Status.ARCHIVED.value))
    moment = created
    rows: list[tuple[Any, ...]] = []
    for from_status, to_status in steps:
        if to_status == Status.PUBLISHED and published is not None:
            moment = published
        rows.append((pk, from_status, to_status, by, moment, ""))
        moment = min(moment + timedelta(days=seeder.rng.randint(0, 20)), seeder.now)
    return rows


def _related(seeder: Seeder, ids: list[int]) -> list[tuple[int, int]]:
    """'Zie ook': four in ten items point to one to three other seeded items."""
    rows: list[tuple[int, int]] = []
    for pk in ids:
        if len(ids) > 3 and seeder.rng.random() < 0.4:
            rows.extend(
                (pk, other)
                for other in dict.fromkeys(seeder.rng.sample(ids, 3)[: seeder.rng.randint(1, 3)])
                if other != pk
            )
    return rows
