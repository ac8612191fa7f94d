"""The counts of published knowledge items that the database keeps (wdhs/counts.py): total, per kind,
organisation, region, month of publication, theme and phase.

The region is kept as the item's own province ("p:<id>"), else its municipality ("m:<id>", whose province is
looked up when read), else "national": the same order as the region facet of /kennis/ (knowledge/filters.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wdhs import counts

KIND = "resource"


def register() -> None:
    from knowledge.models import Resource

    def column(name: str) -> str:
        return str(Resource._meta.get_field(name).column)  # type: ignore[union-attr]

    province, municipality = column("province"), column("municipality")
    counts.register(
        counts.Source(
            kind=KIND,
            model=Resource,
            published=f"r.{column('status')} = '{Resource.Status.PUBLISHED.value}'",
            dims={
                "kind": f"r.{column('kind')}::text",
                "organisation": f"r.{column('organisation')}::text",
                "region": f"CASE WHEN r.{province} IS NOT NULL THEN 'p:' || r.{province}"
                f" WHEN r.{municipality} IS NOT NULL THEN 'm:' || r.{municipality} ELSE 'national' END",
                "month": counts.month_expression(column("published_at")),
            },
            links={"theme": "themes", "phase": "phases"},
        )
    )


def total() -> int:
    return counts.total(KIND)


def facet(dim: str) -> Callable[[], dict[Any, int]]:
    """The counts of one dimension, keyed by the option's pk (as the list's facets count)."""
    return lambda: counts.by_key(KIND, dim)


def regions(national: str) -> dict[str, int]:
    """The counts per region as the region facet keys them: a province's slug, or `national`."""
    places = counts.municipality_places()
    slugs = {province: slug for province, _, slug in places.values()}
    found: dict[str, int] = {}
    for value, n in counts.of(KIND).get("region", {}).items():
        if value == "national":
            key = national
        elif value.startswith("p:"):
            key = slugs.get(int(value[2:]), "")
        else:
            place = places.get(int(value[2:]))
            key = place[2] if place else ""
        if key:
            found[key] = found.get(key, 0) + n
    return found
