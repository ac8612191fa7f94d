"""The lists on a 360 px phone and a 1280 px screen: results first, filters behind one button, chips, a small header.

Issue 13: the first result of /kennis/ was 3,000 px down on a phone, and the header took a third of the screen.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser import harness

pytestmark = pytest.mark.browser

PHONE_640 = {"width": 360, "height": 640}


def _knowledge() -> None:
    """Enough knowledge for full facets (every theme, phase and kind in use) and a full first page."""
    from tests.factories import OrganisationFactory, ResourceFactory, term

    theme_slugs = ("wonen", "voedsel", "energie-en-klimaat", "zorg-en-welzijn", "groen-en-leefomgeving")
    themes = [term("theme", slug) for slug in theme_slugs]
    phases = [term("phase", slug) for slug in ("idee", "starten", "groeien")]
    kinds = [term("knowledge_kind", slug) for slug in ("handleiding", "praktijkvoorbeeld", "training")]
    partners = [OrganisationFactory(name=f"Partner {n}") for n in range(6)]
    for n in range(24):
        ResourceFactory(
            title=f"Kennisstuk {n:02d} over samen doen",
            themes=[themes[n % 5], themes[(n + 2) % 5]],
            phases=[phases[n % 3]],
            kind=kinds[n % 3],
            organisation=partners[n % 6],
        )


def _top_of(page: Any, selector: str) -> float:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, f"{selector} staat niet op de pagina"
    return float(box["y"]) + page.evaluate("() => window.scrollY")


@pytest.mark.parametrize("javascript", [True, False], ids=["met-js", "zonder-js"])
def test_phone_shows_the_results_first_and_the_filters_behind_one_button(
    open_page: Any, check_page: Any, javascript: bool
) -> None:
    _knowledge()
    page = open_page(javascript=javascript, viewport=PHONE_640)
    page.goto("/kennis/")

    header = page.locator("header.wdhs-header").bounding_box()
    assert header is not None and header["height"] <= 640 / 5, f"de kop is {header} hoog"
    first = _top_of(page, ".wdhs-list__items > li")
    assert first < 1000, f"het eerste resultaat staat op {first} px"
    # The facets are folded: their links are not shown until the button is opened.
    assert not page.locator(".wdhs-filters input[name='thema']").first.is_visible()
    assert harness.reflow_problems(page) == []
    check_page(page)

    # The keyboard opens the filters; a facet's checkbox adds a filter; its chip takes it away again.
    harness.tab_to(page, ".wdhs-filters summary")
    page.keyboard.press("Enter")
    assert page.locator(".wdhs-filters input[name='thema'][value='wonen']").is_visible()
    harness.tab_to(page, ".wdhs-filters input[name='thema'][value='wonen']")
    page.keyboard.press("Space")
    harness.tab_to(page, ".wdhs-filters button[type='submit']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "thema=wonen" in page.url
    assert page.locator(".wdhs-filters summary").inner_text().strip() == "Filters (1 actief)"
    chip = page.locator(".wdhs-chip")
    assert chip.count() == 1 and "Thema: Wonen" in chip.inner_text()
    assert _top_of(page, ".wdhs-list__items > li") < 1000
    check_page(page)
    harness.screenshot(page, f"filters-kennis-{'met' if javascript else 'zonder'}-js-360")

    harness.tab_to(page, "a.wdhs-chip")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "thema=" not in page.url
    assert page.locator(".wdhs-chip").count() == 0


@pytest.mark.parametrize("path", ["/initiatieven/", "/financiering/?thema=wonen", "/zoeken/?q=samen&soort=kennis"])
def test_the_other_lists_keep_the_header_small_and_the_results_near_on_a_phone(
    open_page: Any, check_page: Any, path: str
) -> None:
    from tests.factories import InitiativeFactory

    _knowledge()
    for n in range(12):
        InitiativeFactory(name=f"Buurtinitiatief {n:02d}")
    page = open_page(viewport=PHONE_640)
    page.goto(path)
    header = page.locator("header.wdhs-header").bounding_box()
    assert header is not None and header["height"] <= 640 / 5
    assert harness.reflow_problems(page) == []
    if path.startswith("/initiatieven/"):
        assert _top_of(page, ".wdhs-list__items > li") < 1000
    else:
        assert page.locator(".wdhs-chip").count() == 1
    check_page(page)


def test_wide_screen_shows_the_filters_beside_the_results_without_a_button(open_page: Any, check_page: Any) -> None:
    _knowledge()
    page = open_page(viewport=harness.DESKTOP)
    page.goto("/kennis/?thema=wonen&fase=idee")
    # The details element is closed, yet on a wide screen its content shows and the button does not.
    assert not page.locator(".wdhs-filters summary").is_visible()
    assert page.locator(".wdhs-filters input[name='soort']").first.is_visible()
    facets = page.locator(".wdhs-list__filters").bounding_box()
    results = page.locator(".wdhs-list__results").bounding_box()
    assert facets is not None and results is not None and facets["x"] < results["x"]
    assert page.locator(".wdhs-chip").count() == 2
    check_page(page)
    with page.expect_navigation():
        page.locator(".wdhs-chip", has_text="Fase").click()
    assert "fase=" not in page.url and "thema=wonen" in page.url
    with page.expect_navigation():
        page.get_by_role("link", name="Alle filters wissen").click()
    assert page.url.endswith("/kennis/")
    assert page.locator(".wdhs-chip").count() == 0


def _targets_overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    return not (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


@pytest.mark.parametrize("width", [320, 360])
@pytest.mark.parametrize("logged_in", [False, True], ids=["gast", "ingelogd"])
def test_header_search_is_usable_on_a_small_phone(
    open_page: Any, check_page: Any, log_in: Any, width: int, logged_in: bool
) -> None:
    """Issue 13: at 320 px the header search field was 100 px wide, its button squeezed against the account link."""
    from tests.factories import UserFactory

    page = open_page(viewport={"width": width, "height": 640})
    if logged_in:
        log_in(page, UserFactory())
    page.goto("/kennis/")
    header = page.locator("header.wdhs-header").bounding_box()
    assert header is not None and header["height"] <= 640 / 5, f"de kop is {header} hoog"
    assert harness.sideways_scroll(page) is None
    field = page.locator("#header-zoek").bounding_box()
    button = page.locator("header form[role='search'] button").bounding_box()
    account = page.locator("header .wdhs-account-link").bounding_box()
    menu = page.locator("summary.wdhs-nav__toggle").bounding_box()
    assert field and button and account and menu
    # Room to read what you type, and targets well above the 24 x 24 px of WCAG 2.5.8 (44 px, as everywhere).
    assert field["width"] >= 140 and field["height"] >= 44, field
    assert button["width"] >= 44 and button["height"] >= 44, button
    assert account["width"] >= 24 and account["height"] >= 24, account
    assert page.locator("header form[role='search'] button").inner_text().strip() == "Zoeken"
    targets = [field, button, account, menu]
    overlaps = [(a, b) for n, a in enumerate(targets) for b in targets[n + 1 :] if _targets_overlap(a, b)]
    assert overlaps == []
    assert all(box["x"] >= 0 and box["x"] + box["width"] <= width for box in targets)
    # The account link still works by keyboard, and the menu still opens under its button.
    harness.tab_to(page, "header .wdhs-account-link")
    harness.tab_to(page, "summary.wdhs-nav__toggle")
    page.keyboard.press("Enter")
    assert page.locator("header a[href='/initiatieven/']").is_visible()
    assert harness.sideways_scroll(page) is None
    check_page(page)
    harness.screenshot(page, f"kop-{width}-{'ingelogd' if logged_in else 'gast'}")
