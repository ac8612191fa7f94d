from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from goals.charts import Chart, bar_chart, line_chart
from goals.dates import format_month
from goals.links import public_linked_objects
from goals.models import Goal, Indicator, Measurement, Regulation, Update
from goals.progress import indicator_status, live_points, year_over_text
from wdhs import csvsafe, pagecache
from wdhs.adminsite import MFA_REQUIRED_MESSAGE
from wdhs.metrics import BREAKDOWNS, METRICS
from wdhs.models import User

# The tables the dashboard always shows, also before the app that fills them is installed.
EXPECTED_BREAKDOWNS = [
    ("initiatives.by_province", "Initiatieven per provincie"),
    ("initiatives.by_theme", "Initiatieven per thema"),
    ("knowledge.by_organisation", "Kennis per partner"),
]
UPDATES_ON_GOAL_PAGE = 10
# The goal whose page shows the legislation tracker (goals.Regulation).
LAWS_GOAL = 3


def _goals_with_indicators() -> QuerySet[Goal]:
    measurements = Prefetch("measurements", queryset=Measurement.objects.order_by("date", "pk"))
    indicators = Prefetch("indicators", queryset=Indicator.objects.prefetch_related(measurements))
    return Goal.objects.prefetch_related(indicators)


def goal_cards() -> list[dict[str, Any]]:
    """Each goal with the status of its main indicator; shared by /doelen/ and the home page."""
    cards = []
    for goal in _goals_with_indicators():
        main = goal.main_indicator()
        cards.append({"goal": goal, "main": indicator_status(main) if main else None})
    return cards


def home_context(request: HttpRequest) -> dict[str, Any] | None:
    """The goals block on the home page."""
    cards = goal_cards()
    return {"cards": cards} if cards else None


def dashboard_context(request: HttpRequest) -> dict[str, Any] | None:
    """On /mijn/: a link to the goals dashboard, for those who may see it."""
    return {} if request.user.has_perm("goals.view_dashboard") else None


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "goals/index.html", {"cards": goal_cards(), "this_year": timezone.localdate().year})


@require_GET
def detail(request: HttpRequest, number: int) -> HttpResponse:
    measurements = Prefetch("measurements", queryset=Measurement.objects.order_by("date", "pk"))
    goal = get_object_or_404(
        Goal.objects.prefetch_related(
            Prefetch("indicators", queryset=Indicator.objects.prefetch_related(measurements))
        ),
        number=number,
    )
    today = timezone.localdate()
    statuses = [indicator_status(indicator, today) for indicator in goal.indicators.all()]
    updates = list(goal.updates.published().select_related("author")[:UPDATES_ON_GOAL_PAGE])
    year_over = None
    if goal.year_is_over(today):
        main = goal.main_indicator()
        main_status = next((s for s in statuses if s.indicator == main), None)
        year_over = {"reached": year_over_text(goal, main_status), "next": goal.after_target_year}
    regulations = list(Regulation.objects.filter(is_public=True)) if goal.number == LAWS_GOAL else None
    return render(
        request,
        "goals/detail.html",
        {
            "goal": goal,
            "statuses": statuses,
            "milestones": [(m, m.status_text(today)) for m in goal.milestones.all()],
            "updates": updates,
            "linked_groups": public_linked_objects(goal),
            "today": today,
            "year_over": year_over,
            "regulations": regulations,
        },
    )


@require_GET
def update_detail(request: HttpRequest, number: int, slug: str) -> HttpResponse:
    update = get_object_or_404(
        Update.objects.published().select_related("goal", "author"), goal__number=number, slug=slug
    )
    return render(request, "goals/update_detail.html", {"update": update, "goal": update.goal})


@dataclass
class DashboardTable:
    code: str
    label: str
    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]
    chart: Chart | None = None

    @property
    def csv_name(self) -> str:
        return f"{self.code}.csv"


def _plain(value: float) -> int | float:
    return int(value) if value == int(value) else round(value, 2)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def _breakdown_table(code: str, label: str | None = None) -> DashboardTable | None:
    breakdown = BREAKDOWNS.get(code)
    if breakdown is None:
        return None
    rows = [tuple(row) for row in pagecache.memo(("breakdown", breakdown.code), breakdown.rows)]
    table = DashboardTable(code, label or breakdown.label, tuple(breakdown.columns), rows)
    if len(table.columns) == 2 and all(
        isinstance(row[1], int | float | Decimal) and not isinstance(row[1], bool) for row in rows
    ):
        table.chart = bar_chart(
            chart_id=f"dashboard-{code.replace('.', '-')}",
            title=table.label,
            bars=[(str(row[0]), row[1]) for row in rows],
            unit=table.columns[1].lower(),
            category_label=table.columns[0],
        )
    return table


def _growth_table(code: str) -> DashboardTable | None:
    metric = METRICS.get(code)
    if metric is None or metric.series is None:
        return None
    points = live_points(code) or []
    rows: list[tuple[Any, ...]] = []
    previous = 0.0
    for day, value in points:
        rows.append((format_month(day), _plain(value), _plain(value - previous)))
        previous = value
    table = DashboardTable(code, f"Groei per maand: {metric.label}", ("Maand", "Totaal", "Erbij"), rows)
    table.chart = line_chart(
        chart_id=f"dashboard-{code.replace('.', '-')}", title=table.label, points=points, unit=metric.unit
    )
    return table


def _table_for_code(code: str) -> DashboardTable | None:
    return _breakdown_table(code) or _growth_table(code)


def _staff_or_404(request: HttpRequest) -> None:
    # Outsiders get a 404, as in the rest of the portal: the dashboard does not reveal that it exists.
    # has_perm is False for an inactive account.
    if not request.user.has_perm("goals.view_dashboard"):
        raise Http404


@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    if isinstance(request.user, User) and request.user.waits_for_two_factor():
        # Staff first set up their second log-in step, as for the admin (wdhs/adminsite.py).
        messages.warning(request, MFA_REQUIRED_MESSAGE)
        return redirect("mfa_activate_totp")
    _staff_or_404(request)
    expected_codes = {code for code, _ in EXPECTED_BREAKDOWNS}
    breakdowns = [
        {"code": code, "label": label, "table": _breakdown_table(code, label)} for code, label in EXPECTED_BREAKDOWNS
    ]
    breakdowns += [
        {"code": code, "label": BREAKDOWNS[code].label, "table": _breakdown_table(code)}
        for code in sorted(BREAKDOWNS)
        if code not in expected_codes
    ]
    growth = [table for code in sorted(METRICS) if (table := _growth_table(code)) is not None]
    return render(request, "goals/dashboard.html", {"cards": goal_cards(), "breakdowns": breakdowns, "growth": growth})


@require_GET
def dashboard_csv(request: HttpRequest, code: str) -> HttpResponse:
    _staff_or_404(request)
    table = _table_for_code(code)
    if table is None:
        raise Http404
    # Semicolons and a byte order mark so Dutch spreadsheet programs open the file in columns.
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{table.csv_name}"'
    response.write("\ufeff")
    writer = csvsafe.writer(response, delimiter=";")
    writer.writerow(table.columns)
    writer.writerows(table.rows)
    return response
