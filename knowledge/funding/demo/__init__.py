"""Demo funding schemes for `manage.py load_demo`, one Markdown file per scheme beside this module.

Realistic kinds of funders with INVENTED rules, to show how the finder works; the banks, platforms and
small funds without an organisation on the portal are invented names too. Every scheme is marked
`is_example` and its description ends with `EXAMPLE_NOTE`: the rules are not the funders' real rules.
The file name is the slug; the text is the description. Safe to run again.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from knowledge.funding.models import EXAMPLE_NOTE
from knowledge.models import FundingScheme, Organisation
from wdhs.demo import Lookups, Record, apply_all, days_from_today, read, save_changed, set_related

FOLDER = Path(__file__).resolve().parent
FIELDS = {
    "name",
    "funder",
    "funder_name",
    "kind",
    "summary",
    "themes",
    "phases",
    "legal_forms",
    "provinces",
    "municipalities",
    "min_amount",
    "max_amount",
    "is_rolling",
    "deadline_in_days",
    "deadline_note",
    "penvoerder_ok",
    "own_contribution_percent",
    "min_age_years",
    "max_age_years",
    "funds_one_day",
    "funds_equipment",
    "funds_buildings",
    "funds_costs_made",
    "is_structural",
}


def load() -> str:
    """Load every scheme with its rules; a funder on the portal is linked, otherwise named."""
    records = read(FOLDER, fields=FIELDS)
    existing = FundingScheme.objects.prefetch_related(
        "themes", "phases", "legal_forms", "provinces", "municipalities"
    ).in_bulk(field_name="slug")
    organisations = Organisation.objects.in_bulk(field_name="slug")
    made = sum(apply_all(records, partial(_apply, existing=existing, organisations=organisations, lookups=Lookups())))
    return f"{len(records)} financieringsregelingen (voorbeelden, {made} nieuw)"


def _apply(
    record: Record, *, existing: dict[str, FundingScheme], organisations: dict[str, Organisation], lookups: Lookups
) -> bool:
    data = record.data
    funder = organisations.get(data.get("funder", ""))
    regional = bool(data.get("provinces") or data.get("municipalities"))
    scheme, created = save_changed(
        FundingScheme,
        existing.get(record.slug),
        {
            "slug": record.slug,
            "name": data["name"],
            "funder": funder,
            # Without the knowledge demo the fund still has a name.
            "funder_name": data.get("funder_name", "")
            or (data["funder"].replace("-", " ").title() if not funder else ""),
            "kind": lookups.term("funding_kind", data["kind"]),
            "summary": data["summary"],
            "description": f"{record.body}\n\n{EXAMPLE_NOTE}",
            "scope": FundingScheme.Scope.REGIONAL if regional else FundingScheme.Scope.NATIONAL,
            "min_amount": data.get("min_amount"),
            "max_amount": data.get("max_amount"),
            "is_rolling": data.get("is_rolling", True),
            # A deadline relative to today, so the demo always shows an open round.
            "deadline": days_from_today(data["deadline_in_days"]).date() if "deadline_in_days" in data else None,
            "deadline_note": data.get("deadline_note", ""),
            "apply_url": funder.website
            if funder and funder.website.startswith("https://")
            else f"https://example.org/aanvragen/{record.slug}",
            "penvoerder_ok": data.get("penvoerder_ok", False),
            "funds_one_day": data["funds_one_day"],
            "funds_equipment": data["funds_equipment"],
            "funds_buildings": data["funds_buildings"],
            "funds_costs_made": data["funds_costs_made"],
            "own_contribution_percent": data.get("own_contribution_percent", 0),
            "min_age_years": data.get("min_age_years"),
            "max_age_years": data.get("max_age_years"),
            "is_structural": data.get("is_structural", False),
            "is_example": True,
            "is_active": True,
        },
    )
    provinces = [lookups.provinces[slug] for slug in data.get("provinces", [])]
    municipalities = [lookups.municipalities[name] for name in data.get("municipalities", [])]
    set_related(scheme, "themes", lookups.terms("theme", data.get("themes", [])), created=created)
    set_related(scheme, "phases", lookups.terms("phase", data.get("phases", [])), created=created)
    set_related(scheme, "legal_forms", lookups.terms("legal_form", data.get("legal_forms", [])), created=created)
    set_related(scheme, "provinces", provinces, created=created)
    set_related(scheme, "municipalities", municipalities, created=created)
    return created
