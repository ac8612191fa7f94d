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
    assert sorted(choice.municipality.name for choice in match.choices) == ["Bergen (L.)", "Bergen (NH.)"]


def test_a_misspelt_place_gets_suggestions_and_nonsense_gets_none():
    assert "Leeuwarden" in [m.name for m in find_place("Leewarden").suggestions]
    assert "Leeuwarden" in [m.name for m in find_place("Ljouwer").suggestions]
    assert find_place("qqqqxxxx").suggestions == []
    assert find_place("!!!").municipality is None
    assert place_key("Súdwest-Fryslân") == place_key("SUDWEST FRYSLAN") == "sudwest fryslan"


# --- towns, villages and postcodes (wdhs/data/woonplaatsen.csv and postcodes.csv, GeoNames) ---


@pytest.mark.parametrize(
    ("typed", "official", "town"),
    [
        ("Elspeet", "Nunspeet", "Elspeet"),
        ("elspeet ", "Nunspeet", "Elspeet"),
        ("Hulshorst", "Nunspeet", "Hulshorst"),
        ("Giethoorn", "Steenwijkerland", "Giethoorn"),
        ("Weesp", "Amsterdam", "Weesp"),  # part of Amsterdam since 2022
        ("Hoogeveen", "Hoogeveen", ""),  # a municipality, and its main town: no choice
        ("Utrecht", "Utrecht", ""),
    ],
)
def test_a_town_or_village_leads_to_its_municipality(typed: str, official: str, town: str):
    match = find_place(typed)
    assert match.municipality is not None and match.municipality.name == official
    assert match.town == town


@pytest.mark.parametrize(
    ("typed", "official", "town"),
    [("3511", "Utrecht", "Utrecht"), ("8911 AB", "Leeuwarden", "Leeuwarden"), ("8075ab", "Nunspeet", "Elspeet")],
)
def test_a_postcode_leads_to_its_municipality(typed: str, official: str, town: str):
    match = find_place(typed)
    assert match.municipality is not None and match.municipality.name == official
    assert (match.town, match.postcode) == (town, typed[:4])


def test_a_town_name_of_two_places_gives_the_choice():
    match = find_place("Hengelo")
    assert match.municipality is None
    assert [(c.municipality.name, c.town) for c in match.choices] == [("Hengelo (O.)", ""), ("Bronckhorst", "Hengelo")]


def test_the_field_for_a_municipality_still_takes_municipalities_only():
    from wdhs.forms.fields import find_municipality

    hengelo = find_municipality("Hengelo")
    assert hengelo is not None and hengelo.name == "Hengelo (O.)"
    assert find_municipality("Elspeet") is None
    assert find_municipality("3511") is None


def test_the_town_tables_hold_current_municipalities_only():
    from wdhs.towns import postcodes, towns

    codes = set(Municipality.objects.filter(is_active=True).values_list("code", flat=True))
    assert len(towns()) > 1500 and len(postcodes()) > 3000
    assert {t.municipality_code for found in towns().values() for t in found} <= codes
    assert {p.municipality_code for found in postcodes().values() for p in found} <= codes


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
    assert "Welke plaats bedoel je?" in html and "Bergen (L.)" in html and "Bergen (NH.)" in html


def test_a_village_shows_the_municipality_it_lies_in(client: Client):
    InitiativeFactory(name="Dorpstuin Elspeet", municipality=municipality("Nunspeet"))
    response = client.get(URL, {"plaats": "Elspeet"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Elspeet ligt in de gemeente Nunspeet." in html
    assert "In en rond Nunspeet" in html and "Dorpstuin Elspeet" in html


def test_a_postcode_shows_its_place_and_municipality(client: Client):
    response = client.get(URL, {"plaats": "8075 AB"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Postcode 8075 hoort bij Elspeet, in de gemeente Nunspeet." in html
    response = client.get(URL, {"plaats": "3511"})
    assert "Postcode 3511 hoort bij de gemeente Utrecht." in response.content.decode()


def test_a_town_of_two_places_asks_which_one(client: Client):
    response = client.get(URL, {"plaats": "Hengelo"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Welke plaats bedoel je?" in html
    assert "De gemeente Hengelo (O.)</a> (provincie Overijssel)" in html
    assert "Hengelo, in de gemeente Bronckhorst</a> (provincie Gelderland)" in html
    assert f'{URL}?plaats=Bronckhorst#uitkomst"' in html


def test_an_unknown_place_gets_a_dutch_message_with_suggestions_and_400(client: Client):
    response = client.get(URL, {"plaats": "Leewarden"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "We kennen geen woonplaats of gemeente met de naam ‘Leewarden’" in html
    assert f'{URL}?plaats=Leeuwarden#uitkomst"' in html


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "Typ de naam van je woonplaats of gemeente"),
        ("x" * 5000, "hoogstens 80 tekens"),
        ("<script>alert(1)</script>", "Gebruik geen HTML-code"),
        ("Utrecht\x00", "tekens die we niet kunnen lezen"),
        ("Utrecht\nZeist", "onzichtbare tekens"),  # the middleware answers first
        ("0000", "We weten niet in welke gemeente postcode 0000 ligt"),
        ("' OR 1=1--", "We kennen geen woonplaats of gemeente"),
        ("Hengelo" * 12, "hoogstens 80 tekens"),
        ("%" * 80, "We kennen geen woonplaats of gemeente"),
        ("12345", "We kennen geen woonplaats of gemeente"),
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
