from __future__ import annotations

import re

import pytest

from initiatives.models import Status
from knowledge.models import Resource
from tests.factories import InitiativeFactory, ResourceFactory, term

pytestmark = pytest.mark.django_db


def _theme_card(html: str, slug: str) -> str:
    match = re.search(rf'id="thema-{slug}".*?</a>', html, flags=re.S)
    assert match is not None
    return match.group(0)


def test_theme_grid_counts_published_knowledge_and_initiatives_in_taxonomy_order(client):
    wonen = term("theme", "wonen")
    ResourceFactory.create_batch(2, themes=[wonen])
    ResourceFactory(themes=[wonen], status=Resource.Status.DRAFT)
    InitiativeFactory(themes=[wonen])
    InitiativeFactory(themes=[wonen], status=Status.SUBMITTED)

    html = client.get("/").content.decode()

    card = _theme_card(html, "wonen")
    assert "2 kennisitems" in card and "1 initiatief" in card
    positions = [html.index(f'id="thema-{slug}"') for slug in ("zorg-en-welzijn", "wonen", "veiligheid")]
    assert positions == sorted(positions)
