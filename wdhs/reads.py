"""How often a public page is read: one count per page per day, for the editors' "meest gelezen" (issue #14).

Privacy first (AVG): no cookie, no IP address, no account and no time of day is stored, only "page X was read
N times on day D" (wdhs.models.PageRead). Nobody can be recognised in that, so it needs no consent.

How a read is counted, cheap at national traffic:

- A detail view marks its response with `mark(response, page)`: a header naming the page. The header travels
  with the page into the page cache (wdhs/pagecache.py), so a page served from the cache, where no view runs,
  still counts.
- `ReadCounterMiddleware` sits just outside the page cache. It takes the header off every response (visitors
  never see it) and, for a real read, adds one to the row of (page, today) in ONE statement
  (INSERT ... ON CONFLICT DO UPDATE SET count = count + 1), in autocommit, after the page was made: never in
  the transaction of anything else, never with a lock held longer than that one row. The table is not content
  (pagecache.NOT_CONTENT): a read never empties the page cache.
- Not counted: HEAD, anything but a 200, a browser prefetch, a request without a user agent or with one of a
  bot (a short list of words, BOT_WORDS), a logged-in staff member, and an editor or manager reading their own
  page (the view does not mark it: `mark(..., counted=False)`). Unpublished pages are not marked either (an
  editor's preview).
- A count that fails (the database briefly away) is logged and dropped: the reader still gets the page.

The rows of a deleted page stay until the retention period ends (wdhs/retention.py, "page_reads"); every read of
the rows looks up the pages that still exist.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, models
from django.db.models import Q, Sum
from django.http import HttpRequest, HttpResponseBase
from django.utils import timezone

from wdhs.models import PageRead

logger = logging.getLogger(__name__)

HEADER = "X-Wdhs-Read"
# Crawlers, link previews, monitors and scripts name themselves with one of these words; browsers never do.
BOT_WORDS = re.compile(
    r"bot|crawl|spider|slurp|archiver|preview|monitor|uptime|check|scan|fetch|feed|curl|wget|python|java/|"
    r"go-http|okhttp|libwww|httpclient|axios|node-fetch|headless|lighthouse|facebookexternalhit|whatsapp|"
    r"telegram|slack|discord|embedly|pinterest",
    re.IGNORECASE,
)
MOST_READ_DAYS = 30

UPSERT = (
    "INSERT INTO wdhs_pageread (content_type_id, object_id, day, count) VALUES (%s, %s, %s, 1) "
    "ON CONFLICT (content_type_id, object_id, day) DO UPDATE SET count = wdhs_pageread.count + 1"
)


def mark[R: HttpResponseBase](response: R, page: models.Model, *, counted: bool = True) -> R:
    """Mark `response` as a read of `page` (a public detail page); `counted=False` for its own editors."""
    if counted:
        content_type = ContentType.objects.get_for_model(page)
        response[HEADER] = f"{content_type.pk}:{page.pk}"
    return response


def is_bot(user_agent: str) -> bool:
    return not user_agent.strip() or BOT_WORDS.search(user_agent) is not None


def _is_staff(request: HttpRequest) -> bool:
    # On a page from the cache the session middleware never ran: no user, so an anonymous reader.
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated and user.is_staff)


def is_a_read(request: HttpRequest, response: HttpResponseBase) -> bool:
    """Whether this response is a person reading the page (see the module docstring for what is left out)."""
    if request.method != "GET" or response.status_code != 200:
        return False
    purpose = request.headers.get("Sec-Purpose", "") or request.headers.get("Purpose", "")
    if "prefetch" in purpose.lower():
        return False
    if is_bot(request.headers.get("User-Agent", "")):
        return False
    return not _is_staff(request)


def record(content_type_id: int, object_id: int, day: date | None = None) -> None:
    """Add one read of the page to today's row: one statement, in autocommit, on the primary database."""
    day = day or timezone.localdate()
    connection = connections[DEFAULT_DB_ALIAS]
    with connection.cursor() as cursor:
        cursor.execute(UPSERT, [content_type_id, object_id, day])


def _parse(value: str) -> tuple[int, int] | None:
    content_type, _, object_id = value.partition(":")
    if not (content_type.isdigit() and object_id.isdigit()):
        return None
    return int(content_type), int(object_id)


class ReadCounterMiddleware:
    """Counts the reads the views marked, also of pages from the page cache; sits just outside PageCacheMiddleware."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        value = response.get(HEADER)
        if value is None:
            return response
        del response[HEADER]
        if not is_a_read(request, response):
            return response
        page = _parse(value)
        if page is None:
            return response
        connection = connections[DEFAULT_DB_ALIAS]
        if connection.in_atomic_block:
            # Inside a transaction (a test's, or ATOMIC_REQUESTS): count when it commits, never hold it up.
            connection.on_commit(lambda: self._count(page))
        else:
            self._count(page)
        return response

    @staticmethod
    def _count(page: tuple[int, int]) -> None:
        try:
            record(*page)
        except DatabaseError:
            logger.warning("Leesteller niet bijgewerkt", exc_info=True)


# --- reading the counts ---


@dataclass(frozen=True)
class Pages:
    """A set of pages of one model: `pks` is a list or a `values("pk")` subquery."""

    model: type[models.Model]
    pks: Any


def since(days: int = MOST_READ_DAYS) -> date:
    """The first day of the last `days` days, today included."""
    return timezone.localdate() - timedelta(days=days - 1)


def most_read(pages: Iterable[Pages], *, days: int = MOST_READ_DAYS, limit: int = 10) -> list[tuple[Any, int]]:
    """The `limit` most-read of `pages` in the last `days` days, as (page, reads), most read first.

    One query for the counts (the unique index (content type, page, day) serves it), then one per model for
    the pages that still exist.
    """
    condition = Q()
    models_by_type: dict[int, type[models.Model]] = {}
    for group in pages:
        content_type = ContentType.objects.get_for_model(group.model)
        models_by_type[content_type.pk] = group.model
        condition |= Q(content_type=content_type, object_id__in=group.pks)
    if not models_by_type:
        return []
    rows = list(
        PageRead.objects.filter(condition, day__gte=since(days))
        .values("content_type", "object_id")
        .annotate(total=Sum("count"))
        .order_by("-total", "content_type", "object_id")[: limit * 2]
    )
    wanted: dict[int, list[int]] = {}
    for row in rows:
        wanted.setdefault(row["content_type"], []).append(row["object_id"])
    found = {
        (content_type, obj.pk): obj
        for content_type, pks in wanted.items()
        for obj in models_by_type[content_type]._default_manager.filter(pk__in=pks)
    }
    result = [
        (found[(row["content_type"], row["object_id"])], row["total"])
        for row in rows
        if (row["content_type"], row["object_id"]) in found
    ]
    return result[:limit]


def purge_before(day: date) -> int:
    """Delete the daily rows before `day` (the retention period); returns how many went."""
    deleted, _ = PageRead.objects.filter(day__lt=day).delete()
    return deleted
