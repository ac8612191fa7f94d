"""Sitemaps: a sitemap index at /sitemap.xml with one section per kind, each split in files of LIMIT URLs."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.sitemaps import Sitemap
from django.db.models import Max, Model, QuerySet
from django.urls import reverse


class ModelSitemap(Sitemap):
    """A sitemap of model rows, read page by page from the database, never all at once.

    Subclasses give `queryset()`; `date_field` is the field that says when a row last changed.
    """

    # The protocol allows 50,000 URLs a file; smaller files are built fast enough to serve them uncached.
    limit = 5000
    changefreq = "monthly"
    date_field = "updated_at"

    def queryset(self) -> QuerySet[Any]:
        raise NotImplementedError

    def items(self) -> QuerySet[Any]:
        return self.queryset().order_by("pk")

    def lastmod(self, item: Model) -> datetime.datetime | None:
        value: datetime.datetime | None = getattr(item, self.date_field)
        return value

    def get_latest_lastmod(self) -> datetime.datetime | None:
        # Django's own version reads every row to find the newest; one aggregate does it in the database.
        latest: datetime.datetime | None = self.queryset().aggregate(latest=Max(self.date_field))["latest"]
        return latest


class StaticPagesSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self) -> list[str]:
        return ["home", "about", "privacy", "accessibility", "open_data", "contact"]

    def location(self, item: str) -> str:
        return reverse(item)
