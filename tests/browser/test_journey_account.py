"""Journey (d) of issue #13: a person signs up, reads the portal's own mail, confirms the address with its link,
lands logged in on /mijn/ and logs out.

By keyboard only (Tab to a field or button, type, Enter; no mouse): on a 360 px phone with and without
JavaScript, and once with JavaScript at 1280 px. axe-core and the HTML checker on every page (without
JavaScript too: axe-core then reads the served HTML, see check_page). Opening the link in the mail is the one
step a person takes outside the portal: the test reads the mail from the outbox and opens its link.
"""

from __future__ import annotations

import re
import uuid
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core import mail

from tests import words
from tests.browser import harness

PASSWORD = "Samen-de-wijk-in-2026"


def _step(page: Any, check_page: Any, label: str, name: str) -> None:
    """One step of the journey: scanned by axe-core and the HTML checker, and a screenshot (make screenshots)."""
    check_page(page, f"reis-aanmelden-{label}-{name}", axe_without_js=True)
    assert harness.sideways_scroll(page) is None
    harness.screenshot(page, f"reis-aanmelden-{label}-{name}")


def _assert_portal_mail(message: Any, email: str) -> str:
    """The sign-up mail is the portal's own: its name and address, to this person, in Dutch, one link back."""
    body = str(message.body)
    name = settings.WDHS_SITE_NAME
    assert message.to == [email]
    assert message.subject == f"[{name}] Bevestig je e-mailadres"
    assert email in body and "Hallo," in body
    assert body.rstrip().endswith(f"-- \n{name}\n{settings.SITE_URL}/"), body
    assert "zijn of haar" not in body and "127.0.0.1:" not in body.replace(settings.SITE_URL, "")
    assert not words.english(body), body
    if harness.screenshots_wanted():  # the mail beside the screenshots, for people to read
        harness.SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        Path(harness.SCREENSHOTS / f"reis-aanmelden-mail-{email.split('@')[0]}.txt").write_text(
            f"Aan: {', '.join(message.to)}\nOnderwerp: {message.subject}\n\n{body}", encoding="utf-8"
        )
    return body


@pytest.mark.parametrize(
    ("javascript", "viewport"),
    [(True, harness.PHONE), (False, harness.PHONE), (True, harness.DESKTOP)],
    ids=["met-js-telefoon-360px", "zonder-js-telefoon-360px", "met-js-1280px"],
)
def test_sign_up_read_the_mail_confirm_and_log_out_by_keyboard(
    open_page: Any, site: str, check_page: Any, javascript: bool, viewport: dict[str, int]
) -> None:
    from allauth.account import app_settings as account_settings
    from allauth.account.models import EmailAddress

    page = open_page(javascript=javascript, viewport=viewport)
    label = f"{'met' if javascript else 'zonder'}-js-{viewport['width']}"
    # One address per run: allauth sends one confirmation mail per address per 3 minutes (rate limit in the cache).
    email = f"fatima.{'js' if javascript else 'zonder-js'}.{uuid.uuid4().hex[:8]}@example.org"

    # From the home page to the sign-up form.
    page.goto("/")
    _step(page, check_page, label, "1-home")
    harness.tab_to(page, "main a[href='/accounts/signup/']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/accounts/signup/")
    _step(page, check_page, label, "2-account-maken")

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

    # "Check your mail": a confirmation panel with the address, what happens next and how long the link works.
    assert page.locator("h1").inner_text().strip() == "Kijk in je mail"
    panel = page.locator(".wdhs-confirmation")
    assert panel.locator(".wdhs-confirmation__address").inner_text() == email
    assert f"De link werkt {account_settings.EMAIL_CONFIRMATION_EXPIRE_DAYS} dagen." in panel.inner_text()
    _step(page, check_page, label, "3-kijk-in-je-mail")
    assert not EmailAddress.objects.get(email=email).verified
    assert len(mail.outbox) == 1
    body = _assert_portal_mail(mail.outbox[0], email)
    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+/)", body)
    assert link, body

    # "Niet ontvangen? Stuur opnieuw": right after the first mail the page asks to wait, and sends nothing more.
    harness.tab_to(page, "main form[action='/accounts/mail-opnieuw/'] button")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Wacht een paar minuten" in page.locator(".wdhs-messages").inner_text()
    assert len(mail.outbox) == 1
    _step(page, check_page, label, "4-stuur-opnieuw")

    # The person opens the link in the mail.
    page.goto(link.group(1))
    _step(page, check_page, label, "5-bevestigen")
    harness.tab_to(page, "main button[type='submit']")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    # Confirmed and logged in, on the own page.
    assert EmailAddress.objects.get(email=email).verified
    assert page.url.endswith("/mijn/")
    assert page.locator("h1").inner_text() == "Mijn omgeving"
    assert "Welkom, Fatima" in page.locator("main").inner_text()
    assert "bevestigd" in page.locator(".wdhs-messages").inner_text()
    _step(page, check_page, label, "6-mijn-omgeving")

    harness.tab_to(page, "main form[action='/accounts/logout/'] button")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.rstrip("/") == site.rstrip("/")
    assert page.locator("header a[href='/accounts/login/']").inner_text() == "Inloggen"
    assert "uitgelogd" in page.locator(".wdhs-messages").inner_text()
    _step(page, check_page, label, "7-uitgelogd")

    # Logged out for real: the own page asks to log in again.
    page.goto("/mijn/")
    assert "/accounts/login/" in page.url
