from __future__ import annotations

from django.db.models import QuerySet

from knowledge.funding.models import FundingScheme
from wdhs.sitemaps import ModelSitemap


class FundingSchemeSitemap(ModelSitemap):
    priority = 0.6
    url_name = "funding:detail"

    def queryset(self) -> QuerySet[FundingScheme]:
        return FundingScheme.objects.active().only("slug", "updated_at")
