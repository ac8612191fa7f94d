"""`{% part_of_routes obj %}`: on a page that a route links to, "Deel van: Ik wil iets starten, stap 2 van 6"."""

from __future__ import annotations

from typing import Any

from django import template

from knowledge.routes.models import PartOfRoute, routes_linking_to

register = template.Library()


@register.inclusion_tag("routes/_part_of.html")
def part_of_routes(target: Any) -> dict[str, list[PartOfRoute]]:
    """The published routes whose steps link to `target` (a resource, scheme or organisation), in two queries."""
    return {"parts": routes_linking_to(target)}
