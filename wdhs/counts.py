"""Counts kept by the database: how many published rows each kind has, in total and per facet value.

The home page and the unfiltered list pages show counts over every published initiative or knowledge item: the
total, per theme, municipality, kind, phase, organisation, month. Counting 100,000 rows again after every saved
initiative made the first page after a write take a second. Instead, PostgreSQL keeps the numbers in
`wdhs_content_count` (one row per kind, dimension and value), changed by triggers in the same transaction as the
rows themselves: a form, the admin, `queryset.update()`, `bulk_create`, raw SQL and another server all count, and
a reader never sees a number that does not match the rows it can see.

An app describes its kind once (`register(Source(...))`, from its AppConfig.ready); after every migrate
`install()` (re)creates the trigger functions from those descriptions and counts everything once again
(`rebuild`), which also repairs any drift. How a change is counted: each statement-level trigger reads the rows
the statement changed (transition tables), turns each published row into its items (dimension, value), counts
+1 for the new rows and -1 for the old ones, and adds the sums that are not 0. An update that changes nothing
counted (a description) writes nothing here. A link table (themes) counts +1/-1 for links of a published row;
Django deletes the links of a row before the row itself, so a deleted row leaves no theme counted.

Pairs: a list after one choice (a theme) shows the counts of every other facet among those rows, and after two
choices each chosen facet counts among the rows of the other. Counting those rows took 15-40 ms per facet at
national size. So a source's `paired` dimensions are also kept in pairs, under the kind "<kind>/pairs": per value
of one dimension ("theme:7" as dim) the number of published rows with each value of another ("municipality:12"
as value), both ways round; `pairs()` reads them for the chosen values (wdhs/facets.py `Paired`). The same
triggers keep them: a row pairs its own values and its links as they are now; a link added or taken away pairs
with the other values of its row as they are then, so links written one table after the other count each pair
once.

Not counted through triggers: a TRUNCATE (counted again at once), and a bulk load with triggers off
(`seed_bulk` calls `rebuild`). Two transactions that at the same moment change the status of one row and its
links can miss each other's link; the daily job `recount` (wdhs/jobs.py) counts everything again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, models, transaction

from wdhs import pagecache

TABLE = "wdhs_content_count"
TOTAL = ""  # the dimension (and value) of the total
PAIRS = "/pairs"  # the kind of a source's pair counts: "<kind>/pairs"


@dataclass(frozen=True)
class Source:
    """One kind of counted rows.

    model: the counted model. published: SQL condition on alias `r` for a row that counts (its status).
    dims: dimension -> SQL expression on `r` giving the value as text (NULL: not counted in that dimension).
    links: dimension -> name of a many-to-many field of `model`; each link of a published row counts its target.
    """

    kind: str
    model: type[models.Model]
    published: str
    dims: dict[str, str] = field(default_factory=dict)
    links: dict[str, str] = field(default_factory=dict)
    # The dimensions (own or links) counted in pairs: per value of one, the counts of every other (`pairs`).
    paired: tuple[str, ...] = ()

    @property
    def table(self) -> str:
        return self.model._meta.db_table

    def link_tables(self) -> list[tuple[str, str, str, str]]:
        """(dimension, link table, column to the row, column to the target) of every link dimension."""
        found = []
        for dim, name in self.links.items():
            m2m = self.model._meta.get_field(name)
            through = m2m.remote_field.through  # type: ignore[union-attr]
            source = through._meta.get_field(m2m.m2m_field_name()).column  # type: ignore[union-attr]
            target = through._meta.get_field(m2m.m2m_reverse_field_name()).column  # type: ignore[union-attr]
            found.append((dim, through._meta.db_table, source, target))
        return found

    def row_items(self, rows: str, sign: int) -> str:
        """SQL giving (dim, value, n) for the published rows of the relation `rows`: its own dimensions and links."""
        quote = connections[DEFAULT_DB_ALIAS].ops.quote_name
        values = ", ".join([f"('{TOTAL}', '{TOTAL}')", *(f"('{dim}', {expr})" for dim, expr in self.dims.items())])
        parts = [
            f"SELECT d.dim, d.value, {sign} AS n FROM {rows} r CROSS JOIN LATERAL (VALUES {values}) AS d(dim, value)"
            f" WHERE ({self.published}) AND d.value IS NOT NULL"
        ]
        for dim, table, source, target in self.link_tables():
            parts.append(
                f"SELECT '{dim}', l.{quote(target)}::text, {sign} FROM {rows} r"
                f" JOIN {quote(table)} l ON l.{quote(source)} = r.{quote(self.pk_column)} WHERE ({self.published})"
            )
        return " UNION ALL ".join(parts)

    def link_items(self, dim: str, target: str, source: str, links: str, sign: int) -> str:
        """SQL giving (dim, value, n) for the links in the relation `links` whose row is published."""
        quote = connections[DEFAULT_DB_ALIAS].ops.quote_name
        return (
            f"SELECT '{dim}', l.{quote(target)}::text, {sign} FROM {links} l"
            f" JOIN {quote(self.table)} r ON r.{quote(self.pk_column)} = l.{quote(source)} WHERE ({self.published})"
        )

    def paired_items(self, rows: str) -> str:
        """SQL giving (id, dim, value) of the paired dimensions of the published rows of `rows` (links as now)."""
        quote = connections[DEFAULT_DB_ALIAS].ops.quote_name
        pk = quote(self.pk_column)
        values = ", ".join(f"('{dim}', {expr})" for dim, expr in self.dims.items() if dim in self.paired)
        parts = []
        if values:
            parts.append(
                f"SELECT r.{pk} AS id, d.dim, d.value FROM {rows} r"
                f" CROSS JOIN LATERAL (VALUES {values}) AS d(dim, value)"
                f" WHERE ({self.published}) AND d.value IS NOT NULL"
            )
        for dim, table, source, target in self.link_tables():
            if dim in self.paired:
                parts.append(
                    f"SELECT r.{pk}, '{dim}', l.{quote(target)}::text FROM {rows} r"
                    f" JOIN {quote(table)} l ON l.{quote(source)} = r.{pk} WHERE ({self.published})"
                )
        return " UNION ALL ".join(parts)

    def row_pairs(self, rows: str, sign: int) -> str:
        """SQL giving (dim, value, n) of the pairs of the published rows of `rows`: for each two items of a row in
        different dimensions, "dim:value" of the one as dim and of the other as value (both ways round)."""
        return (
            f"SELECT * FROM (WITH i AS MATERIALIZED ({self.paired_items(rows)})"
            f" SELECT a.dim || ':' || a.value, b.dim || ':' || b.value, {sign}"
            f" FROM i a JOIN i b ON b.id = a.id AND b.dim <> a.dim) AS pairs"
        )

    def link_pairs(self, dim: str, target: str, source: str, links: str, sign: int) -> str:
        """SQL giving (dim, value, n) of the pairs that the links in `links` make with the other items of their
        (published) rows, both ways round. A link added or taken away pairs with the row's items as they are now,
        so links written one table after the other count each pair once (see `row_pairs`)."""
        quote = connections[DEFAULT_DB_ALIAS].ops.quote_name
        pk = quote(self.pk_column)
        rows = f"(SELECT * FROM {quote(self.table)} WHERE {pk} IN (SELECT id FROM l))"
        return (
            f"SELECT * FROM (WITH l AS MATERIALIZED (SELECT c.{quote(source)} AS id, '{dim}' AS dim,"
            f" c.{quote(target)}::text AS value FROM {links} c),"
            f" i AS MATERIALIZED ({self.paired_items(rows)})"
            f" SELECT l.dim || ':' || l.value, i.dim || ':' || i.value, {sign}"
            f" FROM l JOIN i ON i.id = l.id AND i.dim <> l.dim"
            f" UNION ALL SELECT i.dim || ':' || i.value, l.dim || ':' || l.value, {sign}"
            f" FROM l JOIN i ON i.id = l.id AND i.dim <> l.dim) AS pairs"
        )

    @property
    def pk_column(self) -> str:
        assert self.model._meta.pk is not None
        return str(self.model._meta.pk.column)


SOURCES: dict[str, Source] = {}


def register(source: Source) -> None:
    SOURCES[source.kind] = source


def _apply(kind: str, items: str) -> str:
    """SQL adding the summed items to the counts, in a fixed order (two writers lock the rows in the same order)."""
    return (
        f"INSERT INTO {TABLE} (kind, dim, value, n) "
        f"SELECT '{kind}', dim, value, SUM(n) FROM ({items}) AS delta(dim, value, n) "
        f"GROUP BY dim, value HAVING SUM(n) <> 0 ORDER BY dim, value "
        f"ON CONFLICT (kind, dim, value) DO UPDATE SET n = {TABLE}.n + EXCLUDED.n"
    )


def _function(name: str, body_insert: str, body_delete: str, body_update: str, rebuild: str) -> str:
    return f"""
CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        {body_insert};
    ELSIF TG_OP = 'DELETE' THEN
        {body_delete};
    ELSIF TG_OP = 'UPDATE' THEN
        {body_update};
    ELSE
        PERFORM {rebuild};
    END IF;
    RETURN NULL;
END
$$;
"""


def _triggers(name: str, table: str, function: str) -> list[str]:
    """One statement-level trigger per operation (a trigger with transition tables has only one event)."""
    return [
        f"CREATE OR REPLACE TRIGGER {name}_ins AFTER INSERT ON {table} REFERENCING NEW TABLE AS new_rows"
        f" FOR EACH STATEMENT EXECUTE FUNCTION {function}()",
        f"CREATE OR REPLACE TRIGGER {name}_del AFTER DELETE ON {table} REFERENCING OLD TABLE AS old_rows"
        f" FOR EACH STATEMENT EXECUTE FUNCTION {function}()",
        f"CREATE OR REPLACE TRIGGER {name}_upd AFTER UPDATE ON {table} REFERENCING OLD TABLE AS old_rows"
        f" NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION {function}()",
        f"CREATE OR REPLACE TRIGGER {name}_trunc AFTER TRUNCATE ON {table}"
        f" FOR EACH STATEMENT EXECUTE FUNCTION {function}()",
    ]


def _rebuild_sql(source: Source) -> str:
    statements = [
        f"DELETE FROM {TABLE} WHERE kind IN ('{source.kind}', '{source.kind}{PAIRS}')",
        _apply(source.kind, source.row_items(source.table, 1)),
    ]
    if source.paired:
        statements.append(_apply(f"{source.kind}{PAIRS}", source.row_pairs(source.table, 1)))
    return "; ".join(statements)


def _both(source: Source, items: str, pairs: str) -> str:
    """The statements that add `items` to the counts of `source` and, when it pairs dimensions, `pairs` to its
    pair counts (in this order, as every writer: two writers lock the rows in the same order)."""
    if not source.paired:
        return _apply(source.kind, items)
    return f"{_apply(source.kind, items)}; {_apply(f'{source.kind}{PAIRS}', pairs)}"


def install_sql(source: Source) -> list[str]:
    """The functions and triggers that keep the counts of `source` (safe to run again)."""
    quote = connections[DEFAULT_DB_ALIAS].ops.quote_name
    kind = source.kind
    rebuild = f"wdhs_count_rebuild_{kind}()"
    statements = [
        f"CREATE OR REPLACE FUNCTION wdhs_count_rebuild_{kind}() RETURNS void LANGUAGE sql AS $$ "
        f"{_rebuild_sql(source)} $$",
        _function(
            f"wdhs_count_{kind}",
            _both(source, source.row_items("new_rows", 1), source.row_pairs("new_rows", 1)),
            _both(source, source.row_items("old_rows", -1), source.row_pairs("old_rows", -1)),
            _both(
                source,
                f"{source.row_items('new_rows', 1)} UNION ALL {source.row_items('old_rows', -1)}",
                f"{source.row_pairs('new_rows', 1)} UNION ALL {source.row_pairs('old_rows', -1)}",
            ),
            rebuild,
        ),
        *_triggers("wdhs_count", quote(source.table), f"wdhs_count_{kind}"),
    ]
    for dim, table, row_column, target in source.link_tables():
        function = f"wdhs_count_{kind}_{dim}"
        new = source.link_items(dim, target, row_column, "new_rows", 1)
        old = source.link_items(dim, target, row_column, "old_rows", -1)
        if dim in source.paired:
            new_pairs = source.link_pairs(dim, target, row_column, "new_rows", 1)
            old_pairs = source.link_pairs(dim, target, row_column, "old_rows", -1)
            bodies = (
                _both(source, new, new_pairs),
                _both(source, old, old_pairs),
                _both(source, f"{new} UNION ALL {old}", f"{new_pairs} UNION ALL {old_pairs}"),
            )
        else:
            bodies = (_apply(kind, new), _apply(kind, old), _apply(kind, f"{new} UNION ALL {old}"))
        statements.append(_function(function, *bodies, rebuild))
        statements.extend(_triggers("wdhs_count", quote(table), function))
    return statements


def install(using: str = DEFAULT_DB_ALIAS) -> None:
    """(Re)create the triggers of every registered kind and count everything once (after every migrate)."""
    connection = connections[using]
    with transaction.atomic(using=using), connection.cursor() as cursor:
        existing = set(connection.introspection.table_names(cursor))
        if TABLE not in existing:
            return
        for source in SOURCES.values():
            if source.table not in existing:
                continue
            for statement in install_sql(source):
                cursor.execute(statement)
        rebuild(cursor)


def after_migrate(using: str = DEFAULT_DB_ALIAS, **kwargs: Any) -> None:
    install(using)


def rebuild(cursor: Any) -> None:
    """Count every kind again from its rows (a bulk load with triggers off, a repair). The table is locked for the
    moment of counting: a writer that counted before waits to commit first, one that comes after waits for us."""
    cursor.execute(f"LOCK TABLE {TABLE} IN EXCLUSIVE MODE")
    for source in SOURCES.values():
        cursor.execute(f"SELECT wdhs_count_rebuild_{source.kind}()")


def recount() -> None:
    """Count everything again (the daily job; also repairs what two simultaneous writers may have missed)."""
    with transaction.atomic(), connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        rebuild(cursor)
        # Processes keep the counts until a counted table changes (`of`): a repair must reach them too. The lock
        # order of the content triggers: the version of all content first, then the tables' own rows.
        tables = [table for source in SOURCES.values() for table in _tables(source)]
        cursor.execute(
            "INSERT INTO wdhs_content_version (id, version) VALUES (1, nextval('wdhs_content_version_seq')) "
            "ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version"
        )
        cursor.execute(
            "UPDATE wdhs_table_version SET version = currval('wdhs_content_version_seq') WHERE name = ANY(%s)",
            [tables],
        )


def _tables(source: Source) -> tuple[str, ...]:
    """The tables whose rows `source` counts: its own and its link tables."""
    return (source.table, *(table for _, table, _, _ in source.link_tables()))


Counts = dict[str, dict[str, int]]  # dimension -> value -> number of published rows


def of(kind: str) -> Counts:
    """Every kept count of `kind`: {dimension: {value: n}} (values with 0 left out); the total under TOTAL.

    One small query (hundreds to a few thousand rows), kept in this process until any content changes."""

    def read() -> Counts:
        from wdhs.models import ContentCount

        found: Counts = {}
        rows = ContentCount.objects.filter(kind=kind, n__gt=0).values_list("dim", "value", "n")
        for dim, value, n in rows:
            found.setdefault(dim, {})[value] = n
        return found

    tables = _tables(SOURCES[kind])
    pagecache.note_read(tables)  # also when the counts come from this request's copy
    kept: Counts = pagecache.per_request(
        f"content-counts:{kind}",
        lambda: pagecache.memo(("content-counts", kind), read, in_process=True, depends_on=tables),
    )
    return kept


def total(kind: str) -> int:
    return of(kind).get(TOTAL, {}).get(TOTAL, 0)


def by_key(kind: str, dim: str, key: Callable[[str], Any] = int) -> dict[Any, int]:
    """The counts of one dimension with their values turned into keys (an option's primary key by default)."""
    return {key(value): n for value, n in of(kind).get(dim, {}).items()}


def pairs(kind: str, dim: str, values: Iterable[str]) -> Counts:
    """The counts of every other paired dimension among the published rows that have `dim` at one of `values`:
    {other dimension: {value: n}}, summed over `values` (exact when a row holds one value of `dim` at most, as a
    foreign key; a link dimension is exact for one value only).

    One query on the key of the pair counts, kept in this process until a counted table changes."""
    keys = tuple(sorted({f"{dim}:{value}" for value in values}))

    def read() -> Counts:
        from wdhs.models import ContentCount

        found: Counts = {}
        rows = ContentCount.objects.filter(kind=f"{kind}{PAIRS}", dim__in=keys, n__gt=0).values_list("value", "n")
        for pair, n in rows:
            other, _, value = pair.partition(":")
            bucket = found.setdefault(other, {})
            bucket[value] = bucket.get(value, 0) + n
        return found

    tables = _tables(SOURCES[kind])
    pagecache.note_read(tables)
    kept: Counts = pagecache.memo(("content-pairs", kind, keys), read, in_process=True, depends_on=tables)
    return kept


def month_expression(column: str) -> str:
    """SQL for the month (YYYY-MM, in the portal's time zone) of a timestamp column on alias `r`."""
    return f"to_char(r.{column} AT TIME ZONE '{settings.TIME_ZONE}', 'YYYY-MM')"


Place = tuple[int, str, str]  # a municipality's province: pk, code, slug


def municipality_places() -> dict[int, Place]:
    """{municipality pk: (province pk, code, slug)}: one query, kept in this process until the places change."""
    from wdhs.models import Municipality

    def read() -> dict[int, Place]:
        rows = Municipality.objects.values_list("pk", "province_id", "province__code", "province__slug")
        return {pk: (province, code, slug) for pk, province, code, slug in rows}

    kept: dict[int, Place] = pagecache.per_request(
        "municipality-places", lambda: pagecache.memo(("municipality-places",), read, in_process=True)
    )
    return kept


def per_province(kind: str, dim: str = "municipality", key: int = 0) -> dict[Any, int]:
    """{province: n}, summed from the counts per municipality; the province as its pk (key 0), code (1) or slug (2)."""
    return summed_per_province(of(kind).get(dim, {}), key)


def summed_per_province(per_municipality: dict[str, int], key: int = 0) -> dict[Any, int]:
    """{province: n} from kept counts per municipality (pk as text); the province as in `per_province`."""
    places = municipality_places()
    found: dict[Any, int] = {}
    for municipality, n in per_municipality.items():
        place = places.get(int(municipality))
        if place is not None:
            found[place[key]] = found.get(place[key], 0) + n
    return found


def municipalities_in(provinces: Iterable[int]) -> list[str]:
    """The pks (as kept: text) of the municipalities in the given provinces (pks)."""
    wanted = set(provinces)
    return [str(pk) for pk, place in municipality_places().items() if place[0] in wanted]


def months(kind: str) -> list[tuple[str, int]]:
    """[(YYYY-MM, n)] of the months with publications, oldest first."""
    return sorted(of(kind).get("month", {}).items())
