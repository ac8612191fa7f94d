"""Readers' feedback on every page ("Was deze pagina nuttig?", "Meld een fout") and the confirmation after it."""

from __future__ import annotations

import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from initiatives.models import ProblemReport
from knowledge.feedback import dashboard_feedback
from tests.background import committed
from tests.factories import (
    FundingSchemeFactory,
    InitiativeFactory,
    MembershipFactory,
    OrganisationFactory,
    ResourceFactory,
    StaffFactory,
    UserFactory,
)
from wdhs import feedback
from wdhs.feedback.views import RATE_LIMIT
from wdhs.forms.fields import HTML_MESSAGE
from wdhs.models import PageFeedback

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]


def give_url(kind: str, slug: str) -> str:
    return reverse("feedback:give", args=[kind, slug])


def key_of(client: Client, url: str) -> str:
    """The signed key of a freshly rendered form (wdhs.forms.once)."""
    match = re.search(r'name="form_key" value="([^"]+)"', client.get(url).content.decode())
    assert match is not None
    return match.group(1)


@pytest.fixture
def page():
    organisation = OrganisationFactory(name="Buurtfonds Oost")
    editor = MembershipFactory(organisation=organisation).user
    resource = ResourceFactory(organisation=organisation, title="Een buurtbudget aanvragen")
    return {"organisation": organisation, "editor": editor, "resource": resource}


# --- the block on the four kinds of page -----------------------------------------------------------------------


def test_every_kind_of_detail_page_has_the_block_without_a_csrf_token(client):
    resource = ResourceFactory()
    scheme = FundingSchemeFactory(funder=resource.organisation)
    initiative = InitiativeFactory()
    for page, kind in ((resource, "kennis"), (scheme, "regeling"), (resource.organisation, "organisatie")):
        body = client.get(page.get_absolute_url()).content.decode()
        assert "Was deze pagina nuttig?" in body
        assert f'action="{give_url(kind, page.slug)}"' in body and 'method="get"' in body
        assert f'href="{give_url(kind, page.slug)}?antwoord=fout"' in body
        # No token in the page: the detail pages stay in the page cache.
        assert "csrfmiddlewaretoken" not in body
    body = client.get(initiative.get_absolute_url()).content.decode()
    assert f'action="{give_url("initiatief", initiative.slug)}"' in body
    # An initiative's error report is its existing problem report: one way, not two.
    assert f'href="{reverse("initiatives:report", args=[initiative.slug])}"' in body


def test_nee_opens_the_form_with_nee_chosen(client, page):
    response = client.get(give_url("kennis", page["resource"].slug), {"antwoord": "nee"})
    assert response.status_code == 200
    body = response.content.decode()
    assert re.search(r'value="niet_nuttig"[^>]*checked', body)
    assert "csrfmiddlewaretoken" in body and 'name="website_url"' in body


# --- the happy path --------------------------------------------------------------------------------------------


def test_a_reader_says_not_useful_with_a_reason_the_editors_get_a_mail_and_the_reader_a_confirmation(client, page):
    url = give_url("kennis", page["resource"].slug)
    data = {"kind": "niet_nuttig", "message": "Wat kost het?\nEn hoe lang duurt het?", "form_key": key_of(client, url)}
    with committed():
        response = client.post(url, data)
    assert response.status_code == 302 and response["Location"] == page["resource"].get_absolute_url()
    saved = PageFeedback.objects.get()
    assert (saved.kind, saved.page, saved.page_kind, saved.email) == ("niet_nuttig", page["resource"], "kennis", "")
    assert [m.to for m in mail.outbox] == [[page["editor"].email]]
    assert "Wat kost het?" in mail.outbox[0].body and saved.reference in mail.outbox[0].body

    body = client.get(response["Location"]).content.decode()
    assert "Dank je wel voor je reactie" in body and saved.reference in body
    assert "Wat kost het?<br>En hoe lang duurt het?" in body  # the copy of what was sent
    assert "De redactie van Buurtfonds Oost" in body and "5 werkdagen" in body
    # Shown once: a reload, and anyone else, see the page without it.
    assert saved.reference not in client.get(response["Location"]).content.decode()
    assert saved.reference not in Client().get(response["Location"]).content.decode()


