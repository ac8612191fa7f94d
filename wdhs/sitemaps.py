"""Sitemaps: a sitemap index at /sitemap.xml with one section per kind, each split in files of LIMIT URLs.

At national size (100,000 initiatives) Django's own views cost a second per file: an object, a `reverse()` and a
template loop for every URL, and for the index a count and a MAX over every published row per section. Here a
ModelSitemap reads only the two columns it writes (path and date) and writes its XML directly; the count and the
newest date that the index needs are kept until the content changes (wdhs.pagecache.memo).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as django_views
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import connections
from django.db.models import CharField, Max, Model, QuerySet
from django.db.models.functions import Cast, TruncDate
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from wdhs import pagecache

SLUG_SLOT = "wdhs-sitemap-slug"


class _KeptCountPaginator(Paginator):
    """A Paginator whose count is kept until the content changes (the index asks it of every section)."""

    def __init__(self, object_list: Any, per_page: int, name: str) -> None:
        super().__init__(object_list, per_page)
        self.name = name

    @cached_property
    def count(self) -> int:
        rows: QuerySet[Any] = self.object_list  # type: ignore[assignment]  # always a queryset here
        counted: int = pagecache.memo(("sitemap-count", self.name), rows.count)
        return counted


class ModelSitemap(Sitemap):
    """A sitemap of model rows, read page by page from the database, never all at once.

    Subclasses give `queryset()` and `url_name`, a URL with one argument: the row's slug. `date_field` is the field
    that says when a row last changed.
    """

    # The protocol allows 50,000 URLs a file; smaller files are built fast enough to serve them uncached.
    limit = 5000
    changefreq = "monthly"
    date_field = "updated_at"
    priority: float | None = None
    url_name = ""

    def queryset(self) -> QuerySet[Any]:
        raise NotImplementedError

    def items(self) -> QuerySet[Any]:
        return self.queryset().order_by("pk")

    def lastmod(self, item: Model) -> datetime.datetime | None:
        value: datetime.datetime | None = getattr(item, self.date_field)
        return value

    @property
    def paginator(self) -> Paginator:
        return _KeptCountPaginator(self.items(), self.limit, type(self).__name__)

    def get_latest_lastmod(self) -> datetime.datetime | None:
        # Django's own version reads every row to find the newest; one aggregate does it in the database, once
        # per content version.
        def latest() -> datetime.datetime | None:
            value: datetime.datetime | None = self.queryset().aggregate(latest=Max(self.date_field))["latest"]
            return value

        kept: datetime.datetime | None = pagecache.memo(("sitemap-latest", type(self).__name__), latest)
        return kept

    def starts(self) -> list[Any]:
        """The first key of each file, kept until the content changes: a file is then read from its first key on
        (from the index), not by skipping every row of the files before it."""

        def compute() -> list[Any]:
            keys = self.items().values_list("pk", flat=True)
            sql, params = keys.query.sql_with_params()
            # Only our own names go into the text; the values stay parameters.
            every = (
                f"SELECT key FROM (SELECT keys.*, row_number() OVER () AS n FROM ({sql}) AS keys(key)) AS numbered"  # noqa: S608
                " WHERE n %% %s = 1 ORDER BY key"
            )
            with connections[keys.db].cursor() as cursor:
                cursor.execute(every, (*params, self.limit))
                return [row[0] for row in cursor.fetchall()]

        kept: list[Any] = pagecache.memo(("sitemap-starts", type(self).__name__, self.limit), compute)
        return kept

    def xml(self, page: Any, base: str) -> tuple[str, datetime.datetime | None]:
        """The file `page` of this section as XML, and the newest date in it (for Last-Modified).

        Two columns per row (slug, date) by primary key, one `reverse()` for the whole file; the values are
        escaped like Django's template does (slugs hold only letters, digits, '-' and '_', dates are digits).
        """
        number = self.paginator.validate_number(page)
        starts = self.starts()
        if not starts:
            return "", None  # an empty section has one empty file, as with Django's view
        if number > len(starts):
            raise EmptyPage
        # The date as text in the portal's time zone, as Django's template writes it, made by the database.
        day = Cast(TruncDate(self.date_field, tzinfo=timezone.get_current_timezone()), CharField())
        rows = self.items().filter(pk__gte=starts[number - 1])
        if number < len(starts):
            rows = rows.filter(pk__lt=starts[number])
        before, _, after = reverse(self.url_name, args=[SLUG_SLOT]).partition(SLUG_SLOT)
        prefix, suffix = f"<url><loc>{base}{before}", f"{after}</loc>"
        priority = f"<priority>{self.priority}</priority>" if self.priority else ""
        tail = f"<changefreq>{self.changefreq}</changefreq>{priority}</url>"
        parts = [
            f"{prefix}{_escape(slug)}{suffix}<lastmod>{changed}</lastmod>{tail}"
            if changed
            else f"{prefix}{_escape(slug)}{suffix}{tail}"
            for slug, changed in rows.values_list("slug", day)
        ]
        newest: datetime.datetime | None = rows.aggregate(newest=Max(self.date_field))["newest"]
        return "\n".join(parts), newest


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


XML_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)


@require_safe
def section(
    request: HttpRequest, sitemaps: dict[str, Any], section: str, content_type: str = "application/xml"
) -> HttpResponse:
    """One file of one section (/sitemap-initiatieven.xml?p=2): written directly for a ModelSitemap, by Django's
    view for the small sections (pages, goals)."""
    site = sitemaps.get(section)
    if site is None:
        raise Http404("Deze sitemap bestaat niet.")
    if callable(site):
        site = site()
    if not isinstance(site, ModelSitemap) or not site.url_name:
        response: HttpResponse = django_views.sitemap(request, sitemaps, section=section, content_type=content_type)
        return response
    try:
        body, newest = site.xml(request.GET.get("p", 1), f"{site.get_protocol(request.scheme)}://{request.get_host()}")
    except (EmptyPage, PageNotAnInteger) as exc:
        raise Http404("Deze pagina van de sitemap bestaat niet.") from exc
    text = f"{XML_HEAD}{body}\n</urlset>\n" if body else f"{XML_HEAD}</urlset>\n"
    response = HttpResponse(text, content_type=content_type)
    response["X-Robots-Tag"] = "noindex, noodp, noarchive"
    if newest is not None:
        response["Last-Modified"] = http_date(newest.timestamp())
    return response


class StaticPagesSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self) -> list[str]:
        return ["home", "about", "privacy", "accessibility", "open_data", "contact"]

    def location(self, item: str) -> str:
        return reverse(item)
