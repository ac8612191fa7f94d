"""The staff work queue on the first screen of /beheer/: what waits for someone, how many, and since when.

The lines come from the apps, which register them in their AppConfig.ready() (like wdhs.metrics and
wdhs.search.registry); the base imports no app. A line counts its rows in one fixed query (count, the
oldest moment and, when there is exactly one, that row's key), read through an index: at national size
(100,000 initiatives) a line must never read the whole table. Staff see only the lines they may act on
(`permission`).

The lines, in the order staff see them (ORDER): a code that is not registered is left out. "feedback" is
the spot for reader feedback and error reports on pages ("Was deze pagina nuttig?", "Meld een fout"):
the app that stores them registers a QueueLine with that code and nothing here changes.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Min, QuerySet
from django.urls import reverse
from django.utils import timezone

ORDER: tuple[str, ...] = (
    "initiatives.new",
    "initiatives.changed",
    "initiatives.duplicates",
    "initiatives.reports",
    "feedback",  # reader feedback and error reports on pages (registered by the feedback app)
    "questions.overdue",
    "knowledge.review",
    "knowledge.past_review_date",
)


@dataclass(frozen=True)
class QueueCount:
    """What one line shows: how many, the oldest moment they wait since, and where the line opens."""

    count: int
    oldest: datetime.datetime | None
    url: str

    @property
    def age_days(self) -> int | None:
        if self.oldest is None:
            return None
        return max(0, (timezone.localdate() - timezone.localdate(self.oldest)).days)


@dataclass(frozen=True)
class QueueLine:
    """One kind of work: `measure` counts it (one query); `permission` ("app.codename") decides who sees it."""

    code: str
    label: str
    permission: str
    measure: Callable[[], QueueCount]
    help_text: str = ""


LINES: dict[str, QueueLine] = {}


def register_queue_line(line: QueueLine) -> None:
    LINES[line.code] = line


def lines_for(user: Any) -> list[tuple[QueueLine, QueueCount]]:
    """The registered lines this user may act on, in ORDER (unknown codes last), each measured once."""
    rank = {code: i for i, code in enumerate(ORDER)}
    lines = sorted(LINES.values(), key=lambda line: (rank.get(line.code, len(ORDER)), line.code))
    return [(line, line.measure()) for line in lines if user.has_perm(line.permission)]


def measure_queryset(
    queryset: QuerySet[Any],
    *,
    since: Any,
    changelist: str,
    change: str,
    query: str = "",
) -> QueueCount:
    """Count `queryset` in one query, with the oldest `since`; one row opens its change page, more the list.

    `changelist` and `change` are admin URL names ("admin:initiatives_initiative_changelist"); `query` is the
    filter for the list ("status__exact=ingediend"); `since` a field name or an expression.
    """
    row = queryset.order_by().aggregate(count=Count("pk"), oldest=Min(since), one=Min("pk"))
    count = row["count"] or 0
    url = reverse(change, args=[row["one"]]) if count == 1 else reverse(changelist) + (f"?{query}" if query else "")
    return QueueCount(count=count, oldest=row["oldest"], url=url)


def age_text(days: int | None) -> str:
    """ "vandaag", "1 dag", "12 dagen": the age of the oldest item in words."""
    if days is None:
        return "—"
    if days == 0:
        return "vandaag"
    return f"{days} dag" if days == 1 else f"{days} dagen"
