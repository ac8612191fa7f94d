from __future__ import annotations

from datetime import datetime

from django.contrib.sitemaps import Sitemap

from knowledge.models import Organisation, Resource


class ResourceSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.7

    def items(self) -> list[Resource]:
        return list(Resource.objects.published().only("slug", "updated_at").order_by("pk"))

    def lastmod(self, item: Resource) -> datetime:
        return item.updated_at


class OrganisationSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self) -> list[Organisation]:
        return list(Organisation.objects.only("slug", "updated_at").order_by("pk"))

    def lastmod(self, item: Organisation) -> datetime:
        return item.updated_at
