"""The counts of published knowledge items that the database keeps (wdhs/counts.py): total, per kind,
organisation, region, month of publication, theme and phase.

The region is kept as the item's own province ("p:<id>"), else its municipality ("m:<id>", whose province is
looked up when read), else "national": the same order as the region facet of /kennis/ (knowledge/filters.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wdhs import counts
from wdhs.facets import Paired

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
            # The facets of /kennis/: counts after one choice.
            paired=("kind", "organisation", "region", "theme", "phase"),
        )
    )


def total() -> int:
    return counts.total(KIND)


def facet(dim: str) -> Callable[[], dict[Any, int]]:
    """The counts of one dimension, keyed by the option's pk (as the list's facets count)."""
    return lambda: counts.by_key(KIND, dim)


def regions(national: str) -> dict[str, int]:
    """The counts per region as the region facet keys them: a province's slug, or `national`."""
    return keyed_regions(counts.of(KIND).get("region", {}), national)


def region_values(chosen: list[str], national: str) -> list[str] | None:
    """The kept values of the region dimension that the region facet's choices (slugs, or `national`) cover:
    the province itself and each of its municipalities; None for a province without municipalities."""
    places = counts.municipality_places()
    provinces = {slug: province for province, _, slug in places.values()}
    values = []
    for slug in chosen:
        if slug == national:
            values.append("national")
        elif slug in provinces:
            values.append(f"p:{provinces[slug]}")
            values.extend(f"m:{pk}" for pk in counts.municipalities_in([provinces[slug]]))
        else:
            return None
    return values


def keyed_regions(kept: dict[str, int], national: str) -> dict[str, int]:
    """Kept counts per region value ("p:<id>", "m:<id>", "national") keyed as the region facet keys them."""
    places = counts.municipality_places()
    slugs = {province: slug for province, _, slug in places.values()}
    found: dict[str, int] = {}
    for value, n in kept.items():
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


def paired(dim: str, *, link: bool = False) -> Paired:
    """A facet of /kennis/ in the pair counts (wdhs.facets.Paired): `dim` as registered above."""
    return Paired(KIND, dim, exclusive=not link)


def region_paired(national: str) -> Paired:
    """The region facet in the pair counts: its choices are slugs (or `national`), its keys too."""
    return Paired(
        KIND,
        "region",
        keyed=lambda kept: keyed_regions(kept, national),
        values=lambda chosen: region_values(chosen, national),
    )
