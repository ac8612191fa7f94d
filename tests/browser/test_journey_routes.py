"""Journey at 360 px, by keyboard only: from the home page's "Ik wil iets starten" to the task page with its
numbered steps, and on through a step's link to the guide it names. With and without JavaScript (issue #13).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser import harness


def _route() -> dict[str, str]:
    from tests.factories import (
        FundingSchemeFactory,
        ResourceFactory,
        RouteFactory,
        RouteStepFactory,
        RouteStepLinkFactory,
    )

    route = RouteFactory(
        title="Ik wil iets starten",
        slug="iets-starten",
        summary="Van idee tot eerste stap.",
        intro="Je hebt een idee voor je buurt. Volg deze stappen.",
        position=1,
    )
    plan = RouteStepFactory(route=route, position=1, title="Schrijf je plan op", text="Eén A4 is genoeg.")
    legal = RouteStepFactory(route=route, position=2, title="Kies een rechtsvorm", text="Stichting of vereniging?")
    money = RouteStepFactory(route=route, position=3, title="Zoek geld", text="Maak eerst een begroting.")
    RouteStepLinkFactory(step=plan, path="", label="", resource=ResourceFactory(title="Je plan op één A4"))
    guide = ResourceFactory(title="Welke rechtsvorm past bij jullie?", slug="welke-rechtsvorm")
    RouteStepLinkFactory(step=legal, path="", label="", resource=guide)
    RouteStepLinkFactory(step=money, path="", label="", funding_scheme=FundingSchemeFactory(name="Kleine bijdrage"))
    RouteStepLinkFactory(step=money, path="/financiering/", label="Naar de financieringswijzer")
    return {"route": route.get_absolute_url(), "guide": guide.get_absolute_url()}


def _enter(page: Any) -> None:
    with page.expect_navigation():
        page.keyboard.press("Enter")


@pytest.mark.parametrize("javascript", [True, False], ids=["met-js", "zonder-js"])
def test_resident_follows_the_starting_route_on_a_phone_by_keyboard(
    open_page: Any, check_page: Any, javascript: bool
) -> None:
    urls = _route()
    page = open_page(javascript=javascript, viewport=harness.PHONE)
    page.goto("/")
    harness.tab_to(page, f"main a[href='{urls['route']}']")
    _enter(page)

    assert page.url.endswith(urls["route"])
    assert page.locator("h1").inner_text() == "Ik wil iets starten"
    steps = page.locator("ol.rt-steps > li")
    assert steps.count() == 3
    assert "Stap 2 van 3" in steps.nth(1).inner_text() and "Kies een rechtsvorm" in steps.nth(1).inner_text()
    assert steps.nth(2).locator("a").count() == 2
    assert harness.reflow_problems(page) == []
    check_page(page)
    harness.screenshot(page, f"reis-aan-de-slag-{'met' if javascript else 'zonder'}-js-360")

    # The contents jump to a step, then the step's link opens the guide.
    harness.tab_to(page, "nav.rt-toc a[href='#stap-2']")
    page.keyboard.press("Enter")
    assert page.url.endswith("#stap-2")
    harness.tab_to(page, f"#stap-2 a[href='{urls['guide']}']")
    _enter(page)
    assert page.url.endswith(urls["guide"])
    assert page.locator("h1").inner_text() == "Welke rechtsvorm past bij jullie?"
    # The guide says where it stands in the route, and leads on to the next step.
    part_of = page.locator("nav.rt-part-of")
    assert "Deel van: Ik wil iets starten, stap 2 van 3" in part_of.inner_text()
    check_page(page)
    harness.tab_to(page, "nav.rt-part-of a[rel='next']")
    _enter(page)
    assert page.url.endswith(urls["route"] + "#stap-3")
