from __future__ import annotations

import re

import pytest
from django.urls import reverse

from initiatives import map as initiative_map
from initiatives.models import Status
from tests.factories import InitiativeFactory, municipality

pytestmark = pytest.mark.django_db


@pytest.fixture
def spread():
    InitiativeFactory(municipality=municipality("Utrecht"))
    InitiativeFactory(municipality=municipality("Utrecht"))
    InitiativeFactory(municipality=municipality("Zwolle"))
    InitiativeFactory(municipality=municipality("Zwolle"), status=Status.SUBMITTED)  # not counted


def test_province_map_on_list_links_and_counts(client, spread):
    body = client.get(reverse("initiatives:list")).content.decode()
    assert body.count("<path ") == 12
    assert 'href="/initiatieven/?provincie=utrecht"' in body
    assert "<title>Utrecht: 2 initiatieven</title>" in body
    assert "<title>Overijssel: 1 initiatief</title>" in body
    assert "<title>Zeeland: 0 initiatieven</title>" in body
    assert "Bron: Kadaster / Centraal Bureau voor de Statistiek, 2025" in body
    # the text alternative has the same numbers
    assert re.search(r'provincie=utrecht">Utrecht</a></th><td class="wdhs-num">2</td>', body)


def test_municipality_map(client, spread):
    response = client.get(reverse("initiatives:map"))
    body = response.content.decode()
    assert response.status_code == 200
    assert body.count("<path ") == 342
    assert 'href="/initiatieven/?gemeente=zwolle"' in body
    assert "<title>Zwolle: 1 initiatief</title>" in body


def test_municipality_map_of_one_province(client, spread):
    body = client.get(reverse("initiatives:map"), {"provincie": "utrecht"}).content.decode()
    assert body.count("<path ") == municipality("Utrecht").province.municipalities.count()
    assert "Zwolle" not in body.split("<svg", 1)[1].split("</svg>", 1)[0]


@pytest.mark.parametrize("slug", ["atlantis", "<script>", "x" * 500])
def test_map_unknown_province(client, slug):
    response = client.get(reverse("initiatives:map"), {"provincie": slug})
    assert response.status_code == 404
    assert "Deze provincie kennen we niet" in response.content.decode()


def test_colour_classes_follow_counts():
    ranges = initiative_map.thresholds([0, 1, 8])
    assert ranges == [(1, 2), (3, 4), (5, 6), (7, 8)]
    assert initiative_map.level_for(0, ranges) == 0
    assert initiative_map.level_for(8, ranges) == 4
    assert initiative_map.thresholds([0, 0]) == []
    # with one range the only class is the darkest, for contrast with "geen"
    assert initiative_map.level_for(1, initiative_map.thresholds([0, 1])) == 4


def test_home_section_shows_map_and_total(client, spread):
    body = client.get("/").content.decode()
    assert "3 initiatieven in heel Nederland" in body
    assert 'href="/initiatieven/?provincie=overijssel"' in body


def test_metrics_and_breakdowns(spread):
    from wdhs.metrics import BREAKDOWNS, METRICS

    assert METRICS["initiatives.published"].current() == 3
    series_of = METRICS["initiatives.published"].series
    assert series_of is not None
    series = series_of()
    assert series[-1][1] == 3
    assert METRICS["initiatives.municipalities_with_initiative"].current() == 2
    assert ("Utrecht", 2) in BREAKDOWNS["initiatives.by_province"].rows()
    assert BREAKDOWNS["initiatives.by_theme"].rows() == [("Groen en leefomgeving", 3)]


def test_demo_loader_is_idempotent_and_varied(demo):
    from initiatives.demo import FOLDER, load
    from initiatives.models import Initiative

    first = Initiative.objects.count()
    assert first == len(list(FOLDER.glob("*.md"))) >= 60
    load()
    assert Initiative.objects.count() == first
    published = Initiative.objects.published()
    assert published.values("municipality__province").distinct().count() == 12
    assert published.values("kind").distinct().count() == 10
    assert all(i.memberships.exists() for i in Initiative.objects.all())


def test_compact_paths_give_back_every_point():
    """The map's paths are relative whole numbers without spaces before a minus: reading them back gives the points."""
    import re

    points = [(308, 292), (301, 297), (313, 313), (308, 315), (290, 286), (308, 292)]
    path = initiative_map._compact_path(points)
    assert path.startswith("M308 292l") and path.endswith("z")
    numbers = [int(n) for n in re.findall(r"-?\d+", path)]
    x, y = numbers[0], numbers[1]
    back = [(x, y)]
    for dx, dy in zip(numbers[2::2], numbers[3::2], strict=True):
        x, y = x + dx, y + dy
        back.append((x, y))
    assert back == points
    assert " -" not in path
