from __future__ import annotations

import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from knowledge.models import Attachment, Resource, StatusChange
from tests.factories import MembershipFactory, OrganisationFactory, ResourceFactory, UserFactory, term
from tests.knowledge.test_uploads import DOCX, ODT_BOMB, PDF

pytestmark = pytest.mark.django_db


@pytest.fixture
def org_a():
    return OrganisationFactory(name="Partner A", slug="partner-a")


@pytest.fixture
def org_b():
    return OrganisationFactory(name="Partner B", slug="partner-b")


@pytest.fixture
def alice(org_a):
    """An editor of partner A without the right to publish."""
    return MembershipFactory(organisation=org_a).user


@pytest.fixture
def bob(org_b):
    """An editor of the other partner: the outsider."""
    return MembershipFactory(organisation=org_b, can_publish=True).user


def form_data(org, **extra) -> dict:
    data = {
        "organisation": org.pk,
        "kind": term("knowledge_kind", "stappenplan").pk,
        "title": "Zo start je een buurtcoöperatie",
        "summary": "In vijf stappen van idee naar coöperatie.",
        "body": "## Stap 1\n\nPraat met je buren.",
        "themes": [term("theme", "wonen").pk],
        "phases": [term("phase", "starten").pk],
        "audience": "bewoners",
        "scope": "landelijk",
    }
    data.update(extra)
    return data


def test_full_journey_editor_writes_staff_publishes_it_is_found(client, alice, org_a, staff, settings):
    settings.STAFF_NOTIFICATION_EMAILS = ["redactie@example.org"]
    client.force_login(alice)
    response = client.post(reverse("knowledge:editor_resource_create"), form_data(org_a))
    assert response.status_code == 302
    resource = Resource.objects.get(title="Zo start je een buurtcoöperatie")
    assert resource.status == Resource.Status.DRAFT and resource.author == alice
    assert client.get(reverse("knowledge:list"), {"q": "buurtcooperatie"}).context["total"] == 0

    client.post(reverse("knowledge:editor_resource_status", args=[resource.slug]), {"action": "publish"})
    resource.refresh_from_db()
    assert resource.status == Resource.Status.DRAFT  # alice may not publish

    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(reverse("knowledge:editor_resource_status", args=[resource.slug]), {"action": "submit"})
    resource.refresh_from_db()
    assert resource.status == Resource.Status.REVIEW
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["redactie@example.org"]
    assert resource.title in mail.outbox[0].subject

    client.force_login(staff)
    assert resource.title in client.get(reverse("mijn")).content.decode()
    client.post(reverse("knowledge:editor_resource_status", args=[resource.slug]), {"action": "publish"})
    resource.refresh_from_db()
    assert resource.status == Resource.Status.PUBLISHED and resource.published_at

    client.logout()
    assert client.get(reverse("knowledge:list"), {"q": "buurtcooperatie"}).context["total"] == 1
    assert resource.title in client.get(reverse("knowledge:feed")).content.decode()
    steps = list(StatusChange.objects.filter(resource=resource).order_by("at", "pk").values_list("to_status", "by"))
    assert steps == [
        (Resource.Status.DRAFT, alice.pk),
        (Resource.Status.REVIEW, alice.pk),
        (Resource.Status.PUBLISHED, staff.pk),
    ]


def test_editor_with_publish_right_publishes_own_work(client, org_a):
    editor = MembershipFactory(organisation=org_a, can_publish=True).user
    resource = ResourceFactory(organisation=org_a, status=Resource.Status.DRAFT, published_at=None)
    client.force_login(editor)
    client.post(reverse("knowledge:editor_resource_status", args=[resource.slug]), {"action": "publish"})
    resource.refresh_from_db()
    assert resource.status == Resource.Status.PUBLISHED


def test_other_partner_cannot_see_or_touch_drafts(client, alice, org_a, bob):
    draft = ResourceFactory(organisation=org_a, status=Resource.Status.DRAFT, published_at=None, title="Geheim")
    published = ResourceFactory(organisation=org_a, title="Openbaar")
    client.force_login(bob)
    assert client.get(draft.get_absolute_url()).status_code == 404
    for resource in (draft, published):
        assert client.get(reverse("knowledge:editor_resource_edit", args=[resource.slug])).status_code == 404
        response = client.post(reverse("knowledge:editor_resource_edit", args=[resource.slug]), form_data(org_a))
        assert response.status_code == 404
        for action in ("publish", "archive", "submit", "withdraw"):
            url = reverse("knowledge:editor_resource_status", args=[resource.slug])
            assert client.post(url, {"action": action}).status_code == 404
    assert client.get(reverse("knowledge:editor_organisation_edit", args=[org_a.slug])).status_code == 404
    draft.refresh_from_db()
    assert draft.status == Resource.Status.DRAFT and draft.title == "Geheim"
    assert "Geheim" not in client.get(reverse("knowledge:editor_dashboard")).content.decode()


