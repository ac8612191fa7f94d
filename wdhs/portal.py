"""Extension points where the apps plug into the shared portal: home, navigation, /mijn/, sitemap, AVG export.

Each app registers its pieces in its AppConfig.ready(), so the base never imports an app and
an item appears only once its page exists.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.sitemaps import Sitemap
from django.db.models import Count, QuerySet
from django.db.models.functions import TruncMonth
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

ContextBuilder = Callable[[HttpRequest], dict[str, Any] | None]


@dataclass(frozen=True)
class Section:
    """A block on a page (home or /mijn/): a template and a function that gives its context, or None to hide it."""

    key: str
    order: int
    template: str
    context: ContextBuilder = field(default=lambda request: {})


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    order: int


HOME_SECTIONS: dict[str, Section] = {}
DASHBOARD_SECTIONS: dict[str, Section] = {}
SITEMAPS: dict[str, type[Sitemap] | Sitemap] = {}
PERSONAL_DATA: dict[str, Callable[[Any], Any]] = {}

# The main navigation of ../shared/PRODUCT.md; an item shows once its URL name exists.
NAVIGATION = [
    NavItem("Kennis", "knowledge:list", 10),
    NavItem("Initiatieven", "initiatives:list", 20),
    NavItem("Financiering", "funding:finder", 30),
    NavItem("Stel je vraag", "questions:ask", 40),
    NavItem("Doelen", "goals:index", 50),
]
# Where the header search box sends its query: the first URL name that exists.
SEARCH_TARGETS = ["search:results", "knowledge:list"]


def register_home_section(section: Section) -> None:
    HOME_SECTIONS[section.key] = section


def register_dashboard_section(section: Section) -> None:
    DASHBOARD_SECTIONS[section.key] = section


def register_sitemap(name: str, sitemap: type[Sitemap] | Sitemap) -> None:
    SITEMAPS[name] = sitemap


def register_personal_data(name: str, exporter: Callable[[Any], Any]) -> None:
    """An exporter gets a user and returns JSON-ready data about them (AVG right of access)."""
    PERSONAL_DATA[name] = exporter


def url_or_none(name: str, *args: Any) -> str | None:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def render_sections(sections: dict[str, Section], request: HttpRequest) -> list[dict[str, Any]]:
    rendered = []
    for section in sorted(sections.values(), key=lambda s: (s.order, s.key)):
        context = section.context(request)
        if context is not None:
            rendered.append({"key": section.key, "template": section.template, "context": context})
    return rendered


@dataclass(frozen=True)
class DemoLoader:
    """Loads an app's demo content; must be idempotent (a second run changes nothing)."""

    name: str
    order: int
    load: Callable[[], str]


DEMO_LOADERS: dict[str, DemoLoader] = {}


def register_demo_loader(loader: DemoLoader) -> None:
    DEMO_LOADERS[loader.name] = loader


@dataclass(frozen=True)
class Metric:
    """A number counted live from the portal's own data, for the goals' indicators.

    `current` gives today's value; `series` (optional) gives (date, value) points, oldest first,
    for a line chart, for example cumulative counts per month.
    """

    code: str
    label: str
    unit: str
    current: Callable[[], float]
    series: Callable[[], list[tuple[Any, float]]] | None = None


@dataclass(frozen=True)
class Breakdown:
    """A table counted live (for the staff dashboard): column headings and rows of values."""

    code: str
    label: str
    columns: tuple[str, ...]
    rows: Callable[[], list[tuple[Any, ...]]]


METRICS: dict[str, Metric] = {}
BREAKDOWNS: dict[str, Breakdown] = {}


def register_metric(metric: Metric) -> None:
    METRICS[metric.code] = metric


def register_breakdown(breakdown: Breakdown) -> None:
    BREAKDOWNS[breakdown.code] = breakdown


def monthly_cumulative(queryset: QuerySet, date_field: str) -> list[tuple[datetime.date, float]]:
    """Cumulative count at the start of each month in which rows were added, oldest first."""
    per_month = (
        queryset.annotate(month=TruncMonth(date_field, tzinfo=timezone.get_current_timezone()))
        .values("month")
        .annotate(n=Count("pk", distinct=True))
        .order_by("month")
    )
    total = 0
    points = []
    for row in per_month:
        total += row["n"]
        month = row["month"]
        points.append((month.date() if isinstance(month, datetime.datetime) else month, float(total)))
    return points