def test_yes_without_anything_else_is_counted_and_mails_nobody(client, page):
    with committed():
        response = client.post(give_url("organisatie", page["organisation"].slug), {"kind": "nuttig"})
    assert response.status_code == 302
    assert PageFeedback.objects.get().kind == "nuttig"
    assert mail.outbox == []


def test_an_error_on_a_scheme_without_a_funder_on_the_portal_goes_to_staff(client, settings):
    settings.STAFF_NOTIFICATION_EMAILS = ["redactie@example.org"]
    scheme = FundingSchemeFactory(funder=None, funder_name="Stichting Elders")
    with committed():
        response = client.post(
            give_url("regeling", scheme.slug),
            {"kind": "fout", "message": "De deadline is voorbij.", "email": "lezer@example.org"},
        )
    assert response.status_code == 302
    assert mail.outbox[0].to == ["redactie@example.org"] and mail.outbox[0].reply_to == ["lezer@example.org"]
    saved = PageFeedback.objects.get()
    assert saved.email == "lezer@example.org"
    # Staff mails link to the item itself, not to a list.
    assert (
        f"Lezen en afhandelen: {settings.SITE_URL}/beheer/wdhs/pagefeedback/{saved.pk}/change/" in mail.outbox[0].body
    )


def test_the_same_form_sent_twice_makes_one_reaction(client, page):
    url = give_url("kennis", page["resource"].slug)
    data = {"kind": "nuttig", "form_key": key_of(client, url)}
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302
    assert PageFeedback.objects.count() == 1


