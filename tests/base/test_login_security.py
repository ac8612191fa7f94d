"""Log-in security (OWASP ASVS 5.0 L1, issue #17): one log-in for everyone, rate limits, two-factor log-in."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD, StaffFactory, UserFactory, with_totp

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


def test_staff_change_their_password_on_the_portal_page_not_the_admin_form(client, staff):
    client.force_login(staff)
    response = client.get("/beheer/password_change/")
    assert response.status_code == 302
    assert response["Location"] == reverse("account_change_password")


def test_ordinary_user_gets_a_403_from_the_admin_not_a_redirect_loop(client, user):
    client.force_login(user)
    response = client.get("/beheer/", follow=True)
    assert response.status_code == 403
    assert len(response.redirect_chain) == 1


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


# --- 3. two-factor log-in: for everyone who wants it, required for staff -----------------------------------------


def _log_in_with_password(client, user):
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    return response["Location"]


def test_set_up_an_authenticator_app_then_log_in_with_a_code(client, empty_cache):
    from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY

    from tests.factories import totp_code

    person = UserFactory()
    _log_in_with_password(client, person)
    page = client.get(reverse("mijn"))
    assert reverse("mfa_index") in page.content.decode()
    # Setting it up asks for the password once more (allauth's reauthentication), then shows the QR code.
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 302
    assert page["Location"].startswith(reverse("account_reauthenticate"))
    page = client.post(page["Location"], {"password": PASSWORD}, follow=True)
    assert page.redirect_chain[-1][0] == reverse("mfa_activate_totp")
    assert page.status_code == 200
    html = page.content.decode()
    assert "App op je telefoon instellen" in html
    assert "data:image/svg+xml;base64," in html  # the QR code
    assert "utrecht-textbox" in html
    secret = client.session[SECRET_SESSION_KEY]
    wrong = client.post(reverse("mfa_activate_totp"), {"code": "000000" if totp_code(secret) != "000000" else "111111"})
    assert wrong.status_code == 400
    response = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})
    assert response.status_code == 302
    codes_page = client.get(response["Location"])
    assert codes_page.status_code == 200
    assert "Herstelcodes" in codes_page.content.decode()
    overview = client.get(reverse("mfa_index")).content.decode()
    assert "Inloggen in twee stappen" in overview
    assert "Aan. Bij het inloggen vragen we een code uit je app." in overview

    client.post(reverse("account_logout"))
    assert _log_in_with_password(client, person) == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session  # the password alone is not enough
    page = client.get(reverse("mfa_authenticate"))
    assert "Inloggen: tweede stap" in page.content.decode()
    assert client.post(reverse("mfa_authenticate"), {"code": "123"}).status_code == 400
    assert "_auth_user_id" not in client.session
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(person.pk)


def test_a_recovery_code_logs_in_once(client, empty_cache):
    from tests.factories import with_recovery_codes, with_totp

    person = UserFactory()
    with_totp(person)
    code = with_recovery_codes(person)[0]
    assert _log_in_with_password(client, person) == reverse("mfa_authenticate")
    assert client.post(reverse("mfa_authenticate"), {"code": code}).status_code == 302
    assert client.session["_auth_user_id"] == str(person.pk)

    again = Client()
    assert _log_in_with_password(again, person) == reverse("mfa_authenticate")
    response = again.post(reverse("mfa_authenticate"), {"code": code})
    assert response.status_code == 400
    assert "_auth_user_id" not in again.session


def test_wrong_codes_are_limited_with_a_dutch_429(client, empty_cache):
    from tests.factories import with_totp

    person = UserFactory()
    with_totp(person)
    _log_in_with_password(client, person)
    statuses = [client.post(reverse("mfa_authenticate"), {"code": "12345678"}).status_code for _ in range(6)]
    assert statuses[0] == 400
    assert statuses[-1] == 429


def test_staff_without_two_factor_log_in_are_sent_to_set_it_up(client):
    staff = UserFactory(is_staff=True, is_superuser=True, totp=False)
    client.force_login(staff)
    for path in ("/beheer/", "/beheer/wdhs/user/", "/beheer/initiatives/initiative/"):
        response = client.get(path, follow=True)
        assert response.redirect_chain[-1][0].startswith("/accounts/"), path
        assert response.status_code == 200
        assert "Voor het beheer log je in twee stappen in" in response.content.decode(), path
    # The set-up page itself asks for the password first (allauth), then offers the app.
    assert reverse("mfa_activate_totp") in [url for url, _ in response.redirect_chain] or any(
        "reauthenticate" in url for url, _ in response.redirect_chain
    )


def test_staff_with_two_factor_log_in_reach_the_admin(client):
    staff = UserFactory(is_staff=True, is_superuser=True)  # the factory gives staff an authenticator app
    client.force_login(staff)
    assert client.get("/beheer/").status_code == 200
    assert client.get("/beheer/wdhs/user/").status_code == 200


def test_the_staff_requirement_can_be_switched_off(client, settings):
    settings.WDHS_STAFF_MFA_REQUIRED = False
    staff = UserFactory(is_staff=True, is_superuser=True, totp=False)
    client.force_login(staff)
    assert client.get("/beheer/").status_code == 200


def test_staff_cannot_switch_their_authenticator_app_off(client, empty_cache):
    from allauth.mfa.models import Authenticator

    from tests.factories import totp_code, with_totp

    staff = UserFactory(is_staff=True, totp=False)
    secret = with_totp(staff)
    _log_in_with_password(client, staff)
    client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    reauthenticate = client.get(reverse("mfa_deactivate_totp"))["Location"]
    page = client.post(reauthenticate, {"password": PASSWORD}, follow=True)
    assert page.redirect_chain[-1][0] == reverse("mfa_deactivate_totp")
    assert "verplicht" in page.content.decode()
    response = client.post(reverse("mfa_deactivate_totp"))
    assert response.status_code == 400
    assert "verplicht" in response.content.decode()
    assert Authenticator.objects.filter(user=staff, type=Authenticator.Type.TOTP).exists()


def test_staff_log_in_with_password_and_code_through_the_portal_login(client, empty_cache):
    from tests.factories import totp_code, with_totp

    staff = UserFactory(is_staff=True, is_superuser=True, totp=False)
    secret = with_totp(staff)
    response = client.post(_login_url("/beheer/"), {"login": staff.email, "password": PASSWORD})
    assert response["Location"] == reverse("mfa_authenticate")
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    assert response.status_code == 302
    assert response["Location"] == "/beheer/"
    assert client.get("/beheer/").status_code == 200


@pytest.mark.parametrize("code", ["", "x" * 10_000, "12\x0034", "١٢٣٤٥٦", "<script>alert(1)</script>"])
def test_odd_codes_get_a_dutch_400_not_a_500(client, empty_cache, code):
    from tests.factories import with_totp

    person = UserFactory()
    with_totp(person)
    _log_in_with_password(client, person)
    response = client.post(reverse("mfa_authenticate"), {"code": code})
    assert response.status_code == 400
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_admin_login_with_odd_input_never_fails(client):
    for data in ({"next": "//kwaadwillend.example/"}, {"username": "x" * 10_000, "password": ""}):
        response = client.post("/beheer/login/", data)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    # A NUL in a form is refused before any view (wdhs.text).
    assert client.post("/beheer/login/", {"next": "\x00"}).status_code == 400


def test_my_data_export_says_which_second_steps_are_on_without_the_secrets(client):
    import json

    from tests.factories import with_recovery_codes, with_totp

    person = UserFactory()
    secret = with_totp(person)
    codes = with_recovery_codes(person)
    client.force_login(person)
    response = client.get(reverse("my_data_export"))
    steps = json.loads(response.content)["account"]["inloggen in twee stappen"]
    assert [step["soort"] for step in steps] == ["app op je telefoon", "herstelcodes"]
    assert secret not in response.content.decode()
    assert codes[0] not in response.content.decode()


@pytest.mark.parametrize("superuser", [False, True])
def test_staff_rights_wait_for_two_factor_log_in_everywhere(client, superuser):
    """Not only the admin: the dashboard, publishing and the question inbox use the same rights."""
    staff = StaffFactory(totp=False, is_superuser=superuser)
    assert not staff.has_perm("goals.view_dashboard")
    assert not staff.has_perm("knowledge.publish_resource")
    assert not staff.has_module_perms("knowledge")
    client.force_login(staff)
    response = client.get(reverse("goals:dashboard"))
    assert response.status_code == 302 and response["Location"] == reverse("mfa_activate_totp")
    with_totp(staff)
    fresh = type(staff).objects.get(pk=staff.pk)  # the check is kept for the life of one user object (a request)
    assert fresh.has_perm("goals.view_dashboard") and fresh.has_perm("knowledge.publish_resource")
    assert client.get(reverse("goals:dashboard")).status_code == 200


def test_residents_never_wait_for_two_factor_log_in(django_assert_num_queries):
    resident = UserFactory()
    with django_assert_num_queries(0):
        assert not resident.waits_for_two_factor()
