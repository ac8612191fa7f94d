from __future__ import annotations

import pytest
from django.urls import reverse

from initiatives.models import Status
from tests.factories import InitiativeFactory, municipality, term

pytestmark = pytest.mark.django_db


def test_list_shows_only_published(client):
    InitiativeFactory(name="Moestuin Zichtbaar")
    InitiativeFactory(name="Nog Geheim Initiatief", status=Status.SUBMITTED, published_at=None)
    response = client.get(reverse("initiatives:list"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Moestuin Zichtbaar" in body
    assert "Nog Geheim Initiatief" not in body


def test_detail_of_pending_initiative_is_404(client):
    initiative = InitiativeFactory(status=Status.SUBMITTED, published_at=None)
    assert client.get(reverse("initiatives:detail", args=[initiative.slug])).status_code == 404


def test_detail_renders_markdown_safely(client):
    initiative = InitiativeFactory(description="We zijn **actief**.\n\n[Lees meer](https://example.org)")
    body = client.get(initiative.get_absolute_url()).content.decode()
    assert "<strong>actief</strong>" in body
    assert 'rel="noopener noreferrer nofollow"' in body


def test_search_and_filters(client):
    InitiativeFactory(name="Energiecoöperatie Zonnig Zwolle", municipality=municipality("Zwolle"))
    InitiativeFactory(name="Voedselbos Utrecht")
    response = client.get(reverse("initiatives:list"), {"q": "zonnig"})
    body = response.content.decode()
    assert "Zonnig Zwolle" in body and "Voedselbos" not in body
    response = client.get(reverse("initiatives:list"), {"provincie": "overijssel"})
    body = response.content.decode()
    assert "Zonnig Zwolle" in body and "Voedselbos" not in body
    response = client.get(reverse("initiatives:list"), {"q": "Zwolle"})
    assert "Zonnig Zwolle" in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"gemeente": "bestaat-niet"},
        {"provincie": "atlantis"},
        {"thema": "<script>"},
        {"sorteer": "hostile; DROP TABLE"},
        {"soort": "x" * 5000},
    ],
)
def test_bad_filter_values_give_a_dutch_400(client, params):
    InitiativeFactory()
    response = client.get(reverse("initiatives:list"), params)
    assert response.status_code == 400
    assert "kennen we niet" in response.content.decode() or "sorteren" in response.content.decode()


@pytest.mark.parametrize("page", ["abc", "-1", "99999", "1.5", ""])
def test_bad_page_numbers_do_not_break(client, page):
    InitiativeFactory()
    assert client.get(reverse("initiatives:list"), {"page": page}).status_code == 200


def test_hostile_query_does_not_break(client):
    InitiativeFactory()
    for q in ['"', "!!!", "a & | ! ( )", "x" * 1000, "'; DROP TABLE x; --"]:
        assert client.get(reverse("initiatives:list"), {"q": q}).status_code == 200
    response = client.get(reverse("initiatives:list"), {"q": "\x00drop"})
    assert response.status_code == 400
    assert "tekens die we niet kunnen lezen" in response.content.decode()


def test_list_query_count_is_constant(client, django_assert_max_num_queries):
    theme = term("theme", "wonen")
    for _ in range(3):
        InitiativeFactory(themes=[theme])
    # Each facet: its counts and its options (two small queries); the list, its count, the map.
    with django_assert_max_num_queries(24) as small:
        client.get(reverse("initiatives:list"), {"thema": "wonen"})
    for _ in range(12):
        InitiativeFactory(themes=[theme], municipality=municipality("Zwolle"))
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(reverse("initiatives:list"), {"thema": "wonen"})


def test_markdown_cannot_smuggle_scripts_or_javascript_links():
    from wdhs.markup import render_markdown

    html = render_markdown(
        "[klik](javascript:alert(1)) <script>alert(2)</script> ![x](https://e.org/x.png) <a onclick='x'>a</a>",
        short=True,
    )
    assert "javascript:" not in html
    assert "<script" not in html
    assert "<img" not in html
    assert "onclick" not in html
    assert "alert(2)" not in html
