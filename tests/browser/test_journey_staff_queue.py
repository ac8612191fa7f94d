"""Journeys: staff open /beheer/ at 1280 px, see the work queue, open a changed initiative, read the change side by
side with the published version and approve it; then handle a report on an initiative and a reader's error report
on a page, each from its line in the queue. axe-core and the HTML checker on each admin page on the way,
and the admin lists staff work in fit 1280 px (no column cut off)."""

from __future__ import annotations

import re
import uuid
from typing import Any

import pytest

from tests import words
from tests.browser import harness

pytestmark = pytest.mark.browser

# Django's own change form for an initiative (widgets and their JavaScript, not our templates) fails these checks;
# each with the reason. Everything else on the page must pass, and our decision block above the form does.
DJANGO_ADMIN_EXCEPTIONS = {
    # filter_horizontal (SelectFilter2.js) puts aria-label on a <span> help icon in the label of themes and needs.
    "aria-prohibited-attr": ".search-label-icon",
    # The tabular inline of managers has an empty column heading above each row's name (th.original).
    "empty-table-header": ".original",
    # The inline's "verwijderen" checkbox is labelled by its column heading, not by a <label>.
    "label": "-DELETE",
}
# The HTML checker: the admin's required <select> of the municipality starts with the chosen place, no empty option.
DJANGO_ADMIN_HTML_EXCEPTIONS = ("The first “option” element in a “select” element with a “required” attribute",)


def _check_django_change_form(page: Any, html_checker: Any) -> None:
    problems = []
    for violation in harness.axe_violations(page):
        allowed = DJANGO_ADMIN_EXCEPTIONS.get(violation["id"])
        nodes = [n for n in violation["nodes"] if allowed is None or allowed not in n["target"]]
        if nodes:
            problems.append(harness.format_axe([{**violation, "nodes": nodes}]))
    document = harness.log_of(page).last_document
    assert document is not None
    errors = [
        e
        for e in html_checker.errors(document.text())
        if not e.get("message", "").startswith(DJANGO_ADMIN_HTML_EXCEPTIONS)
    ]
    if errors:
        problems.append(harness.format_html_errors(errors))
    assert not problems, "\n".join(problems)


def _fits(page: Any) -> list[str]:
    """What sticks out at this width: the page itself, or a table wider than the box it sits in."""
    return page.evaluate(
        """() => {
            const out = [];
            const doc = document.documentElement;
            if (doc.scrollWidth > doc.clientWidth + 1) out.push(`pagina ${doc.scrollWidth} > ${doc.clientWidth}`);
            for (const table of document.querySelectorAll('table')) {
                const box = table.parentElement;
                const name = table.id || table.className || 'tabel';
                if (box.scrollWidth > box.clientWidth + 1) out.push(`${name}: ${box.scrollWidth} > ${box.clientWidth}`);
            }
            return out;
        }"""
    )


def test_staff_clear_a_changed_initiative_from_the_queue(
    open_page: Any, log_in: Any, check_page: Any, html_checker: Any
) -> None:
    from initiatives import changes
    from initiatives.models import Initiative, Status
    from tests.factories import InitiativeFactory, StaffFactory

    suffix = uuid.uuid4().hex[:6]
    # The only changed initiative, so the line opens it directly.
    for waiting in Initiative.objects.filter(pending_changes__isnull=False):
        waiting.pending_changes = None
        waiting.save(update_fields=["pending_changes"])
    initiative = InitiativeFactory(name=f"Voedselbos Zuid {suffix}", area="Zuid")
    changes.hold(initiative, {"name": f"Voedselbos Zuid en Oost {suffix}", "area": "Zuid en Oost"})

    admin = open_page()
    log_in(admin, StaffFactory())
    admin.goto("/beheer/")
    queue = admin.locator(".wdhs-work-queue table")
    assert "Wat wacht er op de redactie" in queue.locator("caption").text_content()
    line = queue.locator("tr.wdhs-queue-initiativeschanged")
    assert line.locator("td").first.inner_text() == "1"
    assert _fits(admin) == []
    check_page(admin, "beheer-werkvoorraad")

    with admin.expect_navigation():
        line.get_by_role("link", name="Gewijzigde initiatieven die wachten op controle").click()
    assert admin.url.endswith(f"/beheer/initiatives/initiative/{initiative.pk}/change/")
    diff = admin.locator("table.wdhs-diff")
    assert diff.locator("thead th").all_text_contents() == ["Veld", "Gepubliceerd", "Nieuw"]
    assert diff.locator("tbody tr").filter(has_text="Naam").locator("td").all_inner_texts() == [
        f"Voedselbos Zuid {suffix}",
        f"Voedselbos Zuid en Oost {suffix}",
    ]
    assert _fits(admin) == []
    _check_django_change_form(admin, html_checker)

    with admin.expect_navigation():
        admin.get_by_role("button", name="Wijzigingen goedkeuren en publiceren").click()
    assert "goedgekeurd" in admin.locator(".messagelist").inner_text()
    initiative.refresh_from_db()
    assert initiative.name == f"Voedselbos Zuid en Oost {suffix}" and initiative.pending_changes is None
    assert initiative.status == Status.PUBLISHED
    _check_django_change_form(admin, html_checker)

    admin.goto("/beheer/")
    assert admin.locator("tr.wdhs-queue-initiativeschanged td").first.inner_text() == "0"


