from __future__ import annotations

from typing import Any

from django.contrib.sitemaps import Sitemap

from initiatives.models import Initiative


class InitiativeSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self) -> Any:
        return Initiative.objects.published().order_by("pk").only("slug", "updated_at")

    def lastmod(self, obj: Initiative) -> Any:
        return obj.updated_at
