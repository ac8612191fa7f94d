"""Demo partners and knowledge for `manage.py load_demo`, read from the Markdown files beside this module.

`organisations/<slug>.md`: a coalition partner's kind, themes, services and contact; the text is its
description (name and website come from `wdhs.partners`). `resources/<slug>.md`: one knowledge item;
the text is its body. `attachments/`: the files that resources attach. The texts give general
information, not legal or tax advice; partners replace them with their own. Examples
("praktijkvoorbeeld") use made-up names and say so.
"""

from __future__ import annotations

import datetime
from functools import partial
from pathlib import Path

from django.core.files.base import ContentFile

from knowledge.models import Attachment, Organisation, Resource, StatusChange
from knowledge.uploads import CONTENT_TYPES
from wdhs.demo import Lookups, Record, apply_all, days_from_today, read, save_changed, set_related
from wdhs.partners import COALITION_PARTNERS, Partner

FOLDER = Path(__file__).resolve().parent
ORGANISATION_FIELDS = {"kind", "themes", "services", "contact"}
RESOURCE_FIELDS = {
    "title",
    "kind",
    "organisation",
    "audience",
    "province",
    "is_featured",
    "themes",
    "phases",
    "published_days_ago",
    "event_in_days",
    "event_place",
    "summary",
    "related",
    "attachments",
}
# Demo trainings and meetings are evening meetings.
EVENT_TIME = datetime.time(19, 30)


def load() -> str:
    """Load the partners, then the knowledge items with their relations, attachments and first status change."""
    lookups = Lookups()
    organisation_records = read(FOLDER / "organisations", fields=ORGANISATION_FIELDS)
    existing_organisations = Organisation.objects.prefetch_related("themes").in_bulk(field_name="slug")
    partners = {p.slug: p for p in COALITION_PARTNERS}
    organisations = dict(
        apply_all(
            organisation_records,
            partial(_apply_organisation, existing=existing_organisations, partners=partners, lookups=lookups),
        )
    )
    records = read(FOLDER / "resources", fields=RESOURCE_FIELDS)
    existing = Resource.objects.prefetch_related("themes", "phases", "related", "attachments").in_bulk(
        field_name="slug"
    )
    results = apply_all(
        records, partial(_apply_resource, existing=existing, organisations=organisations, lookups=lookups)
    )
    # A "zie ook" link may point to an item further down the folder: set the links once every item exists.
    by_slug = {resource.slug: (resource, created) for resource, created in results}
    apply_all(records, partial(_apply_related, by_slug=by_slug))
    made = sum(created for _, created in results)
    return f"{len(organisations)} organisaties, {len(records)} kennisitems ({made} nieuw)"


def _apply_organisation(
    record: Record, *, existing: dict[str, Organisation], partners: dict[str, Partner], lookups: Lookups
) -> tuple[str, Organisation]:
    partner = partners[record.slug]
    data = record.data
    organisation, created = save_changed(
        Organisation,
        existing.get(record.slug),
        {
            "slug": record.slug,
            "name": partner.name,
            "short_name": partner.short_name if partner.short_name != partner.name else "",
            "website": partner.website,
            "kind": data["kind"],
            "description": record.body,
            "services": "\n".join(data["services"]),
            "contact": data["contact"],
            "is_national": True,
        },
    )
    set_related(organisation, "themes", lookups.terms("theme", data["themes"]), created=created)
    return record.slug, organisation


def _apply_resource(
    record: Record, *, existing: dict[str, Resource], organisations: dict[str, Organisation], lookups: Lookups
) -> tuple[Resource, bool]:
    data = record.data
    published_at = days_from_today(-data["published_days_ago"])
    province = lookups.provinces[data["province"]] if "province" in data else None
    resource, created = save_changed(
        Resource,
        existing.get(record.slug),
        {
            "slug": record.slug,
            "title": data["title"],
            "kind": lookups.term("knowledge_kind", data["kind"]),
            "summary": data["summary"],
            "body": record.body + "\n",
            "organisation": organisations[data["organisation"]],
            "audience": data.get("audience", Resource.Audience.EVERYONE),
            "scope": Resource.Scope.PROVINCE if province else Resource.Scope.NATIONAL,
            "province": province,
            "municipality": None,
            "status": Resource.Status.PUBLISHED,
            "published_at": published_at,
            "last_reviewed_at": published_at,
            "is_featured": data.get("is_featured", False),
            "event_starts_at": (
                days_from_today(data["event_in_days"], at=EVENT_TIME) if "event_in_days" in data else None
            ),
            "event_place": data.get("event_place", ""),
        },
    )
    set_related(resource, "themes", lookups.terms("theme", data["themes"]), created=created)
    set_related(resource, "phases", lookups.terms("phase", data["phases"]), created=created)
    for spec in data.get("attachments", []):
        _attach(resource, FOLDER / "attachments" / spec["file"], spec["title"])
    if created:
        StatusChange.objects.create(
            resource=resource, to_status=Resource.Status.PUBLISHED, note="Voorbeeldinhoud geladen"
        )
    return resource, created


def _apply_related(record: Record, *, by_slug: dict[str, tuple[Resource, bool]]) -> None:
    resource, created = by_slug[record.slug]
    related = [by_slug[slug][0] for slug in record.data.get("related", [])]
    set_related(resource, "related", related, created=created)


def _attach(resource: Resource, path: Path, title: str) -> None:
    if any(a.original_name == path.name for a in resource.attachments.all()):
        return
    data = path.read_bytes()
    attachment = Attachment(
        resource=resource,
        title=title,
        original_name=path.name,
        content_type=CONTENT_TYPES[path.suffix.removeprefix(".")],
        size=len(data),
    )
    attachment.file.save(f"bijlage{path.suffix}", ContentFile(data), save=False)
    attachment.save()
