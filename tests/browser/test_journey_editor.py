"""Journey: a partner editor writes a resource with an attachment and submits it; a colleague who may publish
publishes it; a resident then finds it on /kennis/ and downloads the attachment. With and without JavaScript.
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from tests.browser import harness


@pytest.mark.parametrize("javascript", [True, False], ids=["met-js", "zonder-js"])
def test_editor_writes_submits_and_a_publisher_publishes_with_attachment(
    open_page: Any, log_in: Any, check_page: Any, javascript: bool
) -> None:
    from knowledge.models import Resource
    from tests.documents import ODT_MIMETYPE, odt_document
    from tests.factories import MembershipFactory, UserFactory

    label = f"{'met' if javascript else 'zonder'}-js"
    title = f"Een buurtbudget aanvragen {uuid.uuid4().hex[:4]}"
    writer = MembershipFactory(user=UserFactory(display_name="Mila"), can_publish=False)
    publisher = MembershipFactory(organisation=writer.organisation, user=UserFactory(), can_publish=True)

    # The editor writes a draft with an attachment.
    page = open_page(javascript=javascript)
    log_in(page, writer.user)
    page.goto("/mijn/kennis/")
    with page.expect_navigation():
        page.locator("main a[href='/mijn/kennis/nieuw/']").first.click()
    page.locator("#id_kind").select_option(label="Stappenplan")
    page.locator("#id_title").fill(title)
    page.locator("#id_summary").fill("Zo vraag je met je buren geld aan voor een plan in de wijk.")
    page.locator("#id_body").fill("## Stap 1\n\nBespreek het plan met je buren.\n\n## Stap 2\n\nVul het formulier in.")
    page.locator("input[name='themes']").first.check()
    page.locator("input[name='phases']").first.check()
    page.locator("#id_attachment").set_input_files(
        {"name": "begroting.odt", "mimeType": ODT_MIMETYPE, "buffer": odt_document(["Begroting", "Koffie: 20 euro"])}
    )
    page.locator("#id_attachment_title").fill("Sjabloon begroting")
    with page.expect_navigation():
        page.get_by_role("button", name="Concept opslaan").click()
    assert "Je concept is opgeslagen" in page.locator(".wdhs-messages").inner_text(), page.locator("main").inner_text()
    assert "Sjabloon begroting" in page.locator("main").inner_text()
    check_page(page)

    # Submit for review; the editor may not publish.
    assert page.locator("button[value='publish']").count() == 0
    with page.expect_navigation():
        page.locator("button[value='submit']").click()
    assert "Aangeboden ter beoordeling" in page.locator(".wdhs-messages").inner_text()
    check_page(page)
    resource = Resource.objects.get(title=title)
    assert resource.status == Resource.Status.REVIEW

    # A colleague who may publish finds it on the dashboard and publishes it.
    colleague = open_page(javascript=javascript)
    log_in(colleague, publisher.user)
    colleague.goto("/mijn/kennis/")
    assert title in colleague.locator("main").inner_text()
    with colleague.expect_navigation():
        colleague.locator(f"main a[href='/mijn/kennis/{resource.slug}/']").first.click()
    with colleague.expect_navigation():
        colleague.locator("button[value='publish']").click()
    assert "Gepubliceerd" in colleague.locator(".wdhs-messages").inner_text()
    check_page(colleague)

    # A resident sees it on /kennis/ and downloads the attachment.
    resident = open_page(javascript=javascript, viewport=harness.PHONE)
    resident.goto("/kennis/")
    with resident.expect_navigation():
        resident.locator(f"main a[href='{resource.get_absolute_url()}']").click()
    assert resident.locator("h1").inner_text().strip() == title
    check_page(resident)
    harness.screenshot(resident, f"reis-redactie-{label}-gepubliceerd-360")
    link = resident.locator("main a", has_text="Sjabloon begroting")
    download = resident.request.get(link.get_attribute("href"))
    assert download.status == 200
    assert download.body()[:2] == b"PK"  # an OpenDocument file is a zip


# What makes a checkbox in a list of choices look the same on two forms: the box, and the row around it.
CHOICE_STYLE = """(box) => {
    const own = getComputedStyle(box), row = getComputedStyle(box.closest('label'));
    return {
        box: [own.inlineSize, own.blockSize, own.marginBlockStart, own.flexShrink],
        row: [row.display, row.alignItems, row.gap, row.minBlockSize],
    };
}"""
FILE_STYLE = """(input) => {
    const own = getComputedStyle(input), button = getComputedStyle(input, '::file-selector-button');
    return {
        font: [own.fontFamily, own.fontSize],
        button: [button.fontFamily, button.fontWeight, button.borderTopWidth, button.borderTopColor,
                 button.backgroundColor, button.minBlockSize],
    };
}"""
SECONDARY_BUTTON_STYLE = """(button) => {
    const s = getComputedStyle(button);
    return [s.fontFamily, s.fontWeight, s.borderTopWidth, s.borderTopColor, s.backgroundColor, s.minBlockSize];
}"""


@pytest.mark.parametrize("viewport", [harness.DESKTOP, harness.PHONE], ids=["1280px", "360px"])
def test_the_editor_forms_have_the_checkboxes_and_file_field_of_the_public_forms(
    open_page: Any, log_in: Any, check_page: Any, viewport: dict[str, int]
) -> None:
    """Issue #13: the editors' forms under /mijn/kennis/ had the browser's small checkboxes, glued to their text,
    and its grey file button. They get what the public forms have (portal.css): a 1.25rem box beside its label in
    a 44 px row, and a file field in the portal's font with a button like the secondary buttons."""
    from tests.factories import MembershipFactory

    membership = MembershipFactory(can_publish=True)
    page = open_page(viewport=viewport)
    log_in(page, membership.user)
    width = viewport["width"]

    # The alert form's checkboxes (its labels run to two lines on a phone, so the box sits at the first line).
    page.goto("/meldingen/")
    public = page.locator("input[name='themes']").first.evaluate(CHOICE_STYLE)
    assert public["box"][0] == public["box"][1] == "22.5px" and public["row"][0] == "flex"

    for path in ("/mijn/kennis/nieuw/", f"/mijn/kennis/organisatie/{membership.organisation.slug}/"):
        page.goto(path)
        for name in ("themes", "phases", "provinces"):
            boxes = page.locator(f"input[type='checkbox'][name='{name}']")
            if boxes.count():
                assert boxes.first.evaluate(CHOICE_STYLE) == public, f"{path} {name}"
        file_input = page.locator("input[type='file']").first
        file_style = file_input.evaluate(FILE_STYLE)
        textbox = page.locator(".utrecht-textbox, .utrecht-textarea").first
        assert file_style["font"] == textbox.evaluate(
            "(el) => [getComputedStyle(el).fontFamily, getComputedStyle(el).fontSize]"
        )
        secondary = page.locator(".utrecht-button--secondary-action").first
        assert file_style["button"] == secondary.evaluate(SECONDARY_BUTTON_STYLE), path
        assert harness.sideways_scroll(page) is None
        name = "kennis-nieuw" if path.endswith("/nieuw/") else "organisatie"
        check_page(page, f"redacteur-formulier-{name}-{width}")
        harness.screenshot(page, f"redacteur-formulier-{name}-{width}")
