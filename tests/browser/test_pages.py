"""Every page type in tests/browser/pages.py: WCAG 2.2 A/AA by axe-core, valid HTML, reflow at 200% and 400% zoom."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser import harness
from tests.browser.pages import LOGGED_IN_EMAIL, LOGGED_IN_PAGES, PUBLIC_PAGES, Page


def _scan(page: Any, spec: Page, check_page: Any) -> None:
    response = page.goto(spec.resolve())
    assert response is not None
    if spec.then:
        spec.then(page)
    status = harness.log_of(page).last_document.status
    assert status == spec.status, f"{page.url} gaf status {status}, verwacht {spec.status}"
    check_page(page, spec.name)
    if spec.screenshots:
        harness.screenshot(page, f"{spec.name}-1280")
    problems: list[str] = []
    if not spec.reflow:
        if spec.screenshots:
            page.set_viewport_size(harness.PHONE)
            harness.screenshot(page, f"{spec.name}-360")
        return
    for zoom, width in harness.ZOOM_WIDTHS.items():
        page.set_viewport_size({"width": width, "height": 800})
        problems += [f"{zoom} zoom ({width} px): {p}" for p in harness.reflow_problems(page)]
    if spec.screenshots:
        page.set_viewport_size(harness.PHONE)
        harness.screenshot(page, f"{spec.name}-360")
    # Last, because it changes the page: larger text spacing at 400% zoom still loses nothing.
    page.set_viewport_size({"width": 320, "height": 800})
    harness.apply_text_spacing(page)
    problems += [f"tekstafstand (WCAG 1.4.12) bij 320 px: {p}" for p in harness.reflow_problems(page)]
    assert not problems, f"{page.url}\n" + "\n".join(problems)


@pytest.mark.parametrize("spec", PUBLIC_PAGES, ids=lambda spec: spec.name)
def test_public_page(page: Any, check_page: Any, spec: Page) -> None:
    _scan(page, spec, check_page)


@pytest.mark.parametrize("spec", LOGGED_IN_PAGES, ids=lambda spec: spec.name)
def test_logged_in_page(page: Any, check_page: Any, log_in: Any, spec: Page) -> None:
    from tests.factories import UserFactory

    # A long address and name: they must wrap at 320 px instead of pushing the page sideways.
    person = UserFactory(
        email=LOGGED_IN_EMAIL,
        display_name="Sanne de Vries-van den Berg",
    )
    log_in(page, person)
    _scan(page, spec, check_page)


@pytest.mark.urls("tests.browser.full_header_urls")
@pytest.mark.parametrize("where", ["home", "menu"], ids=["home", "menu-item-actief"])
def test_full_header_with_every_menu_item_and_the_search_box(page: Any, check_page: Any, where: str) -> None:
    # The header as it will be once all apps are merged: every menu item, the search box, a current item.
    from django.urls import reverse

    path = "/" if where == "home" else reverse("knowledge:list")
    _scan(page, Page(f"volledige-kop-{where}", path), check_page)
    page.set_viewport_size(harness.DESKTOP)
    assert page.locator("nav[aria-label='Hoofdmenu'] a").count() == 5
    assert page.locator("header form[role='search'] input[type='search']").count() == 1
    if where == "menu":
        assert page.locator("nav[aria-label='Hoofdmenu'] a[aria-current='page']").count() == 1
