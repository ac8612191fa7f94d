"""How far along an indicator is: its numbers (live from the registry or measured), trend and progress."""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Any

from django.utils import timezone

from goals.charts import Chart, format_number, line_chart
from goals.dates import format_date
from goals.models import Goal, Indicator
from wdhs import pagecache
from wdhs.metrics import METRICS

logger = logging.getLogger(__name__)

NO_DATA = "Nog geen gegevens."
NO_MEASUREMENTS = "Nog geen metingen."

Point = tuple[datetime.date, float]


class Status(StrEnum):
    """The status of an indicator in words, as the goals pages show it."""

    ON_TRACK = "op koers"
    BEHIND = "achter"
    REACHED = "behaald"
    NO_DATA = "nog geen meting"
    NO_TARGET = "geen streefwaarde"


def expected_value(first: Point, target: float, deadline: datetime.date, day: datetime.date) -> float:
    """The value on `day` of the straight line from the first measurement to the target on the deadline."""
    start, start_value = first
    span = (deadline - start).days
    if span <= 0:
        return target
    return start_value + (target - start_value) * (day - start).days / span


def progress_status(
    points: list[Point], target: float | Decimal | None, deadline: datetime.date, today: datetime.date
) -> Status:
    """De status van een indicator in woorden. De regel, in deze volgorde (ook in docs/goals.md):

    1. Geen streefwaarde: "geen streefwaarde".
    2. Nog geen enkele meting (of live getal): "nog geen meting".
    3. De laatste meting is gelijk aan of hoger dan de streefwaarde: "behaald".
    4. De streefdatum is voorbij (vandaag ligt na de streefdatum) en de streefwaarde is niet gehaald:
       "achter". Een jaar dat voorbij is, is dus nooit meer "op koers".
    5. Anders trekken we een rechte lijn van de eerste meting naar de streefwaarde op de streefdatum.
       Ligt de laatste meting op of boven die lijn (op de datum van die laatste meting): "op koers".
       Ligt ze eronder: "achter". Dat is hetzelfde als: trek de lijn door van de eerste naar de laatste
       meting; komt die lijn op de streefdatum op of boven de streefwaarde uit, dan zijn we op koers.
       Met één meting ligt die meting op de lijn (ze is het begin ervan): "op koers".

    Een hogere waarde is altijd beter: alle streefwaarden van de doelen zijn "meer is beter".
    `points` zijn (datum, waarde), oudste eerst; `deadline` is de streefdatum van de indicator.
    """
    if target is None:
        return Status.NO_TARGET
    if not points:
        return Status.NO_DATA
    goal = float(target)
    last_day, last_value = points[-1]
    if last_value >= goal:
        return Status.REACHED
    if today > deadline:
        return Status.BEHIND
    if last_value >= expected_value(points[0], goal, deadline, last_day):
        return Status.ON_TRACK
    return Status.BEHIND


@dataclass
class IndicatorStatus:
    indicator: Indicator
    points: list[Point] = field(default_factory=list)
    empty_text: str = NO_DATA
    today: datetime.date = field(default_factory=timezone.localdate)

    @property
    def current(self) -> float | None:
        return self.points[-1][1] if self.points else None

    @property
    def current_display(self) -> str:
        return format_number(self.current) if self.current is not None else ""

    @property
    def has_data(self) -> bool:
        return bool(self.points)

    @property
    def trend(self) -> str:
        if len(self.points) < 2:
            return "Nog geen trend: daarvoor zijn minstens twee meetpunten nodig." if self.points else ""
        previous, last = self.points[-2][1], self.points[-1][1]
        since = f"sinds {format_date(self.points[-2][0])}"
        if last > previous:
            return f"Gestegen met {format_number(last - previous)} {since}."
        if last < previous:
            return f"Gedaald met {format_number(previous - last)} {since}."
        return f"Gelijk gebleven {since}."

    @property
    def trend_direction(self) -> str:
        if len(self.points) < 2:
            return "none"
        previous, last = self.points[-2][1], self.points[-1][1]
        return "up" if last > previous else "down" if last < previous else "flat"

    @property
    def status(self) -> Status:
        indicator = self.indicator
        return progress_status(self.points, indicator.target_value, indicator.deadline, self.today)

    @property
    def target_display(self) -> str:
        target = self.indicator.target_value
        return format_number(target) if target is not None else ""

    @property
    def last_date(self) -> datetime.date | None:
        return self.points[-1][0] if self.points else None

    @property
    def progress_percent(self) -> int | None:
        target = self.indicator.target_value
        if target is None or self.current is None or target <= 0:
            return None
        return min(100, round(self.current / float(target) * 100))

    @property
    def progress_text(self) -> str:
        target = self.indicator.target_value
        if target is None:
            return "Voor deze indicator is nog geen streefwaarde vastgesteld."
        goal = f"Streefwaarde: {format_number(target)} {self.indicator.unit} in {self.indicator.target_year}."
        if self.progress_percent is None:
            return f"{goal} Er is nog geen meting."
        return f"{goal} Nu {self.current_display} van de {self.target_display}: {self.progress_percent}%."

    def chart(self) -> Chart:
        return line_chart(
            chart_id=f"indicator-{self.indicator.pk}",
            title=self.indicator.name,
            points=self.points,
            unit=self.indicator.unit,
            empty_text=self.empty_text,
        )


def live_points(code: str) -> list[tuple[datetime.date, float]] | None:
    """The metric's series (or today's value as one point); None when no app registered the code (yet)."""
    metric = METRICS.get(code)
    if metric is None:
        return None
    try:
        raw: list[tuple[Any, float]] = pagecache.memo(("metric-series", code), metric.series) if metric.series else []
        if not raw:
            raw = [(timezone.localdate(), pagecache.memo(("metric", code), metric.current))]
    except Exception:
        # Another app's counter must never take the goals pages down; the log shows what broke.
        logger.exception("Metric %s failed", code)
        return None
    points = []
    for day, value in raw:
        points.append((day.date() if isinstance(day, datetime.datetime) else day, float(value)))
    return sorted(points, key=lambda p: p[0])


def indicator_status(indicator: Indicator, today: datetime.date | None = None) -> IndicatorStatus:
    """Status of one indicator; uses prefetched measurements when present."""
    today = today or timezone.localdate()
    if indicator.is_live:
        points = live_points(indicator.metric_code)
        return IndicatorStatus(indicator, points or [], NO_DATA, today)
    measured = [(m.date, float(m.value)) for m in indicator.measurements.all()]
    return IndicatorStatus(indicator, sorted(measured, key=lambda p: p[0]), NO_MEASUREMENTS, today)


def year_over_text(goal: Goal, main: IndicatorStatus | None) -> str:
    """What was reached, once the goal's target year is over (by its main indicator)."""
    year = goal.target_year
    if main is None:
        return f"Het doeljaar {year} is voorbij."
    indicator = main.indicator
    status = main.status
    if status is Status.NO_TARGET:
        if main.has_data:
            return f"Het doeljaar {year} is voorbij. {indicator.name}: nu {main.current_display} {indicator.unit}."
        return f"Het doeljaar {year} is voorbij."
    if status is Status.NO_DATA:
        return f"Het doeljaar {year} is voorbij. Voor “{indicator.name}” is er nog geen meting."
    reached = f"{main.current_display} van de {main.target_display} {indicator.unit}"
    if status is Status.REACHED:
        return f"Het doel voor {year} is gehaald: {reached}."
    return f"Het doel voor {year} is niet helemaal gehaald: {reached}."