def test_staff_handle_a_report_and_a_reader_reaction_from_the_queue(
    open_page: Any, log_in: Any, check_page: Any, html_checker: Any
) -> None:
    """The two lines of reports in the queue: each opens its one item, staff read it and mark it handled there,
    land on the list of what is still open (empty now), and the queue counts 0."""
    from initiatives.models import ProblemReport
    from tests.factories import InitiativeFactory, MembershipFactory, ResourceFactory, StaffFactory
    from wdhs.models import PageFeedback

    suffix = uuid.uuid4().hex[:6]
    report = ProblemReport.objects.create(
        initiative=InitiativeFactory(name=f"Buurtmoestuin De Wilg {suffix}"),
        reason="onjuist",
        message="Het adres klopt niet meer: de tuin zit nu aan de Beukenlaan.",
    )
    resource = ResourceFactory(
        organisation=MembershipFactory().organisation, title=f"Vrijwilligers verzekeren {suffix}"
    )
    reaction = PageFeedback.objects.create(
        page=resource,
        page_kind="kennis",
        page_title=resource.title,
        kind=PageFeedback.Kind.ERROR,
        message="Het telefoonnummer van het verzekeringsloket klopt niet.",
    )
    staff = StaffFactory()

    admin = open_page()
    log_in(admin, staff)
    for line_class, line_name, item_url, text, done in (
        (
            "wdhs-queue-initiativesreports",
            "Meldingen over initiatieven",
            f"/beheer/initiatives/problemreport/{report.pk}/change/",
            "de tuin zit nu aan de Beukenlaan",
            "De melding staat op afgehandeld.",
        ),
        (
            "wdhs-queue-feedback",
            "Reacties van lezers: niet nuttig of een fout gemeld",
            f"/beheer/wdhs/pagefeedback/{reaction.pk}/change/",
            "verzekeringsloket klopt niet",
            "De reactie staat op afgehandeld.",
        ),
    ):
        admin.goto("/beheer/")
        line = admin.locator(f".wdhs-work-queue tr.{line_class}")
        assert line.locator("td").first.inner_text() == "1"
        with admin.expect_navigation():
            line.get_by_role("link", name=line_name).click()
        assert admin.url.endswith(item_url)
        assert text in admin.locator("#content-main").inner_text()
        assert _fits(admin) == []
        _check_django_change_form(admin, html_checker)

        with admin.expect_navigation():
            admin.get_by_role("button", name="Markeren als afgehandeld").click()
        assert admin.url.endswith("/?afgehandeld=nee")
        assert done in admin.locator(".messagelist").inner_text()
        assert admin.locator("#result_list").count() == 0  # nothing open any more: the list is empty
        check_page(admin, f"beheer-afgehandeld-{line_class}")

    admin.goto("/beheer/")
    for line_class in ("wdhs-queue-initiativesreports", "wdhs-queue-feedback"):
        assert admin.locator(f".wdhs-work-queue tr.{line_class} td").first.inner_text() == "0"
    report.refresh_from_db()
    reaction.refresh_from_db()
    assert report.handled_at is not None and reaction.handled_at is not None and reaction.handled_by == staff


