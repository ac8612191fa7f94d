"""OWASP ASVS 5.0 level 1 requirements the portal met without a test of its own (docs/asvs.md names each one).

Sessions, CSRF, password fields, the absence of CORS and default accounts, and the deploy files: Django and
allauth do the work, these tests keep a setting or an upgrade from quietly undoing it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from knowledge.models import Attachment
from tests.base.test_settings import _manage
from tests.factories import PASSWORD, ResourceFactory, UserFactory
from wdhs.models import User

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def _log_in(client: Client, email: str, password: str = PASSWORD):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def _logged_in(client: Client) -> bool:
    return client.get(reverse("mijn")).status_code == 200


# ---- V7 Session Management ----------------------------------------------------------------------------------


def test_logging_in_gives_a_new_random_session_key_kept_on_the_server(client, empty_cache):
    """ASVS 7.2.1-7.2.4: a session planted before the log-in (session fixation) is not the one that logs in."""
    user = UserFactory()
    client.get(reverse("account_login"))
    session = client.session
    session["planted"] = "yes"
    session.save()
    before = session.session_key
    assert _log_in(client, user.email).status_code == 302
    after = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert after != before
    assert not Session.objects.filter(session_key=before).exists()
    # The cookie holds only a random reference; what it stands for is a row on the server.
    assert len(after) >= 32 and Session.objects.filter(session_key=after).exists()
    Session.objects.filter(session_key=after).delete()
    assert not _logged_in(client)


def test_after_logging_out_the_old_session_key_is_worthless(client, empty_cache):
    """ASVS 7.4.1: a copy of the cookie (another tab, a stolen cookie) no longer works after the log-out."""
    user = UserFactory()
    _log_in(client, user.email)
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert client.post(reverse("account_logout")).status_code == 302
    thief = Client()
    thief.cookies[settings.SESSION_COOKIE_NAME] = key
    assert not _logged_in(thief)
    assert not Session.objects.filter(session_key=key).exists()


def test_logging_out_needs_a_post(client, empty_cache):
    """ASVS 3.5.3: a link or an image on another site (a GET) cannot log someone out."""
    user = UserFactory()
    _log_in(client, user.email)
    client.get(reverse("account_logout"))
    assert _logged_in(client)


def test_a_blocked_or_deleted_account_is_logged_out_on_every_device(client, empty_cache):
    """ASVS 7.4.2: blocking (is_active off, the admin action) or deleting an account ends all its sessions."""
    blocked, deleted = UserFactory(), UserFactory()
    phones = {}
    for person in (blocked, deleted):
        phones[person.pk] = Client()
        _log_in(phones[person.pk], person.email)
        assert _logged_in(phones[person.pk])
    User.objects.filter(pk=blocked.pk).update(is_active=False)
    assert not _logged_in(phones[blocked.pk])
    laptop = Client()
    laptop.force_login(deleted)
    assert laptop.post(reverse("account_delete"), {"password": PASSWORD}).status_code == 302
    assert not _logged_in(phones[deleted.pk])


# ---- V3 Web Frontend Security --------------------------------------------------------------------------------


def test_a_form_without_its_csrf_token_is_refused(empty_cache):
    """ASVS 3.5.1: Django's CSRF check is on for every form (the test client normally skips it)."""
    user = UserFactory()
    browser = Client(enforce_csrf_checks=True)
    response = browser.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 403
    assert not _logged_in(browser)
    browser.force_login(user)
    assert browser.post(reverse("account_delete"), {"password": PASSWORD}).status_code == 403
    assert User.objects.filter(pk=user.pk).exists()


@pytest.mark.parametrize("path", ["/", "/initiatieven/export.json", "/healthz", "/accounts/login/"])
def test_no_other_site_may_read_our_answers(client, path):
    """ASVS 3.4.2: no Access-Control-Allow-Origin anywhere, so a browser never hands our answers to another site."""
    response = client.get(path, HTTP_ORIGIN="https://kwaadwillend.example")
    assert not any(name.lower().startswith("access-control-") for name in response.headers)


@pytest.mark.parametrize(
    "path",
    ["/", "/bestaat-niet/", "/robots.txt", "/initiatieven/export.csv", "/initiatieven/export.json", "/kennis/feed/"],
)
def test_answers_in_text_name_their_character_set(client, path):
    """ASVS 4.1.1: HTML, text, CSV, JSON and feeds say charset=utf-8 (the sitemaps do not yet: docs/asvs.md)."""
    assert client.get(path)["Content-Type"].endswith("; charset=utf-8")


