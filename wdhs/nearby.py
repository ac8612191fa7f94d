"""Near me: which municipalities border each other and how far apart they are, and a place typed by name
or postcode.

Everything comes from the files in wdhs/data/, without an outside service:
- two municipalities are neighbours when their shapes in gemeenten.geojson share a border point (the shapes
  are simplified from one map, so neighbours keep their common border points exactly);
- the distance is the great-circle distance between their centroids in gemeenten.csv, in km;
- a municipality without a neighbour on land (Ameland) gets the nearest ones by distance instead.
`load_neighbours` stores the result in MunicipalityNeighbour (after `load_places`, see wdhs.reference).
"""

from __future__ import annotations

import csv
import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import get_close_matches
from itertools import combinations
from pathlib import Path
from typing import Any

from django.contrib.postgres.search import TrigramSimilarity
from django.db import transaction

from wdhs import pagecache
from wdhs.models import Municipality, MunicipalityNeighbour
from wdhs.placenames import other_names
from wdhs.towns import key as _key
from wdhs.towns import postcodes, towns

DATA_DIR = Path(__file__).resolve().parent / "data"
EARTH_RADIUS_KM = 6371.0
# A municipality with no neighbour on land gets this many nearest ones.
NEAREST_WITHOUT_BORDER = 3


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine); well within a percent for distances inside the Netherlands."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def _points(geometry: dict[str, Any]) -> Iterable[tuple[float, float]]:
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    for polygon in polygons:
        for ring in polygon:
            yield from ((lon, lat) for lon, lat in ring)


def bordering_pairs(features: list[dict[str, Any]]) -> set[tuple[str, str]]:
    """Pairs of CBS codes (sorted) whose shapes share at least one border point."""
    owners: dict[tuple[float, float], set[str]] = defaultdict(set)
    for feature in features:
        code = feature["properties"]["gemeentecode"]
        for point in _points(feature["geometry"]):
            owners[point].add(code)
    pairs: set[tuple[str, str]] = set()
    for codes in owners.values():
        if len(codes) > 1:
            pairs.update(combinations(sorted(codes), 2))
    return pairs


@dataclass(frozen=True)
class NeighbourRow:
    code: str
    neighbour_code: str
    distance_km: float
    shares_border: bool


def neighbour_rows(
    geojson_path: Path | None = None, csv_path: Path | None = None, *, nearest: int = NEAREST_WITHOUT_BORDER
) -> list[NeighbourRow]:
    """Both directions of every neighbour pair, with the distance between the centroids."""
    with open(geojson_path or DATA_DIR / "gemeenten.geojson", encoding="utf-8") as handle:
        features = json.load(handle)["features"]
    with open(csv_path or DATA_DIR / "gemeenten.csv", encoding="utf-8", newline="") as handle:
        centroids = {
            row["gemeentecode"]: (float(row["centroid_lat"]), float(row["centroid_lon"]))
            for row in csv.DictReader(handle)
        }

    def km(a: str, b: str) -> float:
        return round(distance_km(*centroids[a], *centroids[b]), 1)

    rows: list[NeighbourRow] = []
    bordering: dict[str, set[str]] = defaultdict(set)
    for a, b in bordering_pairs(features):
        if a in centroids and b in centroids:
            bordering[a].add(b)
            bordering[b].add(a)
    for code in sorted(centroids):
        if bordering[code]:
            rows += [NeighbourRow(code, other, km(code, other), True) for other in sorted(bordering[code])]
        else:
            closest = sorted((km(code, other), other) for other in centroids if other != code)[:nearest]
            rows += [NeighbourRow(code, other, distance, False) for distance, other in closest]
    return rows


@transaction.atomic
def load_neighbours(geojson_path: Path | None = None, csv_path: Path | None = None) -> int:
    """Replace the stored neighbours by those derived from the files; returns the number of rows."""
    ids = dict(Municipality.objects.values_list("code", "pk"))
    rows = [row for row in neighbour_rows(geojson_path, csv_path) if row.code in ids and row.neighbour_code in ids]
    MunicipalityNeighbour.objects.all().delete()
    MunicipalityNeighbour.objects.bulk_create(
        MunicipalityNeighbour(
            municipality_id=ids[row.code],
            neighbour_id=ids[row.neighbour_code],
            distance_km=row.distance_km,
            shares_border=row.shares_border,
        )
        for row in rows
    )
    return len(rows)


# --- a place typed by name ---

PLACE_MAX_LENGTH = 80
_POSTCODE = re.compile(r"^\d{4}\s*([a-zA-Z]{2})?$")


def place_key(text: str) -> str:
    """What two spellings of one name have in common: no accents, capitals, quotes or punctuation.

    "Súdwest-Fryslân", "sudwest fryslan" and "SUDWEST-FRYSLAN" give the same key; so do
    "’s-Hertogenbosch" and "'s-Hertogenbosch".
    """
    return _key(text)


def looks_like_postcode(text: str) -> bool:
    return bool(_POSTCODE.match(text.strip()))


