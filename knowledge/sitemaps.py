"""The sitemap sections of knowledge: published resources and the partner organisations."""

from __future__ import annotations

from django.db.models import QuerySet

from knowledge.models import Organisation, Resource
from wdhs.sitemaps import ModelSitemap


class ResourceSitemap(ModelSitemap):
    priority = 0.7
    url_name = "knowledge:detail"

    def queryset(self) -> QuerySet[Resource]:
        return Resource.objects.published().only("slug", "updated_at")


class OrganisationSitemap(ModelSitemap):
    priority = 0.5
    url_name = "knowledge:organisation_detail"

    def queryset(self) -> QuerySet[Organisation]:
        return Organisation.objects.only("slug", "updated_at")
