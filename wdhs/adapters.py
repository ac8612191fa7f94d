"""django-allauth, adapted: account mails go the way of every mail; rate limits use our idea of the visitor address.

Failed log-ins are counted three ways (settings.ACCOUNT_RATE_LIMITS), so that a stranger cannot lock someone out:
- per client address ("login_failed", per ip): one address cannot try many passwords;
- per account and client address ("login_failed", per key, the key holds both): one address cannot keep guessing
  one account's password, but the owner, from their own address, still gets in;
- per account across all addresses ("login_failed_account", far higher): only slows a guess from many addresses.
  It could block the owner too, so the message points to "Wachtwoord vergeten": a new password clears it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from allauth.core.internal import ratelimit
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.http import HttpRequest

from wdhs import emails
from wdhs.ratelimit import client_ip

# The action of the per-account limit across all addresses, in settings.ACCOUNT_RATE_LIMITS.
LOGIN_FAILED_ACCOUNT = "login_failed_account"


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "too_many_login_attempts": (
            "Er is te vaak een verkeerd wachtwoord geprobeerd. Wacht een paar minuten en probeer het dan opnieuw. "
            "Weet je je wachtwoord niet meer? Kies dan 'Wachtwoord vergeten' en maak een nieuw wachtwoord."
        ),
    }

    def get_client_ip(self, request: HttpRequest) -> str:
        """allauth's rate limits (log-in, sign-up) count per visitor address the way ours do, behind a proxy too."""
        return client_ip(request)

    def _account_key(self, request: HttpRequest, **credentials: Any) -> str:
        return super()._get_login_attempts_cache_key(request, **credentials)

    def _get_login_attempts_cache_key(self, request: HttpRequest, **credentials: Any) -> str:
        """allauth counts failed log-ins per this key: the account together with the client address."""
        return f"{self._account_key(request, **credentials)}:{ratelimit.get_ip(request)}"

    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        """allauth's limits (per address, per account and address), then the one per account over all addresses."""
        super().pre_authenticate(request, **credentials)
        usage = ratelimit.consume(
            request, app="allauth.account", action=LOGIN_FAILED_ACCOUNT, key=self._account_key(request, **credentials)
        )
        if usage is None:
            self._rollback_login_failed_rl_usage()
            raise self.validation_error("too_many_login_attempts")
        # allauth's authenticate() takes back this usage when the password was right: a log-in is no failure.
        self._login_failed_rl_usage.usage.extend(usage.usage)

    def _delete_login_attempts_cached_email(self, request: HttpRequest, **credentials: Any) -> None:
        """After a new password (by mail) its owner can log in again, however many guesses others made."""
        super()._delete_login_attempts_cached_email(request, **credentials)
        ratelimit.clear(
            request, app="allauth.account", action=LOGIN_FAILED_ACCOUNT, key=self._account_key(request, **credentials)
        )

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        """Render with the portal's templates (templates/account/email/, templates/mfa/email/), then queue.

        Every mail names the portal and links to its configured address (settings.SITE_URL), never to the
        host name the request happened to use: a link in a mail must work, and must not be steered by a header.
        """
        links = {key: portal_url(value) for key, value in context.items() if key.endswith("_url") and value}
        message = self.render_mail(
            template_prefix,
            email,
            {
                "request": allauth_context.request,
                "email": email,
                **context,
                **links,
                **portal_context(),
            },
        )
        emails.send_rendered(message)


@dataclass(frozen=True)
class PortalSite:
    """What allauth's templates call `current_site`: the portal's name and address from the settings."""

    name: str
    domain: str


def portal_context() -> dict[str, Any]:
    """The portal's name and address for a mail: site_name, site_url and allauth's current_site."""
    return {
        "site_name": settings.WDHS_SITE_NAME,
        "site_url": settings.SITE_URL,
        "current_site": PortalSite(name=settings.WDHS_SITE_NAME, domain=urlsplit(settings.SITE_URL).netloc),
    }


def portal_url(url: str) -> str:
    """The same path, query and fragment on the portal's own address (settings.SITE_URL)."""
    bits = urlsplit(str(url))
    base = urlsplit(settings.SITE_URL)
    return urlunsplit((base.scheme, base.netloc, base.path.rstrip("/") + bits.path, bits.query, bits.fragment))


def staff_needs_mfa(user: Any) -> bool:
    """True for a staff member without two-factor log-in while settings.WDHS_STAFF_MFA_REQUIRED is on."""
    if not settings.WDHS_STAFF_MFA_REQUIRED or not user.is_authenticated:
        return False
    if not (user.is_staff or user.is_superuser):
        return False
    return not Authenticator.objects.filter(user_id=user.pk, type=Authenticator.Type.TOTP).exists()


class MFAAdapter(DefaultMFAAdapter):
    error_messages = {
        **DefaultMFAAdapter.error_messages,
        "cannot_delete_authenticator": (
            "Je kunt de authenticator-app niet uitzetten: voor het beheer is inloggen in twee stappen verplicht."
        ),
    }

    def can_delete_authenticator(self, authenticator: Authenticator) -> bool:
        """Staff keep their authenticator app while it is required for the admin."""
        user = authenticator.user
        if settings.WDHS_STAFF_MFA_REQUIRED and (user.is_staff or user.is_superuser):
            return authenticator.type != Authenticator.Type.TOTP
        return super().can_delete_authenticator(authenticator)


def resend_signup_verification(request: HttpRequest) -> bool | None:
    """Send the verification mail of the sign-up or log-in in this session again.

    None when the session has no pending verification (it timed out, or the browser was closed); False when
    the last mail for the address went out within the rate limit ("confirm_email"), so that a visitor cannot
    flood someone's inbox. For an address that already has an account allauth sends "account already exists"
    instead, as at sign-up: the page says the same either way, so it tells no one which addresses are known.
    """
    from allauth.account.internal.flows.email_verification import send_verification_email_at_login
    from allauth.account.stages import EmailVerificationStage, LoginStageController

    stage = LoginStageController.enter(request, EmailVerificationStage.key)
    if stage is None:
        return None
    return send_verification_email_at_login(request, stage.login)


def pending_verification_address(request: HttpRequest) -> str | None:
    """The address the sign-up (or log-in) in this session is waiting on, for the check-your-mail page.

    Only the visitor's own session holds it: the address they typed themselves. The same for a new account and
    for an address that already has one (allauth then sends "account already exists"), so the page tells no one
    which addresses are known. None without a pending verification.
    """
    from allauth.account.stages import EmailVerificationStage, LoginStageController
    from allauth.account.utils import user_email

    stage = LoginStageController.enter(request, EmailVerificationStage.key)
    if stage is None:
        return None
    login = stage.login
    address = login.email or (user_email(login.user) if login.user is not None else None)
    return str(address) if address else None
