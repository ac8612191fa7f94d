"""The admin site (/beheer/) without a log-in of its own: staff log in like everyone, through allauth.

Django's admin login form does not go through allauth, so allauth's rate limits (and its two-factor step)
would not apply to it. Its login view therefore only sends the visitor on to allauth's login page.
Staff need two-factor log-in (allauth.mfa) before the admin opens (settings.WDHS_STAFF_MFA_REQUIRED).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.views.i18n import JavaScriptCatalog

from wdhs.workqueue import age_text, lines_for

MFA_REQUIRED_MESSAGE = (
    "Voor het beheer log je in twee stappen in: met je wachtwoord en met een code uit een app op je telefoon "
    "(een authenticator-app, zoals Google Authenticator, Microsoft Authenticator of FreeOTP). "
    "Stel die app nu in. Daarna kun je naar het beheer."
)


def _waits_for_two_factor(user: Any) -> bool:
    """The check User.has_perm makes too, kept on the user object for the request (one query, not one per call)."""
    waits = getattr(user, "waits_for_two_factor", None)
    return bool(waits and waits())


class PortalAdminSite(admin.AdminSite):
    # No model menu on the left of every page: the lists get the full width (they fit 1280 px, issue #14);
    # the first screen lists every model below the work queue.
    enable_nav_sidebar = False

    def index(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> TemplateResponse:
        """The work queue (wdhs.workqueue) for this staff member, with the list of all models below it."""
        queue = [
            {"line": line, "count": count, "age": age_text(count.age_days) if count.count else ""}
            for line, count in lines_for(request.user)
        ]
        return super().index(request, {"work_queue": queue, **(extra_context or {})})

    def has_permission(self, request: HttpRequest) -> bool:
        return super().has_permission(request) and not _waits_for_two_factor(request.user)

    def login(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
        """Never a form here (GET or POST): on to allauth's login, keeping a safe `next`."""
        from django.contrib.auth.views import LoginView  # imports the user model: not while apps load

        next_url = LoginView().get_redirect_url(request) or reverse("admin:index", current_app=self.name)
        user = request.user
        if user.is_authenticated:
            if self.has_permission(request):
                return HttpResponseRedirect(next_url)
            if user.is_active and user.is_staff and _waits_for_two_factor(user):
                messages.warning(request, MFA_REQUIRED_MESSAGE)
                return HttpResponseRedirect(reverse("mfa_activate_totp"))
            # Logged in but no staff member: allauth's login would send them straight back here.
            raise PermissionDenied
        return HttpResponseRedirect(f"{reverse('account_login')}?{urlencode({'next': next_url})}")

    def i18n_javascript(  # type: ignore[override]
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponseBase:
        """The admin's JavaScript catalogue: Django's Dutch, plus ours (wdhs/locale/nl/LC_MESSAGES/djangojs.po)
        for the strings Django's Dutch still lacks, such as the calendar's labels for screen readers."""
        return JavaScriptCatalog.as_view(packages=["django.contrib.admin", "wdhs"])(request)

    # The stubs type Django's own answer (a page); any response works for the URL it is wired to.
    def password_change(  # type: ignore[override]
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        """allauth's page, with its rate limit on the old password (the admin's own form has none)."""
        return HttpResponseRedirect(reverse("account_change_password"))


def boolean_icon(value: bool | None) -> SafeString:
    """Django's yes/no/unknown icon in the admin's lists and read-only fields, with a Dutch alt text.

    Django writes the Python value ("True", "False", "None") as the alt text, which is what a screen reader says.
    """
    icon = {True: "yes", False: "no", None: "unknown"}[value]
    return format_html('<img src="{}" alt="{}">', static(f"admin/img/icon-{icon}.svg"), BOOLEAN_WORDS[value])


BOOLEAN_WORDS = {True: "Ja", False: "Nee", None: "Onbekend"}

# The rights that Django makes for every model ("Can add ..."), in Dutch; the model's name follows.
PERMISSION_WORDS = {"add": "toevoegen", "change": "wijzigen", "delete": "verwijderen", "view": "bekijken"}


def dutch_permission_names(**kwargs: Any) -> None:
    """After every migrate: Django's default rights get a Dutch name, as the admin shows them ("Mag ... bekijken").

    Django names them once, in English, from the model's untranslated name, and never renames them; this does.
    """
    from django.contrib.auth.models import Permission

    with translation.override("nl"):
        for permission in Permission.objects.select_related("content_type").filter(name__startswith="Can "):
            action = permission.codename.split("_", 1)[0]
            model = permission.content_type.model_class()
            if action not in PERMISSION_WORDS or model is None:
                continue
            permission.name = f"Mag {model._meta.verbose_name} {PERMISSION_WORDS[action]}"[:255]
            permission.save(update_fields=["name"])
