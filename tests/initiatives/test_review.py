from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from initiatives import services
from initiatives.models import Initiative, Status
from tests.background import committed
from tests.factories import InitiativeFactory, UserFactory, municipality, term

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:initiatives_initiative_changelist"


@pytest.fixture
def owner():
    return UserFactory()


@pytest.fixture
def submitted(owner):
    return InitiativeFactory(managers=[owner], status=Status.SUBMITTED, published_at=None)


def test_approve_publishes_and_mails_managers(client, staff, owner, submitted):
    client.force_login(staff)
    with committed():
        response = client.post(reverse(CHANGELIST), {"action": "approve", "_selected_action": [submitted.pk]})
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == Status.PUBLISHED and submitted.published_at is not None
    assert [m.to for m in mail.outbox] == [[owner.email]]
    assert "Goedgekeurd" in mail.outbox[0].subject
    assert submitted.get_absolute_url() in mail.outbox[0].body
    assert client.get(submitted.get_absolute_url()).status_code == 200


def test_reject_asks_for_a_reason_first(client, staff, owner, submitted):
    client.force_login(staff)
    response = client.post(reverse(CHANGELIST), {"action": "reject", "_selected_action": [submitted.pk]})
    assert response.status_code == 200
    assert "Reden van afwijzing" in response.content.decode()
    submitted.refresh_from_db()
    assert submitted.status == Status.SUBMITTED
    response = client.post(
        reverse(CHANGELIST),
        {"action": "reject", "_selected_action": [submitted.pk], "reden_versturen": "1", "reason": ""},
    )
    assert response.status_code == 400
    assert mail.outbox == []
    with committed():
        response = client.post(
            reverse(CHANGELIST),
            {
                "action": "reject",
                "_selected_action": [submitted.pk],
                "reden_versturen": "1",
                "reason": "We missen een beschrijving van wat jullie doen.",
            },
        )
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == Status.REJECTED
    assert submitted.rejection_reason == "We missen een beschrijving van wat jullie doen."
    assert mail.outbox[0].to == [owner.email]
    assert "We missen een beschrijving" in mail.outbox[0].body


def test_reject_without_reason_is_refused_by_the_service(submitted):
    with pytest.raises(ValidationError):
        services.initiative_reject(initiative=submitted, by=None, reason="  ")


def test_archive_hides_and_mails(client, staff, owner):
    initiative = InitiativeFactory(managers=[owner])
    client.force_login(staff)
    with committed():
        client.post(reverse(CHANGELIST), {"action": "archive", "_selected_action": [initiative.pk]})
    initiative.refresh_from_db()
    assert initiative.status == Status.ARCHIVED
    assert mail.outbox[0].to == [owner.email]
    assert client.get(initiative.get_absolute_url()).status_code == 404


def test_pending_changes_are_applied_on_approval(owner):
    initiative = InitiativeFactory(managers=[owner], name="Oude Naam")
    services.initiative_update(
        initiative=initiative,
        by=owner,
        data={
            "name": "Nieuwe Naam",
            "municipality": municipality("Zwolle"),
            "themes": [term("theme", "wonen")],
            "kind": term("initiative_kind", "wijkbedrijf"),
        },
    )
    initiative.refresh_from_db()
    assert initiative.name == "Oude Naam" and initiative.pending_changes
    with committed():
        services.initiative_approve(initiative=initiative, by=None)
    initiative.refresh_from_db()
    assert initiative.name == "Nieuwe Naam"
    assert initiative.municipality.name == "Zwolle"
    assert list(initiative.themes.values_list("slug", flat=True)) == ["wonen"]
    assert initiative.kind.slug == "wijkbedrijf"
    assert initiative.pending_changes is None
    assert "wijzigingen" in mail.outbox[-1].body


def test_rejecting_pending_changes_keeps_initiative_public(owner):
    initiative = InitiativeFactory(managers=[owner], name="Oude Naam")
    services.initiative_update(initiative=initiative, by=owner, data={"name": "Foute Naam"})
    services.initiative_reject(initiative=initiative, by=None, reason="Deze naam klopt niet.")
    initiative.refresh_from_db()
    assert initiative.status == Status.PUBLISHED and initiative.name == "Oude Naam"
    assert initiative.pending_changes is None


def test_admin_shows_pending_changes(client, staff, owner):
    initiative = InitiativeFactory(managers=[owner], name="Oude Naam")
    services.initiative_update(initiative=initiative, by=owner, data={"name": "Nieuwe Naam"})
    client.force_login(staff)
    body = client.get(reverse("admin:initiatives_initiative_change", args=[initiative.pk])).content.decode()
    assert "Nieuwe Naam" in body
    response = client.get(reverse(CHANGELIST), {"wijzigingen": "wachten", "bevestigd": "oud"})
    assert response.status_code == 200


def test_only_published_are_public(client):
    for status in [Status.SUBMITTED, Status.REJECTED, Status.ARCHIVED]:
        initiative = InitiativeFactory(status=status, rejection_reason="reden" if status == Status.REJECTED else "")
        assert client.get(initiative.get_absolute_url()).status_code == 404
        assert initiative.name not in client.get(reverse("initiatives:list")).content.decode()
    assert Initiative.objects.published().count() == 0


def test_admin_change_form_opens_and_status_is_read_only(client, staff, submitted):
    client.force_login(staff)
    url = reverse("admin:initiatives_initiative_change", args=[submitted.pk])
    body = client.get(url).content.decode()
    assert 'name="status"' not in body
    assert "Reden van afwijzing" in body or "reden van afwijzing" in body


def test_admin_finds_initiatives_without_manager(client, staff, owner):
    orphan = InitiativeFactory(managers=[owner], name="Weesinitiatief")
    InitiativeFactory(name="Goed Beheerd")
    owner.delete()  # the account is gone; the initiative stays
    client.force_login(staff)
    body = client.get(reverse(CHANGELIST), {"beheerders": "geen"}).content.decode()
    assert orphan.name in body and "Goed Beheerd" not in body
