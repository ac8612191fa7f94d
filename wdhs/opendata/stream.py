"""Downloads that stream: rows read in short keyset chunks and written as they come, in constant memory.

The same approach as the register's export (initiatives.exports): each chunk is its own short query that starts
after the last key of the one before, so a slow client holds no cursor and no transaction open, and the download
works behind a connection pooler in transaction mode. Cells go through wdhs.csvsafe (no formulas in a spreadsheet).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, StreamingHttpResponse
from django.utils import timezone

from wdhs import csvsafe

CHUNK = 2000

type Row = dict[str, Any]
type Columns = Sequence[tuple[str, str]]


def in_chunks(rows: QuerySet[Any], fields: Sequence[str], chunk: int | None = None) -> Iterator[dict[str, Any]]:
    """The rows of `rows` as dicts of `fields`, ordered by primary key, `chunk` at a time (keyset on the key)."""
    size = chunk or CHUNK
    ordered = rows.order_by("pk")
    after: Any = None
    while True:
        page = ordered if after is None else ordered.filter(pk__gt=after)
        batch = list(page.values(*fields, "pk")[:size])
        yield from batch
        if len(batch) < size:
            return
        after = batch[-1]["pk"]


class _Line:
    """What the CSV writer writes to: hands each formatted line back instead of keeping it."""

    def write(self, value: str) -> str:
        return value


def csv_lines(columns: Columns, rows: Iterator[Row]) -> Iterator[str]:
    yield "\ufeff"  # so spreadsheet programs read the accents right
    writer = csvsafe.DictWriter(_Line(), fieldnames=[name for name, _ in columns])
    yield writer.writeheader()
    for row in rows:
        yield writer.writerow(row)


def json_parts(head: dict[str, Any], key: str, rows: Iterator[Row]) -> Iterator[str]:
    # The object without its closing brace, then the list written row by row: valid JSON once complete.
    yield json.dumps(head, ensure_ascii=False, indent=2)[:-2] + f',\n  "{key}": ['
    separator = "\n    "
    for row in rows:
        yield separator + json.dumps(row, ensure_ascii=False, default=str)
        separator = ",\n    "
    yield "\n  ]\n}\n"


def streamed(parts: Iterator[str], content_type: str, filename: str, licence_link: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse((part.encode() for part in parts), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    if licence_link:
        response["Link"] = f'<{licence_link}>; rel="license"'
    response["Cache-Control"] = "public, max-age=300"
    return response


def iso_date(value: Any) -> str:
    """A date or moment as the date in Dutch time (YYYY-MM-DD); empty for none."""
    if not value:
        return ""
    if hasattr(value, "tzinfo"):
        return str(timezone.localtime(value).date().isoformat())
    return str(value.isoformat())


def iso_moment(value: Any) -> str:
    """A moment in Dutch time with its offset (ISO 8601); empty for none."""
    return timezone.localtime(value).isoformat(timespec="minutes") if value else ""


def joined(names: Sequence[str] | None) -> str:
    return "; ".join(name for name in names or [] if name)


type RowMaker = Callable[[HttpRequest], Iterator[Row]]
