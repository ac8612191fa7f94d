from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.http import HttpRequest


def _home_context(request: HttpRequest) -> dict[str, Any] | None:
    from goals.views import goal_cards

    cards = goal_cards()
    return {"cards": cards} if cards else None


class GoalsConfig(AppConfig):
    name = "goals"
    verbose_name = "Doelen"

    def ready(self) -> None:
        from goals.demo import load_demo
        from goals.metrics import register_metrics
        from goals.sitemaps import GoalSitemap, UpdateSitemap
        from wdhs.portal import DemoLoader, Section, register_demo_loader, register_home_section, register_sitemap

        register_metrics()
        register_home_section(Section("goals", 50, "goals/_home_section.html", context=_home_context))
        register_sitemap("doelen", GoalSitemap)
        register_sitemap("doelen-nieuws", UpdateSitemap)
        register_demo_loader(DemoLoader("doelen", 50, load_demo))
