"""How far along an indicator is: its numbers (live from the registry or measured), trend and progress."""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone
from django.utils.formats import date_format

from goals.charts import Chart, format_number, line_chart
from goals.models import Indicator
from wdhs import pagecache
from wdhs.metrics import METRICS

logger = logging.getLogger(__name__)

NO_DATA = "Nog geen gegevens."
NO_MEASUREMENTS = "Nog geen metingen."


@dataclass
class IndicatorStatus:
    indicator: Indicator
    points: list[tuple[datetime.date, float]] = field(default_factory=list)
    empty_text: str = NO_DATA

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
        since = f"sinds {date_format(self.points[-2][0], 'SHORT_DATE_FORMAT')}"
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
        when = f" in {self.indicator.target_date.year}" if self.indicator.target_date else ""
        goal = f"Streefwaarde: {format_number(target)} {self.indicator.unit}{when}."
        if self.progress_percent is None:
            return f"{goal} Er is nog geen meting."
        return f"{goal} We zijn op {self.progress_percent}%."

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


def indicator_status(indicator: Indicator) -> IndicatorStatus:
    """Status of one indicator; uses prefetched measurements when present."""
    if indicator.is_live:
        points = live_points(indicator.metric_code)
        return IndicatorStatus(indicator, points or [], NO_DATA)
    measured = [(m.date, float(m.value)) for m in indicator.measurements.all()]
    return IndicatorStatus(indicator, sorted(measured, key=lambda p: p[0]), NO_MEASUREMENTS)