# --- bad input and outsiders -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Kies Ja, Nee of een fout melden."),
        ({"kind": "geweldig"}, "Kies Ja, Nee of een fout melden."),
        ({"kind": "fout", "message": "  "}, "Vertel kort wat er niet klopt"),
        ({"kind": "niet_nuttig", "message": "x" * 2001}, "Gebruik hoogstens 2000 tekens."),
        ({"kind": "niet_nuttig", "message": "<script>alert(1)</script>"}, escape(HTML_MESSAGE)),
        ({"kind": "nuttig", "email": "geen-adres"}, "Dit is geen e-mailadres."),
        ({"kind": "nuttig", "email": "a" * 300 + "@example.org"}, "e-mailadres"),
    ],
)
def test_bad_input_is_a_400_in_dutch_and_saves_nothing(client, page, data, message):
    response = client.post(give_url("kennis", page["resource"].slug), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert PageFeedback.objects.count() == 0 and mail.outbox == []


@pytest.mark.parametrize("kind", ["onbekend", "vraag"])
def test_an_unknown_kind_of_page_is_a_404(client, page, kind):
    assert client.get(give_url(kind, page["resource"].slug)).status_code == 404
    assert client.post(give_url(kind, page["resource"].slug), {"kind": "nuttig"}).status_code == 404


def test_a_page_nobody_may_see_takes_no_reactions(client, page):
    draft = ResourceFactory(organisation=page["organisation"], status="concept", published_at=None)
    assert client.post(give_url("kennis", draft.slug), {"kind": "nuttig"}).status_code == 404
    assert client.get(give_url("kennis", "bestaat-niet")).status_code == 404
    assert PageFeedback.objects.count() == 0


def test_an_initiative_has_no_second_way_to_report_an_error(client):
    initiative = InitiativeFactory()
    url = give_url("initiatief", initiative.slug)
    response = client.post(url, {"kind": "fout", "message": "Klopt niet"})
    assert response.status_code == 400
    assert 'value="fout"' not in client.get(url, {"antwoord": "fout"}).content.decode()
    assert PageFeedback.objects.count() == 0 and ProblemReport.objects.count() == 0


def test_a_bot_filling_the_honeypot_saves_nothing(client, page):
    response = client.post(
        give_url("kennis", page["resource"].slug), {"kind": "nuttig", "website_url": "https://spam.example"}
    )
    assert response.status_code == 302
    assert PageFeedback.objects.count() == 0


def test_too_many_reactions_from_one_address_get_a_429_in_dutch(client, page):
    url = give_url("kennis", page["resource"].slug)
    for _ in range(RATE_LIMIT):
        assert client.post(url, {"kind": "nuttig"}).status_code == 302
    response = client.post(url, {"kind": "nuttig"})
    assert response.status_code == 429
    assert "Je hebt al veel reacties gestuurd. Probeer het over een uur opnieuw." in response.content.decode()
    assert PageFeedback.objects.count() == RATE_LIMIT


# --- editors and staff -----------------------------------------------------------------------------------------


def add(page, kind: str, message: str = "") -> PageFeedback:
    target = feedback.target_for(page)
    assert target is not None
    return PageFeedback.objects.create(
        page=page, page_kind=target.kind, page_title=str(page), kind=kind, message=message
    )


def test_the_editor_sees_counts_and_open_reactions_on_their_dashboard_and_marks_one_handled(client, page):
    resource, organisation = page["resource"], page["organisation"]
    scheme = FundingSchemeFactory(funder=organisation, name="Buurtbudget Oost")
    add(resource, "nuttig")
    add(resource, "nuttig")
    open_one = add(resource, "niet_nuttig", "Een voorbeeld zou helpen.")
    add(scheme, "fout", "Het bedrag is 2500 euro, niet 5000.")
    add(organisation, "nuttig")
    elsewhere = add(ResourceFactory(title="Van een ander"), "fout", "Niet van jou.")
    client.force_login(page["editor"])

    body = client.get(reverse("knowledge:editor_dashboard")).content.decode()
    assert "Reacties van lezers" in body and "Nog te doen: <strong>2</strong>" in body
    assert re.search(r"Een buurtbudget aanvragen</th><td>2</td><td>1</td><td>0</td><td>1</td>", body)
    assert "Een voorbeeld zou helpen." in body and "Het bedrag is 2500 euro" in body
    assert "Niet van jou." not in body and "Van een ander" not in body

    response = client.post(reverse("knowledge:editor_feedback_handled", args=[open_one.pk]))
    assert response.status_code == 302
    open_one.refresh_from_db()
    assert open_one.handled_at is not None and open_one.handled_by == page["editor"]
    # In the audit log, like staff marking it handled in /beheer/: who, and handled from empty to the moment.
    from auditlog.models import LogEntry
    from django.contrib.contenttypes.models import ContentType

    line = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(PageFeedback), object_pk=str(open_one.pk)
    ).latest("pk")
    assert line.actor == page["editor"] and line.changes_dict["handled_at"][0] is None
    # Someone else's reaction does not exist for this editor.
    assert client.post(reverse("knowledge:editor_feedback_handled", args=[elsewhere.pk])).status_code == 404
    elsewhere.refresh_from_db()
    assert elsewhere.handled_at is None


def test_the_dashboard_block_costs_the_same_queries_for_many_pages(django_assert_max_num_queries, page):
    for number in range(30):
        add(ResourceFactory(organisation=page["organisation"], title=f"Pagina {number}"), "niet_nuttig", "Mist iets")
    with django_assert_max_num_queries(4):
        block = dashboard_feedback(page["editor"])
    assert len(block["pages"]) == 31 - 1 and block["open_count"] == 30


def test_open_feedback_for_the_staff_queue(page):
    add(page["resource"], "nuttig")
    waiting = add(page["resource"], "fout", "Link werkt niet")
    initiative_reaction = add(InitiativeFactory(), "niet_nuttig", "Geen contactgegevens")
    assert feedback.open_feedback_count() == 2
    assert list(feedback.open_feedback()) == [initiative_reaction, waiting]


