"""Demo content as data: the one reader of the Markdown files with front matter under each app's `demo/`.

Each file is one record: the YAML front matter holds the fields, the Markdown after it the long text,
and the file name (without `.md`) is the record's slug, so `ls` shows the URLs the demo makes. The
apps keep their own small `apply` code (`<app>/demo/__init__.py`); this module reads, checks and
hands over, and offers the helpers that make a second run write nothing. It imports no app.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import frontmatter
import yaml
from django.db.models import Field, Model
from django.utils import timezone

from wdhs.models import Municipality, Province, Term

# Demo dates are whole days relative to the day of loading, at a fixed hour: a second run on the same
# day then finds nothing to change, and a run on a later day moves the demo along with the calendar.
DEMO_HOUR = datetime.time(10, 0)


class DemoDataError(Exception):
    """A demo file that cannot be read or applied; the message names the file and says what is wrong."""


@dataclass(frozen=True)
class Record:
    """One demo file: its slug (the file name), its front matter and its Markdown text."""

    path: Path
    data: dict[str, Any]
    body: str

    @property
    def slug(self) -> str:
        return self.path.stem


def read(folder: Path, *, fields: Collection[str]) -> list[Record]:
    """All `*.md` files of a folder, sorted by name, each checked for front matter and unknown fields."""
    records = []
    for path in sorted(folder.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        if not frontmatter.checks(text):
            raise DemoDataError(f"{path}: het bestand begint niet met velden tussen twee regels '---'.")
        try:
            post = frontmatter.loads(text)
        except yaml.YAMLError as error:
            raise DemoDataError(f"{path}: de velden bovenaan zijn geen geldige YAML ({error}).") from error
        unknown = sorted(set(post.metadata) - set(fields))
        if unknown:
            raise DemoDataError(
                f"{path}: onbekend veld {', '.join(unknown)}. Bekende velden: {', '.join(sorted(fields))}."
            )
        records.append(Record(path=path, data=dict(post.metadata), body=post.content))
    return records


def apply_all[T](records: Iterable[Record], apply: Callable[[Record], T]) -> list[T]:
    """Hand each record to an app's apply function; a missing field, unknown slug or missing file names the file."""
    results = []
    for record in records:
        try:
            results.append(apply(record))
        except KeyError as error:
            raise DemoDataError(f"{record.path}: ontbrekend veld of onbekende waarde {error}.") from error
        except ValueError as error:
            raise DemoDataError(f"{record.path}: ongeldige waarde ({error}).") from error
        except FileNotFoundError as error:
            raise DemoDataError(f"{record.path}: het bestand {error.filename} bestaat niet.") from error
    return results


class Lookups:
    """The shared reference data that demo files name (terms, provinces, municipalities), each read once per load."""

    @cached_property
    def _terms(self) -> dict[tuple[str, str], Term]:
        return {(t.vocabulary, t.slug): t for t in Term.objects.all()}

    @cached_property
    def provinces(self) -> dict[str, Province]:
        """Provinces by slug."""
        return {p.slug: p for p in Province.objects.all()}

    @cached_property
    def municipalities(self) -> dict[str, Municipality]:
        """Municipalities by their CBS name, as people write them."""
        return {m.name: m for m in Municipality.objects.select_related("province")}

    def term(self, vocabulary: str, slug: str) -> Term:
        """One term; an unknown slug raises KeyError naming the vocabulary and the slug."""
        return self._terms[(vocabulary, slug)]

    def terms(self, vocabulary: str, slugs: Iterable[str]) -> list[Term]:
        """The terms for a list of slugs of one vocabulary."""
        return [self.term(vocabulary, slug) for slug in slugs]


def days_from_today(days: int, *, at: datetime.time = DEMO_HOUR) -> datetime.datetime:
    """A moment `days` days after today (negative: before), at a fixed local hour."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, at))


def save_changed[M: Model](model: type[M], existing: M | None, values: dict[str, Any]) -> tuple[M, bool]:
    """Create the object, or save only the fields of the existing one that differ; returns (object, created).

    Relations are compared by primary key, so nothing is fetched per field and an unchanged record
    costs no query.
    """
    if existing is None:
        return model._default_manager.create(**values), True
    changed = []
    for name, value in values.items():
        field = model._meta.get_field(name)
        assert isinstance(field, Field), f"{name} is a relation from another model; see set_related()"
        current = getattr(existing, field.attname)
        wanted = value.pk if field.is_relation and value is not None else value
        if current != wanted:
            setattr(existing, name, value)
            changed.append(name)
    if changed:
        # An edited demo file is an edit: the "bijgewerkt" date moves with it.
        changed += [f.name for f in model._meta.concrete_fields if getattr(f, "auto_now", False)]
        existing.save(update_fields=changed)
    return existing, False


def set_related(instance: Model, name: str, objects: Iterable[Model], *, created: bool) -> None:
    """Set a many-to-many relation with as few queries as possible.

    A new object's rows are added without reading first; an existing object's relation, read with
    `prefetch_related`, is written only when it differs, so an unchanged one costs no query.
    """
    manager = getattr(instance, name)
    wanted = list(objects)
    if created:
        manager.add(*wanted)
        return
    prefetched = getattr(instance, "_prefetched_objects_cache", {})
    # Without prefetched rows set() reads the current ones itself, and it writes only the difference.
    if name not in prefetched or {o.pk for o in prefetched[name]} != {o.pk for o in wanted}:
        manager.set(wanted)
