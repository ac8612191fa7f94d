from __future__ import annotations

from django.db.models import QuerySet

from knowledge.routes.models import Route
from wdhs.sitemaps import ModelSitemap


class RouteSitemap(ModelSitemap):
    priority = 0.8

    def queryset(self) -> QuerySet[Route]:
        return Route.objects.published().only("slug", "updated_at")
