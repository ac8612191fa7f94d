from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class StaticPagesSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self) -> list[str]:
        return ["home", "about", "privacy", "accessibility", "open_data", "contact"]

    def location(self, item: str) -> str:
        return reverse(item)
