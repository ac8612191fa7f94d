"""Keyboard use: focus is always visible, the skip link works, form errors are announced and linked."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser import harness


def _tab_through(page: Any) -> list[str]:
    """Tab through the whole page; the problems with the focus indicator on the way."""
    seen: list[dict[str, Any]] = []
    problems = []
    for _ in range(120):
        page.keyboard.press("Tab")
        now = harness.focused(page)
        if now["tag"] == "body" or (seen and now == seen[0]):
            break  # past the last element: focus went back to the browser or around to the start
        seen.append(now)
        if not now["visible"]:
            problems.append(f"geen zichtbare focus op {now['tag']} '{now['text']}' ({now['outline']})")
        if not now["onscreen"]:
            problems.append(f"focus op een onzichtbaar element {now['tag']} '{now['text']}'")
    assert len(seen) >= 5, f"Met Tab kom je maar bij {len(seen)} elementen op {page.url}."
    return problems


@pytest.mark.parametrize("path", ["/", "/accounts/signup/", "/accounts/login/"])
def test_focus_is_always_visible(page: Any, path: str) -> None:
    page.goto(path)
    problems = _tab_through(page)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", ["/mijn/", "/accounts/email/"])
def test_focus_is_always_visible_when_logged_in(page: Any, log_in: Any, path: str) -> None:
    from tests.factories import UserFactory

    log_in(page, UserFactory())
    page.goto(path)
    problems = _tab_through(page)
    assert not problems, "\n".join(problems)


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(page: Any) -> None:
    page.goto("/")
    page.keyboard.press("Tab")
    first = harness.focused(page)
    assert first["text"] == "Naar de inhoud"
    assert first["visible"]
    box = page.locator(".utrecht-skip-link").bounding_box()
    assert box and box["y"] >= 0 and box["x"] >= 0, "De skip link staat buiten beeld als hij focus heeft."
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "inhoud"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.closest('main') !== null"), (
        "Na de skip link gaat Tab niet verder in de inhoud."
    )


@pytest.mark.parametrize("javascript", [True, False], ids=["met-js", "zonder-js"])
def test_form_errors_are_announced_and_linked_to_the_fields(open_page: Any, javascript: bool) -> None:
    page = open_page(javascript=javascript)
    page.goto("/accounts/signup/")
    harness.tab_to(page, "#id_email")
    page.keyboard.type("geen-adres")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    summary = page.locator(".wdhs-error-summary")
    assert summary.get_attribute("role") == "alert"
    # Focus moves to the summary, so a screen reader reads it first (also without JavaScript: autofocus).
    assert page.evaluate("() => document.activeElement.classList.contains('wdhs-error-summary')")
    links = summary.locator("a[href^='#']")
    assert links.count() >= 2
    for index in range(links.count()):
        target_id = links.nth(index).get_attribute("href")[1:]
        field = page.locator(f"[id='{target_id}']")
        assert field.get_attribute("aria-invalid") == "true", target_id
        described_by = (field.get_attribute("aria-describedby") or "").split()
        assert f"{target_id}_error" in described_by, f"De foutmelding hoort niet bij veld {target_id}."
        assert page.locator(f"[id='{target_id}_error']").inner_text().strip()

    # By keyboard: from the summary, the first link takes you to the field.
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "id_email"
