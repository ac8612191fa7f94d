"""How the initiatives app plugs into the shared portal (home, /mijn/, sitemap, AVG export, demo, metrics)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib.sitemaps import Sitemap
from django.db.models import Count, Min
from django.db.models.functions import TruncMonth
from django.http import HttpRequest
from django.utils import timezone

from initiatives.models import Initiative
from wdhs.portal import (
    Breakdown,
    DemoLoader,
    Metric,
    Section,
    register_breakdown,
    register_dashboard_section,
    register_demo_loader,
    register_home_section,
    register_metric,
    register_personal_data,
    register_sitemap,
)


class InitiativeSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self) -> Any:
        return Initiative.objects.published().order_by("pk").only("slug", "updated_at")

    def lastmod(self, obj: Initiative) -> Any:
        return obj.updated_at


def home_context(request: HttpRequest) -> dict[str, Any] | None:
    """The province map with the total; hidden while nothing is published (an empty map helps nobody)."""
    from initiatives.views import province_counts, province_map

    counts = province_counts()
    if not counts:
        return None
    return {"map": province_map(counts)}


def dashboard_context(request: HttpRequest) -> dict[str, Any] | None:
    if not request.user.is_authenticated:
        return None
    from initiatives.recommend import suggestions_for

    initiatives = list(
        Initiative.objects.managed_by(request.user).select_related("municipality", "phase").order_by("name")
    )
    # Suggestions for the first few only: a person managing many initiatives still gets a fast page.
    recommended = [(i, suggestions_for(i)) for i in initiatives[:3] if i.status != "gearchiveerd"]
    return {"initiatives": initiatives, "recommended": [(i, s) for i, s in recommended if s]}


def personal_data(user: Any) -> dict[str, Any]:
    """The initiatives a person manages and the invitations they sent or received."""
    managed = [
        {
            "initiatief": m.initiative.name,
            "status": m.initiative.get_status_display(),
            "beheerder sinds": m.created_at.isoformat(),
        }
        for m in user.initiative_memberships.select_related("initiative")
    ]
    from initiatives.models import Invitation

    sent = [
        {"initiatief": i.initiative.name, "aan": i.email, "verstuurd": i.created_at.isoformat()}
        for i in Invitation.objects.filter(invited_by=user).select_related("initiative")
    ]
    received = [
        {"initiatief": i.initiative.name, "verstuurd": i.created_at.isoformat(), "geaccepteerd": i.accepted_at}
        for i in Invitation.objects.filter(email__iexact=user.email).select_related("initiative")
    ]
    return {"beheert": managed, "verstuurde uitnodigingen": sent, "ontvangen uitnodigingen": received}


def published_count() -> float:
    return float(Initiative.objects.published().count())


def published_series() -> list[tuple[date, float]]:
    """Cumulative number of published initiatives at the end of each month since the first publication."""
    per_month = dict(
        Initiative.objects.published()
        .exclude(published_at=None)
        .annotate(month=TruncMonth("published_at"))
        .values_list("month")
        .annotate(n=Count("pk"))
        .values_list("month", "n")
    )
    first = Initiative.objects.published().aggregate(first=Min("published_at"))["first"]
    if first is None:
        return []
    per_month = {m.date() if hasattr(m, "date") else m: n for m, n in per_month.items()}
    today = timezone.localdate()
    month = date(timezone.localtime(first).year, timezone.localtime(first).month, 1)
    total, series = 0, []
    while month <= today:
        total += per_month.get(month, 0)
        series.append((month, float(total)))
        month = date(month.year + (month.month == 12), month.month % 12 + 1, 1)
    return series


def municipalities_with_initiative() -> float:
    return float(Initiative.objects.published().values("municipality").distinct().count())


def by_province() -> list[tuple[Any, ...]]:
    return list(
        Initiative.objects.published()
        .order_by()
        .values_list("municipality__province__name")
        .annotate(n=Count("pk"))
        .order_by("municipality__province__name")
        .values_list("municipality__province__name", "n")
    )


def by_theme() -> list[tuple[Any, ...]]:
    return list(
        Initiative.objects.published()
        .order_by()
        .values_list("themes__name")
        .annotate(n=Count("pk", distinct=True))
        .exclude(themes__name=None)
        .order_by("-n", "themes__name")
        .values_list("themes__name", "n")
    )


def load_demo() -> str:
    from initiatives.demo import load

    return load()


def register() -> None:
    register_home_section(Section("map", 30, "initiatives/_home_section.html", home_context))
    register_dashboard_section(Section("initiatives", 20, "initiatives/_dashboard_section.html", dashboard_context))
    register_sitemap("initiatives", InitiativeSitemap)
    register_personal_data("initiatieven", personal_data)
    register_demo_loader(DemoLoader("initiatives", 30, load_demo))
    register_metric(
        Metric(
            code="initiatives.published",
            label="Gepubliceerde initiatieven",
            unit="initiatieven",
            current=published_count,
            series=published_series,
        )
    )
    register_metric(
        Metric(
            code="initiatives.municipalities_with_initiative",
            label="Gemeenten met minstens één gepubliceerd initiatief",
            unit="gemeenten",
            current=municipalities_with_initiative,
        )
    )
    register_breakdown(
        Breakdown(
            code="initiatives.by_province",
            label="Gepubliceerde initiatieven per provincie",
            columns=("Provincie", "Initiatieven"),
            rows=by_province,
        )
    )
    register_breakdown(
        Breakdown(
            code="initiatives.by_theme",
            label="Gepubliceerde initiatieven per thema",
            columns=("Thema", "Initiatieven"),
            rows=by_theme,
        )
    )
