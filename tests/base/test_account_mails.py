"""Every account mail, sent through the real flows: the portal's own name and address, B1 Dutch, no English.

The request comes in on "testserver" and the portal's address is set to another one, so a link that follows the
request's host instead of settings.SITE_URL shows up at once.
"""

from __future__ import annotations

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from tests import words
from tests.background import committed
from tests.factories import PASSWORD, UserFactory, totp_code
from wdhs import emails

pytestmark = pytest.mark.django_db

PORTAL = "https://kennisplatform.example.nl"
NAME = "We Doen Het Samen"
# Words an English mail of allauth or Django has and a Dutch one never does (whole words, any case).
ENGLISH = re.compile(
    r"\b(hello|thank|thanks|please|you|your|the|click|password|confirm|reset|sign|signed|username|"
    r"receiving|request(ed)?|ignore[d]?|change[d]?|email address|someone|from)\b",
    re.IGNORECASE,
)


@pytest.fixture(autouse=True)
def portal_address(settings):
    settings.SITE_URL = PORTAL


def _one_mail(to: str) -> mail.EmailMessage:
    mails = [message for message in mail.outbox if message.to == [to]]
    assert len(mails) == 1, [(m.to, m.subject) for m in mail.outbox]
    return mails[0]


def assert_portal_mail(message: mail.EmailMessage, *, subject: str, link: str | None = None) -> str:
    """The mail names the portal, signs with its address, links only there, and reads Dutch."""
    body = str(message.body)
    assert message.subject == f"[{NAME}] {subject}"
    assert NAME in body
    assert body.rstrip().endswith(f"-- \n{NAME}\n{PORTAL}/"), body
    for forbidden in ("testserver", "localhost", "example.com", "http://127.0.0.1"):
        assert forbidden not in body, body
    urls = re.findall(r"https?://\S+", body)
    assert urls and all(url.startswith(PORTAL + "/") for url in urls), urls
    if link is not None:
        assert re.search(re.escape(PORTAL) + link, body), body
    english = ENGLISH.findall(re.sub(r"https?://\S+", "", body) + " " + str(message.subject))
    assert not english, f"Engelse woorden {english} in:\n{body}"
    return body


def _signup(client, email: str):
    data = {"email": email, "password1": "Buurt-en-samen-77", "password2": "Buurt-en-samen-77"}
    with committed():
        return client.post(reverse("account_signup"), data)


def test_signup_mail_is_the_portals_own_and_its_link_works(client):
    assert _signup(client, "nieuw@example.org").status_code == 302
    body = assert_portal_mail(
        _one_mail("nieuw@example.org"), subject="Bevestig je e-mailadres", link=r"/accounts/confirm-email/\S+/"
    )
    assert "nieuw@example.org" in body
    assert "zijn of haar" not in body
    path = re.search(r"(/accounts/confirm-email/\S+/)", body).group(1)  # type: ignore[union-attr]
    assert client.post(path).status_code == 302
    assert EmailAddress.objects.get(email="nieuw@example.org").verified


def test_signup_with_a_known_address_gets_the_portals_already_exists_mail(client):
    UserFactory(email="bestaat@example.org")
    assert _signup(client, "bestaat@example.org").status_code == 302
    assert_portal_mail(
        _one_mail("bestaat@example.org"), subject="Je hebt al een account", link=r"/accounts/password/reset/"
    )


def test_log_in_unverified_sends_the_confirmation_again(client):
    person = UserFactory()
    EmailAddress.objects.filter(user=person).update(verified=False)
    with committed():
        client.post(reverse("account_login"), {"login": person.email, "password": PASSWORD})
    assert_portal_mail(_one_mail(person.email), subject="Bevestig je e-mailadres", link=r"/accounts/confirm-email/")


def test_password_reset_mail_and_the_notice_after_the_new_password(client):
    person = UserFactory()
    with committed():
        client.post(reverse("account_reset_password"), {"email": person.email})
    body = assert_portal_mail(
        _one_mail(person.email), subject="Nieuw wachtwoord kiezen", link=r"/accounts/password/reset/key/\S+/"
    )
    path = re.search(r"(/accounts/password/reset/key/\S+/)", body).group(1)  # type: ignore[union-attr]
    mail.outbox.clear()
    form = client.get(path, follow=True)
    new = "Een-nieuw-wachtwoord-42"
    with committed():
        response = client.post(form.redirect_chain[-1][0], {"password1": new, "password2": new})
    assert response.status_code == 302
    assert_portal_mail(
        _one_mail(person.email), subject="Je hebt een nieuw wachtwoord", link=r"/accounts/password/reset/"
    )


def test_password_reset_for_an_unknown_address_says_so_in_dutch(client):
    with committed():
        client.post(reverse("account_reset_password"), {"email": "onbekend@example.org"})
    assert_portal_mail(
        _one_mail("onbekend@example.org"), subject="Geen account met dit e-mailadres", link=r"/accounts/signup/"
    )