@pytest.mark.parametrize(
    "path",
    [
        "/beheer/initiatives/initiative/",
        "/beheer/initiatives/problemreport/",
        "/beheer/knowledge/resource/",
        "/beheer/knowledge/question/",
        "/beheer/knowledge/fundingscheme/",
        "/beheer/wdhs/user/",
        "/beheer/wdhs/auditentry/",
        "/beheer/wdhs/pagefeedback/",
        "/beheer/wdhs/pageread/",
    ],
)
def test_the_lists_staff_work_in_fit_1280_px(open_page: Any, log_in: Any, check_page: Any, path: str) -> None:
    from django.utils import timezone

    from initiatives.models import ProblemReport
    from tests.factories import (
        FundingSchemeFactory,
        InitiativeFactory,
        QuestionFactory,
        ResourceFactory,
        UserFactory,
    )
    from wdhs.models import PageFeedback, PageRead

    initiative = InitiativeFactory(name="Stichting Buurtkracht Lombok en Oud-West, samen sterker in de wijk")
    ProblemReport.objects.create(initiative=initiative, reason="onjuist", message="Het adres klopt niet meer.")
    ResourceFactory(title="Zo vraag je een subsidie aan bij de gemeente voor een buurtfeest of straatfeest")
    QuestionFactory()
    FundingSchemeFactory()
    resource = ResourceFactory(title="Vrijwilligers verzekeren: wat je moet weten voor je eerste buurtactiviteit")
    PageFeedback.objects.create(
        page=resource, page_kind="kennis", page_title=resource.title, kind="niet_nuttig", message="Wat kost het?"
    )
    PageRead.objects.create(page=resource, day=timezone.localdate(), count=12)
    admin = open_page()
    log_in(admin, UserFactory(is_staff=True, is_superuser=True))
    admin.goto(path)
    assert admin.locator("#result_list").count() == 1
    assert _fits(admin) == [], path
    check_page(admin, f"beheer-lijst-{path.strip('/').replace('/', '-')}")


def test_the_calendar_and_the_clock_of_an_admin_form_speak_dutch(
    open_page: Any, log_in: Any, html_checker: Any
) -> None:
    """Django's date and time widgets are JavaScript (DateTimeShortcuts.js): their words come from the admin's
    JavaScript catalogue (/beheer/jsi18n/), which the server-side word test (tests/base/test_words.py) never
    runs. Staff open the calendar and the clock of a progress report's date; no English, one date style."""
    from tests.factories import UpdateFactory, UserFactory

    update = UpdateFactory()
    admin = open_page()
    log_in(admin, UserFactory(is_staff=True, is_superuser=True))
    admin.goto(f"/beheer/goals/update/{update.pk}/change/")

    today = admin.locator(".datetimeshortcuts a", has_text="Vandaag")
    assert re.fullmatch(r"Vandaag \(\d{1,2} [a-z]+ \d{4}\)", today.get_attribute("aria-label") or "")
    admin.get_by_role("button", name="Kies een datum").click()
    calendar = admin.locator(".calendarbox").first
    assert calendar.is_visible()
    assert "Gisteren" in calendar.inner_text() and "Annuleren" in calendar.inner_text()
    _check_django_change_form(admin, html_checker)
    seen = [calendar.inner_html()]
    calendar.locator(".calendarnav-next").click()  # the next month: its labels are built again
    seen.append(calendar.inner_html())
    calendar.get_by_text("Annuleren").click()

    admin.get_by_role("button", name="Kies een tijdstip").click()
    clock = admin.locator(".clockbox").first
    assert clock.is_visible()
    assert "Middernacht" in clock.inner_text()
    _check_django_change_form(admin, html_checker)
    seen.append(admin.content())

    found = []
    for html in seen:
        text = words.readable_text(html)
        found += words.english(text) + words.other_date_styles(text)
    assert not found, "\n".join(found)
