"""Log-in security (OWASP ASVS 5.0 L1, issue #17): one log-in for everyone, rate limits, two-factor log-in."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def _login_url(next_url: str) -> str:
    return f"{reverse('account_login')}?{urlencode({'next': next_url})}"


# --- 1. staff log in through allauth, with its rate limits -----------------------------------------------------


def test_admin_login_page_sends_to_the_portal_login_keeping_next(client):
    response = client.get("/beheer/login/", {"next": "/beheer/initiatives/initiative/"})
    assert response.status_code == 302
    assert response["Location"] == _login_url("/beheer/initiatives/initiative/")


def test_admin_login_page_does_not_pass_on_a_foreign_next(client):
    response = client.get("/beheer/login/", {"next": "https://kwaadwillend.example/"})
    assert response.status_code == 302
    assert response["Location"] == _login_url("/beheer/")


def test_anonymous_visitor_of_the_admin_ends_at_the_portal_login(client):
    response = client.get("/beheer/", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == _login_url("/beheer/")
    assert 'name="login"' in response.content.decode()


def test_posting_a_password_to_the_admin_login_cannot_log_in(client, empty_cache):
    staff = UserFactory(is_staff=True, is_superuser=True)
    for _ in range(3):
        client.post("/beheer/login/", {"username": staff.email, "password": "verkeerd-wachtwoord"})
    response = client.post("/beheer/login/", {"username": staff.email, "password": PASSWORD, "next": "/beheer/"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session
    assert client.get("/beheer/").status_code == 302


def test_ordinary_user_gets_a_403_from_the_admin_not_a_redirect_loop(client, user):
    client.force_login(user)
    response = client.get("/beheer/", follow=True)
    assert response.status_code == 403
    assert len(response.redirect_chain) == 1


def test_staff_log_in_through_the_portal_login_and_reach_the_admin(client, empty_cache):
    staff = UserFactory(is_staff=True, is_superuser=True)
    staff_client = Client()
    response = staff_client.post(_login_url("/beheer/"), {"login": staff.email, "password": PASSWORD})
    assert response.status_code == 302
    assert "_auth_user_id" in staff_client.session


# --- 2. rate limits that do not hand a stranger the power to lock someone out ------------------------------------

CLIENT_A = "192.0.2.10"
CLIENT_B = "198.51.100.20"


def _log_in(client, email, password, address):
    return client.post(reverse("account_login"), {"login": email, "password": password}, REMOTE_ADDR=address)


def _assert_limited(response):
    assert response.status_code == 429
    html = response.content.decode()
    assert "te vaak een verkeerd wachtwoord" in html
    assert "Wachtwoord vergeten" in html


def test_wrong_passwords_from_a_stranger_do_not_lock_the_owner_out(client, empty_cache):
    owner = UserFactory()
    for _ in range(5):
        assert _log_in(client, owner.email, "verkeerd-wachtwoord", CLIENT_A).status_code == 400
    own_client = Client()
    response = _log_in(own_client, owner.email, PASSWORD, CLIENT_B)
    assert response.status_code == 302
    assert own_client.session["_auth_user_id"] == str(owner.pk)


def test_the_guessing_client_is_limited_for_that_account_even_with_the_right_password(client, empty_cache):
    owner = UserFactory()
    for _ in range(5):
        _log_in(client, owner.email, "verkeerd-wachtwoord", CLIENT_A)
    response = _log_in(client, owner.email, PASSWORD, CLIENT_A)
    _assert_limited(response)
    assert "_auth_user_id" not in client.session


def test_one_client_guessing_many_accounts_is_limited(client, empty_cache):
    people = [UserFactory() for _ in range(11)]
    for person in people[:10]:
        assert _log_in(client, person.email, "verkeerd-wachtwoord", CLIENT_A).status_code == 400
    _assert_limited(_log_in(client, people[10].email, "verkeerd-wachtwoord", CLIENT_A))
    # Another address is not affected.
    assert _log_in(Client(), people[10].email, PASSWORD, CLIENT_B).status_code == 302


def test_a_right_password_does_not_count_as_a_failure(client, empty_cache):
    owner = UserFactory()
    for _ in range(4):
        _log_in(client, owner.email, "verkeerd-wachtwoord", CLIENT_A)
    for _ in range(3):
        assert _log_in(Client(), owner.email, PASSWORD, CLIENT_A).status_code == 302
    assert _log_in(client, owner.email, "verkeerd-wachtwoord", CLIENT_A).status_code == 400


def test_guesses_from_many_clients_are_limited_per_account_and_a_new_password_lifts_it(client, settings, empty_cache):
    from django.core import mail

    from tests.background import committed

    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login_failed_account": "8/h/key"}
    owner = UserFactory()
    for n in range(8):
        assert _log_in(Client(), owner.email, "verkeerd-wachtwoord", f"203.0.113.{n}").status_code == 400
    _assert_limited(_log_in(Client(), owner.email, PASSWORD, CLIENT_B))
    # The way out the message offers: a new password by mail.
    with committed():
        client.post(reverse("account_reset_password"), {"email": owner.email}, REMOTE_ADDR=CLIENT_B)
    [message] = mail.outbox
    link = next(word for word in message.body.split() if "/accounts/password/reset/key/" in word)
    page = client.get(link.removeprefix("http://testserver"), follow=True, REMOTE_ADDR=CLIENT_B)
    form_url = page.redirect_chain[-1][0] if page.redirect_chain else link.removeprefix("http://testserver")
    new_password = "Een-nieuw-Wachtwoord-93"
    response = client.post(form_url, {"password1": new_password, "password2": new_password}, REMOTE_ADDR=CLIENT_B)
    assert response.status_code == 302
    assert _log_in(Client(), owner.email, new_password, CLIENT_B).status_code == 302
