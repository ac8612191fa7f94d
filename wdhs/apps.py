from __future__ import annotations

from django.apps import AppConfig


class WdhsConfig(AppConfig):
    name = "wdhs"
    verbose_name = "Basis: accounts, plaatsen en taxonomie"

    def ready(self) -> None:
        from wdhs.portal import register_sitemap
        from wdhs.sitemaps import StaticPagesSitemap

        register_sitemap("paginas", StaticPagesSitemap)

        from wdhs.search_sources import register_builtin_sources

        register_builtin_sources()
