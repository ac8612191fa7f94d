from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from tests.background import MAIL_UP, committed, run_queued_tasks
from tests.factories import PASSWORD, UserFactory
from wdhs.models import User

pytestmark = pytest.mark.django_db


def _signup(client, **overrides):
    data = {"email": "nieuw@example.org", "password1": "Buurt-en-samen-77", "password2": "Buurt-en-samen-77"}
    data.update(overrides)
    return client.post(reverse("account_signup"), data)


def test_signup_sends_dutch_verification_mail_and_confirming_logs_in(client, settings):
    with committed():
        response = _signup(client, display_name="Fatima")
    assert response.status_code == 302
    user = User.objects.get(email="nieuw@example.org")
    assert user.display_name == "Fatima"
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject.startswith("[We Doen Het Samen]")
    match = re.search(re.escape(settings.SITE_URL) + r"(/accounts/confirm-email/[^\s]+/)", str(message.body))
    assert match is not None
    link = match.group(1)
    page = client.get(link)
    assert page.status_code == 200
    assert client.post(link).status_code == 302
    assert EmailAddress.objects.get(user=user).verified
    assert client.get(reverse("mijn")).status_code == 200


def test_signup_with_mail_down_shows_the_normal_page_and_mails_later(client, settings, task_queue, mail_down):
    response = _signup(client)
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert client.get(response["Location"]).status_code == 200
    user = User.objects.get(email="nieuw@example.org")
    run_queued_tasks()
    assert mail.outbox == []
    settings.MAILERS = MAIL_UP
    run_queued_tasks(after=timedelta(minutes=1))
    [message] = mail.outbox
    assert message.to == ["nieuw@example.org"]
    assert message.subject.startswith("[We Doen Het Samen]")
    match = re.search(re.escape(settings.SITE_URL) + r"(/accounts/confirm-email/[^\s]+/)", str(message.body))
    assert match is not None
    link = match.group(1)
    assert client.post(link).status_code == 302
    assert EmailAddress.objects.get(user=user).verified
    assert User.objects.filter(email="nieuw@example.org").count() == 1


def test_unverified_user_cannot_log_in(client):
    _signup(client)
    client.logout()
    response = client.post(reverse("account_login"), {"login": "nieuw@example.org", "password": "Buurt-en-samen-77"})
    assert response.status_code == 302
    assert "confirm-email" in response["Location"] or "bevestig" in response["Location"]
    assert client.get(reverse("mijn")).status_code == 302


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"email": "geen-adres"}, "geldig e-mailadres"),
        ({"email": ""}, "Dit veld is verplicht"),
        ({"password2": "iets-anders-123"}, "hetzelfde wachtwoord"),
        ({"password1": "kort", "password2": "kort"}, "te kort"),
        ({"password1": "1234567890123", "password2": "1234567890123"}, "alleen cijfers"),
        ({"email": "x" * 300 + "@example.org"}, "e-mailadres"),
        ({"display_name": "<script>alert(1)</script>"}, "Gebruik in je naam geen tekens"),
    ],
)
def test_signup_with_bad_input_gives_dutch_error_and_400(client, overrides, message):
    response = _signup(client, **overrides)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'role="alert"' in html
    assert "<script>alert(1)</script>" not in html
    assert not User.objects.filter(email=overrides.get("email", "nieuw@example.org")).exists()


def test_signup_with_existing_email_does_not_reveal_or_duplicate(client):
    UserFactory(email="bestaat@example.org")
    response = _signup(client, email="BESTAAT@example.org")
    assert User.objects.filter(email__iexact="bestaat@example.org").count() == 1
    assert response.status_code in (302, 400)


def test_login_and_logout(client):
    user = UserFactory()
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("mijn")
    assert client.post(reverse("account_logout")).status_code == 302
    assert client.get(reverse("mijn")).status_code == 302


def test_wrong_password_gives_dutch_error(client):
    user = UserFactory()
    response = client.post(reverse("account_login"), {"login": user.email, "password": "fout"})
    assert response.status_code == 400
    assert "niet correct" in response.content.decode()


def test_password_reset_mail_is_sent(client):
    user = UserFactory()
    with committed():
        assert client.post(reverse("account_reset_password"), {"email": user.email}).status_code == 302
    assert len(mail.outbox) == 1
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


def test_my_data_export_contains_my_data_only(client):
    me, other = UserFactory(), UserFactory()
    client.force_login(me)
    response = client.get(reverse("my_data_export"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["account"]["e-mailadres"] == me.email
    assert other.email not in response.content.decode()


def test_account_delete_needs_password(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(reverse("account_delete"), {"password": "verkeerd"})
    assert response.status_code == 400
    assert "Dit wachtwoord klopt niet" in response.content.decode()
    assert User.objects.filter(pk=user.pk).exists()
    response = client.post(reverse("account_delete"), {"password": PASSWORD})
    assert response.status_code == 302
    assert not User.objects.filter(pk=user.pk).exists()


def test_anonymous_cannot_delete_or_export(client):
    assert client.post(reverse("account_delete"), {"password": "x"}).status_code == 302
    assert client.get(reverse("my_data_export")).status_code == 302


def test_repeated_failed_logins_lock_the_account_for_a_while(client):
    """From this address; another address is not affected (tests/base/test_login_security.py)."""
    user = UserFactory()
    for attempt in range(5):
        client.post(reverse("account_login"), {"login": user.email, "password": f"fout-{attempt}"})
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 429
    assert "te vaak een verkeerd wachtwoord" in response.content.decode()
    assert client.get(reverse("mijn")).status_code == 302


def test_too_many_requests_get_dutch_429_page(client):
    statuses = [_signup(client, email=f"spam{n}@example.org", password2="x").status_code for n in range(21)]
    assert statuses[0] == 400
    assert statuses[-1] == 429
    response = _signup(client, email="nog-een@example.org")
    assert response.status_code == 429
    assert "Even rustig aan" in response.content.decode()
