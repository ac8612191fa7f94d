"""Headers of OWASP ASVS 5.0 level 1 that Django does not set itself (wdhs.middleware.SecurityHeadersMiddleware)."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def directives(response) -> set[str]:
    return {part.strip().split("=")[0] for part in response.get("Cache-Control", "").split(",") if part.strip()}


@pytest.mark.parametrize("path", ["/", "/bestaat-niet/", "/healthz", "/static/css/portal.css", "/kennis/"])
def test_permissions_policy_on_every_response(client, path):
    response = client.get(path)
    policy = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"):
        assert f"{feature}=()" in policy


def test_permissions_policy_on_a_redirect_and_a_post(client):
    assert "camera=()" in client.get("/mijn/")["Permissions-Policy"]
    assert "camera=()" in client.post(reverse("account_login"), {})["Permissions-Policy"]


def test_personal_pages_are_never_stored(client, user):
    client.force_login(user)
    for name in ("mijn", "my_data_export", "account_delete", "account_email", "account_change_password"):
        response = client.get(reverse(name))
        assert response.status_code == 200, name
        assert {"private", "no-store"} <= directives(response), (name, response.get("Cache-Control"))
        assert "public" not in directives(response)


def test_account_pages_are_never_stored_also_before_login(client):
    for name in ("account_login", "account_signup", "account_reset_password"):
        assert {"private", "no-store"} <= directives(client.get(reverse(name))), name
    # The redirect to the login page, too: it says which private page was asked for.
    assert {"private", "no-store"} <= directives(client.get("/mijn/"))


def test_admin_is_never_stored(client, staff):
    client.force_login(staff)
    response = client.get("/beheer/")
    assert response.status_code == 200
    assert {"private", "no-store"} <= directives(response)
    assert {"private", "no-store"} <= directives(client.get("/beheer/login/"))


def test_public_pages_stay_cacheable(client):
    assert "no-store" not in directives(client.get("/kennis/"))
