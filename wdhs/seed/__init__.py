"""Bulk test data for load tests and benchmarks: the engine behind `manage.py seed_bulk`. Imports no app.

Each app seeds its own rows in its `seed.py` (initiatives, knowledge, knowledge.funding,
knowledge.questions, goals) with a `Seeder`: a random generator with a fixed seed, the reference
data, ids reserved from the sequences and COPY. Every seeded row is marked, so a new run deletes the
previous one first and never touches demo or real content: slugs start with `seed-`, e-mail addresses
end in @seed.wdhs.example and questions carry `QUESTION_MARK` in their routing reason. See
docs/benchmarks-data.md.
"""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError, connection, models, transaction
from django.utils.formats import number_format
from django.utils.text import slugify
from psycopg.copy import QueuedLibpqWriter

from wdhs.models import Municipality, Province, Term, User
from wdhs.seed import words
from wdhs.seed.text import SearchVectors, Text

SLUG_PREFIX = "seed-"
SLUG_LIKE = SLUG_PREFIX + "%"
EMAIL_DOMAIN = "seed.wdhs.example"
QUESTION_MARK = "Testgegevens (seed_bulk)"
SHORT_NAMES = {"'s-Gravenhage": "Den Haag"}
# An unusable password (Django's marker is the leading "!"): nobody logs in as a seeded user.
NO_PASSWORD = "!seed_bulk"  # noqa: S105


class ProtectedRowsError(Exception):
    """Other content points to a seeded row through a protected link, so the seeded row cannot go."""


@dataclass(frozen=True, slots=True)
class TermRef:
    id: int
    slug: str
    name: str


@dataclass(frozen=True, slots=True)
class Place:
    """An active municipality with what the seed needs: its names and its province."""

    id: int
    name: str  # as the portal shows it: "Den Haag (’s-Gravenhage)"
    short_name: str  # as in a group's name: "Den Haag"
    province_id: int
    province_name: str
    search_names: str  # every name of the place and its province, as an initiative's `place_names`


@dataclass(frozen=True, slots=True)
class Person:
    id: int
    first_name: str
    last_name: str

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"


