"""Seeded funding schemes for `manage.py seed_bulk`: every kind, national and regional, with invented rules.

Funds and municipalities among the seeded organisations offer most schemes; some funders are only a
name (a bank, a platform). Like the demo schemes they are marked `is_example`: the rules are made up.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils.text import slugify

from knowledge.funding.models import EXAMPLE_NOTE, STRUCTURAL_KINDS, FundingScheme
from knowledge.seed import Organisations, SeededOrganisation
from knowledge.seed.words import SUBJECTS
from wdhs.seed import SLUG_LIKE, SLUG_PREFIX, Seeder, delete_rows, number
from wdhs.seed.text import Text

# funder's organisation kind: funding kind -> weight
KINDS_BY_FUNDER = {
    "gemeente": {
        "subsidie": 50, "maatschappelijk-vastgoed": 15, "kostprijs-plus": 15, "in-natura": 10, "crowdfunding": 10,
    },
    "fonds": {"gift": 70, "lening": 15, "subsidie": 15},
    None: {"gift": 30, "lening": 30, "crowdfunding": 25, "in-natura": 15},
}  # fmt: skip
NAMES = {
    "subsidie": ("Subsidie bewonersinitiatieven {gemeente}", "Wijkbudget {gemeente}", "Regeling {onderwerp}"),
    "gift": ("Bijdrage {onderwerp}", "Fonds voor {onderwerp}", "Steun voor {onderwerp}"),
    "lening": ("Lening voor {onderwerp}", "Startlening {onderwerp}"),
    "crowdfunding": ("Crowdfunding met verdubbeling {gemeente}", "Buurtgeld {gemeente}"),
    "kostprijs-plus": ("Kostprijs-plus {gemeente}",),
    "maatschappelijk-vastgoed": ("Buurthuis voor een euro {gemeente}", "Gebouw in beheer {gemeente}"),
    "in-natura": ("Materiaalbank {gemeente}", "Klusbank {gemeente}"),
}
FUNDER_NAMES = (
    "Buurtbank {provincie}",
    "Crowdfundingplatform Samen",
    "Materiaalbank {gemeente}",
    "Stichting Steunfonds {provincie}",
)
SUMMARIES = (
    "Een bijdrage voor bewoners die samen iets doen voor hun buurt.",
    "Geld voor activiteiten die mensen met elkaar in contact brengen.",
    "Een lening met een lage rente voor initiatieven die iets willen kopen of bouwen.",
    "De gemeente betaalt een deel van de kosten van je plan.",
    "Spullen en gereedschap die je gratis kunt lenen.",
    "Een gebouw voor een lage huur, als je het zelf beheert.",
)
DESCRIPTIONS = (
    "Je kunt een aanvraag doen als je plan goed is voor de buurt.",
    "Een commissie van bewoners beslist over de aanvragen.",
    "Je hoort binnen zes weken of je geld krijgt.",
    "Stuur een plan en een begroting mee.",
    "Na afloop vertel je kort wat het heeft opgeleverd.",
    "Het geld is voor activiteiten, niet voor vaste lasten.",
    "Vraag eerst een gesprek aan, dan denken we mee over je plan.",
)
DEADLINE_NOTES = ("Twee rondes per jaar, in maart en september.", "Eén ronde per jaar.", "Vier rondes per jaar.")
COVERAGE = ("ja", "nee", "overleg")
MIN_AMOUNTS = (None, None, 50, 100, 250, 500, 1000)
MAX_AMOUNTS = (None, 1500, 2500, 5000, 10_000, 25_000, 50_000, 100_000)
FIELDS = [
    "id", "name", "slug", "funder", "funder_name", "kind", "summary", "description", "scope", "min_amount",
    "max_amount", "is_rolling", "deadline", "deadline_note", "apply_url", "penvoerder_ok", "funds_one_day",
    "funds_costs_made", "funds_equipment", "funds_buildings", "own_contribution_percent", "min_age_years",
    "max_age_years", "is_example", "is_active", "created_at", "updated_at", "is_structural", "search_vector",
]  # fmt: skip


def remove(cursor: Any) -> int:
    return delete_rows(cursor, FundingScheme, "slug LIKE %s", [SLUG_LIKE])


def seed(seeder: Seeder, *, count: int, organisations: Organisations) -> str:
    rng = seeder.rng
    ids = seeder.ids(FundingScheme, count)
    funders = [o for o in organisations.all if o.kind in ("fonds", "gemeente")] or organisations.all
    kinds = {t.slug: t for t in seeder.terms["funding_kind"]}
    pickers = {funder_kind: seeder.picker(weights) for funder_kind, weights in KINDS_BY_FUNDER.items()}
    rows, documents = [], []
    related: dict[str, list[tuple[int, int]]] = {
        "themes": [],
        "phases": [],
        "legal_forms": [],
        "provinces": [],
        "municipalities": [],
    }
    for n, pk in enumerate(ids, start=1):
        funder: SeededOrganisation | None = rng.choice(funders) if funders and rng.random() < 0.9 else None
        place = funder.place if funder else seeder.places_for(1)[0]
        values: dict[str, str | Text] = {
            "gemeente": place.short_name,
            "provincie": place.province_name,
            "onderwerp": rng.choice(SUBJECTS).lower(),
        }
        kind = kinds[pickers[funder.kind if funder and funder.kind in KINDS_BY_FUNDER else None]()]
        name = Text().fill(rng.choice(NAMES[kind.slug]), values)
        funder_name = "" if funder else str(Text().fill(rng.choice(FUNDER_NAMES), values))
        summary = Text(rng.choice(SUMMARIES))
        description = Text()
        for i, sentence in enumerate(seeder.some(DESCRIPTIONS, 2, 4)):
            description.add(" " if i else "", sentence)
        description.add("\n\n", EXAMPLE_NOTE)
        organisation_name = Text().extend(funder.name).add(" ", funder.short_name) if funder else Text()
        documents.append(
            [
                (name, "A"),
                (Text().extend(summary).add(" ", kind.name), "B"),
                (Text().extend(description).add(" ", funder_name, " ").extend(organisation_name), "C"),
            ]
        )
        regional = funder is not None and not (funder.kind == "fonds" and rng.random() < 0.5)
        low, high = rng.choice(MIN_AMOUNTS), rng.choice(MAX_AMOUNTS)
        if low is not None and high is not None and low > high:
            low, high = high, low
        rolling = rng.random() < 0.7
        slug = f"{SLUG_PREFIX}{slugify(str(name))[:140]}-{n}"
        created = seeder.moment(days_ago=1500, until_days_ago=30)
        rows.append(
            [
                pk, str(name), slug, funder.id if funder else None, funder_name, kind.id, str(summary),
                str(description), (FundingScheme.Scope.REGIONAL if regional else FundingScheme.Scope.NATIONAL).value,
                low, high, rolling, None if rolling else (seeder.now + timedelta(days=rng.randint(10, 200))).date(),
                "" if rolling else rng.choice(DEADLINE_NOTES), f"https://www.example.org/aanvragen/{slug}",
                rng.random() < 0.4, rng.choice(COVERAGE), rng.choice(COVERAGE), rng.choice(COVERAGE),
                rng.choice(COVERAGE), rng.choice((0, 0, 0, 10, 25, 50)), 1 if rng.random() < 0.1 else None,
                3 if rng.random() < 0.1 else None, True, rng.random() < 0.92, created, created,
                kind.slug in STRUCTURAL_KINDS, None,
            ]
        )  # fmt: skip
        related["themes"].extend((pk, t.id) for t in seeder.some(seeder.terms["theme"], 0, 3))
        related["phases"].extend((pk, t.id) for t in seeder.some(seeder.terms["phase"], 0, 2))
        related["legal_forms"].extend((pk, t.id) for t in seeder.some(seeder.terms["legal_form"], 0, 3))
        if regional and funder is not None and funder.kind == "fonds":
            related["provinces"].append((pk, place.province_id))
        elif regional:
            related["municipalities"].append((pk, place.id))
    seeder.copy(FundingScheme, FIELDS, seeder.with_vectors(rows, documents))
    targets = {
        "themes": "term",
        "phases": "term",
        "legal_forms": "term",
        "provinces": "province",
        "municipalities": "municipality",
    }
    links = sum(
        seeder.copy(getattr(FundingScheme, name).through, ["fundingscheme", target], related[name])
        for name, target in targets.items()
    )
    return f"{number(len(ids))} regelingen, {number(links)} koppelingen (thema's, fases, rechtsvormen, regio's)"
