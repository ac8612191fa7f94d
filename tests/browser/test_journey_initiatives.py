"""Journey: sign up, confirm, register an initiative, see it pending; staff approve it in the admin;
then it is in the list, on the map and in search. With and without JavaScript (the staff tab has it on).
"""

from __future__ import annotations

import re
import uuid
from typing import Any

import pytest
from django.core import mail

from tests.browser import harness

PASSWORD = "Samen-de-wijk-in-2026"


def _sign_up_and_confirm(page: Any, email: str) -> None:
    page.goto("/accounts/signup/")
    page.locator("#id_email").fill(email)
    page.locator("#id_display_name").fill("Noor")
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    with page.expect_navigation():
        page.locator("#id_password2").press("Enter")
    mails = [m for m in mail.outbox if m.to == [email]]
    assert len(mails) == 1
    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+/)", str(mails[0].body))
    assert link, mails[0].body
    page.goto(link.group(1))
    with page.expect_navigation():
        page.locator("main button[type='submit']").click()
    assert page.url.endswith("/mijn/")


def _register(page: Any, name: str, check_page: Any) -> None:
    page.goto("/mijn/")
    with page.expect_navigation():
        page.locator("main a[href='/initiatieven/aanmelden/']").first.click()
    assert page.locator("h1").inner_text().strip() == "Initiatief aanmelden"
    page.locator("#id_name").fill(name)
    page.locator("input[name='kind'][value]").first.check()
    page.locator("input[name='legal_form'][value]").first.check()
    page.locator("#id_municipality").fill("Zwolle")
    page.locator("#id_area").fill("Assendorp")
    page.locator("input[name='themes']").first.check()
    page.locator("input[name='phase'][value]").first.check()
    page.locator("input[name='active_people'][value='6-15']").check()
    page.locator("#id_description").fill("Met buren houden we de speeltuin in Assendorp schoon en veilig.")
    with page.expect_navigation():
        page.locator("main form.wdhs-form button[type='submit']").click()
    assert "/mijn/initiatieven/" in page.url, page.locator("main").inner_text()[:500]
    # The confirmation panel: a reference, what happens next and when.
    panel = page.locator(".wdhs-confirmation").inner_text()
    assert "Dank je wel voor je aanmelding" in panel and "IN-" in panel and "binnen 5 werkdagen" in panel
    check_page(page)


def _approve_in_admin(admin: Any, name: str, check_page: Any) -> None:
    admin.goto("/beheer/initiatives/initiative/?status__exact=ingediend")
    row = admin.locator("#result_list tbody tr", has_text=name)
    assert row.count() == 1
    row.locator("input[name='_selected_action']").check()
    admin.locator("select[name='action']").select_option("approve")
    with admin.expect_navigation():
        admin.locator("button[name='index']").click()
    assert admin.locator(".messagelist").count() == 1


@pytest.mark.parametrize("javascript", [True, False], ids=["met-js", "zonder-js"])
def test_register_an_initiative_staff_approve_it_and_everyone_finds_it(
    open_page: Any, log_in: Any, check_page: Any, javascript: bool
) -> None:
    from initiatives.models import Initiative, Status
    from tests.factories import UserFactory

    page = open_page(javascript=javascript)
    label = f"{'met' if javascript else 'zonder'}-js"
    email = f"noor.{label}.{uuid.uuid4().hex[:8]}@example.org"
    name = f"Speeltuin Assendorp {uuid.uuid4().hex[:4]}"
    _sign_up_and_confirm(page, email)
    _register(page, name, check_page)

    # Pending: on the own page with its status, not public yet.
    page.goto("/mijn/")
    mine = page.locator("main section[aria-labelledby='mijn-initiatieven-titel']").inner_text()
    assert name in mine and "wacht op controle" in mine
    check_page(page)
    harness.screenshot(page, f"reis-initiatief-{label}-in-behandeling")
    page.goto("/initiatieven/")
    assert name not in page.locator("main").inner_text()

    # Staff approve it with the bulk action in the admin, in their own tab.
    admin = open_page()
    log_in(admin, UserFactory(is_staff=True, is_superuser=True))
    _approve_in_admin(admin, name, check_page)
    assert Initiative.objects.get(name=name).status == Status.PUBLISHED

    # Public: in the list, on the map (Zwolle counts one, in the table under the map), and in search.
    page.goto("/initiatieven/")
    assert name in page.locator("main").inner_text()
    check_page(page)
    page.goto("/initiatieven/kaart/?provincie=overijssel")
    zwolle = page.locator("main table tbody tr", has_text="Zwolle")
    assert zwolle.locator("td.wdhs-num").inner_text().strip() == "1"
    check_page(page)
    page.goto("/zoeken/?q=speeltuin+assendorp")
    assert name in page.locator("main").inner_text()
    check_page(page)
    harness.screenshot(page, f"reis-initiatief-{label}-gevonden")