class Seeder:
    """What every app's seed module uses: randomness with a fixed seed, reference data, ids and COPY."""

    def __init__(self, cursor: Any, *, seed: int, now: datetime) -> None:
        self.cursor = cursor
        self.rng = random.Random(seed)  # noqa: S311 - test data, not secrets
        self.now = now
        self.vectors = SearchVectors(cursor)
        self.terms: dict[str, list[TermRef]] = {}
        for term in Term.objects.active().order_by("vocabulary", "position", "pk"):
            self.terms.setdefault(term.vocabulary, []).append(TermRef(term.pk, term.slug, term.name))
        self._terms = {(vocabulary, t.slug): t for vocabulary, terms in self.terms.items() for t in terms}
        self.provinces = list(Province.objects.order_by("pk"))
        self.places = [
            Place(
                m.pk,
                m.display_name,
                SHORT_NAMES.get(m.name, m.name),
                m.province_id,
                m.province.name,
                m.search_names[:255],
            )
            for m in Municipality.objects.active().select_related("province").order_by("pk")
        ]
        self._place_weights = list(_cumulative(_weight(m.name) for m in self.places))

    def term(self, vocabulary: str, slug: str) -> TermRef:
        return self._terms[vocabulary, slug]

    def places_for(self, count: int) -> list[Place]:
        """Municipalities for `count` rows, the large cities more often, as people live there."""
        return self.rng.choices(self.places, cum_weights=self._place_weights, k=count)

    def picker[T](self, weights: Mapping[T, int]) -> Callable[[], T]:
        """A function that picks one of the keys, each as often as its weight says."""
        items = list(weights)
        totals = list(_cumulative(weights.values()))
        total, random_ = totals[-1], self.rng.random
        return lambda: items[bisect(totals, random_() * total)]

    def some[T](self, items: Sequence[T], low: int, high: int) -> list[T]:
        return self.rng.sample(items, self.rng.randint(low, min(high, len(items))))

    def moment(self, *, days_ago: int, until_days_ago: int = 0) -> datetime:
        """A moment between `days_ago` and `until_days_ago` days before now."""
        seconds = self.rng.randint(until_days_ago * 86400, max(days_ago, until_days_ago) * 86400)
        return self.now - timedelta(seconds=seconds)

    def village(self) -> str:
        return self.rng.choice(words.VILLAGE_STARTS) + self.rng.choice(words.VILLAGE_ENDS)

    def neighbourhood(self) -> str:
        return self.rng.choice(words.NEIGHBOURHOODS)

    def ids(self, model: type[models.Model], count: int) -> list[int]:
        """Reserve `count` primary keys from the table's sequence, so related rows can be made before COPY."""
        if not count:
            return []
        self.cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [model._meta.db_table, column(model, "pk"), count],
        )
        return [row[0] for row in self.cursor.fetchall()]

    def copy(self, model: type[models.Model], fields: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
        """COPY rows (values in the order of `fields`, Django field names) into the model's table.

        A second thread sends the data, so PostgreSQL stores rows while this one still makes the next ones.
        """
        quote = connection.ops.quote_name
        columns = ", ".join(quote(column(model, name)) for name in fields)
        raw = self.cursor.cursor
        count = 0
        sql = f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN"
        with raw.copy(sql, writer=QueuedLibpqWriter(raw)) as copy:
            for row in rows:
                copy.write_row(row)
                count += 1
        return count

    def with_vectors(
        self, rows: Sequence[list[Any]], documents: Sequence[Sequence[tuple[Text, str]]]
    ) -> Iterator[list[Any]]:
        """The rows with the search vector of their document (parts: text, weight) as last value.

        The pieces are parsed now, in a few queries; the vectors are built as COPY asks for the rows.
        """
        self.vectors.learn(text for parts in documents for text, _ in parts)
        vector = self.vectors.vector
        return (row[:-1] + [vector(parts)] for row, parts in zip(rows, documents, strict=True))


def column(model: type[models.Model], name: str) -> str:
    """The database column of a model's field ("pk" for the primary key)."""
    field = model._meta.pk if name == "pk" else model._meta.get_field(name)
    if field is None or not isinstance(field, models.Field) or field.column is None:
        raise ValueError(f"{model._meta.label}.{name} has no column")
    return field.column


def number(value: int) -> str:
    """A count as Dutch readers write it: 100.000."""
    return number_format(value, force_grouping=True)


def _weight(name: str) -> int:
    if name in words.LARGE_CITIES:
        return words.LARGE_CITY_WEIGHT
    return words.CITY_WEIGHT if name in words.CITIES else 1


def _cumulative(weights: Iterable[int]) -> Iterator[int]:
    total = 0
    for weight in weights:
        total += weight
        yield total


def seed_users(seeder: Seeder, count: int) -> list[Person]:
    """Accounts that manage seeded initiatives or edit seeded organisations; they cannot log in."""
    rng = seeder.rng
    ids = seeder.ids(User, count)
    people = [Person(pk, rng.choice(words.FIRST_NAMES), rng.choice(words.LAST_NAMES)) for pk in ids]
    seeder.copy(
        User,
        [
            "id",
            "password",
            "is_superuser",
            "first_name",
            "last_name",
            "is_staff",
            "is_active",
            "date_joined",
            "email",
            "display_name",
        ],  # fmt: skip
        (
            (
                person.id,
                NO_PASSWORD,
                False,
                person.first_name,
                person.last_name,
                False,
                True,
                seeder.moment(days_ago=2000, until_days_ago=30),
                f"{slugify(person.first_name)}.{slugify(person.last_name)}.{n}@{EMAIL_DOMAIN}",
                person.name if rng.random() < 0.7 else "",
            )  # fmt: skip
            for n, person in enumerate(people, start=1)
        ),
    )
    return people


def remove_users(cursor: Any) -> int:
    return delete_rows(cursor, User, "email LIKE %s", ["%@" + EMAIL_DOMAIN])


@contextmanager
def triggers_off(cursor: Any, tables: Iterable[str]) -> Iterator[str]:
    """Switch off the per-row triggers of `tables` for this transaction, for writing in bulk; yields how.

    With `session_replication_role = replica` (a superuser, or the SET right on that setting) only this
    session skips them, the foreign-key checks included: `delete_rows` and the seed modules keep the
    links right themselves. Otherwise the tables' own triggers are disabled until the end of the block
    (ALTER TABLE, which locks them) and the foreign keys are checked as usual. Either way a rollback
    puts everything back.
    """
    # After an error the transaction rolls back, and with it the setting or the ALTER TABLE: nothing to undo here.
    try:
        with transaction.atomic():
            cursor.execute("SET LOCAL session_replication_role = replica")
    except DatabaseError:
        pass
    else:
        yield "session_replication_role = replica"
        cursor.execute("SET LOCAL session_replication_role = origin")
        return
    quote = connection.ops.quote_name
    cursor.execute(
        "SELECT DISTINCT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
        "WHERE NOT t.tgisinternal AND c.relname = ANY(%s) ORDER BY 1",
        [sorted(set(tables))],
    )
    with_triggers = [row[0] for row in cursor.fetchall()]
    # ALTER TABLE refuses while foreign-key checks of earlier writes are still pending: do them now.
    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    for table in with_triggers:
        cursor.execute(f"ALTER TABLE {quote(table)} DISABLE TRIGGER USER")
    cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    yield "ALTER TABLE ... DISABLE TRIGGER USER"
    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    for table in with_triggers:
        cursor.execute(f"ALTER TABLE {quote(table)} ENABLE TRIGGER USER")
    cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def delete_rows(cursor: Any, model: type[models.Model], where: str, params: Sequence[Any]) -> int:
    """Delete the rows of `model` that `where` selects, and what depends on them, by the model's on_delete rules.

    Django's `QuerySet.delete()` does the same row by row; this does it per table in one statement,
    which matters at 100,000 rows. Raises ProtectedRowsError when other content protects a row.
    """
    table = connection.ops.quote_name(model._meta.db_table)
    selected = f"SELECT {connection.ops.quote_name(column(model, 'pk'))} FROM {table} WHERE {where}"  # noqa: S608
    for field in model._meta.get_fields(include_hidden=True):
        if isinstance(field, GenericRelation):
            link = field.related_model
            content_type = ContentType.objects.get_for_model(model)
            delete_rows(
                cursor,
                link,
                f"{field.content_type_field_name}_id = %s AND {field.object_id_field_name} IN ({selected})",
                [content_type.pk, *params],
            )
        elif field.auto_created and not field.concrete and (field.one_to_many or field.one_to_one):
            _apply_on_delete(cursor, field.field, f"IN ({selected})", params)  # type: ignore[union-attr]
    cursor.execute(f"DELETE FROM {table} WHERE {where}", params)  # noqa: S608
    return cursor.rowcount


def _apply_on_delete(cursor: Any, foreign_key: Any, condition: str, params: Sequence[Any]) -> None:
    related = foreign_key.model
    column = connection.ops.quote_name(foreign_key.column)
    where = f"{column} {condition}"
    on_delete = foreign_key.remote_field.on_delete
    if on_delete is models.CASCADE:
        delete_rows(cursor, related, where, params)
    elif on_delete is models.SET_NULL:
        cursor.execute(
            f"UPDATE {connection.ops.quote_name(related._meta.db_table)} SET {column} = NULL WHERE {where}",  # noqa: S608
            params,
        )
    elif on_delete in (models.PROTECT, models.RESTRICT):
        cursor.execute(
            f"SELECT count(*) FROM {connection.ops.quote_name(related._meta.db_table)} WHERE {where}",  # noqa: S608
            params,
        )
        if count := cursor.fetchone()[0]:
            raise ProtectedRowsError(f"{count} × {related._meta.verbose_name_plural} ({related._meta.label})")
    elif on_delete is not models.DO_NOTHING:
        raise NotImplementedError(f"on_delete {on_delete.__name__} of {foreign_key}")