def test_password_change_sends_a_notice_with_when_and_from_where(client):
    person = UserFactory()
    client.post(reverse("account_login"), {"login": person.email, "password": PASSWORD})
    new = "Een-nieuw-wachtwoord-42"
    with committed():
        response = client.post(
            reverse("account_change_password"), {"oldpassword": PASSWORD, "password1": new, "password2": new}
        )
    assert response.status_code == 302
    body = assert_portal_mail(_one_mail(person.email), subject="Je wachtwoord is veranderd")
    assert "Je wachtwoord is veranderd." in body
    # One date style: "1 december 2026, 14:05".
    assert re.search(
        r"Tijdstip: \d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|"
        r"oktober|november|december) \d{4}, \d{2}:\d{2}",
        body,
    ), body


def test_turning_on_and_off_the_authenticator_app_sends_notices(client):
    from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY

    person = UserFactory()
    client.post(reverse("account_login"), {"login": person.email, "password": PASSWORD})
    client.get(reverse("mfa_activate_totp"))
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    client.get(reverse("mfa_activate_totp"))
    secret = client.session[SECRET_SESSION_KEY]
    with committed():
        assert client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)}).status_code == 302
    assert_portal_mail(_one_mail(person.email), subject="Authenticator-app aangezet")
    mail.outbox.clear()
    with committed():
        assert client.post(reverse("mfa_deactivate_totp")).status_code == 302
    assert_portal_mail(_one_mail(person.email), subject="Authenticator-app uitgezet")


def test_app_mails_are_signed_with_the_portals_name_and_address():
    subject, body = emails.render("question-new-staff", {"question": None})
    assert subject.startswith(f"[{NAME}] ")
    assert body.endswith(f"-- \n{NAME}\n{PORTAL}/\n")


def test_check_your_mail_page_resends_the_mail_within_the_limit(client, empty_cache):
    assert _signup(client, "nieuw@example.org").status_code == 302
    page = client.get(reverse("account_email_verification_sent"))
    html = page.content.decode()
    assert "Niet ontvangen?" in html
    assert not words.english(words.readable_text(html))
    assert reverse("account_verification_resend") in html
    mail.outbox.clear()
    # Right after the first mail: nothing new, and the page says to wait (allauth's "confirm_email" limit).
    with committed():
        response = client.post(reverse("account_verification_resend"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("account_email_verification_sent")
    assert "Wacht een paar minuten" in response.content.decode()
    assert mail.outbox == []


def test_resend_sends_again_after_the_wait(client, empty_cache):
    from django.core.cache import cache

    assert _signup(client, "nieuw@example.org").status_code == 302
    mail.outbox.clear()
    cache.clear()  # as if the three minutes of the limit have passed
    with committed():
        response = client.post(reverse("account_verification_resend"), follow=True)
    assert "We hebben de mail opnieuw gestuurd" in response.content.decode()
    assert_portal_mail(
        _one_mail("nieuw@example.org"), subject="Bevestig je e-mailadres", link=r"/accounts/confirm-email/"
    )


def test_resend_without_a_sign_up_in_the_session_sends_nothing(client):
    with committed():
        response = client.post(reverse("account_verification_resend"))
    assert response.status_code == 302
    assert response["Location"] == reverse("account_login")
    assert mail.outbox == []
    assert client.get(reverse("account_verification_resend")).status_code == 405


def test_check_your_mail_page_is_a_confirmation_panel_with_the_address_and_how_long_the_link_works(
    client, settings, empty_cache
):
    settings.ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS = 3
    response = _signup(client, "nieuw@example.org")
    assert response["Location"] == reverse("account_email_verification_sent")
    html = client.get(response["Location"]).content.decode()
    panel = html[html.index('class="utrecht-alert utrecht-alert--ok wdhs-confirmation"') :]
    panel = panel[: panel.index("</section>")]
    assert '<strong class="wdhs-confirmation__address">nieuw@example.org</strong>' in panel
    assert "De link werkt 3 dagen." in panel
    assert "Wat gebeurt er nu?" in panel and "noreply@wedoenhetsamen.nu" in panel
    assert reverse("account_signup") in panel  # a typo in the address: sign up again with the right one
    # Resend, and where to go on without an account.
    assert reverse("account_verification_resend") in html
    for name in ("routes:list", "funding:finder", "knowledge:list"):
        assert f'href="{reverse(name)}"' in html
    assert not words.english(words.readable_text(html))
    # One message, the panel: not allauth's shorter (and misspelt) "Bevestigings e-mail verzonden" above it.
    assert "verzonden" not in html and "wdhs-messages" not in html


def test_check_your_mail_page_for_a_known_address_says_the_same(client, empty_cache):
    """An address that already has an account gets another mail; the page is the same, so nobody learns which
    addresses are known."""
    UserFactory(email="bekend@example.org")
    response = _signup(client, "bekend@example.org")
    assert response["Location"] == reverse("account_email_verification_sent")
    html = client.get(response["Location"]).content.decode()
    assert '<strong class="wdhs-confirmation__address">bekend@example.org</strong>' in html


def test_check_your_mail_page_without_a_sign_up_names_no_address(client):
    html = client.get(reverse("account_email_verification_sent")).content.decode()
    assert "De mail ging naar het e-mailadres dat je invulde." in html
    assert "wdhs-confirmation__address" not in html
