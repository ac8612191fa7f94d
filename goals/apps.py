from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.http import HttpRequest


def _home_context(request: HttpRequest) -> dict[str, Any] | None:
    from goals.views import goal_cards

    cards = goal_cards()
    return {"cards": cards} if cards else None


def _staff_section(request: HttpRequest) -> dict[str, Any] | None:
    return {} if request.user.is_staff else None


def _personal_data(user: Any) -> dict[str, Any]:
    """What the goals app stores about a person: updates they wrote and measurements they entered."""
    from goals.models import Measurement, Update

    return {
        "voortgangsberichten": list(
            Update.objects.filter(author=user).values("title", "published_at", "is_published").order_by("pk")
        ),
        "metingen": list(
            Measurement.objects.filter(entered_by=user).values("indicator__name", "date", "value").order_by("pk")
        ),
    }


class GoalsConfig(AppConfig):
    name = "goals"
    verbose_name = "Doelen"

    def ready(self) -> None:
        from goals.demo import load_demo
        from goals.metrics import register_metrics
        from goals.sitemaps import GoalSitemap, UpdateSitemap
        from wdhs.portal import (
            DemoLoader,
            Section,
            register_dashboard_section,
            register_demo_loader,
            register_home_section,
            register_personal_data,
            register_sitemap,
        )

        register_metrics()
        register_home_section(Section("goals", 50, "goals/_home_section.html", context=_home_context))
        register_sitemap("doelen", GoalSitemap)
        register_sitemap("doelen-nieuws", UpdateSitemap)
        register_demo_loader(DemoLoader("doelen", 50, load_demo))
        register_dashboard_section(Section("goals", 90, "goals/_mijn_section.html", context=_staff_section))
        register_personal_data("doelen", _personal_data)
