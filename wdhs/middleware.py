from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control

# allauth's error code when a log-in (password or two-factor code) hit a rate limit (wdhs/adapters.py).
RATE_LIMITED_CODES = {"too_many_login_attempts"}


class InvalidFormStatusMiddleware:
    """A POST whose form comes back with errors answers 400, also for allauth's views; 429 when rate limited.

    Our own views set the status themselves; this covers third-party form views that answer 200.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_template_response(self, request: HttpRequest, response: TemplateResponse) -> TemplateResponse:
        if request.method == "POST" and response.status_code == 200 and response.context_data:
            form = response.context_data.get("form")
            if form is not None and getattr(form, "is_bound", False) and form.errors:
                codes = {error.code for errors in form.errors.as_data().values() for error in errors}
                response.status_code = 429 if codes & RATE_LIMITED_CODES else 400
        return response


# Browser features the portal never uses, switched off for its pages and for anything embedded in them (OWASP
# ASVS 3.4). Only names Chromium knows: it warns in the console about an unknown one (it did for "bluetooth").
# "interest-cohort" (FLoC) and "browsing-topics" (what followed it) keep the visitor out of ad profiling. The map
# is drawn on the server without any script, so geolocation stays off too.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "interest-cohort",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
)


class SecurityHeadersMiddleware:
    """The headers Django's own security middleware does not set: Permissions-Policy on every response, and
    `Cache-Control: private, no-store` on the pages with personal data or staff tools (settings.WDHS_PRIVATE_PATHS:
    /mijn/ with the AVG export, /accounts/, /beheer/), so no browser history, shared proxy or CDN keeps a copy;
    after logging out, `Clear-Site-Data` so the browser drops what it still holds (ASVS 14.3.1)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if request.method == "POST" and request.path == reverse("account_logout") and response.status_code < 400:
            # Logged out: the browser drops what it may still hold of the session (a shared computer).
            response["Clear-Site-Data"] = '"cache", "cookies", "storage"'
        if request.path.startswith(tuple(settings.WDHS_PRIVATE_PATHS)):
            # no-store outweighs any max-age; Django drops "public" when it adds "private". The admin's never_cache
            # directives (no-cache, must-revalidate, ...) stay.
            patch_cache_control(response, private=True, no_store=True)
        return response
