from __future__ import annotations

import re

import pytest
from django.urls import reverse

from initiatives.sitemaps import InitiativeSitemap
from tests.factories import InitiativeFactory
from tests.sitemaps import sitemap_text

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = ["home", "about", "privacy", "accessibility", "open_data", "contact", "account_login", "account_signup"]


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_page_is_dutch_with_one_h1_and_landmarks(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="nl"' in html
    assert len(re.findall(r"<h1[\s>]", html)) == 1
    for landmark in ("<header", "<main", "<footer", 'href="#inhoud"'):
        assert landmark in html
    assert "style=" not in html
    assert "<script>" not in html


def test_home_tells_what_you_can_do_here(client):
    html = client.get("/").content.decode()
    assert "Samen iets doen in je straat, wijk of dorp" in html
    assert "Zorg en welzijn" in html  # themes from the taxonomy
    assert "Oranje Fonds" in html  # partners in the footer


def test_unknown_page_gives_dutch_404(client):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Deze pagina bestaat niet" in response.content.decode()


def test_security_headers(client):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"


def test_robots_and_sitemap(client):
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /beheer/" in robots and "Sitemap: http://testserver/sitemap.xml" in robots
    assert "http://testserver/privacy/" in sitemap_text(client)


def test_sitemap_is_an_index_of_sections(client):
    index = client.get("/sitemap.xml").content.decode()
    for section in ("paginas", "kennis", "organisaties", "financiering", "initiatieven", "doelen", "doelen-nieuws"):
        assert f"http://testserver/sitemap-{section}.xml" in index
    assert client.get("/sitemap-bestaat-niet.xml").status_code == 404


def test_a_large_sitemap_section_is_split_into_files(client, monkeypatch):
    monkeypatch.setattr(InitiativeSitemap, "limit", 2)
    initiatives = InitiativeFactory.create_batch(5)
    index = client.get("/sitemap.xml").content.decode()
    assert "/sitemap-initiatieven.xml?p=3" in index and "/sitemap-initiatieven.xml?p=4" not in index
    pages = [client.get("/sitemap-initiatieven.xml", {"p": p}).content.decode() for p in (1, 2, 3)]
    assert [page.count("<url>") for page in pages] == [2, 2, 1]
    for initiative in initiatives:
        assert sum(initiative.get_absolute_url() in page for page in pages) == 1
    assert client.get("/sitemap-initiatieven.xml", {"p": 4}).status_code == 404
    assert client.get("/sitemap-initiatieven.xml", {"p": "x"}).status_code == 404


def test_mijn_requires_login(client):
    response = client.get(reverse("mijn"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_mijn_shows_account(client, user):
    client.force_login(user)
    html = client.get(reverse("mijn")).content.decode()
    assert user.email in html
    assert "Mijn omgeving" in html


def test_header_shows_login_or_account(client, user):
    assert "Inloggen" in client.get("/").content.decode()
    client.force_login(user)
    assert "Mijn omgeving" in client.get("/").content.decode()


def test_server_error_page_renders_without_request_context():
    from django.template.loader import get_template

    html = get_template("500.html").render({})
    assert "Er ging iets mis" in html


def test_account_pages_use_the_words_of_the_header(client):
    login = client.get(reverse("account_login")).content.decode()
    assert re.search(r"<title>\s*Inloggen", login) and "Aanmelden" not in login
    signup = client.get(reverse("account_signup")).content.decode()
    assert "Account maken" in signup and "Registreren" not in signup
    assert signup.count("niet verplicht") == 1
