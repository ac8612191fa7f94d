"""Near me (/in-de-buurt/): neighbours and distances from the municipality shapes, places typed by name, the page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from initiatives.models import Status
from tests.factories import FundingSchemeFactory, InitiativeFactory, OrganisationFactory, municipality, province
from wdhs.models import Municipality, MunicipalityNeighbour
from wdhs.nearby import (
    bordering_pairs,
    distance_km,
    distance_text,
    find_place,
    load_neighbours,
    neighbour_rows,
    place_key,
)

pytestmark = pytest.mark.django_db
URL = "/in-de-buurt/"


def neighbour_names(name: str) -> list[str]:
    return list(
        MunicipalityNeighbour.objects.filter(municipality__name=name)
        .order_by("distance_km")
        .values_list("neighbour__name", flat=True)
    )


# --- derived from the shapes ---


def test_distance_between_two_points_is_the_great_circle_distance():
    # Utrecht Dom to Amsterdam Dam: about 35 km as the crow flies.
    assert 34 < distance_km(52.0907, 5.1214, 52.3731, 4.8926) < 36
    assert distance_km(52.0, 5.0, 52.0, 5.0) == 0
    assert distance_text(0.4) == "minder dan 1 km" and distance_text(13.6) == "ongeveer 14 km"


def test_shapes_that_share_a_border_point_are_neighbours():
    def square(code: str, x: float) -> dict:
        ring = [[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]
        return {"properties": {"gemeentecode": code}, "geometry": {"type": "Polygon", "coordinates": [ring]}}

    pairs = bordering_pairs([square("GM1", 0), square("GM2", 1), square("GM3", 5)])
    assert pairs == {("GM1", "GM2")}


def test_an_island_without_a_border_gets_the_nearest_instead(tmp_path: Path):
    features = [
        {"properties": {"gemeentecode": code}, "geometry": {"type": "Polygon", "coordinates": [ring]}}
        for code, ring in [
            ("GM1", [[0, 0], [1, 0], [1, 1], [0, 0]]),
            ("GM2", [[1, 0], [2, 0], [1, 1], [1, 0]]),
            ("GM3", [[9, 9], [9.5, 9], [9, 9.5], [9, 9]]),
        ]
    ]
    geojson = tmp_path / "g.geojson"
    geojson.write_text(json.dumps({"features": features}))
    csv_file = tmp_path / "g.csv"
    csv_file.write_text("gemeentecode,centroid_lat,centroid_lon\nGM1,52.0,5.0\nGM2,52.0,5.1\nGM3,53.0,6.0\n")
    rows = neighbour_rows(geojson, csv_file, nearest=1)
    assert [(r.code, r.neighbour_code, r.shares_border) for r in rows] == [
        ("GM1", "GM2", True),
        ("GM2", "GM1", True),
        ("GM3", "GM2", False),  # GM2 lies a little closer to GM3 than GM1 does
    ]
    assert rows[0].distance_km == pytest.approx(6.8, abs=0.1)


def test_the_real_map_gives_every_municipality_its_neighbours_both_ways():
    assert neighbour_names("Leeuwarden")[:3] == ["Tytsjerksteradiel", "Waadhoeke", "Smallingerland"]
    assert set(neighbour_names("Leeuwarden")) >= {"Súdwest-Fryslân", "Noardeast-Fryslân", "Heerenveen"}
    assert "Nieuwegein" in neighbour_names("Utrecht") and "Amsterdam" not in neighbour_names("Utrecht")
    # A shared border counts both ways (the nearest ones of an island only one way).
    links = set(MunicipalityNeighbour.objects.filter(shares_border=True).values_list("municipality_id", "neighbour_id"))
    assert len(links) > 1000 and all((b, a) in links for a, b in links)
    assert not MunicipalityNeighbour.objects.filter(municipality_id=F_neighbour()).exists()
    lonely = Municipality.objects.active().exclude(neighbour_links__isnull=False)
    assert not lonely.exists()
    # Ameland has no neighbour on land: the nearest three, marked as not bordering.
    ameland = MunicipalityNeighbour.objects.filter(municipality__name="Ameland")
    assert ameland.count() == 3 and not ameland.filter(shares_border=True).exists()
    nearest = ameland.order_by("distance_km").first()
    assert nearest is not None and 10 < nearest.distance_km < 40


def F_neighbour():  # noqa: N802 - reads as the column
    from django.db.models import F

    return F("neighbour_id")


def test_loading_again_gives_the_same_rows():
    before = sorted(MunicipalityNeighbour.objects.values_list("municipality__code", "neighbour__code", "distance_km"))
    assert load_neighbours() == len(before)
    after = sorted(MunicipalityNeighbour.objects.values_list("municipality__code", "neighbour__code", "distance_km"))
    assert after == before


# --- a place typed by name ---


@pytest.mark.parametrize(
    ("typed", "official"),
    [
        ("Leeuwarden", "Leeuwarden"),
        ("ljouwert", "Leeuwarden"),
        ("  LJOUWERT ", "Leeuwarden"),
        ("Den Bosch", "'s-Hertogenbosch"),
        ("’s-Hertogenbosch", "'s-Hertogenbosch"),
        ("Hertogenbosch", "'s-Hertogenbosch"),
        ("den haag", "'s-Gravenhage"),
        ("Sudwest Fryslan", "Súdwest-Fryslân"),
        ("Zuidwest-Friesland", "Súdwest-Fryslân"),
        ("gemeente Utrecht", "Utrecht"),
        ("Nuenen", "Nuenen, Gerwen en Nederwetten"),
        ("skylge", "Terschelling"),
    ],
)
def test_a_place_is_found_by_every_name_people_use(typed: str, official: str):
    match = find_place(typed)
    assert match.municipality is not None and match.municipality.name == official


def test_two_municipalities_with_one_name_give_the_choice():
    match = find_place("Bergen")
    assert match.municipality is None
    assert sorted(m.name for m in match.choices) == ["Bergen (L.)", "Bergen (NH.)"]


def test_a_misspelt_place_gets_suggestions_and_nonsense_gets_none():
    assert "Leeuwarden" in [m.name for m in find_place("Leewarden").suggestions]
    assert "Leeuwarden" in [m.name for m in find_place("Ljouwer").suggestions]
    assert find_place("qqqqxxxx").suggestions == []
    assert find_place("!!!").municipality is None
    assert place_key("Súdwest-Fryslân") == place_key("SUDWEST FRYSLAN") == "sudwest fryslan"


# --- the page ---


def test_the_page_shows_the_place_then_its_neighbours_nearest_first(client: Client):
    utrecht = municipality("Utrecht")
    here = InitiativeFactory(name="Moestuin Lombok", municipality=utrecht)
    InitiativeFactory(name="Verborgen plan", municipality=utrecht, status=Status.SUBMITTED)
    zeist = InitiativeFactory(name="Repaircafé Zeist", municipality=municipality("Zeist"))
    nieuwegein = InitiativeFactory(name="Buurtkamer Nieuwegein", municipality=municipality("Nieuwegein"))
    InitiativeFactory(name="Energie Amsterdam", municipality=municipality("Amsterdam"))
    provincial = FundingSchemeFactory(name="Provinciaal buurtfonds", scope="regio")
    provincial.provinces.set([province("Utrecht")])
    local_elsewhere = FundingSchemeFactory(name="Zeister wijkbudget", scope="regio")
    local_elsewhere.municipalities.set([municipality("Zeist")])
    other_province = FundingSchemeFactory(name="Gronings dorpenfonds", scope="regio")
    other_province.provinces.set([province("Groningen")])
    FundingSchemeFactory(name="Landelijk fonds")
    partner = OrganisationFactory(name="Steunpunt Utrecht", is_national=False, kind="lokaal")
    partner.municipalities.set([utrecht])
    neighbour_partner = OrganisationFactory(name="Vrijwilligers Zeist", is_national=False, kind="lokaal")
    neighbour_partner.municipalities.set([municipality("Zeist")])

    response = client.get(URL, {"plaats": "utrecht"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "In en rond Utrecht" in html
    assert here.name in html and "Verborgen plan" not in html and "Energie Amsterdam" not in html
    assert html.index(here.name) < html.index(nieuwegein.name) < html.index(zeist.name)
    assert "Grenst aan Utrecht · ongeveer 7 km" in html
    assert "Provinciaal buurtfonds" in html and "Zeister wijkbudget" in html and "Gronings dorpenfonds" not in html
    assert "1 regeling geldt in heel Nederland" in html
    assert "Steunpunt Utrecht" in html and "Vrijwilligers Zeist" in html
    assert html.index("Zeister wijkbudget") > html.index(nieuwegein.name)
    assert "/financiering/?gemeente=Utrecht#uitkomst" in html


def test_an_alias_leads_to_the_official_place(client: Client):
    response = client.get(URL, {"plaats": "Ljouwert"})
    assert response.status_code == 200
    assert "In en rond Leeuwarden" in response.content.decode()


def test_without_a_place_the_page_asks_for_one(client: Client):
    response = client.get(URL)
    assert response.status_code == 200
    assert 'name="plaats"' in response.content.decode()


def test_a_name_of_two_places_asks_which_one(client: Client):
    response = client.get(URL, {"plaats": "Bergen"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Welke gemeente bedoel je?" in html and "Bergen (L.)" in html and "Bergen (NH.)" in html


def test_an_unknown_place_gets_a_dutch_message_with_suggestions_and_400(client: Client):
    response = client.get(URL, {"plaats": "Leewarden"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "We kennen geen gemeente met de naam ‘Leewarden’" in html
    assert f'{URL}?plaats=Leeuwarden#uitkomst"' in html


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "Typ de naam van je gemeente"),
        ("x" * 5000, "hoogstens 80 tekens"),
        ("<script>alert(1)</script>", "Gebruik geen HTML-code"),
        ("Utrecht\x00", "tekens die we niet kunnen lezen"),
        ("Utrecht\nZeist", "onzichtbare tekens"),  # the middleware answers first
        ("8911 AB", "Zoeken op postcode kan hier nog niet"),
        ("' OR 1=1--", "We kennen geen gemeente"),
    ],
)
def test_bad_input_gets_a_dutch_message_and_400(client: Client, value: str, message: str):
    response = client.get(URL, {"plaats": value})
    assert response.status_code == 400
    assert message in response.content.decode()


def test_the_number_of_queries_does_not_grow_with_the_content(client: Client):
    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            assert client.get(URL, {"plaats": "Utrecht"}).status_code == 200
        return len(context.captured_queries)

    InitiativeFactory(municipality=municipality("Utrecht"))
    few = queries()
    for name in ["Utrecht", "Zeist", "Nieuwegein", "De Bilt", "Houten", "Bunnik"]:
        place = municipality(name)
        for _ in range(6):
            InitiativeFactory(municipality=place)
        scheme = FundingSchemeFactory(scope="regio")
        scheme.municipalities.set([place])
        organisation = OrganisationFactory(is_national=False, kind="lokaal")
        organisation.municipalities.set([place])
    assert queries() == few
    assert few <= 16


def test_the_home_route_for_peers_leads_to_the_place_search(client: Client):
    html = client.get("/").content.decode()
    assert f'href="{reverse("nearby")}"' in html
    assert reverse("nearby") in client.get("/initiatieven/").content.decode()
