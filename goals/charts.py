"""Server-rendered SVG charts (line and bar) with the same numbers as an accessible HTML table.

No JavaScript and no external service: the SVG is built with xml.etree, so it is always well-formed
and every text is escaped. There are no style attributes (the CSP forbids inline styles): colours
come from presentation attributes and classes in static/css/goals.css.
"""

from __future__ import annotations

import datetime
import math
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from goals.dates import format_date

SVG_NS = "http://www.w3.org/2000/svg"
EMPTY_TEXT = "Nog geen gegevens."

Number = int | float | Decimal


def format_number(value: Number) -> str:
    """Dutch notation from the nl locale: 1.234.567 and 12,5 (at most two decimals, none for whole numbers)."""
    number = round(float(value), 2)
    return number_format(int(number) if number.is_integer() else number, force_grouping=True)


def compact_number(value: float) -> str:
    """Short tick labels so large numbers fit beside the axis; the table keeps the full number."""
    if value >= 1_000_000_000:
        return f"{format_number(round(value / 1_000_000_000, 1))} mld"
    if value >= 1_000_000:
        return f"{format_number(round(value / 1_000_000, 1))} mln"
    if value >= 10_000:
        return f"{format_number(round(value / 1_000, 1))} k"
    return format_number(value)


def nice_ticks(maximum: float, count: int = 5, whole: bool = False) -> list[float]:
    """Round tick values from 0 to just above `maximum`, so the highest point never touches the top.

    With `whole` the step is at least 1: counts of initiatives have no halves.
    """
    if maximum <= 0:
        return [0.0, 1.0]
    raw = maximum / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    if whole:
        step = max(1.0, math.ceil(step))
    ticks = [0.0]
    while ticks[-1] <= maximum:
        ticks.append(ticks[-1] + step)
    return ticks


def _whole(data: Sequence[tuple[object, float]]) -> bool:
    return all(value == int(value) for _, value in data)


def _as_date(value: datetime.date | datetime.datetime) -> datetime.date:
    return value.date() if isinstance(value, datetime.datetime) else value


@dataclass(frozen=True)
class Chart:
    """A rendered chart: the SVG (None when there is no data) and the table with the same numbers."""

    svg: str | None
    table: str | None
    empty_text: str = EMPTY_TEXT

    def __html__(self) -> str:
        if self.svg is None or self.table is None:
            return str(format_html('<p class="goals-chart__empty">{}</p>', self.empty_text))
        return str(
            format_html(
                '<figure class="goals-chart">{}<details class="goals-chart__details">'
                "<summary>Bekijk de cijfers als tabel</summary>"
                '<div class="wdhs-table-scroll">{}</div></details></figure>',
                mark_safe(self.svg),  # noqa: S308 - built by xml.etree, which escapes every text
                mark_safe(self.table),  # noqa: S308 - built by format_html
            )
        )

    def __str__(self) -> str:
        return self.__html__()


def _svg_root(chart_id: str, width: int, height: int, title: str, description: str) -> ET.Element:
    root = ET.Element(
        "svg",
        {
            "xmlns": SVG_NS,
            "viewBox": f"0 0 {width} {height}",
            "width": str(width),
            "height": str(height),
            "role": "img",
            "aria-labelledby": f"{chart_id}-title {chart_id}-desc",
            "class": "goals-chart__svg",
            "focusable": "false",
        },
    )
    ET.SubElement(root, "title", {"id": f"{chart_id}-title"}).text = title
    ET.SubElement(root, "desc", {"id": f"{chart_id}-desc"}).text = description
    return root


def _text(parent: ET.Element, x: float, y: float, text: str, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, "text", {"x": f"{x:.1f}", "y": f"{y:.1f}", **attrs})
    element.text = text
    return element


# Presentation attributes keep the chart readable when goals.css is not loaded; the CSS overrides them.
STROKES = {"goals-chart__gridline": "#e9dcc8", "goals-chart__axis": "#1d1b19"}
PRIMARY = "#a3360b"


