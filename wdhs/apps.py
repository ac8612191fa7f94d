from __future__ import annotations

from django.apps import AppConfig


class WdhsConfig(AppConfig):
    name = "wdhs"
    verbose_name = "Basis: accounts, plaatsen en taxonomie"

    def ready(self) -> None:
        from wdhs.portal import register_sitemap
        from wdhs.sitemaps import StaticPagesSitemap

        register_sitemap("paginas", StaticPagesSitemap)

        from wdhs.portal import DemoLoader, register_demo_loader
        from wdhs.search_lexicon import load_demo_words
        from wdhs.search_sources import register_builtin_sources

        register_builtin_sources()
        # Last of the demo loaders: file the word forms of everything just loaded, so the first
        # search does not have to (seed commands write through triggers that only queue words).
        register_demo_loader(DemoLoader("zoekindex", 1000, load_demo_words))
