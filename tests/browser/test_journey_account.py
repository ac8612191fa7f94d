"""Journey: a person signs up, confirms the e-mail address, lands logged in on /mijn/ and logs out.

By keyboard only (Tab to a field or button, type, Enter): once with JavaScript on a desktop screen,
once without JavaScript on a 360 px wide phone.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

import pytest
from django.core import mail

from tests.browser import harness

PASSWORD = "Samen-de-wijk-in-2026"


@pytest.mark.parametrize(
    ("javascript", "viewport"),
    [(True, harness.DESKTOP), (False, harness.PHONE)],
    ids=["met-js-1280px", "zonder-js-telefoon-360px"],
)
def test_sign_up_confirm_and_log_out_by_keyboard(
    open_page: Any, site: str, check_page: Any, javascript: bool, viewport: dict[str, int]
) -> None:
    from allauth.account.models import EmailAddress

    page = open_page(javascript=javascript, viewport=viewport)
    label = f"{'met' if javascript else 'zonder'}-js-{viewport['width']}"
    # One address per run: allauth sends one confirmation mail per address per 3 minutes (rate limit in the cache).
    email = f"fatima.{'js' if javascript else 'zonder-js'}.{uuid.uuid4().hex[:8]}@example.org"

    # From the home page to the sign-up form.
    page.goto("/")
    harness.tab_to(page, "main a[href='/accounts/signup/']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/accounts/signup/")
    check_page(page)

    harness.tab_to(page, "#id_email")
    page.keyboard.type(email)
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "id_display_name"
    page.keyboard.type("Fatima")
    harness.tab_to(page, "#id_password1")
    page.keyboard.type(PASSWORD)
    harness.tab_to(page, "#id_password2")
    page.keyboard.type(PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")

    # "Check your mail": the address is not confirmed yet, and the mail has the link.
    assert page.locator("h1").inner_text().strip()
    check_page(page)
    harness.screenshot(page, f"reis-aanmelden-{label}-check-je-mail")
    assert not EmailAddress.objects.get(email=email).verified
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [email]
    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+/)", str(mail.outbox[0].body))
    assert link, mail.outbox[0].body

    page.goto(link.group(1))
    check_page(page)
    harness.tab_to(page, "main button[type='submit']")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    # Confirmed and logged in, on the own page.
    assert EmailAddress.objects.get(email=email).verified
    assert page.url.endswith("/mijn/")
    assert page.locator("h1").inner_text() == "Mijn omgeving"
    assert "Welkom, Fatima" in page.locator("main").inner_text()
    assert "bevestigd" in page.locator(".wdhs-messages").inner_text()
    check_page(page)
    harness.screenshot(page, f"reis-aanmelden-{label}-mijn")

    harness.tab_to(page, "main form[action='/accounts/logout/'] button")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.rstrip("/") == site.rstrip("/")
    assert page.locator("header a[href='/accounts/login/']").inner_text() == "Inloggen"
    assert "uitgelogd" in page.locator(".wdhs-messages").inner_text()
    check_page(page)

    # Logged out for real: the own page asks to log in again.
    page.goto("/mijn/")
    assert "/accounts/login/" in page.url
