from __future__ import annotations

import datetime

from django.contrib.sitemaps import Sitemap

from goals.models import Goal, Update


class GoalSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self) -> list[Goal]:
        return list(Goal.objects.all())


class UpdateSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.4

    def items(self) -> list[Update]:
        return list(Update.objects.published().select_related("goal"))

    def lastmod(self, item: Update) -> datetime.datetime:
        return item.published_at