@dataclass(frozen=True)
class PlaceChoice:
    """One place a typed name can mean: a municipality, or a town or village (`town`) in it."""

    municipality: Municipality
    town: str = ""


@dataclass
class PlaceMatch:
    """The outcome of a typed place: one municipality, several places that carry the name, or suggestions.

    `town` is the town or village typed ("Elspeet", in Nunspeet) and `postcode` the 4 digits typed ("3511"),
    when the municipality was found through them.
    """

    municipality: Municipality | None = None
    town: str = ""
    postcode: str = ""
    choices: list[PlaceChoice] = field(default_factory=list)
    suggestions: list[Municipality] = field(default_factory=list)


def _names(municipality: Municipality) -> set[str]:
    names = {municipality.name, municipality.display_name, *other_names(municipality.name)}
    if municipality.name == "'s-Gravenhage":
        names.add("Den Haag")
    return {place_key(name) for name in names} | {place_key(municipality.slug)}


def _one_or_choices(choices: list[PlaceChoice], *, postcode: str = "") -> PlaceMatch:
    """One place per municipality; a single one is the match, more are the choice."""
    first: dict[int, PlaceChoice] = {}
    for choice in choices:
        first.setdefault(choice.municipality.pk, choice)
    unique = list(first.values())
    if len(unique) == 1:
        return PlaceMatch(municipality=unique[0].municipality, town=unique[0].town, postcode=postcode)
    return PlaceMatch(choices=unique, postcode=postcode)


def _name_index() -> tuple[list[Municipality], dict[str, list[Municipality]]]:
    """The active municipalities (with their province) and every name people use for them, by key.

    Kept in the process until the municipalities change (wdhs.pagecache.memo): the finder, the alerts and
    /in-de-buurt/ match a typed place on every request, and the keys of some 700 names took longer than the rest
    of the lookup.
    """

    def build() -> tuple[list[Municipality], dict[str, list[Municipality]]]:
        municipalities = list(Municipality.objects.active().select_related("province").order_by("name"))
        by_key: dict[str, list[Municipality]] = defaultdict(list)
        for municipality in municipalities:
            for name in _names(municipality):
                by_key[name].append(municipality)
        return municipalities, dict(by_key)

    index: tuple[list[Municipality], dict[str, list[Municipality]]] = pagecache.memo(
        ("municipality-names",), build, in_process=True
    )
    return index


def find_place(text: str, *, suggestions: int = 5, towns_too: bool = True) -> PlaceMatch:
    """Match a typed name to an active municipality: the CBS name, the Frisian or Dutch name, the short name,
    and (with `towns_too`) a town or village in it or its 4-digit postcode (wdhs.towns, read once per process).

    A name that a municipality and a village elsewhere carry ("Hengelo") gives the choice. Two queries at most:
    the municipalities (354 rows), and when nothing matches the closest names by trigram similarity (pg_trgm),
    with the other names in use compared here.
    """
    wanted = place_key(text)
    if not wanted:
        return PlaceMatch()
    municipalities, by_key = _name_index()
    by_code = {m.code: m for m in municipalities}
    if towns_too and looks_like_postcode(text):
        pc4 = text.strip()[:4]
        found_codes = [p for p in postcodes().get(pc4, ()) if p.municipality_code in by_code]
        return _one_or_choices([PlaceChoice(by_code[p.municipality_code], p.town) for p in found_codes], postcode=pc4)
    choices = [PlaceChoice(m) for m in by_key.get(wanted, [])]
    if towns_too:
        named = {choice.municipality.pk for choice in choices}
        choices += [
            PlaceChoice(by_code[town.municipality_code], town.name)
            for town in towns().get(wanted, ())
            if town.municipality_code in by_code and by_code[town.municipality_code].pk not in named
        ]
    if choices:
        return _one_or_choices(choices)
    if not suggestions:
        return PlaceMatch()
    similar = list(
        Municipality.objects.active()
        .annotate(similarity=TrigramSimilarity("name", text[:PLACE_MAX_LENGTH]))
        .filter(similarity__gte=0.25)
        .order_by("-similarity", "name")
        .values_list("pk", flat=True)[:suggestions]
    )
    by_pk = {m.pk: m for m in municipalities}
    result = [by_pk[pk] for pk in similar if pk in by_pk]
    for close in get_close_matches(wanted, list(by_key), n=suggestions, cutoff=0.75):
        for municipality in by_key[close]:
            if municipality not in result:
                result.append(municipality)
    return PlaceMatch(suggestions=result[:suggestions])


def neighbours_of(municipality: Municipality) -> list[MunicipalityNeighbour]:
    """The neighbours of a municipality, nearest first, with their province (one query)."""
    return list(
        MunicipalityNeighbour.objects.filter(municipality=municipality, neighbour__is_active=True)
        .select_related("neighbour__province")
        .order_by("distance_km", "neighbour__name")
    )


def distance_text(km: float) -> str:
    """ "ongeveer 14 km", in the words of a B1 reader; a short distance is not rounded to nothing."""
    if km < 1:
        return "minder dan 1 km"
    return f"ongeveer {round(km)} km"
