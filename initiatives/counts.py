"""The counts of published initiatives that the database keeps (wdhs/counts.py): total, per municipality, kind,
legal form, phase, month of first publication, theme and need. Per province is summed from the municipalities
when read, so moving a municipality to another province needs no recount."""

from __future__ import annotations

from wdhs import counts

KIND = "initiative"


def register() -> None:
    from initiatives.models import Initiative, Status

    def column(name: str) -> str:
        return Initiative._meta.get_field(name).column  # type: ignore[union-attr]

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
        )
    )