def test_editor_cannot_create_for_another_organisation(client, alice, org_b):
    client.force_login(alice)
    response = client.post(reverse("knowledge:editor_resource_create"), form_data(org_b))
    assert response.status_code == 400
    assert not Resource.objects.exists()


def test_own_editor_sees_draft_preview(client, alice, org_a):
    draft = ResourceFactory(organisation=org_a, status=Resource.Status.DRAFT, published_at=None)
    client.force_login(alice)
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 200 and "Bezoekers zien deze pagina nog niet" in response.content.decode()


def test_non_editor_and_anonymous_are_kept_out(client, user, org_a):
    resource = ResourceFactory(organisation=org_a)
    assert client.get(reverse("knowledge:editor_dashboard")).status_code == 302
    client.force_login(user)
    assert client.get(reverse("knowledge:editor_dashboard")).status_code == 404
    assert client.get(reverse("knowledge:editor_resource_create")).status_code == 404
    assert client.get(reverse("knowledge:editor_resource_edit", args=[resource.slug])).status_code == 404
    assert "Kennis van je organisatie" not in client.get(reverse("mijn")).content.decode()


def test_invalid_form_shows_dutch_errors_and_saves_nothing(client, alice, org_a):
    client.force_login(alice)
    data = form_data(org_a, title="", summary="x" * 301, scope="provincie")
    response = client.post(reverse("knowledge:editor_resource_create"), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Kies de provincie waar dit voor geldt." in html
    assert not Resource.objects.exists()


def test_training_needs_date_and_place(client, alice, org_a):
    client.force_login(alice)
    data = form_data(org_a, kind=term("knowledge_kind", "training").pk)
    response = client.post(reverse("knowledge:editor_resource_create"), data)
    assert response.status_code == 400
    assert "Vul de datum en tijd" in response.content.decode()
    data.update(event_starts_at="2030-03-01T19:30", event_place="Buurthuis De Linde, Utrecht")
    assert client.post(reverse("knowledge:editor_resource_create"), data).status_code == 302


def test_attachment_upload_and_download(client, alice, org_a):
    client.force_login(alice)
    data = form_data(org_a, kind=term("knowledge_kind", "tool-of-sjabloon").pk, attachment_title="Sjabloon")
    data["attachment"] = SimpleUploadedFile("Begroting <script>.docx", DOCX)
    assert client.post(reverse("knowledge:editor_resource_create"), data).status_code == 302
    attachment = Attachment.objects.get()
    assert attachment.content_type.endswith("wordprocessingml.document")
    name = attachment.file.name
    assert name is not None and "script" not in name and name.startswith("kennis/bijlagen/")
    url = reverse("knowledge:attachment", args=[attachment.resource.slug, attachment.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content) == DOCX
    client.logout()
    assert client.get(url).status_code == 404  # a draft's files stay private
    attachment.file.delete(save=False)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("plan.exe", b"MZ\x90", "Dit soort bestand kan niet"),
        ("plan.pdf", b"<html>nep</html>", "De inhoud van dit bestand past niet"),
        ("plan.docx", PDF, "De inhoud van dit bestand past niet"),
        ("plan.odt", ODT_BOMB, "Dit bestand is ingepakt op een manier die we niet vertrouwen"),
    ],
)
def test_wrong_upload_is_refused_and_nothing_saved(client, alice, org_a, name, content, message):
    client.force_login(alice)
    data = form_data(org_a, attachment=SimpleUploadedFile(name, content))
    response = client.post(reverse("knowledge:editor_resource_create"), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Resource.objects.exists() and not Attachment.objects.exists()


def test_too_large_upload_is_refused(client, alice, org_a, monkeypatch):
    monkeypatch.setattr("knowledge.forms.MAX_ATTACHMENT_SIZE", 1024)
    client.force_login(alice)
    data = form_data(org_a, attachment=SimpleUploadedFile("groot.pdf", PDF + b"0" * 2048))
    response = client.post(reverse("knowledge:editor_resource_create"), data)
    assert response.status_code == 400
    assert "te groot" in response.content.decode()
    assert not Resource.objects.exists()


def test_published_text_is_locked_for_editor_without_publish_right(client, alice, org_a):
    resource = ResourceFactory(organisation=org_a, title="Staat live")
    client.force_login(alice)
    response = client.post(
        reverse("knowledge:editor_resource_edit", args=[resource.slug]), form_data(org_a, title="Stiekem anders")
    )
    assert response.status_code == 403
    resource.refresh_from_db()
    assert resource.title == "Staat live"
    client.post(reverse("knowledge:editor_resource_status", args=[resource.slug]), {"action": "withdraw"})
    resource.refresh_from_db()
    assert resource.status == Resource.Status.DRAFT
    response = client.post(
        reverse("knowledge:editor_resource_edit", args=[resource.slug]), form_data(org_a, title="Nu wel anders")
    )
    assert response.status_code == 302


def test_stale_resource_is_flagged_and_can_be_marked_reviewed(client, alice, org_a):
    from datetime import timedelta

    from django.utils import timezone

    old = timezone.now() - timedelta(days=400)
    resource = ResourceFactory(organisation=org_a, title="Oude tekst", published_at=old, last_reviewed_at=old)
    client.force_login(alice)
    html = client.get(reverse("mijn")).content.decode()
    assert "Nog actueel?" in html and "Oude tekst" in html
    client.post(reverse("knowledge:editor_resource_status", args=[resource.slug]), {"action": "reviewed"})
    resource.refresh_from_db()
    assert not resource.needs_review
    html = client.get(reverse("mijn")).content.decode()
    assert "Oude tekst" in html and "Nog actueel?" not in html


def test_unknown_status_action_is_refused(client, alice, org_a):
    resource = ResourceFactory(organisation=org_a, status=Resource.Status.DRAFT, published_at=None)
    client.force_login(alice)
    response = client.post(reverse("knowledge:editor_resource_status", args=[resource.slug]), {"action": "hack"})
    assert response.status_code == 302
    resource.refresh_from_db()
    assert resource.status == Resource.Status.DRAFT
    assert client.get(reverse("knowledge:editor_resource_status", args=[resource.slug])).status_code == 405


def test_editor_updates_organisation_profile(client, alice, org_a):
    client.force_login(alice)
    url = reverse("knowledge:editor_organisation_edit", args=[org_a.slug])
    data = {"description": "Nieuwe tekst over ons.", "website": "https://a.example", "is_national": "on"}
    assert client.post(url, data).status_code == 302
    org_a.refresh_from_db()
    assert org_a.description == "Nieuwe tekst over ons."
    bad = client.post(url, {**data, "logo": SimpleUploadedFile("logo.png", b"<svg onload=alert(1)>")})
    assert bad.status_code == 400
    assert "De inhoud van dit bestand past niet" in bad.content.decode()


def test_personal_data_export_includes_knowledge(client, alice, org_a):
    ResourceFactory(organisation=org_a, author=alice, title="Mijn stuk")
    client.force_login(alice)
    data = client.get(reverse("my_data_export")).json()
    assert data["kennis"]["geschreven kennis"][0]["titel"] == "Mijn stuk"
    assert data["kennis"]["redacteur van"][0]["organisatie"] == "Partner A"


def test_second_user_of_same_org_can_edit(client, org_a):
    colleague = UserFactory()
    MembershipFactory(organisation=org_a, user=colleague)
    resource = ResourceFactory(organisation=org_a, status=Resource.Status.DRAFT, published_at=None)
    client.force_login(colleague)
    assert client.get(reverse("knowledge:editor_resource_edit", args=[resource.slug])).status_code == 200


def test_logo_upload_is_stored_under_generated_name_and_served(client, alice, org_a):
    from tests.knowledge.test_uploads import PNG

    client.force_login(alice)
    url = reverse("knowledge:editor_organisation_edit", args=[org_a.slug])
    data = {"description": "Over ons.", "logo": SimpleUploadedFile("../../etc/logo.png", PNG)}
    assert client.post(url, data).status_code == 302
    org_a.refresh_from_db()
    assert org_a.logo.name.startswith("kennis/logo/") and ".." not in org_a.logo.name
    response = client.get(org_a.logo_url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert org_a.logo_url in client.get(org_a.get_absolute_url()).content.decode()
    assert client.get(reverse("knowledge:organisation_logo", args=["partner-b"])).status_code == 404


def test_attachment_name_is_cleaned_before_it_reaches_a_header(org_a):
    from knowledge.services import attachment_add
    from knowledge.uploads import CheckedFile

    resource = ResourceFactory(organisation=org_a)
    upload = SimpleUploadedFile('../map/rap"port\r\nX-Kwaad: ja.exe.pdf', PDF)
    attachment = attachment_add(resource=resource, upload=upload, checked=CheckedFile("pdf", "application/pdf"))
    assert attachment.original_name == "rapportX-Kwaad: ja.exe.pdf"
    name = attachment.file.name
    assert name is not None and name.startswith("kennis/bijlagen/") and name.endswith(".pdf")


@pytest.mark.parametrize(
    ("status", "buttons"),
    [
        (Resource.Status.DRAFT, ["submit", "publish", "archive"]),
        (Resource.Status.REVIEW, ["publish", "sendback", "withdraw", "archive"]),
        (Resource.Status.PUBLISHED, ["reviewed", "withdraw", "archive"]),
        (Resource.Status.ARCHIVED, ["submit", "publish", "withdraw"]),
    ],
)
def test_status_buttons_offer_the_next_steps(client, org_a, status, buttons):
    publisher = MembershipFactory(organisation=org_a, can_publish=True).user
    resource = ResourceFactory(organisation=org_a, status=status)
    client.force_login(publisher)
    body = client.get(reverse("knowledge:editor_resource_edit", args=[resource.slug])).content.decode()
    assert re.findall(r'name="action" value="(\w+)"', body) == buttons
