"""Demo task pages for `manage.py load_demo`: one Markdown file per route beside this module.

The file name is the route's slug (/aan-de-slag/<slug>/), the text its introduction. `steps` lists the steps in
order, each with a title, a short text and its links; a link names a knowledge item (`resource`), a funding
scheme (`scheme`) or an organisation (`organisation`) by slug, or a public page (`path`, with a `label`).
Loaded after the knowledge and funding demos, whose slugs it names. Safe to run again: a route whose steps are
unchanged is not written.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from knowledge.models import FundingScheme, Organisation, Resource
from knowledge.routes.models import Route, RouteStep, RouteStepLink
from wdhs.demo import Record, apply_all, read, save_changed

FOLDER = Path(__file__).resolve().parent
FIELDS = {"title", "summary", "position", "steps"}
STEP_FIELDS = {"title", "text", "links"}
LINK_FIELDS = {"resource", "scheme", "organisation", "path", "label", "note"}


def load() -> str:
    """Load every route with its steps and links; the pages they link to must be loaded first."""
    records = read(FOLDER, fields=FIELDS)
    targets: dict[str, dict[str, Any]] = {
        "resource": Resource.objects.in_bulk(field_name="slug"),
        "scheme": FundingScheme.objects.in_bulk(field_name="slug"),
        "organisation": Organisation.objects.in_bulk(field_name="slug"),
    }
    existing = Route.objects.with_steps().in_bulk(field_name="slug")
    made = sum(apply_all(records, partial(_apply, existing=existing, targets=targets)))
    return f"{len(records)} routes (aan de slag, {made} nieuw)"


def _apply(record: Record, *, existing: dict[str, Route], targets: dict[str, dict[str, Any]]) -> bool:
    data = record.data
    route, created = save_changed(
        Route,
        existing.get(record.slug),
        {
            "slug": record.slug,
            "title": data["title"],
            "summary": data["summary"],
            "intro": record.body.strip(),
            "position": data["position"],
            "is_published": True,
        },
    )
    wanted = [_step(spec, targets) for spec in data["steps"]]
    current = [] if created else [_shape(step) for step in route.steps.all()]
    if current != [(step, [_link_shape(link) for link in links]) for step, links in wanted]:
        route.steps.all().delete()
        for position, (step_values, links) in enumerate(wanted, start=1):
            step = RouteStep.objects.create(route=route, position=position * 10, **dict(step_values))
            for link_position, link in enumerate(links, start=1):
                link.step = step
                link.position = link_position * 10
                link.full_clean()
            RouteStepLink.objects.bulk_create(links)
    return created


def _step(
    spec: dict[str, Any], targets: dict[str, dict[str, Any]]
) -> tuple[tuple[tuple[str, str], ...], list[RouteStepLink]]:
    unknown = set(spec) - STEP_FIELDS
    if unknown:
        raise ValueError(f"onbekend veld in een stap: {', '.join(sorted(unknown))}")
    links = []
    for link in spec.get("links", []):
        if set(link) - LINK_FIELDS:
            raise ValueError(f"onbekend veld in een link: {', '.join(sorted(set(link) - LINK_FIELDS))}")
        links.append(
            RouteStepLink(
                resource=targets["resource"][link["resource"]] if "resource" in link else None,
                funding_scheme=targets["scheme"][link["scheme"]] if "scheme" in link else None,
                organisation=targets["organisation"][link["organisation"]] if "organisation" in link else None,
                path=link.get("path", ""),
                label=link.get("label", ""),
                note=link.get("note", ""),
            )
        )
    return (("title", spec["title"]), ("text", spec["text"].strip())), links


def _link_shape(link: RouteStepLink) -> tuple[Any, ...]:
    return (link.resource_id, link.funding_scheme_id, link.organisation_id, link.path, link.label, link.note)


def _shape(step: RouteStep) -> tuple[tuple[tuple[str, str], ...], list[tuple[Any, ...]]]:
    return (("title", step.title), ("text", step.text)), [_link_shape(link) for link in step.links.all()]
