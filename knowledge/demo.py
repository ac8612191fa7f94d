"""Loads the demo partners and knowledge from knowledge/demo_content.py; safe to run again."""

from __future__ import annotations

import io
import zipfile
from datetime import timedelta
from typing import Any
from xml.sax.saxutils import escape

from django.core.files.base import ContentFile
from django.utils import timezone

from knowledge.demo_content import ORGANISATIONS, RESOURCES
from knowledge.models import Attachment, Organisation, Resource, StatusChange
from knowledge.uploads import CONTENT_TYPES
from wdhs.models import Province, Term
from wdhs.partners import COALITION_PARTNERS

ODT_MIMETYPE = CONTENT_TYPES["odt"]


def odt_document(lines: list[str]) -> bytes:
    """A minimal OpenDocument text file with one paragraph per line (opens in LibreOffice and Word)."""
    paragraphs = "".join(f"<text:p>{escape(line)}</text:p>" for line in lines)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f"<office:body><office:text>{paragraphs}</office:text></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{ODT_MIMETYPE}"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        # The mimetype entry comes first and uncompressed, as the OpenDocument standard asks.
        archive.writestr(zipfile.ZipInfo("mimetype"), ODT_MIMETYPE, compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def _organisations() -> dict[str, Organisation]:
    partners = {p.slug: p for p in COALITION_PARTNERS}
    themes = {t.slug: t for t in Term.objects.themes()}
    organisations = {}
    for slug, data in ORGANISATIONS.items():
        partner = partners[slug]
        organisation, _ = Organisation.objects.update_or_create(
            slug=slug,
            defaults={
                "name": partner.name,
                "short_name": partner.short_name if partner.short_name != partner.name else "",
                "website": partner.website,
                "kind": data["kind"],
                "description": data["description"],
                "services": data["services"],
                "contact": data["contact"],
                "is_national": True,
            },
        )
        organisation.themes.set([themes[t] for t in data["themes"]])
        organisations[slug] = organisation
    return organisations


def _attach(resource: Resource, spec: dict[str, Any]) -> None:
    if resource.attachments.filter(original_name=spec["name"]).exists():
        return
    data = odt_document(spec["lines"])
    attachment = Attachment(
        resource=resource,
        title=spec["title"],
        original_name=spec["name"],
        content_type=ODT_MIMETYPE,
        size=len(data),
    )
    attachment.file.save("bijlage.odt", ContentFile(data), save=False)
    attachment.save()


def load() -> str:
    organisations = _organisations()
    themes = {t.slug: t for t in Term.objects.themes()}
    phases = {t.slug: t for t in Term.objects.phases()}
    kinds = {t.slug: t for t in Term.objects.knowledge_kinds()}
    provinces = {p.slug: p for p in Province.objects.all()}
    now = timezone.now()
    made = 0
    by_slug: dict[str, Resource] = {}
    for position, item in enumerate(RESOURCES):
        # Spread publication over the past year and a half, the first items newest; "stale" ones
        # were last checked more than a year ago, so editors see "nog actueel?".
        published_at = now - timedelta(days=420 if item.get("stale") else 2 + position * 6)
        province = provinces.get(item.get("province", ""))
        resource, created = Resource.objects.update_or_create(
            slug=item["slug"],
            defaults={
                "title": item["title"],
                "kind": kinds[item["kind"]],
                "summary": item["summary"],
                "body": item["body"].strip() + "\n",
                "organisation": organisations[item["organisation"]],
                "audience": item.get("audience", Resource.Audience.EVERYONE),
                "scope": Resource.Scope.PROVINCE if province else Resource.Scope.NATIONAL,
                "province": province,
                "municipality": None,
                "status": Resource.Status.PUBLISHED,
                "published_at": published_at,
                "last_reviewed_at": published_at,
                "is_featured": item.get("featured", False),
                "event_starts_at": (
                    (now + timedelta(days=item["event_in_days"])).replace(hour=19, minute=30, second=0, microsecond=0)
                    if item.get("event_in_days")
                    else None
                ),
                "event_place": item.get("event_place", ""),
            },
        )
        resource.themes.set([themes[t] for t in item["themes"]])
        resource.phases.set([phases[p] for p in item["phases"]])
        if item.get("file"):
            _attach(resource, item["file"])
        if created:
            StatusChange.objects.create(
                resource=resource, to_status=Resource.Status.PUBLISHED, note="Voorbeeldinhoud geladen"
            )
            made += 1
        by_slug[item["slug"]] = resource
    for item in RESOURCES:
        by_slug[item["slug"]].related.set([by_slug[s] for s in item.get("related", [])])
    return f"{len(organisations)} organisaties, {len(RESOURCES)} kennisitems ({made} nieuw)"
