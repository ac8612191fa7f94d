"""Journey (a) of issue #13: a resident of a village with an idea for a dorpshuis, without an account, goes from
the home page to a scheme that fits, the guide on legal forms and a partner to ask, and asks.

On a 360 px phone, by keyboard only (Tab, Enter, Space, arrow keys; no mouse), with and without JavaScript;
axe-core and the HTML checker on every page (without JavaScript axe-core reads the served HTML, see check_page).
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from tests.browser import harness

GUIDE = "welke-rechtsvorm-past-bij-jullie"  # the guide the funding finder's "more doors" names (DOOR_GUIDES)


def _content() -> tuple[str, str]:
    """A village partner with a dorpshuis scheme and the guide on legal forms; a scheme only for a stichting."""
    from knowledge.funding.rules import Coverage
    from tests.factories import FundingSchemeFactory, MembershipFactory, OrganisationFactory, ResourceFactory, term

    suffix = uuid.uuid4().hex[:6]
    partner = OrganisationFactory(name=f"Kleine Kernen {suffix}", slug=f"kleine-kernen-{suffix}")
    MembershipFactory(organisation=partner)  # an editor who reads the questions
    scheme = FundingSchemeFactory(
        name=f"Dorpshuizenfonds {suffix}",
        slug=f"dorpshuizenfonds-{suffix}",
        funder=partner,
        funder_name="",
        funds_buildings=Coverage.YES.value,
    )
    formal = FundingSchemeFactory(
        name=f"Fonds voor stichtingen {suffix}", penvoerder_ok=True, funds_buildings=Coverage.YES.value
    )
    formal.legal_forms.set([term("legal_form", "stichting")])
    ResourceFactory(
        title="Welke rechtsvorm past bij jullie?",
        slug=GUIDE,
        organisation=partner,
        themes=[term("theme", "wonen")],
    )
    return scheme.slug, partner.slug


def _step(page: Any, check_page: Any, label: str, name: str) -> None:
    check_page(page, f"reis-dorpshuis-{label}-{name}", axe_without_js=True)
    assert harness.sideways_scroll(page) is None
    harness.screenshot(page, f"reis-dorpshuis-{label}-{name}")


def _follow(page: Any, selector: str) -> None:
    harness.tab_to(page, selector, max_tabs=120)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def _choose_radio(page: Any, name: str, value: str) -> None:
    """Tab into a group of radio buttons and move with the arrow keys to the answer, as a keyboard user does."""
    harness.tab_to(page, f"input[type='radio'][name='{name}']")
    for _ in range(20):
        if page.evaluate("() => document.activeElement.value") == value:
            break
        page.keyboard.press("ArrowDown")
    assert page.locator(f"input[name='{name}'][value='{value}']").is_checked()


@pytest.mark.parametrize("javascript", [True, False], ids=["met-js", "zonder-js"])
def test_villager_finds_a_scheme_the_legal_form_guide_and_asks_the_partner(
    open_page: Any, check_page: Any, javascript: bool
) -> None:
    from knowledge.models import Question

    scheme, partner = _content()
    label = f"{'met' if javascript else 'zonder'}-js-360"
    page = open_page(javascript=javascript, viewport=harness.PHONE)

    # The home page; the main menu is folded behind "Hoofdmenu" on a phone.
    page.goto("/")
    _step(page, check_page, label, "1-home")
    harness.tab_to(page, "summary.wdhs-nav__toggle")
    page.keyboard.press("Enter")
    _follow(page, "header a[href='/financiering/']")
    _step(page, check_page, label, "2-wijzer")

    # The finder: a municipality in Friesland with villages, a group without a legal form, money for a building.
    harness.tab_to(page, "input[name='doel'][value='gebouw']")
    page.keyboard.press("Space")
    harness.tab_to(page, "#id_gemeente")
    page.keyboard.type("Tytsjerksteradiel")
    _choose_radio(page, "rechtsvorm", "informele-groep-zonder-penvoerder")
    _follow(page, "main form.wdhs-list__filters button[type='submit']")
    assert page.url.endswith("#uitkomst") and "gemeente=Tytsjerksteradiel" in page.url
    fits = page.locator("section.fu-group--past")
    assert "Dorpshuizenfonds" in fits.inner_text()
    doors = page.locator("section.fu-doors")
    assert "passen" in doors.inner_text() or "past" in doors.inner_text()
    _step(page, check_page, label, "3-uitkomst")

    # A scheme that fits, with its funder to ask.
    _follow(page, f"section.fu-group--past a[href^='/financiering/{scheme}/']")
    assert "Dorpshuizenfonds" in page.locator("h1").inner_text()
    assert page.locator(f"section.wdhs-related a[href='/vraag/?partner={partner}']").count() == 1
    _step(page, check_page, label, "4-regeling")
    page.go_back()

    # The guide on legal forms, from "what would open more doors".
    _follow(page, f"section.fu-doors a[href='/kennis/{GUIDE}/']")
    assert page.locator("h1").inner_text().strip() == "Welke rechtsvorm past bij jullie?"
    _step(page, check_page, label, "5-gids-rechtsvorm")

    # The partner who wrote it: "Stel deze partner je vraag", with the partner filled in.
    _follow(page, f"section.wdhs-related a[href='/vraag/?partner={partner}']")
    assert "Je stelt je vraag aan" in page.locator("main").inner_text()
    _step(page, check_page, label, "6-vraag")
    email = f"dorpeling.{uuid.uuid4().hex[:8]}@example.org"
    harness.tab_to(page, "#id_name")
    page.keyboard.type("Jelle")
    harness.tab_to(page, "#id_email")
    page.keyboard.type(email)
    harness.tab_to(page, "#id_text")
    page.keyboard.type("Wij willen het dorpshuis verbouwen, maar we hebben nog geen stichting. Hoe beginnen we?")
    harness.tab_to(page, "#id_consent_store")
    page.keyboard.press("Space")
    _follow(page, "main form.wdhs-form button[type='submit']")

    # The confirmation panel: a reference, what happens next, and the question reached that partner.
    assert page.url.endswith("/vraag/verstuurd/"), page.locator("main").inner_text()[:400]
    assert page.locator(".wdhs-confirmation__reference").inner_text().strip()
    _step(page, check_page, label, "7-verstuurd")
    question = Question.objects.get(email=email)
    assert question.organisation is not None and question.organisation.slug == partner
