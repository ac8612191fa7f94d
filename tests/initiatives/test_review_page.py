"""Approve and reject on an initiative's own page in /beheer/, with the change side by side (initiatives/admin.py)."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from initiatives import changes
from initiatives.models import Status
from tests.background import committed
from tests.factories import InitiativeFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db


def change_url(initiative) -> str:
    return reverse("admin:initiatives_initiative_change", args=[initiative.pk])


def approve_url(initiative) -> str:
    return reverse("admin:initiatives_initiative_approve", args=[initiative.pk])


def reject_url(initiative) -> str:
    return reverse("admin:initiatives_initiative_reject", args=[initiative.pk])


@pytest.fixture
def owner():
    return UserFactory()


@pytest.fixture
def changed(owner):
    initiative = InitiativeFactory(managers=[owner], name="Moestuin Oost", area="Oost")
    changes.hold(initiative, {"name": "Moestuin Oost & West", "area": "Oost en West"})
    return initiative


@pytest.fixture
def submitted(owner):
    return InitiativeFactory(managers=[owner], status=Status.SUBMITTED, published_at=None)


def test_the_page_shows_the_change_next_to_the_published_version(client, staff, changed):
    client.force_login(staff)
    body = client.get(change_url(changed)).content.decode()
    assert '<th scope="col">Veld</th><th scope="col">Gepubliceerd</th><th scope="col">Nieuw</th>' in body
    assert '<tr><th scope="row">Naam</th><td>Moestuin Oost</td><td>Moestuin Oost &amp; West</td></tr>' in body
    assert '<tr><th scope="row">Wijk of dorp</th><td>Oost</td><td>Oost en West</td></tr>' in body
    assert "Wijzigingen goedkeuren en publiceren" in body
    assert "Wijzigingen afwijzen en e-mail sturen" in body
    assert f'action="{approve_url(changed)}"' in body


def test_approve_on_the_page_publishes_the_change_and_mails_the_managers(client, staff, owner, changed):
    client.force_login(staff)
    with committed():
        response = client.post(approve_url(changed))
    assert response.status_code == 302 and response["Location"] == change_url(changed)
    changed.refresh_from_db()
    assert changed.name == "Moestuin Oost & West" and changed.pending_changes is None
    assert changed.status == Status.PUBLISHED
    assert [m.to for m in mail.outbox] == [[owner.email]]
    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages == [
        "Moestuin Oost & West: goedgekeurd. De wijzigingen staan online. De beheerders kregen een e-mail."
    ]


def test_approve_a_new_initiative_on_its_page(client, staff, submitted):
    client.force_login(staff)
    assert "Goedkeuren en publiceren" in client.get(change_url(submitted)).content.decode()
    with committed():
        assert client.post(approve_url(submitted)).status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == Status.PUBLISHED and submitted.published_at is not None


def test_reject_on_the_page_needs_a_reason_that_goes_into_the_mail(client, staff, owner, submitted):
    client.force_login(staff)
    for reason in ["", "   ", "x" * 2001]:
        response = client.post(reject_url(submitted), {"reason": reason})
        assert response.status_code == 400
        body = response.content.decode()
        assert "errorlist" in body and "Reden van afwijzing" in body
    response = client.post(reject_url(submitted), {})
    assert response.status_code == 400
    submitted.refresh_from_db()
    assert submitted.status == Status.SUBMITTED and mail.outbox == []
    with committed():
        response = client.post(reject_url(submitted), {"reason": "Vertel wat meer over wie er meedoen."})
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == Status.REJECTED
    assert submitted.rejection_reason == "Vertel wat meer over wie er meedoen."
    assert mail.outbox[0].to == [owner.email]
    assert "Vertel wat meer over wie er meedoen." in mail.outbox[0].body


def test_reject_a_change_keeps_the_public_page(client, staff, changed):
    client.force_login(staff)
    with committed():
        response = client.post(reject_url(changed), {"reason": "De nieuwe naam is te lang voor de kaart."})
    assert response.status_code == 302
    changed.refresh_from_db()
    assert changed.status == Status.PUBLISHED and changed.name == "Moestuin Oost" and changed.pending_changes is None
    assert "De nieuwe naam is te lang" in mail.outbox[0].body


def test_nothing_to_decide_is_a_clear_409(client, staff):
    published = InitiativeFactory()
    client.force_login(staff)
    body = client.get(change_url(published)).content.decode()
    assert "Dit initiatief staat online en er wachten geen wijzigingen." in body
    assert "Goedkeuren en publiceren" not in body
    response = client.post(approve_url(published))
    assert response.status_code == 409
    assert "Er is niets om goed te keuren." in response.content.decode()
    response = client.post(reject_url(published), {"reason": "Waarom niet."})
    assert response.status_code == 409
    assert "Er is niets om af te wijzen." in response.content.decode()
    assert mail.outbox == []


def test_only_staff_who_may_change_initiatives_decide(client, submitted):
    editorial = StaffFactory(groups=["Redactie"])  # staff, but no right to change initiatives
    client.force_login(editorial)
    assert client.post(approve_url(submitted)).status_code == 403
    assert client.post(reject_url(submitted), {"reason": "Nee."}).status_code == 403
    resident = UserFactory()
    client.force_login(resident)
    response = client.post(approve_url(submitted))
    assert response.status_code == 302 and response["Location"].startswith("/beheer/login/")
    client.logout()
    assert client.post(approve_url(submitted)).status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == Status.SUBMITTED


def test_a_decision_is_a_post_on_an_initiative_that_exists(client, staff, submitted):
    client.force_login(staff)
    assert client.get(approve_url(submitted)).status_code == 405
    assert client.get(reject_url(submitted)).status_code == 405
    for bad in ["0", "999999999", "abc", "1e9", "9" * 40, "-1"]:
        path = f"/beheer/initiatives/initiative/{bad}/goedkeuren/"
        assert client.post(path).status_code == 404, bad
    # A control character never reaches the view (wdhs.middleware.TextInputMiddleware).
    assert client.post("/beheer/initiatives/initiative/%00/goedkeuren/").status_code == 400


def test_the_decision_needs_the_csrf_token(staff, submitted):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(staff)
    assert client.post(approve_url(submitted)).status_code == 403
    submitted.refresh_from_db()
    assert submitted.status == Status.SUBMITTED


def test_the_staff_mail_about_a_new_initiative_links_to_the_initiative_itself(client, settings):
    from initiatives import services
    from tests.factories import municipality, term

    data = {
        "name": "Repair Café Lunetten",
        "kind": term("initiative_kind", "bewonersinitiatief"),
        "legal_form": term("legal_form", "stichting"),
        "phase": term("phase", "groeien"),
        "municipality": municipality("Utrecht"),
        "active_people": "6-15",
        "description": "Elke maand repareren we samen spullen.",
        "themes": [term("theme", "groen-en-leefomgeving")],
    }
    with committed():
        initiative = services.initiative_register(user=UserFactory(), data=data)
    (message,) = [m for m in mail.outbox if m.to == settings.STAFF_NOTIFICATION_EMAILS]
    assert f"{settings.SITE_URL}{change_url(initiative)}" in message.body
