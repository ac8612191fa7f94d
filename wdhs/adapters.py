"""django-allauth, adapted: account mails go the way of every mail; rate limits use our idea of the visitor address.

Failed log-ins are counted three ways (settings.ACCOUNT_RATE_LIMITS), so that a stranger cannot lock someone out:
- per client address ("login_failed", per ip): one address cannot try many passwords;
- per account and client address ("login_failed", per key, the key holds both): one address cannot keep guessing
  one account's password, but the owner, from their own address, still gets in;
- per account across all addresses ("login_failed_account", far higher): only slows a guess from many addresses.
  It could block the owner too, so the message points to "Wachtwoord vergeten": a new password clears it.
"""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from allauth.core.internal import ratelimit
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
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
        """Render with allauth's own (translated) templates as allauth does, then queue instead of sending here."""
        request = allauth_context.request
        message = self.render_mail(
            template_prefix,
            email,
            {"request": request, "email": email, "current_site": get_current_site(request), **context},
        )
        emails.send_rendered(message)


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
