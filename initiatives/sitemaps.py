from __future__ import annotations

from django.db.models import QuerySet

from initiatives.models import Initiative
from wdhs.sitemaps import ModelSitemap


class InitiativeSitemap(ModelSitemap):
    priority = 0.6
    url_name = "initiatives:detail"

    def queryset(self) -> QuerySet[Initiative]:
        return Initiative.objects.published().only("slug", "updated_at")
