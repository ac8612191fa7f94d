"""Review with a note, mails to the author, the history with notes, and the preview that saves nothing (issue #14)."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import TestCase
from django.urls import reverse

from knowledge.models import Resource, StatusChange
from tests.factories import MembershipFactory, OrganisationFactory, ResourceFactory
from tests.knowledge.test_editor import form_data
from wdhs.models import Municipality

pytestmark = pytest.mark.django_db

NOTE = "Voeg bij stap 2 een voorbeeld van een begroting toe."


@pytest.fixture
def org_a():
    return OrganisationFactory(name="Partner A", slug="partner-a")


@pytest.fixture
def alice(org_a):
    user = MembershipFactory(organisation=org_a).user
    user.display_name = "Alice de Vries"
    user.save(update_fields=["display_name"])
    return user


@pytest.fixture
def in_review(org_a, alice):
    resource = ResourceFactory(organisation=org_a, status=Resource.Status.REVIEW, published_at=None, author=alice)
    StatusChange.objects.create(resource=resource, to_status=Resource.Status.REVIEW, by=alice)
    return resource


def _status(client, resource, **data):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(reverse("knowledge:editor_resource_status", args=[resource.slug]), data)


def test_staff_sends_back_with_note_author_is_mailed_and_sees_it(client, staff, alice, in_review, settings):
    settings.SITE_URL = "https://wdhs.example"
    client.force_login(staff)
    response = _status(client, in_review, action="sendback", note=f"  {NOTE}\n")
    assert response.status_code == 302
    in_review.refresh_from_db()
    assert in_review.status == Resource.Status.DRAFT
    change = in_review.status_changes.first()
    assert (change.from_status, change.to_status) == (Resource.Status.REVIEW, Resource.Status.DRAFT)
    assert (change.by, change.note) == (staff, NOTE)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [alice.email]
    assert message.subject == f"[We Doen Het Samen] Nog aanpassen: {in_review.title}"
    edit_url = "https://wdhs.example" + reverse("knowledge:editor_resource_edit", args=[in_review.slug])
    assert edit_url in message.body
    assert NOTE in message.body and "Hallo Alice de Vries" in message.body
    assert "Het staat weer op concept" in message.body

    client.force_login(alice)
    page = client.get(reverse("knowledge:editor_resource_edit", args=[in_review.slug])).content.decode()
    assert f"Toelichting: {NOTE}" in page


def test_publish_mails_the_author_with_link(client, staff, alice, in_review, settings):
    settings.SITE_URL = "https://wdhs.example"
    client.force_login(staff)
    _status(client, in_review, action="publish", note="Mooi stuk, dank je.")
    in_review.refresh_from_db()
    assert in_review.status == Resource.Status.PUBLISHED
    assert [m.to for m in mail.outbox] == [[alice.email]]
    body = mail.outbox[0].body
    assert "staat nu op We Doen Het Samen" in body and "Mooi stuk, dank je." in body
    assert "https://wdhs.example" + reverse("knowledge:editor_resource_edit", args=[in_review.slug]) in body
    assert in_review.status_changes.first().note == "Mooi stuk, dank je."


def test_publishing_own_work_sends_no_mail(client, org_a):
    publisher = MembershipFactory(organisation=org_a, can_publish=True).user
    resource = ResourceFactory(organisation=org_a, status=Resource.Status.DRAFT, published_at=None, author=publisher)
    client.force_login(publisher)
    _status(client, resource, action="publish")
    resource.refresh_from_db()
    assert resource.status == Resource.Status.PUBLISHED and mail.outbox == []


def test_send_back_without_note_is_refused_with_dutch_message(client, staff, in_review):
    client.force_login(staff)
    response = _status(client, in_review, action="sendback", note="   ")
    assert response.status_code == 400
    assert "Schrijf wat de schrijver moet aanpassen" in response.content.decode()
    in_review.refresh_from_db()
    assert in_review.status == Resource.Status.REVIEW
    assert in_review.status_changes.count() == 1 and mail.outbox == []


@pytest.mark.parametrize(
    ("note", "message"),
    [
        ("x" * 301, "Je toelichting is te lang"),
        ("x" * 100_000, "Je toelichting is te lang"),
    ],
)
def test_huge_note_is_refused_and_nothing_saved(client, staff, in_review, note, message):
    client.force_login(staff)
    response = _status(client, in_review, action="sendback", note=note)
    assert response.status_code == 400 and message in response.content.decode()
    assert StatusChange.objects.filter(resource=in_review).count() == 1 and mail.outbox == []


def test_hostile_note_is_stored_as_text_and_escaped(client, staff, alice, in_review):
    client.force_login(staff)
    hostile = '<script>alert("x")</script>\x07 regel\r\ntwee'
    _status(client, in_review, action="sendback", note=hostile)
    note = in_review.status_changes.first().note
    assert note == '<script>alert("x")</script> regel twee'
    client.force_login(alice)
    page = client.get(reverse("knowledge:editor_resource_edit", args=[in_review.slug])).content.decode()
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page


def test_null_character_in_note_is_a_400_not_a_500(client, staff, in_review):
    client.force_login(staff)
    response = _status(client, in_review, action="sendback", note="fout\x00")
    assert response.status_code == 400
    assert in_review.status_changes.count() == 1


def test_editor_without_publish_right_cannot_send_back(client, alice, in_review):
    client.force_login(alice)
    _status(client, in_review, action="sendback", note=NOTE)
    in_review.refresh_from_db()
    assert in_review.status == Resource.Status.REVIEW and mail.outbox == []


def test_editor_of_another_organisation_gets_404(client, in_review):
    outsider = MembershipFactory(organisation=OrganisationFactory(slug="partner-b"), can_publish=True).user
    client.force_login(outsider)
    response = _status(client, in_review, action="sendback", note=NOTE)
    assert response.status_code == 404
    in_review.refresh_from_db()
    assert in_review.status == Resource.Status.REVIEW and mail.outbox == []


def test_send_back_only_from_review(client, staff, org_a, alice):
    draft = ResourceFactory(organisation=org_a, status=Resource.Status.DRAFT, author=alice)
    client.force_login(staff)
    _status(client, draft, action="sendback", note=NOTE)
    assert not draft.status_changes.exists() and mail.outbox == []


# Preview: server-rendered, sanitised, nothing saved.


def test_preview_on_edit_renders_sanitised_markdown_and_saves_nothing(client, alice, org_a):
    resource = ResourceFactory(organisation=org_a, status=Resource.Status.DRAFT, author=alice, title="Oude titel")
    client.force_login(alice)
    body = '## Nieuwe stap\n\nMet **vet** en <script>alert(1)</script> <a href="javascript:x()">klik</a>'
    data = form_data(org_a, title="Nieuwe titel", body=body, voorbeeld="1")
    response = client.post(reverse("knowledge:editor_resource_edit", args=[resource.slug]), data)
    assert response.status_code == 200
    page = response.content.decode()
    preview = page[page.index('id="voorbeeld"') : page.index("</section>", page.index('id="voorbeeld"'))]
    assert "<h2>Nieuwe stap</h2>" in preview or ">Nieuwe stap</h2>" in preview
    assert "<strong>vet</strong>" in preview
    assert "<script>" not in preview and "javascript:" not in preview
    assert 'value="Nieuwe titel"' in page  # the form keeps what was typed
    resource.refresh_from_db()
    assert resource.title == "Oude titel" and "Nieuwe stap" not in resource.body


def test_preview_on_create_saves_no_draft(client, alice, org_a):
    client.force_login(alice)
    response = client.post(reverse("knowledge:editor_resource_create"), form_data(org_a, voorbeeld="1"))
    assert response.status_code == 200 and "Voorbeeld van je tekst" in response.content.decode()
    assert not Resource.objects.exists()
    # The same form, then saved: one draft (the preview did not use up the form's key).
    response = client.post(reverse("knowledge:editor_resource_create"), form_data(org_a))
    assert response.status_code == 302 and Resource.objects.count() == 1


def test_preview_with_errors_is_a_400_without_preview(client, alice, org_a):
    client.force_login(alice)
    response = client.post(reverse("knowledge:editor_resource_create"), form_data(org_a, title="", voorbeeld="1"))
    assert response.status_code == 400
    assert "Voorbeeld van je tekst" not in response.content.decode()
    assert not Resource.objects.exists()


def test_municipality_is_a_type_ahead_text_box(client, alice, org_a):
    client.force_login(alice)
    page = client.get(reverse("knowledge:editor_resource_create")).content.decode()
    assert 'list="id_municipality-lijst"' in page and '<select name="municipality"' not in page
    zwolle = Municipality.objects.get(name="Zwolle")
    response = client.post(
        reverse("knowledge:editor_resource_create"), form_data(org_a, scope="gemeente", municipality="zwolle")
    )
    assert response.status_code == 302
    assert Resource.objects.get().municipality == zwolle


def test_unknown_municipality_is_a_dutch_400(client, alice, org_a):
    client.force_login(alice)
    response = client.post(
        reverse("knowledge:editor_resource_create"), form_data(org_a, scope="gemeente", municipality="Atlantis")
    )
    assert response.status_code == 400
    assert "Deze gemeente kennen we niet" in response.content.decode()
    assert not Resource.objects.exists()


def test_edit_page_shows_the_stored_municipality_by_name(client, alice, org_a):
    zwolle = Municipality.objects.get(name="Zwolle")
    resource = ResourceFactory(
        organisation=org_a, author=alice, status=Resource.Status.DRAFT, scope="gemeente", municipality=zwolle
    )
    client.force_login(alice)
    page = client.get(reverse("knowledge:editor_resource_edit", args=[resource.slug])).content.decode()
    assert 'value="Zwolle"' in page
