"""Journey, by keyboard: a reader of the energiecoöperatie article follows "Verder op het portaal" to an energy
scheme, and "Stel deze partner je vraag" to /vraag/ with the partner filled in; the question reaches that partner.
With and without JavaScript, at 360 px too; axe-core and the HTML checker on every page.
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from tests.browser import harness


def _content() -> tuple[str, str]:
    from tests.factories import (
        FundingSchemeFactory,
        InitiativeFactory,
        MembershipFactory,
        OrganisationFactory,
        ResourceFactory,
        term,
    )

    suffix = uuid.uuid4().hex[:6]
    energy = term("theme", "energie-en-klimaat")
    partner = OrganisationFactory(name=f"Energiepartner {suffix}", slug=f"energiepartner-{suffix}", kind="fonds")
    partner.themes.set([energy])
    MembershipFactory(organisation=partner)
    article = ResourceFactory(
        title=f"Een energiecoöperatie starten {suffix}", slug=f"energiecooperatie-{suffix}", organisation=partner
    )
    article.themes.set([energy])
    scheme = FundingSchemeFactory(name=f"Ontwikkelfonds energie {suffix}", slug=f"ontwikkelfonds-{suffix}")
    scheme.themes.set([energy])
    InitiativeFactory(
        name=f"Zon op het dorpshuis {suffix}", themes=[energy], kind=term("initiative_kind", "energiecooperatie")
    )
    return article.slug, partner.slug


def _follow(page: Any, selector: str) -> None:
    harness.tab_to(page, selector)
    with page.expect_navigation():
        page.keyboard.press("Enter")


@pytest.mark.parametrize(
    ("javascript", "viewport"),
    [(True, harness.DESKTOP), (False, harness.DESKTOP), (True, harness.PHONE)],
    ids=["met-js", "zonder-js", "telefoon"],
)
def test_reader_follows_a_related_scheme_and_asks_the_partner(
    open_page: Any, check_page: Any, javascript: bool, viewport: dict[str, int]
) -> None:
    from knowledge.models import Question

    slug, partner = _content()
    page = open_page(javascript=javascript, viewport=viewport)
    page.goto(f"/kennis/{slug}/")
    related = page.locator("section.wdhs-related")
    assert "Verder op het portaal" in related.inner_text()
    assert "Zon op het dorpshuis" in related.inner_text()
    check_page(page)

    # A related scheme, by keyboard.
    _follow(page, "section.wdhs-related a[href^='/financiering/ontwikkelfonds-']")
    assert "/financiering/ontwikkelfonds-" in page.url
    assert "Ontwikkelfonds energie" in page.locator("h1").inner_text()
    check_page(page)

    # Back to the article, then "Stel deze partner je vraag".
    page.go_back()
    _follow(page, f"section.wdhs-related a[href='/vraag/?partner={partner}']")
    assert page.url.endswith(f"/vraag/?partner={partner}")
    assert "Je stelt je vraag aan" in page.locator("main").inner_text()
    check_page(page)
    email = f"lezer.{uuid.uuid4().hex[:8]}@example.org"
    harness.tab_to(page, "#id_name")
    page.keyboard.type("Sanne")
    harness.tab_to(page, "#id_email")
    page.keyboard.type(email)
    harness.tab_to(page, "#id_text")
    page.keyboard.type("Wij willen zonnepanelen op het dorpshuis. Waar beginnen we met een coöperatie?")
    harness.tab_to(page, "#id_consent_store")
    page.keyboard.press("Space")
    _follow(page, "main form.wdhs-form button[type='submit']")
    assert page.url.endswith("/vraag/verstuurd/"), page.locator("main").inner_text()[:400]
    question = Question.objects.get(email=email)
    assert question.organisation is not None and question.organisation.slug == partner
    harness.screenshot(page, f"reis-verder-{'met' if javascript else 'zonder'}-js-{viewport['width']}")
