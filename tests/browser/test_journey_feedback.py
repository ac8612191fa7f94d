"""Journey: a reader says a knowledge page was not useful and what is missing; the organisation's editor sees it
on /mijn/kennis/ with the counts and marks it handled. Journey (c) of issue #13: on a 360 px phone, by keyboard
only, with and without JavaScript; axe-core (without JavaScript on the served HTML) and the HTML checker on every
page.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser import harness


@pytest.mark.browser
@pytest.mark.parametrize("javascript", [True, False], ids=["met-js", "zonder-js"])
def test_reader_marks_a_page_not_useful_and_the_editor_sees_it(
    open_page: Any, log_in: Any, check_page: Any, javascript: bool
) -> None:
    from tests.factories import MembershipFactory, ResourceFactory
    from wdhs.models import PageFeedback

    label = f"{'met' if javascript else 'zonder'}-js"
    editor = MembershipFactory()
    resource = ResourceFactory(organisation=editor.organisation, title="Vrijwilligers verzekeren")
    reason = "Ik mis wat het kost en bij wie ik de verzekering aanvraag."

    # The reader, on a phone: "Nee" under the page opens the short form with "Nee" chosen.
    reader = open_page(javascript=javascript, viewport=harness.PHONE)
    reader.goto(resource.get_absolute_url())
    block = reader.locator("section.wdhs-feedback")
    assert "Was deze pagina nuttig?" in block.inner_text()
    check_page(reader, axe_without_js=True)
    # By keyboard only: Tab to "Nee", Enter; Tab to the reason, type; Tab to the button, Enter.
    harness.tab_to(reader, "section.wdhs-feedback button[name='antwoord'][value='nee']", max_tabs=150)
    with reader.expect_navigation():
        reader.keyboard.press("Enter")
    assert reader.locator("input[name='kind'][value='niet_nuttig']").is_checked()
    check_page(reader, axe_without_js=True)
    harness.tab_to(reader, "#id_message")
    reader.keyboard.type(reason)
    harness.tab_to(reader, "main form.wdhs-form button[type='submit']")
    with reader.expect_navigation():
        reader.keyboard.press("Enter")

    # Back on the page, with the confirmation: a reference, what happens next and a copy of the reason.
    saved = PageFeedback.objects.get()
    assert reader.url.endswith(resource.get_absolute_url())
    panel = reader.locator(".wdhs-confirmation")
    assert saved.reference in panel.inner_text() and "5 werkdagen" in panel.inner_text()
    harness.tab_to(reader, ".wdhs-confirmation summary")
    reader.keyboard.press("Enter")
    assert reason in panel.inner_text()
    check_page(reader, axe_without_js=True)
    assert harness.sideways_scroll(reader) is None
    harness.screenshot(reader, f"reis-reactie-{label}-bevestiging-360")

    # The editor sees the counts and the reason on the dashboard, and marks it handled.
    desk = open_page(javascript=javascript, viewport=harness.PHONE)
    log_in(desk, editor.user)
    desk.goto("/mijn/kennis/")
    block = desk.locator("#reacties")
    assert "Vrijwilligers verzekeren" in block.inner_text() and reason in block.inner_text()
    row = block.locator("tr", has_text="Vrijwilligers verzekeren")
    assert [cell.inner_text() for cell in row.locator("td").all()] == ["0", "1", "0", "1"]
    check_page(desk, axe_without_js=True)
    harness.tab_to(desk, "#reacties button[type='submit']", max_tabs=150)
    with desk.expect_navigation():
        desk.keyboard.press("Enter")
    assert "staat op afgehandeld" in desk.locator(".wdhs-messages").inner_text()
    saved.refresh_from_db()
    assert saved.handled_by == editor.user
    check_page(desk, axe_without_js=True)
