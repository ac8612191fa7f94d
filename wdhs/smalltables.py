"""The rows of the small tables (terms, municipalities with their province), kept in each process and hung on the
rows that a list reads, instead of joining those tables to every list query.

A page of initiatives joined three terms and a municipality with its province to every row: six tables, whose
join order PostgreSQL weighs anew for every query. At national size that planning took 3 ms, ten times the
execution (the rows come from an index in 0.3 ms). These tables hold a few hundred rows that change a few
times a year, so each process keeps them (`wdhs.pagecache.memo`, until one of their tables changes).

Where `memo` keeps nothing (WDHS_SHARED_COUNTS off, as in most tests) the query joins them as before: reading a
whole table per request would cost more than the join. `SmallTablesQuerySet.with_small` chooses.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Self

from django.db.models import Model, QuerySet
from django.db.models.query import ModelIterable

from wdhs import pagecache
from wdhs.models import Municipality, Province, Term

# What may be kept, and what each row brings with it (a municipality is always shown with its province).
_KEPT: dict[type[Model], tuple[str, ...]] = {Term: (), Municipality: ("province",), Province: ()}


def kept_rows(model: type[Model]) -> dict[int, Model]:
    """{primary key: row} of one small table, read once per process until the table changes."""
    related = _KEPT[model]

    def build() -> dict[int, Model]:
        rows = model._default_manager.all()
        return {row.pk: row for row in (rows.select_related(*related) if related else rows)}

    rows: dict[int, Model] = pagecache.memo(("small-table", model._meta.label), build, in_process=True)
    return rows


def attach(objects: Iterable[Model], names: Iterable[str]) -> None:
    """Hang the kept row on each object's foreign key `name`, as select_related would; a key the kept rows do not
    know (a row added a moment ago in another process) is left to load on first use."""
    objects = list(objects)
    if not objects:
        return
    meta = objects[0]._meta
    for name in names:
        field: Any = meta.get_field(name)
        rows = kept_rows(field.related_model)
        for obj in objects:
            key = getattr(obj, field.attname)
            if key is not None and key in rows:
                field.set_cached_value(obj, rows[key])


class SmallTablesQuerySet[M: Model](QuerySet[M]):
    """A queryset that hangs kept rows of small tables on its results (`with_small`)."""

    _small: tuple[str, ...] = ()

    def with_small(self, *names: str) -> Self:
        """Like select_related for foreign keys to small tables (`_KEPT`): from the rows kept in the process where
        `memo` keeps values, else joined."""
        for name in names:
            target = self.model._meta.get_field(name).related_model
            assert target in _KEPT, f"{name} does not point to a small table"
        if not pagecache.shared_counts():
            joined = [
                "__".join((name, *_KEPT[self.model._meta.get_field(name).related_model])) for name in names  # type: ignore[index]
            ]
            return self.select_related(*joined)
        clone = self._chain()
        clone._small = (*self._small, *(name for name in names if name not in self._small))
        return clone

    def _clone(self) -> Self:
        clone = super()._clone()  # type: ignore[misc]
        clone._small = self._small
        return clone  # type: ignore[no-any-return]

    def _fetch_all(self) -> None:
        fresh = self._result_cache is None
        super()._fetch_all()  # type: ignore[misc]
        if fresh and self._small and issubclass(self._iterable_class, ModelIterable):
            attach(self._result_cache or [], self._small)
