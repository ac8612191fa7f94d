from __future__ import annotations

from datetime import datetime

from django.contrib.sitemaps import Sitemap

from knowledge.funding.models import FundingScheme


class FundingSchemeSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self) -> list[FundingScheme]:
        return list(FundingScheme.objects.active().only("slug", "updated_at").order_by("pk"))

    def lastmod(self, item: FundingScheme) -> datetime:
        return item.updated_at
