"""Journey: a visitor subscribes to energy news in their province, confirms from the mail, gets the next digest
with a newly published resource, and unsubscribes in one click. With and without JavaScript, on a 360 px phone,
axe and the HTML checker clean on every page.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail

from tests.browser import harness


def _link(body: str, path: str) -> str:
    found = re.search(r"https?://[^/\s]+(/meldingen/" + path + r"/\S+/)", body)
    assert found, body
    return found.group(1)


@pytest.mark.browser
@pytest.mark.parametrize("javascript", [True, False], ids=["met-js", "zonder-js"])
def test_visitor_subscribes_confirms_gets_a_digest_and_unsubscribes(
    open_page: Any, check_page: Any, javascript: bool
) -> None:
    from django.utils import timezone

    from tests.factories import ResourceFactory, province, term
    from wdhs.alerts.models import Subscription
    from wdhs.alerts.tasks import send_alert_digests

    label = f"{'met' if javascript else 'zonder'}-js"
    email = f"sanne.{label}@example.org"
    page = open_page(javascript=javascript, viewport=harness.PHONE)

    # From the footer to the form.
    page.goto("/")
    with page.expect_navigation():
        page.locator("footer a[href='/meldingen/']").click()
    check_page(page)
    page.get_by_label("Nieuwe kennis: handleidingen, voorbeelden en artikelen").check()
    page.get_by_label("Energie en klimaat").check()
    page.get_by_label("Een provincie").check()
    page.locator("#id_province").select_option(label="Gelderland")
    page.get_by_label("Elke dag (alleen als er iets nieuws is)").check()
    page.get_by_label("Je e-mailadres").fill(email)
    with page.expect_navigation():
        page.get_by_role("button", name="Melding aanzetten").click()
    panel = page.locator(".wdhs-confirmation")
    assert "bevestig je e-mailadres" in panel.inner_text()
    check_page(page)
    harness.screenshot(page, f"reis-meldingen-{label}-bevestig-je-mail")

    # Only the confirmation mail; nothing else before it is confirmed.
    assert [m.to for m in mail.outbox] == [[email]]
    page.goto(_link(str(mail.outbox[0].body), "bevestigen"))
    check_page(page)
    assert Subscription.objects.get(email=email).confirmed_at is None
    with page.expect_navigation():
        page.get_by_role("button", name="Ja, stuur me deze meldingen").click()
    assert page.locator("h1").inner_text() == "Je melding staat aan"
    check_page(page)
    assert Subscription.objects.get(email=email).confirmed_at is not None

    # A partner publishes energy knowledge for a Gelderland municipality; the daily job sends the digest.
    energy = term("theme", "energie-en-klimaat")
    new = ResourceFactory(
        title="Samen zonnepanelen op het dorpshuis", themes=[energy], scope="provincie", province=province("Gelderland")
    )
    ResourceFactory(title="Alleen voor Utrecht", themes=[energy], scope="provincie", province=province("Utrecht"))
    mail.outbox.clear()
    send_alert_digests.call(timezone.localdate().isoformat())
    [digest] = mail.outbox
    assert digest.to == [email]
    assert new.title in digest.body and "Alleen voor Utrecht" not in digest.body
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = _link(str(digest.body), "uitschrijven")
    assert unsubscribe in digest.extra_headers["List-Unsubscribe"]

    # From the mail to the item, and then out with one click.
    page.goto(new.get_absolute_url())
    assert page.locator("h1").inner_text() == new.title
    page.goto(unsubscribe)
    check_page(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Uitschrijven").click()
    assert page.locator("h1").inner_text() == "Je bent uitgeschreven"
    check_page(page)
    harness.screenshot(page, f"reis-meldingen-{label}-uitgeschreven")
    assert not Subscription.objects.filter(email=email).exists()
