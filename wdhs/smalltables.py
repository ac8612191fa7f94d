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

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Model, QuerySet, prefetch_related_objects
from django.db.models.query import ModelIterable

from wdhs import pagecache
from wdhs.models import Municipality, Province, Term

# What may be kept, and what each row brings with it (a municipality is always shown with its province).
_KEPT: dict[type[Model], tuple[str, ...]] = {Term: (), Municipality: ("province",), Province: ()}


def _kept_table(model: type[Model]) -> tuple[dict[int, Model], dict[int, int]]:
    """The kept rows of one small table by key, read once per process until the table changes, and each row's
    place in the model's ordering (to sort a relation's rows)."""
    related = _KEPT[model]

    def build() -> tuple[dict[int, Model], dict[int, int]]:
        rows = model._default_manager.all()
        by_key = {row.pk: row for row in (rows.select_related(*related) if related else rows)}
        return by_key, {key: place for place, key in enumerate(by_key)}

    kept: tuple[dict[int, Model], dict[int, int]] = pagecache.memo(
        ("small-table", model._meta.label), build, in_process=True
    )
    return kept


def is_small(model: type[Model]) -> bool:
    """Whether `model` is one of the small tables whose rows each process keeps."""
    return model in _KEPT


def kept_rows(model: type[Model]) -> list[Any]:
    """Every row of a small table (with what it brings), in the model's ordering: read once per process until the
    table changes, like the rows hung on a list's objects. Shared between requests: read them, do not change them."""
    return list(_kept_table(model)[0].values())


def _kept(meta: Any, names: Iterable[str]) -> dict[type[Model], dict[int, Model]]:
    """The kept rows of every small table that `names` point to, each read once."""
    models = {meta.get_field(name).related_model for name in names}
    return {model: _kept_table(model)[0] for model in models}


def attach(objects: Iterable[Model], names: Iterable[str]) -> None:
    """Hang the kept row on each object's foreign key `name`, as select_related would; a key the kept rows do not
    know (a row added a moment ago in another process) is left to load on first use."""
    objects = list(objects)
    if not objects:
        return
    meta = objects[0]._meta
    kept = _kept(meta, names)
    for name in names:
        field: Any = meta.get_field(name)
        rows = kept[field.related_model]
        for obj in objects:
            key = getattr(obj, field.attname)
            if key is not None and key in rows:
                field.set_cached_value(obj, rows[key])


def attach_many(models: Iterable[Model], names: Iterable[str]) -> None:
    """Fill the many-to-many relations `names` to a small table (themes, phases) from the kept rows, as
    prefetch_related would: one query per link table for the pairs of keys, no join, no model per link, no query
    per object when a template asks for `item.themes.all`."""
    objects: list[Any] = list(models)
    if not objects:
        return
    meta = objects[0]._meta
    keys = [obj.pk for obj in objects]
    for name in names:
        field: Any = meta.get_field(name)
        rows, place = _kept_table(field.related_model)
        through = field.remote_field.through._meta
        source, target = field.m2m_column_name(), field.m2m_reverse_name()
        linked: dict[Any, list[Model]] = {key: [] for key in keys}
        with connections[objects[0]._state.db or DEFAULT_DB_ALIAS].cursor() as cursor:
            cursor.execute(
                f'SELECT "{source}", "{target}" FROM "{through.db_table}" WHERE "{source}" = ANY(%s::bigint[])',  # noqa: S608
                [keys],
            )
            pairs = cursor.fetchall()
        missing = False
        for key, target_key in pairs:
            row = rows.get(target_key)
            if row is None:  # a row added a moment ago in another process: let Django read this relation
                missing = True
                break
            linked[key].append(row)
        if missing:
            prefetch_related_objects(objects, name)
            continue
        empty = field.related_model._default_manager.all()
        queryset_class = type(empty)
        for obj in objects:
            found = sorted(linked[obj.pk], key=lambda row: place[row.pk])  # the model's ordering
            # One query object shared by every row's list, not a clone each (forty per list page): a queryset
            # clones its query before any change, so none of them alters it.
            chosen = queryset_class(model=empty.model, query=empty.query, using=empty.db)
            chosen._result_cache = found
            chosen._prefetch_done = True
            obj._prefetched_objects_cache = getattr(obj, "_prefetched_objects_cache", {})
            obj._prefetched_objects_cache[name] = chosen


class SmallTablesQuerySet[M: Model](QuerySet[M]):
    """A queryset that hangs kept rows of small tables on its results (`with_small`)."""

    _small: tuple[str, ...] = ()
    _small_many: tuple[str, ...] = ()

    def with_small(self, *names: str) -> Self:
        """Like select_related for foreign keys to small tables (`_KEPT`): from the rows kept in the process where
        `memo` keeps values, else joined."""
        for name in names:
            target = self.model._meta.get_field(name).related_model
            assert target in _KEPT, f"{name} does not point to a small table"
        if not pagecache.shared_counts():
            kept: dict[Any, tuple[str, ...]] = _KEPT
            joined = ["__".join((name, *kept[self.model._meta.get_field(name).related_model])) for name in names]
            return self.select_related(*joined)
        clone: Any = self._chain()  # type: ignore[attr-defined]
        clone._small = (*self._small, *(name for name in names if name not in self._small))
        return clone

    def with_small_many(self, *names: str) -> Self:
        """Like prefetch_related for many-to-many relations to small tables: from the rows kept in the process
        where `memo` keeps values (`attach_many`), else prefetched."""
        for name in names:
            field = self.model._meta.get_field(name)
            assert field.many_to_many and field.related_model in _KEPT, f"{name} is no link to a small table"
        if not pagecache.shared_counts():
            return self.prefetch_related(*names)
        clone: Any = self._chain()  # type: ignore[attr-defined]
        clone._small_many = (*self._small_many, *(name for name in names if name not in self._small_many))
        return clone

    def _clone(self) -> Self:
        clone: Any = super()._clone()  # type: ignore[misc]
        clone._small = self._small
        clone._small_many = self._small_many
        return clone

    def _fetch_all(self) -> None:
        fresh = self._result_cache is None
        super()._fetch_all()
        if fresh and (self._small or self._small_many) and issubclass(self._iterable_class, ModelIterable):
            attach(self._result_cache or [], self._small)
            attach_many(self._result_cache or [], self._small_many)