def _line(parent: ET.Element, x1: float, y1: float, x2: float, y2: float, css: str) -> None:
    ET.SubElement(
        parent,
        "line",
        {
            "x1": f"{x1:.1f}",
            "y1": f"{y1:.1f}",
            "x2": f"{x2:.1f}",
            "y2": f"{y2:.1f}",
            "stroke": STROKES[css],
            "class": css,
        },
    )


def _table(title: str, headers: tuple[str, str], rows: Sequence[tuple[str, str]]) -> str:
    body = format_html_join(
        "", '<tr><th scope="row">{}</th><td class="wdhs-num">{}</td></tr>', ((label, value) for label, value in rows)
    )
    return str(
        format_html(
            '<table class="utrecht-table goals-chart__table"><caption>{}</caption>'
            '<thead><tr><th scope="col">{}</th><th scope="col" class="wdhs-num">{}</th></tr></thead>'
            "<tbody>{}</tbody></table>",
            title,
            headers[0],
            headers[1],
            body,
        )
    )


def line_chart(
    *,
    chart_id: str,
    title: str,
    points: Sequence[tuple[datetime.date | datetime.datetime, Number]],
    unit: str,
    x_label: str = "Datum",
    empty_text: str = EMPTY_TEXT,
) -> Chart:
    """A line chart of (date, value) points, oldest first; one point shows as a dot with its value."""
    if not points:
        return Chart(svg=None, table=None, empty_text=empty_text)
    data = sorted(((_as_date(day), float(value)) for day, value in points), key=lambda p: p[0])
    width, height = 640, 320
    left, right, top, bottom = 80, 24, 20, 64
    plot_w, plot_h = width - left - right, height - top - bottom
    ticks = nice_ticks(max(value for _, value in data), whole=_whole(data))
    y_max = ticks[-1]
    first, last = data[0][0], data[-1][0]
    span = (last - first).days

    def x_of(day: datetime.date) -> float:
        return left + (plot_w / 2 if span == 0 else plot_w * (day - first).days / span)

    def y_of(value: float) -> float:
        return top + plot_h - plot_h * value / y_max

    values = [value for _, value in data]
    if len(data) == 1:
        description = f"Eén meting: {format_number(values[0])} {unit} op {format_date(first)}."
    else:
        description = (
            f"Lijngrafiek met {len(data)} punten van {format_date(first)} tot {format_date(last)}. "
            f"Laagste waarde {format_number(min(values))}, hoogste {format_number(max(values))}, "
            f"laatste {format_number(values[-1])} {unit}."
        )
    root = _svg_root(chart_id, width, height, title, description)
    grid = ET.SubElement(root, "g", {"class": "goals-chart__grid", "aria-hidden": "true"})
    for tick in ticks:
        y = y_of(tick)
        _line(grid, left, y, width - right, y, "goals-chart__gridline")
        _text(grid, left - 8, y + 4, compact_number(tick), **{"text-anchor": "end", "class": "goals-chart__tick"})
    _line(grid, left, top + plot_h, width - right, top + plot_h, "goals-chart__axis")
    _line(grid, left, top, left, top + plot_h, "goals-chart__axis")
    label_days = [first] if span == 0 else _spread(first, span, 4)
    for index, day in enumerate(label_days):
        # The outer labels align to the plot's edges so they are never cut off.
        anchor = "middle" if span == 0 or 0 < index < len(label_days) - 1 else ("start" if index == 0 else "end")
        _text(
            grid,
            x_of(day),
            top + plot_h + 18,
            format_date(day),
            **{"text-anchor": anchor, "class": "goals-chart__tick"},
        )
    _text(root, left + plot_w / 2, height - 10, x_label, **{"text-anchor": "middle", "class": "goals-chart__label"})
    _text(
        root,
        16,
        top + plot_h / 2,
        unit.capitalize(),
        **{
            "text-anchor": "middle",
            "class": "goals-chart__label",
            "transform": f"rotate(-90 16 {top + plot_h / 2:.1f})",
        },
    )
    series = ET.SubElement(root, "g", {"class": "goals-chart__series"})
    if len(data) > 1:
        coords = " ".join(f"{x_of(day):.1f},{y_of(value):.1f}" for day, value in data)
        ET.SubElement(
            series,
            "polyline",
            {"points": coords, "fill": "none", "stroke": PRIMARY, "stroke-width": "3", "class": "goals-chart__line"},
        )
    for day, value in data:
        ET.SubElement(
            series,
            "circle",
            {
                "cx": f"{x_of(day):.1f}",
                "cy": f"{y_of(value):.1f}",
                "r": "5",
                "fill": PRIMARY,
                "class": "goals-chart__dot",
            },
        )
    if len(data) == 1:
        day, value = data[0]
        _text(
            series,
            x_of(day),
            y_of(value) - 12,
            format_number(value),
            **{"text-anchor": "middle", "class": "goals-chart__value"},
        )
    svg = ET.tostring(root, encoding="unicode")
    table = _table(
        title,
        (x_label, unit.capitalize()),
        [(format_date(day), format_number(value)) for day, value in data],
    )
    return Chart(svg=svg, table=table)


