"""The counts of published initiatives that the database keeps (wdhs/counts.py): total, per municipality, kind,
legal form, phase, month of first publication, theme and need. Per province is summed from the municipalities
when read, so moving a municipality to another province needs no recount."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wdhs import counts
from wdhs.facets import Paired

KIND = "initiative"


def register() -> None:
    from initiatives.models import Initiative, Status

    def column(name: str) -> str:
        return str(Initiative._meta.get_field(name).column)  # type: ignore[union-attr]

    counts.register(
        counts.Source(
            kind=KIND,
            model=Initiative,
            published=f"r.{column('status')} = '{Status.PUBLISHED.value}'",
            dims={
                "municipality": f"r.{column('municipality')}::text",
                "kind": f"r.{column('kind')}::text",
                "legal_form": f"r.{column('legal_form')}::text",
                "phase": f"r.{column('phase')}::text",
                "month": counts.month_expression(column("published_at")),
            },
            links={"theme": "themes", "need": "needs"},
            # The facets of /initiatieven/ (the province from the municipality): counts after one choice.
            paired=("municipality", "kind", "legal_form", "phase", "theme", "need"),
        )
    )


def total() -> int:
    return counts.total(KIND)


def facet(dim: str) -> Callable[[], dict[Any, int]]:
    """The counts of one dimension, keyed by the option's pk (as the list's facets count)."""
    return lambda: counts.by_key(KIND, dim)


def per_province(key: int = 0) -> dict[Any, int]:
    """{province pk (or code, key=1): n}."""
    return counts.per_province(KIND, key=key)


def paired(dim: str, *, link: bool = False) -> Paired:
    """A facet of /initiatieven/ in the pair counts (wdhs.facets.Paired): `dim` as registered above."""
    return Paired(KIND, dim, exclusive=not link)


# The province facet is kept as the municipality: its choices are the municipalities in the chosen provinces.
PROVINCE = Paired(
    KIND,
    "municipality",
    keyed=counts.summed_per_province,
    values=lambda provinces: counts.municipalities_in(province.pk for province in provinces),
)
