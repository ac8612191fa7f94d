"""Journeys on a 360 px phone, by keyboard: a resident types a place and finds initiatives near it; the funding
finder's answer lands on the outcome (#uitkomst), not 3,000 px above it. With and without JavaScript.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser import harness


def _enter(page: Any) -> None:
    with page.expect_navigation():
        page.keyboard.press("Enter")


def _in_view(page: Any, selector: str) -> bool:
    """Whether the top of the element is on the screen now (after the browser scrolled to the fragment)."""
    return page.evaluate(
        """(selector) => {
            const top = document.querySelector(selector).getBoundingClientRect().top;
            return top >= -1 && top < window.innerHeight;
        }""",
        selector,
    )


@pytest.mark.parametrize("javascript", [True, False], ids=["met-js", "zonder-js"])
def test_resident_types_a_place_and_finds_initiatives_near_it(open_page: Any, check_page: Any, javascript: bool):
    from tests.factories import InitiativeFactory, municipality

    InitiativeFactory(name="Buurtkamer Oldehove", municipality=municipality("Leeuwarden"), area="Oldehove")
    InitiativeFactory(name="Dorpshuis Garyp", municipality=municipality("Tytsjerksteradiel"), area="Garyp")
    InitiativeFactory(name="Ver weg in Zeeland", municipality=municipality("Vlissingen"))
    label = f"{'met' if javascript else 'zonder'}-js"
    page = open_page(javascript=javascript, viewport=harness.PHONE)
    page.goto("/")
    # The route "Ik zoek anderen die hetzelfde doen" leads to the place search.
    harness.tab_to(page, "main a[href='/in-de-buurt/']")
    _enter(page)
    assert page.url.endswith("/in-de-buurt/")
    check_page(page, axe_without_js=True)

    # The Frisian name, as people in Leeuwarden say it.
    harness.tab_to(page, "#id_plaats")
    page.keyboard.type("Ljouwert")
    harness.tab_to(page, "main form button[type='submit']")
    _enter(page)

    assert "plaats=Ljouwert" in page.url and page.url.endswith("#uitkomst")
    assert _in_view(page, "#uitkomst")
    outcome = page.locator("#uitkomst").inner_text()
    assert "In Leeuwarden" in outcome and "Buurtkamer Oldehove" in outcome
    around = page.locator(".wdhs-neighbours").inner_text()
    assert around.startswith("Tytsjerksteradiel")  # the nearest neighbour first
    assert "Dorpshuis Garyp" in around and "Grenst aan Leeuwarden · ongeveer 12 km" in around
    assert "Ver weg in Zeeland" not in page.content()
    assert not harness.reflow_problems(page)
    check_page(page, axe_without_js=True)
    harness.screenshot(page, f"reis-in-de-buurt-{label}-360")

    # A typo gets suggestions and a 400; the suggestion leads to the place.
    page.goto("/in-de-buurt/?plaats=Leewarden")
    assert harness.log_of(page).last_document.status == 400
    harness.tab_to(page, "#suggesties a[href*='Leeuwarden']")
    _enter(page)
    assert "In Leeuwarden" in page.locator("#uitkomst").inner_text()


@pytest.mark.parametrize("javascript", [True, False], ids=["met-js", "zonder-js"])
def test_the_funding_finder_lands_on_its_outcome_on_a_phone(open_page: Any, check_page: Any, javascript: bool):
    from tests.factories import FundingSchemeFactory, term

    FundingSchemeFactory(name="Landelijk Buurtfonds")
    formal = FundingSchemeFactory(name="Fonds Formeel", penvoerder_ok=True)
    formal.legal_forms.set([term("legal_form", "stichting"), term("legal_form", "vereniging")])
    page = open_page(javascript=javascript, viewport=harness.PHONE)
    page.goto("/financiering/")
    harness.tab_to(page, "#id_bedrag")
    page.keyboard.type("2500")
    # Into the group of radio buttons, then with the arrow keys to the answer, as a keyboard user does.
    harness.tab_to(page, "input[type='radio'][name='rechtsvorm']")
    for _ in range(20):
        if page.evaluate("() => document.activeElement.value") == "informele-groep-zonder-penvoerder":
            break
        page.keyboard.press("ArrowDown")
    assert page.locator("input[name='rechtsvorm'][value='informele-groep-zonder-penvoerder']").is_checked()
    harness.tab_to(page, "main form.wdhs-list__filters button[type='submit']")
    _enter(page)

    assert page.url.endswith("#uitkomst")
    # With an outcome the answers fold behind "Filters" as on every list (issue 13), so the outcome is near the top.
    assert not page.locator("main form.wdhs-list__filters").is_visible()
    assert page.locator(".wdhs-filters > summary").inner_text().strip() == "Filters (2 actief)"
    assert _in_view(page, "#uitkomst")
    summary = page.locator(".fu-summary").inner_text()
    assert summary == "1 regeling past waarschijnlijk, 0 misschien en 1 niet."
    assert (
        "Met een penvoerder, een stichting of een vereniging past 1 regeling meer."
        in page.locator(".fu-doors").inner_text()
    )
    check_page(page, axe_without_js=True)
    harness.screenshot(page, f"reis-financiering-uitkomst-{'met' if javascript else 'zonder'}-js-360")