def _spread(first: datetime.date, span: int, count: int) -> list[datetime.date]:
    """Up to `count` dates evenly spread in time from the first to the last, so labels never overlap."""
    days = sorted({first + datetime.timedelta(days=round(span * i / (count - 1))) for i in range(count)})
    return days


def bar_chart(
    *,
    chart_id: str,
    title: str,
    bars: Sequence[tuple[str, Number]],
    unit: str,
    category_label: str,
    empty_text: str = EMPTY_TEXT,
) -> Chart:
    """Horizontal bars to compare categories (long names such as provinces fit on the left)."""
    if not bars:
        return Chart(svg=None, table=None, empty_text=empty_text)
    data = [(str(label), float(value)) for label, value in bars]
    bar_h, gap = 24, 10
    left, right, top, bottom = 180, 80, 16, 56
    width = 640
    plot_w = width - left - right
    plot_h = len(data) * (bar_h + gap)
    height = top + plot_h + bottom
    ticks = nice_ticks(max(value for _, value in data), count=4, whole=_whole(data))
    x_max = ticks[-1]

    def x_of(value: float) -> float:
        return left + plot_w * value / x_max

    biggest = max(data, key=lambda item: item[1])
    description = (
        f"Staafgrafiek met {len(data)} {category_label.lower()}. "
        f"Hoogste: {biggest[0]} met {format_number(biggest[1])} {unit}."
    )
    root = _svg_root(chart_id, width, height, title, description)
    grid = ET.SubElement(root, "g", {"class": "goals-chart__grid", "aria-hidden": "true"})
    for tick in ticks:
        x = x_of(tick)
        _line(grid, x, top, x, top + plot_h, "goals-chart__gridline")
        _text(
            grid, x, top + plot_h + 18, compact_number(tick), **{"text-anchor": "middle", "class": "goals-chart__tick"}
        )
    _line(grid, left, top, left, top + plot_h, "goals-chart__axis")
    _text(
        root,
        left + plot_w / 2,
        height - 10,
        unit.capitalize(),
        **{"text-anchor": "middle", "class": "goals-chart__label"},
    )
    series = ET.SubElement(root, "g", {"class": "goals-chart__series"})
    for index, (label, value) in enumerate(data):
        y = top + index * (bar_h + gap) + gap / 2
        _text(
            series,
            left - 8,
            y + bar_h * 0.7,
            _shorten(label, 24),
            **{"text-anchor": "end", "class": "goals-chart__tick"},
        )
        ET.SubElement(
            series,
            "rect",
            {
                "x": str(left),
                "y": f"{y:.1f}",
                "width": f"{max(x_of(value) - left, 0):.1f}",
                "height": str(bar_h),
                "fill": PRIMARY,
                "class": "goals-chart__bar",
            },
        )
        _text(series, x_of(value) + 6, y + bar_h * 0.7, format_number(value), **{"class": "goals-chart__value"})
    svg = ET.tostring(root, encoding="unicode")
    table = _table(title, (category_label, unit.capitalize()), [(label, format_number(value)) for label, value in data])
    return Chart(svg=svg, table=table)


def _shorten(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"
