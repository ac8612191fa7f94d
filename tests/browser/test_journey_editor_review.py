"""Journeys of issue #14 at 1280 px, each step scanned by axe and the HTML checker (check_page):

- an editor writes with a preview, staff send it back with a note, the editor sees the note, fixes it and offers
  it again, staff publish it and the editor gets the mail;
- an editor passes a question on to another partner, and the asker is told who answers now.
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from django.core import mail

pytestmark = pytest.mark.browser

NOTE = "Noem bij stap 2 ook wie het formulier moet ondertekenen."


def test_editor_writes_with_preview_is_sent_back_fixes_and_is_published(
    open_page: Any, log_in: Any, check_page: Any
) -> None:
    from knowledge.models import Resource
    from tests.factories import MembershipFactory, StaffFactory, UserFactory

    title = f"Een buurtbudget aanvragen {uuid.uuid4().hex[:4]}"
    writer = MembershipFactory(user=UserFactory(display_name="Mila"), can_publish=False)
    staff = StaffFactory(display_name="Redactie Jan")

    page = open_page()
    log_in(page, writer.user)
    page.goto("/mijn/kennis/nieuw/")
    page.locator("#id_kind").select_option(label="Stappenplan")
    page.locator("#id_title").fill(title)
    page.locator("#id_summary").fill("Zo vraag je met je buren geld aan voor een plan in de wijk.")
    page.locator("#id_body").fill(
        "## Stap 1\n\nBespreek het plan met **je buren**.\n\n## Stap 2\n\nVul het formulier in."
    )
    page.locator("input[name='themes']").first.check()
    page.locator("input[name='phases']").first.check()

    # The preview: rendered on the server, nothing saved.
    with page.expect_navigation():
        page.get_by_role("button", name="Voorbeeld bekijken").click()
    preview = page.locator("#voorbeeld")
    assert "Voorbeeld van je tekst" in preview.inner_text()
    assert preview.locator("strong", has_text="je buren").count() == 1
    assert not Resource.objects.filter(title=title).exists()
    check_page(page, "redactie-voorbeeld")

    with page.expect_navigation():
        page.get_by_role("button", name="Concept opslaan").click()
    assert "Je concept is opgeslagen" in page.locator(".wdhs-messages").inner_text()
    with page.expect_navigation():
        page.locator("button[value='submit']").click()
    check_page(page)
    resource = Resource.objects.get(title=title)
    edit_path = f"/mijn/kennis/{resource.slug}/"

    # Staff send it back; first without a note (refused), then with one.
    reviewer = open_page()
    log_in(reviewer, staff)
    reviewer.goto(edit_path)
    with reviewer.expect_navigation():
        reviewer.locator("button[value='sendback']").click()
    assert "Schrijf wat de schrijver moet aanpassen" in reviewer.locator("main").inner_text()
    check_page(reviewer, "redactie-terugsturen-zonder-toelichting")
    reviewer.locator("#id_note").fill(NOTE)
    with reviewer.expect_navigation():
        reviewer.locator("button[value='sendback']").click()
    assert "Teruggestuurd naar de schrijver" in reviewer.locator(".wdhs-messages").inner_text()
    check_page(reviewer)
    sent_back = [m for m in mail.outbox if m.to == [writer.user.email]]
    assert len(sent_back) == 1 and NOTE in sent_back[0].body and edit_path in sent_back[0].body

    # The editor sees the note in the history, fixes the text and offers it again.
    page.goto(edit_path)
    assert f"Toelichting: {NOTE}" in page.locator("main").inner_text()
    check_page(page, "redactie-toelichting-zien")
    page.locator("#id_body").fill(
        "## Stap 1\n\nBespreek het plan met je buren.\n\n## Stap 2\n\nVul het formulier in. De voorzitter tekent."
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Wijzigingen opslaan").click()
    with page.expect_navigation():
        page.locator("button[value='submit']").click()
    check_page(page)

    # Staff publish it; the editor gets the mail with the link.
    reviewer.goto(edit_path)
    with reviewer.expect_navigation():
        reviewer.locator("button[value='publish']").click()
    assert "Gepubliceerd" in reviewer.locator(".wdhs-messages").inner_text()
    check_page(reviewer)
    resource.refresh_from_db()
    assert resource.status == Resource.Status.PUBLISHED and "voorzitter tekent" in resource.body
    published = [m for m in mail.outbox if m.to == [writer.user.email] and "Gepubliceerd" in m.subject]
    assert len(published) == 1 and edit_path in published[0].body


def test_editor_passes_a_question_on(open_page: Any, log_in: Any, check_page: Any) -> None:
    from knowledge.models import Question
    from tests.factories import MembershipFactory, OrganisationFactory, QuestionFactory, UserFactory

    ours = OrganisationFactory(name="Buurtkracht Journey", slug=f"buurtkracht-{uuid.uuid4().hex[:4]}")
    theirs = OrganisationFactory(name="Energie Samen Journey", slug=f"energie-{uuid.uuid4().hex[:4]}")
    editor = MembershipFactory(organisation=ours, user=UserFactory(display_name="Karim")).user
    other = MembershipFactory(organisation=theirs).user
    question = QuestionFactory(organisation=ours, email=f"vraag-{uuid.uuid4().hex[:4]}@example.org")

    page = open_page()
    log_in(page, editor)
    page.goto(f"/mijn/vragen/{question.pk}/")
    check_page(page, "vraag-doorsturen")
    # Sent without a note: a clear message, nothing moved.
    page.locator("#id_target").select_option(label=theirs.name)
    with page.expect_navigation():
        page.get_by_role("button", name="Vraag doorsturen").click()
    assert "Schrijf kort waarom de vraag daar beter past" in page.locator("main").inner_text()
    check_page(page, "vraag-doorsturen-zonder-toelichting")
    page.locator("#id_target").select_option(label=theirs.name)
    page.locator("#id_note").fill("Dit gaat over zonnepanelen op het dak van het buurthuis.")
    with page.expect_navigation():
        page.get_by_role("button", name="Vraag doorsturen").click()
    assert f"doorgestuurd naar {theirs.name}" in page.locator(".wdhs-messages").inner_text()
    check_page(page)
    question.refresh_from_db()
    assert question.organisation == theirs and question.routing == Question.Routing.PASSED_ON
    asker_mail = [m for m in mail.outbox if m.to == [question.email]]
    assert len(asker_mail) == 1 and f"doorgestuurd naar {theirs.name}" in asker_mail[0].body
    assert any(m.to == [other.email] for m in mail.outbox)

    colleague = open_page()
    log_in(colleague, other)
    colleague.goto(f"/mijn/vragen/{question.pk}/")
    assert "zonnepanelen op het dak" in colleague.locator("main").inner_text()
    check_page(colleague)


def test_editor_sees_the_most_read_pages_and_what_readers_miss(open_page: Any, log_in: Any, check_page: Any) -> None:
    """The organisation's page for its editors (/mijn/kennis/): most read of the last 30 days, the "niet nuttig"
    reactions and what is past its review date, at 1280 px, axe and the HTML checker clean."""
    from datetime import timedelta

    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone

    from tests.factories import FundingSchemeFactory, MembershipFactory, ResourceFactory
    from wdhs.models import PageFeedback, PageRead

    membership = MembershipFactory()
    ours = membership.organisation
    popular = ResourceFactory(organisation=ours, title="Een buurtbudget aanvragen")
    scheme = FundingSchemeFactory(funder=ours, funder_name="", name="Buurtkracht Fonds")
    long_ago = timezone.now() - timedelta(days=400)
    ResourceFactory(
        organisation=ours, title="Oude tekst over subsidie", published_at=long_ago, last_reviewed_at=long_ago
    )
    for page, count in ((popular, 120), (scheme, 45)):
        PageRead.objects.create(
            content_type=ContentType.objects.get_for_model(page),
            object_id=page.pk,
            day=timezone.localdate(),
            count=count,
        )
    PageFeedback.objects.create(
        page=popular, page_kind="kennis", page_title=popular.title, kind="niet_nuttig", message="Wat kost het?"
    )

    desk = open_page()
    log_in(desk, membership.user)
    desk.goto("/mijn/kennis/")
    most_read = desk.locator("#meest-gelezen")
    rows = most_read.locator("tbody tr")
    assert rows.count() == 2
    assert rows.first.locator("th").inner_text().startswith("Een buurtbudget aanvragen")
    assert rows.first.locator("td").all_inner_texts() == ["kennisitem", "120"]
    assert "Wat kost het?" in desk.locator("#reacties").inner_text()
    assert "Oude tekst over subsidie" in desk.locator("main").inner_text()
    check_page(desk, "redactie-meest-gelezen")
    with desk.expect_navigation():
        rows.first.get_by_role("link", name="bewerken").click()
    assert desk.url.endswith(f"/mijn/kennis/{popular.slug}/")