# ---- V6 Authentication ---------------------------------------------------------------------------------------


def test_password_fields_are_masked_and_password_managers_may_fill_them(client, user):
    """ASVS 6.2.6 and 6.2.7: type=password, autocomplete for password managers, nothing that blocks pasting."""
    login = client.get(reverse("account_login")).content.decode()
    assert 'type="password"' in login and 'autocomplete="current-password"' in login
    signup = client.get(reverse("account_signup")).content.decode()
    assert 'type="password"' in signup and 'autocomplete="new-password"' in signup
    for page in (login, signup):
        assert "onpaste" not in page.lower()


def test_a_password_is_checked_exactly_as_typed(client, empty_cache):
    """ASVS 6.2.8: no trimming or change of case before the password is checked."""
    password = "  Twee spaties en HOOFDLETTERS  "
    user = UserFactory(password=password)
    for wrong in (password.strip(), password.lower()):
        assert _log_in(client, user.email, wrong).status_code == 400
    assert _log_in(client, user.email, password).status_code == 302


def test_a_password_change_needs_the_current_password(client, empty_cache):
    """ASVS 6.2.2 and 6.2.3: everyone can change their password, but only with the one they have now."""
    user = UserFactory()
    client.force_login(user)
    url = reverse("account_change_password")
    new = "Een-nieuw-wachtwoord-93"
    response = client.post(url, {"oldpassword": "niet-het-goede", "password1": new, "password2": new})
    assert response.status_code == 400
    user.refresh_from_db()
    assert user.check_password(PASSWORD)
    assert client.post(url, {"oldpassword": PASSWORD, "password1": new, "password2": new}).status_code == 302
    user.refresh_from_db()
    assert user.check_password(new)


def test_a_common_password_of_the_right_length_is_refused(client, empty_cache):
    """ASVS 6.2.4: a password from the list of common passwords is refused (docs/asvs.md: the list is short)."""
    response = client.post(
        reverse("account_signup"), {"email": "nieuw@example.org", "password1": "qwertyuiop", "password2": "qwertyuiop"}
    )
    assert response.status_code == 400
    assert not User.objects.filter(email="nieuw@example.org").exists()


def test_a_new_database_has_no_accounts():
    """ASVS 6.3.2: the migrations make no account (the demo's staff account exists only in development)."""
    assert not User.objects.exists()


# ---- V9 Self-contained Tokens: the signed link that confirms an e-mail address --------------------------------


def _unconfirmed_address():
    from allauth.account.models import EmailAddress

    user = UserFactory()
    address = EmailAddress.objects.get(user=user)
    address.verified = False
    address.save(update_fields=["verified"])
    return address


def test_a_forged_confirmation_link_confirms_nothing(client):
    """ASVS 9.1.1 and 9.1.3: the link is checked against its HMAC (made with the secret key) before it is used."""
    from allauth.account.models import EmailConfirmationHMAC

    address = _unconfirmed_address()
    key = EmailConfirmationHMAC(address).key
    forged = key[:-1] + ("A" if key[-1] != "A" else "B")
    client.post(reverse("account_confirm_email", args=[forged]))
    address.refresh_from_db()
    assert not address.verified
    client.post(reverse("account_confirm_email", args=[key]))
    address.refresh_from_db()
    assert address.verified


def test_an_expired_confirmation_link_confirms_nothing(client, monkeypatch):
    """ASVS 9.2.1: a link signed more than ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS ago no longer works."""
    import time

    from allauth.account import app_settings
    from allauth.account.models import EmailConfirmationHMAC

    address = _unconfirmed_address()
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now - (app_settings.EMAIL_CONFIRMATION_EXPIRE_DAYS + 1) * 86400)
    key = EmailConfirmationHMAC(address).key
    monkeypatch.undo()
    client.post(reverse("account_confirm_email", args=[key]))
    address.refresh_from_db()
    assert not address.verified


# ---- V11, V12, V13: settings and deploy files -----------------------------------------------------------------


def test_production_hashes_passwords_with_scrypt_and_keeps_hsts_for_a_year():
    """ASVS 11.4.1 and 3.4.1: tests use a fast hasher, production scrypt; HSTS for at least one year."""
    code = (
        "from django.conf import settings as s;"
        "print(s.PASSWORD_HASHERS[0].rsplit('.', 1)[-1], s.SECURE_HSTS_SECONDS >= 31536000,"
        " s.SECURE_HSTS_INCLUDE_SUBDOMAINS)"
    )
    result = _manage(
        "shell",
        "--no-imports",
        "-c",
        code,
        DJANGO_ENV="production",
        DJANGO_SECRET_KEY="k" * 60,
        DJANGO_ALLOWED_HOSTS="x.nl",
    )
    assert result.stdout.split() == ["ScryptPasswordHasher", "True", "True"], result.stderr


