"""Loads the demo partners and knowledge from knowledge/demo_content.py; safe to run again."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from knowledge.demo_content import ORGANISATIONS, RESOURCES
from knowledge.models import Organisation, Resource, StatusChange
from wdhs.models import Province, Term
from wdhs.partners import COALITION_PARTNERS


def load() -> str:
    partners = {p.slug: p for p in COALITION_PARTNERS}
    themes = {t.slug: t for t in Term.objects.themes()}
    phases = {t.slug: t for t in Term.objects.phases()}
    kinds = {t.slug: t for t in Term.objects.knowledge_kinds()}
    organisations: dict[str, Organisation] = {}
    for slug, data in ORGANISATIONS.items():
        partner = partners.get(slug)
        organisation, _ = Organisation.objects.update_or_create(
            slug=slug,
            defaults={
                "name": partner.name if partner else data["name"],
                "short_name": partner.short_name if partner else data.get("short_name", ""),
                "website": partner.website if partner else data.get("website", ""),
                "kind": data["kind"],
                "description": data["description"],
                "services": data["services"],
                "contact": data["contact"],
                "is_national": True,
            },
        )
        organisation.themes.set([themes[t] for t in data["themes"] if t in themes])
        organisations[slug] = organisation

    now = timezone.now()
    made = 0
    slugs = {}
    for position, item in enumerate(RESOURCES):
        # Spread publication dates over the last two years, the first items newest.
        published_at = now - timedelta(days=5 + position * 17)
        province = Province.objects.get(slug=item["province"]) if item.get("province") else None
        resource, created = Resource.objects.update_or_create(
            slug=item["slug"],
            defaults={
                "title": item["title"],
                "kind": kinds[item["kind"]],
                "summary": item["summary"],
                "body": item["body"].strip(),
                "organisation": organisations[item["organisation"]],
                "audience": item.get("audience", Resource.Audience.EVERYONE),
                "scope": Resource.Scope.PROVINCE if province else Resource.Scope.NATIONAL,
                "province": province,
                "status": Resource.Status.PUBLISHED,
                "published_at": published_at,
                "last_reviewed_at": published_at if item.get("stale") is None else now - timedelta(days=400),
                "is_featured": item.get("featured", False),
                "event_starts_at": now + timedelta(days=item["event_in_days"]) if item.get("event_in_days") else None,
                "event_place": item.get("event_place", ""),
            },
        )
        if item.get("stale"):
            resource.published_at = now - timedelta(days=420)
            resource.save(update_fields=["published_at"])
        resource.themes.set([themes[t] for t in item["themes"]])
        resource.phases.set([phases[p] for p in item["phases"]])
        if created:
            StatusChange.objects.create(resource=resource, to_status=Resource.Status.PUBLISHED, note="Voorbeeldinhoud")
            made += 1
        slugs[item["slug"]] = resource
    for item in RESOURCES:
        related = [slugs[s] for s in item.get("related", []) if s in slugs]
        slugs[item["slug"]].related.set(related)
    return f"{len(organisations)} organisaties, {len(RESOURCES)} kennisitems ({made} nieuw)"
