from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet

from goals.models import Goal, Update
from wdhs.sitemaps import ModelSitemap


class GoalSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self) -> list[Goal]:
        return list(Goal.objects.all())


class UpdateSitemap(ModelSitemap):
    priority = 0.4
    date_field = "published_at"

    def queryset(self) -> QuerySet[Update]:
        return Update.objects.published().select_related("goal")