def test_the_web_servers_offer_only_tls_1_2_and_1_3():
    """ASVS 12.1.1: nginx names its protocols; Caddy's defaults are TLS 1.2 and 1.3, so it must not widen them."""
    nginx = (ROOT / "deploy" / "nginx.conf").read_text()
    assert "ssl_protocols TLSv1.2 TLSv1.3;" in nginx
    assert "TLSv1 " not in nginx and "TLSv1.1" not in nginx
    caddy = (ROOT / "deploy" / "Caddyfile").read_text()
    assert "protocols" not in caddy


def test_the_image_leaves_out_source_control_data():
    """ASVS 13.4.1: the .git folder never reaches the container image."""
    assert ".git" in (ROOT / ".dockerignore").read_text().split()


# --- fixed with the ASVS mapping (docs/asvs.md): cookie prefixes, logout, sitemap charset, media HSTS ---------


def test_with_https_every_cookie_has_the_host_prefix():
    code = (
        "from django.conf import settings as s; from wdhs.http import PrefixedCookieStorage as p;"
        "print(s.SESSION_COOKIE_NAME, s.CSRF_COOKIE_NAME, p.cookie_name, s.SESSION_COOKIE_DOMAIN, s.CSRF_COOKIE_PATH)"
    )
    result = _manage(
        "shell",
        "--no-imports",
        "-c",
        code,
        DJANGO_ENV="production",
        DJANGO_SECRET_KEY="k" * 60,
        DJANGO_ALLOWED_HOSTS="x.nl",
    )
    assert result.stdout.split() == ["__Host-sessionid", "__Host-csrftoken", "__Host-messages", "None", "/"], (
        result.stderr
    )


def test_a_message_travels_in_the_cookie_named_by_the_settings(client, settings):
    assert settings.MESSAGE_STORAGE == "wdhs.http.MessageStorage"
    client.force_login(UserFactory())
    response = client.post(reverse("account_logout"))  # "Je bent uitgelogd." waits in a cookie
    assert settings.MESSAGE_COOKIE_NAME in response.cookies


def test_logging_out_clears_what_the_browser_holds(client):
    client.force_login(UserFactory())
    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache", "storage"'
    assert "Clear-Site-Data" not in client.get(reverse("account_logout"))


def test_sitemaps_name_their_character_set(client):
    assert client.get("/sitemap.xml")["Content-Type"] == "application/xml; charset=utf-8"
    assert client.get("/sitemap-paginas.xml")["Content-Type"] == "application/xml; charset=utf-8"


@pytest.mark.parametrize(
    ("path", "opening", "line"),
    [
        ("deploy/Caddyfile", "handle_path /media/* {", "Strict-Transport-Security"),
        ("deploy/nginx.conf", "location /media/ {", "add_header Strict-Transport-Security"),
    ],
)
def test_uploads_served_by_the_proxy_get_hsts_too(path, opening, line):
    text = (ROOT / path).read_text()
    media = text[text.index(opening) :]
    block = media[: media.index("file_server" if "Caddy" in path else "expires")]
    assert line in block and "max-age=31536000" in block


@pytest.mark.parametrize(
    ("path", "rule"),
    [
        ("deploy/Caddyfile", 'handle /media/kennis/bijlagen/* {\n\t\trespond "Niet gevonden" 404'),
        ("deploy/nginx.conf", "location /media/kennis/bijlagen/ {\n        return 404;"),
    ],
)
def test_the_proxies_never_serve_attachments_themselves(path, rule):
    """An attachment of a draft must not open for whoever has its address: only the portal's view serves it."""
    assert rule in (ROOT / path).read_text()


def test_the_admin_links_an_attachment_through_the_portal(client):

    staff = UserFactory(is_staff=True, is_superuser=True)
    resource = ResourceFactory()
    attachment = Attachment.objects.create(
        resource=resource,
        file=ContentFile(b"%PDF-1.4 x", name="x.pdf"),
        original_name="plan.pdf",
        content_type="application/pdf",
        size=10,
    )
    client.force_login(staff)
    page = client.get(reverse("admin:knowledge_attachment_change", args=[attachment.pk])).content.decode()
    assert reverse("knowledge:attachment", args=[resource.slug, attachment.pk]) in page
    assert "/media/kennis/bijlagen/" not in page
