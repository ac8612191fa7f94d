"""The map of initiatives: a server-rendered SVG of the Netherlands, no tile server, no JavaScript.

Paths come from the CBS/Kadaster GeoJSON in wdhs/data/ with a simple projection
(x = lon * cos(52.2°), y = -lat) that looks right at the latitude of the Netherlands. Geometry is
read and projected once per process; only the colours (live counts) change per request.
"""

from __future__ import annotations

import itertools
import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.urls import reverse

from initiatives import counts
from wdhs import pagecache, smalltables
from wdhs.models import Municipality, Province

SOURCE = "Bron: Kadaster / Centraal Bureau voor de Statistiek, 2025"
DATA_DIR = Path(settings.BASE_DIR) / "wdhs" / "data"
WIDTH = 600
PADDING = 6
COS_LAT = math.cos(math.radians(52.2))
LEVELS = 5  # colour classes: 0 = none, 1..4 = more and more
MIN_RING = 1.5  # pixels: rings smaller than this in both directions are left out
TOLERANCE = 0.5  # pixels: detail smaller than this is dropped (Douglas-Peucker) to keep the HTML small


@dataclass(frozen=True)
class Shape:
    code: str
    name: str
    province_code: str
    rings: tuple[tuple[tuple[float, float], ...], ...]  # projected, unscaled

    def bbox(self) -> tuple[float, float, float, float]:
        xs = [x for ring in self.rings for x, _ in ring]
        ys = [y for ring in self.rings for _, y in ring]
        return min(xs), min(ys), max(xs), max(ys)


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker line simplification (iterative, so long rings do not hit the recursion limit)."""
    if len(points) < 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        length = math.hypot(dx, dy)
        farthest, index = 0.0, -1
        for i in range(first + 1, last):
            px, py = points[i]
            cross = abs(dy * px - dx * py + x2 * y1 - y2 * x1)
            distance = cross / length if length else math.hypot(px - x1, py - y1)
            if distance > farthest:
                farthest, index = distance, i
        if index != -1 and farthest > tolerance:
            keep[index] = True
            stack.extend([(first, index), (index, last)])
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def _project(lon: float, lat: float) -> tuple[float, float]:
    return lon * COS_LAT, -lat


def _shapes(filename: str, code_key: str, name_key: str, *, holes: bool = True) -> tuple[Shape, ...]:
    with open(DATA_DIR / filename, encoding="utf-8") as handle:
        data = json.load(handle)
    shapes = []
    for feature in data["features"]:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        rings = tuple(
            tuple(_project(lon, lat) for lon, lat in ring)
            for polygon in polygons
            for ring in (polygon if holes else polygon[:1])
        )
        props = feature["properties"]
        shapes.append(Shape(props[code_key], props[name_key], props["provinciecode"], rings))
    return tuple(shapes)


@cache
def province_shapes() -> tuple[Shape, ...]:
    # Province outlines are dissolved municipalities; their "holes" are slivers that would show as white lines.
    return _shapes("provincies.geojson", "provinciecode", "provincienaam", holes=False)


@cache
def municipality_shapes() -> tuple[Shape, ...]:
    return _shapes("gemeenten.geojson", "gemeentecode", "gemeentenaam")


@cache
def drawing(level: str, province_code: str = "") -> tuple[str, tuple[tuple[str, str, str], ...]]:
    """The viewBox and (code, name, path) of each area, scaled to WIDTH; computed once per process."""
    if level == "province":
        shapes = province_shapes()
    else:
        shapes = tuple(s for s in municipality_shapes() if not province_code or s.province_code == province_code)
    boxes = [s.bbox() for s in shapes]
    min_x, min_y = min(b[0] for b in boxes), min(b[1] for b in boxes)
    max_x, max_y = max(b[2] for b in boxes), max(b[3] for b in boxes)
    scale = (WIDTH - 2 * PADDING) / (max_x - min_x)
    height = round((max_y - min_y) * scale + 2 * PADDING)
    paths = []
    for shape in shapes:
        parts = []
        for ring in shape.rings:
            # Points that round to the same spot add bytes but nothing visible at this size.
            scaled = [((x - min_x) * scale + PADDING, (y - min_y) * scale + PADDING) for x, y in ring]
            xs, ys = [x for x, _ in scaled], [y for _, y in scaled]
            if max(xs) - min(xs) < MIN_RING and max(ys) - min(ys) < MIN_RING:
                continue  # a sandbank or tiny island smaller than a pixel or two
            points: list[tuple[int, int]] = []
            for x, y in simplify(scaled, TOLERANCE):
                point = (round(x), round(y))
                if not points or points[-1] != point:
                    points.append(point)
            if len(points) > 2:
                parts.append(_compact_path(points))
        paths.append((shape.code, shape.name, "".join(parts)))
    return f"0 0 {WIDTH} {height}", tuple(paths)


def _compact_path(points: list[tuple[int, int]]) -> str:
    """A closed SVG path in whole pixels of the viewBox, each point relative to the one before ("l"), with no
    space before a minus sign: a third of the bytes of absolute coordinates with a decimal, for a difference of
    at most half a unit (the map is shown at most 480 px wide for 600 units)."""
    numbers: list[int] = []
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        numbers += [x1 - x0, y1 - y0]
    text = "".join(f"{n}" if n < 0 or i == 0 else f" {n}" for i, n in enumerate(numbers))
    return f"M{points[0][0]} {points[0][1]}l{text}z"


def thresholds(counts: list[int]) -> list[tuple[int, int]]:
    """Ranges for colour classes 1..4 from the highest count, e.g. [(1, 2), (3, 4), (5, 6), (7, 8)]."""
    top = max(counts, default=0)
    if top <= 0:
        return []
    step = max(1, math.ceil(top / (LEVELS - 1)))
    ranges = []
    low = 1
    while low <= top:
        ranges.append((low, min(low + step - 1, top)))
        low += step
    return ranges


def level_for(count: int, ranges: list[tuple[int, int]]) -> int:
    """The colour class; with fewer than four ranges the classes spread out, so the highest is always darkest."""
    for index, (low, high) in enumerate(ranges, start=1):
        if low <= count <= high:
            return _spread(index, len(ranges))
    return 0


def _spread(index: int, size: int) -> int:
    return max(1, round(index * (LEVELS - 1) / size))


def build_map(
    *, level: str, counts: dict[str, int], links: dict[str, str], names: dict[str, str], province_code: str = ""
) -> dict[str, Any]:
    """Everything the SVG template needs: areas with path, count, colour class, link and title, and a legend."""
    view_box, paths = drawing(level, province_code)
    ranges = thresholds([counts.get(code, 0) for code, _, _ in paths])
    areas = []
    for code, name, d in paths:
        count = counts.get(code, 0)
        areas.append(
            {
                "code": code,
                "name": names.get(code, name),
                "d": d,
                "count": count,
                "level": level_for(count, ranges),
                "url": links.get(code, ""),
            }
        )
    legend = [{"level": 0, "label": "geen"}] + [
        {"level": _spread(i, len(ranges)), "label": str(low) if low == high else f"{low} tot {high}"}
        for i, (low, high) in enumerate(ranges, start=1)
    ]
    return {
        "view_box": view_box,
        "areas": areas,
        "legend": legend,
        "total": sum(counts.values()),
        "source": SOURCE,
        "level": level,
    }


def province_counts() -> dict[str, int]:
    """Published initiatives per province code, from the counts the database keeps (initiatives/counts.py)."""
    return counts.per_province(key=1)


def province_map(counts_by_code: dict[str, int]) -> dict[str, Any]:
    """The province map with links to the filtered list and to each province's municipality map."""
    provinces: list[Province] = smalltables.kept_rows(Province)
    list_url, map_url = reverse("initiatives:list"), reverse("initiatives:map")
    links = {p.code: f"{list_url}?provincie={p.slug}" for p in provinces}
    map_links = {p.code: f"{map_url}?provincie={p.slug}" for p in provinces}
    data = build_map(level="province", counts=counts_by_code, links=links, names={p.code: p.name for p in provinces})
    for area in data["areas"]:
        area["map_url"] = map_links.get(area["code"], "")
    return data


def municipality_map(province: Province | None) -> dict[str, Any]:
    """The municipality map of the whole country or one province, with links to the filtered list.

    Built once per content version in each process (hundreds of areas with their links and levels)."""
    built: dict[str, Any] = pagecache.memo(
        ("municipality-map", province.pk if province else None), lambda: _municipality_map(province), in_process=True
    )
    return built


def _municipality_map(province: Province | None) -> dict[str, Any]:
    every = Municipality.objects.all() if province is None else province.municipalities.all()
    municipalities = list(every.only("code", "name", "slug"))
    # From the counts the database keeps (initiatives/counts.py), not a count over every published initiative.
    kept = counts.facet("municipality")()
    return build_map(
        level="municipality",
        counts={m.code: kept[m.pk] for m in municipalities if kept.get(m.pk)},
        links={m.code: f"{reverse('initiatives:list')}?gemeente={m.slug}" for m in municipalities},
        names={m.code: m.display_name for m in municipalities},
        province_code=province.code if province else "",
    )