def test_staff_see_the_reactions_in_the_admin_and_mark_them_handled(client, page):
    staff = StaffFactory()
    client.force_login(staff)
    reaction = add(page["resource"], "niet_nuttig", "Te ingewikkeld geschreven")
    changelist = reverse("admin:wdhs_pagefeedback_changelist")
    body = client.get(changelist, {"afgehandeld": "nee", "pagina": "kennis", "kind": "niet_nuttig"}).content.decode()
    assert "Te ingewikkeld geschreven" in body and "Reacties op pagina" in body
    assert client.get(changelist, {"q": "ingewikkeld"}).status_code == 200
    response = client.post(changelist, {"action": "mark_handled", "_selected_action": [reaction.pk]})
    assert response.status_code == 302
    reaction.refresh_from_db()
    assert reaction.handled_by == staff
    # The counts per page on the resource's own change page.
    body = client.get(reverse("admin:knowledge_resource_change", args=[page["resource"].pk])).content.decode()
    assert "0 nuttig, 1 niet nuttig, 0 fouten gemeld; 0 nog te doen" in body


def test_staff_mark_one_reaction_or_report_handled_on_its_own_page(client, page):
    """From the work queue to the item, and with one button to the list of what is still open."""
    staff = StaffFactory()
    client.force_login(staff)
    reaction = add(page["resource"], "fout", "Het telefoonnummer klopt niet")
    report = ProblemReport.objects.create(
        initiative=InitiativeFactory(), reason="onjuist", message="Bestaat niet meer."
    )
    for item, name, message in (
        (reaction, "wdhs_pagefeedback", "De reactie staat op afgehandeld."),
        (report, "initiatives_problemreport", "De melding staat op afgehandeld."),
    ):
        url = reverse(f"admin:{name}_change", args=[item.pk])
        assert 'name="_afgehandeld"' in client.get(url).content.decode()
        form = {"_afgehandeld": "Markeren als afgehandeld"}
        if name == "initiatives_problemreport":
            form |= {"handled_at_0": "", "handled_at_1": ""}
        response = client.post(url, form, follow=True)
        assert response.redirect_chain[-1][0] == reverse(f"admin:{name}_changelist") + "?afgehandeld=nee"
        assert message in response.content.decode()
        item.refresh_from_db()
        assert item.handled_at is not None
        assert 'name="_afgehandeld"' not in client.get(url).content.decode()  # done: no button any more
    assert reaction.handled_by == staff


def test_saving_without_the_button_does_not_mark_it_handled(client, page):
    client.force_login(StaffFactory())
    reaction = add(page["resource"], "fout", "Het telefoonnummer klopt niet")
    client.post(reverse("admin:wdhs_pagefeedback_change", args=[reaction.pk]), {"_save": "Opslaan"})
    reaction.refresh_from_db()
    assert reaction.handled_at is None


def test_a_person_without_rights_sees_no_feedback_admin(client):
    client.force_login(UserFactory())
    assert client.get(reverse("admin:wdhs_pagefeedback_changelist")).status_code == 302


def test_a_deleted_page_takes_its_feedback_with_it(page):
    add(page["resource"], "nuttig")
    page["resource"].delete()
    assert not PageFeedback.objects.filter(content_type=ContentType.objects.get_for_model(page["resource"])).exists()


def test_a_reaction_with_your_address_is_in_your_export_and_goes_with_your_account(client, page):
    from wdhs.jobs import purge_page_feedback_work
    from wdhs.personal_data import delete_person

    me = UserFactory(email="lezer@example.org")
    mine = add(page["resource"], "fout", "De link naar het formulier werkt niet.")
    PageFeedback.objects.filter(pk=mine.pk).update(email="LEZER@example.org")
    someone_else = add(page["resource"], "fout", "Iets anders.")
    PageFeedback.objects.filter(pk=someone_else.pk).update(email="ander@example.org")
    client.force_login(me)
    export = client.get(reverse("my_data_export")).json()["reacties op pagina's"]
    assert [row["toelichting"] for row in export] == ["De link naar het formulier werkt niet."]

    delete_person(me)
    mine.refresh_from_db()
    someone_else.refresh_from_db()
    assert (mine.email, mine.message, mine.kind) == ("", "", "fout")  # still counted, nothing about the person
    assert someone_else.email == "ander@example.org"
    # After its period every reaction loses its text and address.
    from datetime import timedelta

    from django.utils import timezone

    assert "1 oude reactie" in purge_page_feedback_work(timezone.now() + timedelta(days=181))
    someone_else.refresh_from_db()
    assert (someone_else.email, someone_else.message) == ("", "")
