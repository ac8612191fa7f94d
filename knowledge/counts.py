"""The counts of published knowledge items that the database keeps (wdhs/counts.py): total, per kind,
organisation, region, month of publication, theme and phase.

The region is kept as the item's own province ("p:<id>"), else its municipality ("m:<id>", whose province is
looked up when read), else "national": the same order as the region facet of /kennis/ (knowledge/filters.py)."""

from __future__ import annotations

from wdhs import counts

KIND = "resource"


def register() -> None:
    from knowledge.models import Resource

    def column(name: str) -> str:
        return Resource._meta.get_field(name).column  # type: ignore[union-attr]

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
