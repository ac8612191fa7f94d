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
