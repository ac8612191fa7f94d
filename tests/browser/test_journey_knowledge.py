"""Journey: a resident on a 360 px phone finds the guide on choosing a legal form, by keyboard only.

Once by searching (the header search box, then /zoeken/) and once by browsing the facets of /kennis/;
each with and without JavaScript.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser import harness

GUIDE = "Welke rechtsvorm past bij jullie?"
JAVASCRIPT = pytest.mark.parametrize("javascript", [True, False], ids=["met-js", "zonder-js"])


def _knowledge() -> Any:
    """The guide from the demo content, between other knowledge that must not get in the way."""
    from tests.factories import OrganisationFactory, ResourceFactory, term

    katalys = OrganisationFactory(name="Katalys", slug="katalys")
    guide = ResourceFactory(
        title=GUIDE,
        slug="welke-rechtsvorm-past-bij-jullie",
        kind=term("knowledge_kind", "handleiding"),
        organisation=katalys,
        summary="Informele groep, vereniging, stichting of coöperatie? Lees wat bij jullie plan past.",
        body="## Eerst: waarom een rechtsvorm?\n\nMet een rechtsvorm kan jullie groep zelf een contract tekenen.",
        themes=[term("theme", "zorg-en-welzijn"), term("theme", "ontmoeting-en-cultuur")],
        phases=[term("phase", "idee"), term("phase", "starten")],
    )
    ResourceFactory(title="Vrijwilligers vinden en houden", phases=[term("phase", "groeien")])
    ResourceFactory(
        title="Een buurtfeest organiseren",
        kind=term("knowledge_kind", "handleiding"),
        phases=[term("phase", "groeien")],
    )
    ResourceFactory(title="Subsidie aanvragen bij je gemeente", phases=[term("phase", "starten")])
    return guide


def _press_enter_and_wait(page: Any) -> None:
    with page.expect_navigation():
        page.keyboard.press("Enter")


def _open_the_guide(page: Any, guide: Any, check_page: Any) -> None:
    harness.tab_to(page, f"main a[href='{guide.get_absolute_url()}']")
    _press_enter_and_wait(page)
    assert page.locator("h1").inner_text().strip() == GUIDE
    assert "waarom een rechtsvorm" in page.locator("main").inner_text()
    assert harness.reflow_problems(page) == []
    check_page(page)


@JAVASCRIPT
def test_resident_on_a_phone_finds_the_guide_by_searching(open_page: Any, check_page: Any, javascript: bool) -> None:
    guide = _knowledge()
    page = open_page(javascript=javascript, viewport=harness.PHONE)
    page.goto("/")
    harness.tab_to(page, "#header-zoek")
    page.keyboard.type("rechtsvorm")
    _press_enter_and_wait(page)

    assert "/zoeken/?q=rechtsvorm" in page.url
    results = page.locator("main").inner_text()
    assert GUIDE in results
    assert "Vrijwilligers vinden en houden" not in results
    check_page(page)
    harness.screenshot(page, f"reis-kennis-zoeken-{'met' if javascript else 'zonder'}-js-360")
    _open_the_guide(page, guide, check_page)


@JAVASCRIPT
def test_resident_on_a_phone_finds_the_guide_by_facets(open_page: Any, check_page: Any, javascript: bool) -> None:
    guide = _knowledge()
    page = open_page(javascript=javascript, viewport=harness.PHONE)
    page.goto("/")
    # On a phone the main menu is folded behind one "Hoofdmenu" button (a <details>); Enter opens it.
    assert not page.locator("header a[href='/kennis/']").is_visible()
    harness.tab_to(page, "summary.wdhs-nav__toggle")
    page.keyboard.press("Enter")
    assert page.locator("header a[href='/kennis/']").is_visible()
    assert harness.sideways_scroll(page) is None
    check_page(page)
    harness.tab_to(page, "header a[href='/kennis/']")
    _press_enter_and_wait(page)
    assert page.locator("h1").inner_text().strip() == "Kennis"

    # Kind: a guide; then phase: just starting. Each facet is a checkbox in a form, so it works without
    # JavaScript. On a phone the facets are folded behind the "Filters" button (a <details>); Enter opens it.
    harness.tab_to(page, ".wdhs-filters summary")
    page.keyboard.press("Enter")
    harness.tab_to(page, ".wdhs-filters input[name='soort'][value='handleiding']")
    page.keyboard.press("Space")
    harness.tab_to(page, ".wdhs-filters button[type='submit']")
    _press_enter_and_wait(page)
    assert "soort=handleiding" in page.url
    harness.tab_to(page, ".wdhs-filters summary")
    page.keyboard.press("Enter")
    harness.tab_to(page, ".wdhs-filters input[name='fase'][value='starten']")
    page.keyboard.press("Space")
    harness.tab_to(page, ".wdhs-filters button[type='submit']")
    _press_enter_and_wait(page)
    assert "fase=starten" in page.url and "soort=handleiding" in page.url

    cards = page.locator(".wdhs-list__items > li")
    assert cards.count() == 1
    assert GUIDE in cards.first.inner_text()
    assert page.locator(".wdhs-filters input[type='checkbox']:checked").count() == 2
    check_page(page)
    harness.screenshot(page, f"reis-kennis-facetten-{'met' if javascript else 'zonder'}-js-360")
    _open_the_guide(page, guide, check_page)
