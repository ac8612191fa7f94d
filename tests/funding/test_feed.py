"""/financiering/feed/: the newest schemes that fit (or may fit) the finder's answers in its URL."""

from __future__ import annotations

import re

import pytest

from tests.factories import FundingSchemeFactory, municipality, term

pytestmark = pytest.mark.django_db
FEED = "/financiering/feed/"


def _titles(client, query: str = "") -> list[str]:  # noqa: ANN001
    response = client.get(FEED + query)
    assert response.status_code == 200, response.content
    assert "application/atom+xml" in response["Content-Type"]
    return sorted(re.findall(r"<entry>.*?<title>([^<]*)</title>", response.content.decode(), flags=re.S))


@pytest.fixture
def schemes() -> None:
    formal = FundingSchemeFactory(name="Fonds Formeel")
    formal.legal_forms.set([term("legal_form", "stichting")])
    utrecht = FundingSchemeFactory(name="Utrechts Buurtgeld", scope="regio")
    utrecht.municipalities.set([municipality("Utrecht")])
    FundingSchemeFactory(name="Oud Fonds", is_active=False)


def test_feed_with_answers_leaves_out_the_schemes_that_do_not_fit(client, schemes):
    assert _titles(client) == ["Fonds Formeel", "Utrechts Buurtgeld"]
    assert _titles(client, "?rechtsvorm=informele-groep-zonder-penvoerder") == ["Utrechts Buurtgeld"]
    assert _titles(client, "?gemeente=Zwolle") == ["Fonds Formeel"]
    assert _titles(client, "?q=buurtgeld") == ["Utrechts Buurtgeld"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?bedrag=veel", "Vul een bedrag in hele euro"),
        ("?rechtsvorm=bestaat-niet", "Deze rechtsvorm kennen we niet"),
        ("?gemeente=Atlantis", "Deze gemeente kennen we niet"),
        ("?q=" + "x" * 3000, "te lang"),
    ],
)
def test_feed_refuses_answers_the_finder_refuses_in_dutch(client, schemes, query, message):
    response = client.get(FEED + query)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_the_finder_announces_its_feed_with_the_same_answers(client, schemes):
    def alternate(path: str) -> str:
        html = client.get(path).content.decode()
        (link,) = re.findall(r'<link rel="alternate" type="application/atom\+xml"[^>]*>', html)
        return re.search(r'href="([^"]*)"', link).group(1).replace("&amp;", "&")  # type: ignore[union-attr]

    assert alternate("/financiering/") == FEED
    assert alternate("/financiering/?thema=wonen&fase=idee") == f"{FEED}?thema=wonen&fase=idee"
    assert alternate("/financiering/?bedrag=veel") == FEED
