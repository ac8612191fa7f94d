"""Journey, by keyboard only: a resident answers the funding finder, sees three groups with reasons, and then
asks a question at /vraag/ (a confirmation mail goes out). With and without JavaScript.
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from django.core import mail

from tests.browser import harness


def _schemes() -> None:
    from tests.factories import FundingSchemeFactory, municipality, province, term

    FundingSchemeFactory(name="Landelijk Buurtfonds", funder_name="Landelijk Buurtfonds")
    formal = FundingSchemeFactory(name="Fonds Formeel", funder_name="Fonds Formeel", penvoerder_ok=True)
    formal.legal_forms.set([term("legal_form", "stichting"), term("legal_form", "vereniging")])
    utrecht = FundingSchemeFactory(name="Utrechts Buurtgeld", scope="regio", max_amount=1000)
    utrecht.municipalities.set([municipality("Utrecht")])
    brabant = FundingSchemeFactory(name="Brabants Fonds", scope="regio")
    brabant.provinces.set([province("Noord-Brabant")])


def _enter(page: Any) -> None:
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


def _group(page: Any, key: str) -> Any:
    return page.locator(f"section.fu-group--{key}")


@pytest.mark.parametrize("javascript", [True, False], ids=["met-js", "zonder-js"])
def test_resident_uses_the_funding_finder_and_asks_a_question_by_keyboard(
    open_page: Any, check_page: Any, javascript: bool
) -> None:
    _schemes()
    label = f"{'met' if javascript else 'zonder'}-js"
    page = open_page(javascript=javascript)
    page.goto("/")
    harness.tab_to(page, "header a[href='/financiering/']")
    _enter(page)

    harness.tab_to(page, "#id_bedrag")
    page.keyboard.type("2500")
    harness.tab_to(page, "#id_gemeente")
    page.keyboard.type("Utrecht")
    _choose_radio(page, "rechtsvorm", "informele-groep-zonder-penvoerder")
    harness.tab_to(page, "main form.wdhs-list__filters button[type='submit']")
    _enter(page)

    # Three groups, each scheme with its reasons.
    assert "bedrag=2500" in page.url
    assert "Landelijk Buurtfonds" in _group(page, "past").inner_text()
    assert "Utrechts Buurtgeld" in _group(page, "misschien").inner_text()
    not_fitting = _group(page, "past-niet")
    # Folded at first, so the schemes that may fit stay in view.
    assert not_fitting.locator("details").get_attribute("open") is None
    assert "Noord-Brabant" not in not_fitting.inner_text()
    assert page.locator(".fu-reason").count() >= 3
    # The folded group opens by keyboard, and then its reasons show.
    harness.tab_to(page, "section.fu-group--past-niet summary")
    page.keyboard.press("Enter")
    assert "geeft alleen geld in provincie Noord-Brabant." in not_fitting.inner_text()
    check_page(page)
    harness.screenshot(page, f"reis-financiering-{label}-uitkomst")

    # Still unsure: ask a question.
    email = f"anna.{label}.{uuid.uuid4().hex[:8]}@example.org"
    page.goto("/vraag/")
    harness.tab_to(page, "#id_name")
    page.keyboard.type("Anna")
    harness.tab_to(page, "#id_email")
    page.keyboard.type(email)
    harness.tab_to(page, "#id_text")
    page.keyboard.type("Wij zijn een informele groep. Kunnen we toch geld krijgen van Fonds Formeel?")
    harness.tab_to(page, "#id_consent_store")
    page.keyboard.press("Space")
    harness.tab_to(page, "main form.wdhs-form button[type='submit']")
    _enter(page)

    assert page.url.endswith("/vraag/verstuurd/"), page.locator("main").inner_text()[:400]
    assert "je vraag is verstuurd" in page.locator("h1").inner_text()
    check_page(page)
    assert [m for m in mail.outbox if email in m.to], [m.to for m in mail.outbox]
