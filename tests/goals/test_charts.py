from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET
from decimal import Decimal
from html.parser import HTMLParser

from goals.charts import Chart, bar_chart, compact_number, format_number, line_chart, nice_ticks
from goals.dates import format_date

NS = {"svg": "http://www.w3.org/2000/svg"}


class TableCells(HTMLParser):
    """Collects the text of each table row as a list of cells."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.caption = ""
        self.scopes: list[str | None] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        if tag in {"th", "td", "caption"}:
            self._in = tag
            if tag == "th":
                self.scopes.append(dict(attrs).get("scope"))
            if tag != "caption":
                self.rows[-1].append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in {"th", "td", "caption"}:
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "caption":
            self.caption += data
        elif self._in:
            self.rows[-1][-1] += data


def parse_svg(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 - our own chart output, not untrusted input


def parse_table(html: str) -> TableCells:
    parser = TableCells()
    parser.feed(html)
    return parser


def svg_of(chart: Chart) -> str:
    assert chart.svg is not None, "the chart has no data"
    return chart.svg


def table_of(chart: Chart) -> str:
    assert chart.table is not None, "the chart has no data"
    return chart.table


def find(root: ET.Element, path: str) -> ET.Element:
    element = root.find(path, NS)
    assert element is not None, f"no {path} in the chart"
    return element


def text_of(root: ET.Element, path: str) -> str:
    text = find(root, path).text
    assert text is not None, f"{path} has no text"
    return text


POINTS = [
    (datetime.date(2025, 1, 1), 3),
    (datetime.date(2025, 2, 1), 7),
    (datetime.date(2025, 3, 1), 12),
]


def test_line_chart_is_valid_svg_with_title_desc_and_labels():
    chart = line_chart(chart_id="c1", title="Initiatieven", points=POINTS, unit="initiatieven")
    root = parse_svg(svg_of(chart))
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "c1-title c1-desc"
    assert text_of(root, "svg:title") == "Initiatieven"
    assert find(root, "svg:title").get("id") == "c1-title"
    assert "12" in text_of(root, "svg:desc")
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "Datum" in texts and "Initiatieven" in texts  # axis labels
    assert root.find(".//svg:polyline", NS) is not None
    assert len(root.findall(".//svg:circle", NS)) == 3
    assert "style" not in svg_of(chart)


def test_line_chart_table_has_the_same_numbers_as_the_data():
    chart = line_chart(chart_id="c1", title="Initiatieven", points=POINTS, unit="initiatieven")
    table = parse_table(table_of(chart))
    assert table.caption == "Initiatieven"
    assert table.rows[0] == ["Datum", "Initiatieven"]
    assert table.rows[1:] == [["1 januari 2025", "3"], ["1 februari 2025", "7"], ["1 maart 2025", "12"]]
    assert table.scopes == ["col", "col", "row", "row", "row"]


def test_line_chart_sorts_points_by_date():
    chart = line_chart(chart_id="c", title="T", points=list(reversed(POINTS)), unit="x")
    assert [row[1] for row in parse_table(table_of(chart)).rows[1:]] == ["3", "7", "12"]


def test_empty_series_says_there_is_no_data_without_svg():
    chart = line_chart(chart_id="c", title="T", points=[], unit="x")
    assert chart.svg is None
    html = str(chart)
    assert "Nog geen gegevens." in html
    assert "<svg" not in html


def test_empty_bar_chart_says_there_is_no_data():
    chart = bar_chart(chart_id="b", title="T", bars=[], unit="x", category_label="Provincie")
    assert "<svg" not in str(chart) and "Nog geen gegevens." in str(chart)


def test_single_point_is_a_dot_with_its_value():
    chart = line_chart(chart_id="c", title="T", points=[(datetime.date(2025, 5, 1), 42)], unit="wetten")
    root = parse_svg(svg_of(chart))
    assert root.find(".//svg:polyline", NS) is None
    assert len(root.findall(".//svg:circle", NS)) == 1
    values = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text") if t.get("class") == "goals-chart__value"]
    assert values == ["42"]
    assert parse_table(table_of(chart)).rows[1] == ["1 mei 2025", "42"]


def test_equal_min_and_max_and_all_zero_values_render():
    flat = line_chart(chart_id="c", title="T", points=[(d, 5) for d, _ in POINTS], unit="x")
    zero = line_chart(chart_id="z", title="T", points=[(d, 0) for d, _ in POINTS], unit="x")
    for chart in (flat, zero):
        root = parse_svg(svg_of(chart))
        ys = {c.get("cy") for c in root.findall(".//svg:circle", NS)}
        assert len(ys) == 1
        assert "nan" not in svg_of(chart).lower() and "inf" not in svg_of(chart).lower()


def test_same_day_points_do_not_divide_by_zero():
    day = datetime.date(2025, 1, 1)
    chart = line_chart(chart_id="c", title="T", points=[(day, 1), (day, 2)], unit="x")
    parse_svg(svg_of(chart))
    assert "nan" not in svg_of(chart).lower()


def test_large_numbers_stay_exact_in_the_table_and_short_on_the_axis():
    points = [(datetime.date(2025, 1, 1), 1_234_567), (datetime.date(2025, 6, 1), 7_500_000_000)]
    chart = line_chart(chart_id="c", title="T", points=points, unit="euro")
    assert [row[1] for row in parse_table(table_of(chart)).rows[1:]] == ["1.234.567", "7.500.000.000"]
    ticks = [t.text or "" for t in parse_svg(svg_of(chart)).iter("{http://www.w3.org/2000/svg}text")]
    assert any(text.endswith("mld") for text in ticks)


def test_decimals_and_datetimes_are_accepted():
    points = [(datetime.datetime(2025, 1, 1, 12, 0), Decimal("2.50"))]
    chart = line_chart(chart_id="c", title="T", points=points, unit="x")
    assert parse_table(table_of(chart)).rows[1] == ["1 januari 2025", "2,5"]


def test_text_is_escaped_so_hostile_labels_cannot_break_the_markup():
    chart = bar_chart(
        chart_id="b",
        title="<script>alert(1)</script>",
        bars=[("A & B <b>", 3), ("Noord-Brabant", 5)],
        unit="initiatieven",
        category_label="Provincie",
    )
    root = parse_svg(svg_of(chart))
    assert text_of(root, "svg:title") == "<script>alert(1)</script>"
    assert "<script>" not in str(chart)
    assert parse_table(table_of(chart)).rows[1] == ["A & B <b>", "3"]


def test_bar_chart_has_one_bar_per_category_and_matching_table():
    bars = [("Utrecht", 12), ("Friesland", 4), ("Zeeland", 0)]
    chart = bar_chart(chart_id="b", title="Per provincie", bars=bars, unit="initiatieven", category_label="Provincie")
    root = parse_svg(svg_of(chart))
    assert root.get("aria-labelledby") == "b-title b-desc"
    rects = root.findall(".//svg:rect", NS)
    assert len(rects) == 3
    widths = [float(r.attrib["width"]) for r in rects]
    assert widths[0] > widths[1] > widths[2] == 0
    assert parse_table(table_of(chart)).rows[1:] == [["Utrecht", "12"], ["Friesland", "4"], ["Zeeland", "0"]]
    assert "Utrecht met 12" in text_of(root, "svg:desc")


def test_number_helpers():
    assert format_number(1234567) == "1.234.567"
    assert format_number(12.5) == "12,5"
    assert format_number(Decimal("1000.25")) == "1.000,25"
    assert format_number(2.0) == "2" and format_number(0.1 + 0.2) == "0,3"
    assert compact_number(2_500_000) == "2,5 mln"
    assert compact_number(12_500) == "12,5 k"
    assert format_date(datetime.date(2025, 3, 3)) == "3 maart 2025"
    assert nice_ticks(0) == [0.0, 1.0]
    assert nice_ticks(3, whole=True) == [0.0, 1.0, 2.0, 3.0, 4.0]
    assert nice_ticks(10)[-1] > 10


def test_date_labels_are_spread_evenly_even_when_points_cluster():
    points = [(datetime.date(2020, 1, 1), 1)] + [(datetime.date(2025, 1, day), day) for day in range(1, 29)]
    root = parse_svg(svg_of(line_chart(chart_id="c", title="T", points=points, unit="x")))
    xs = [
        float(t.attrib["x"])
        for t in root.iter("{http://www.w3.org/2000/svg}text")
        if t.get("class") == "goals-chart__tick" and (t.text or "").count(" ") == 2  # "1 januari 2025": the date labels
    ]
    assert len(xs) == 4
    gaps = [b - a for a, b in zip(xs, xs[1:], strict=False)]
    assert min(gaps) > 100  # 640 px wide chart: labels of about 80 px never overlap
