from __future__ import annotations

import json
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase, QueryDict
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control

from wdhs.text import (
    CONTROL_MESSAGE,
    has_control_characters,
    has_control_characters_for_a_link,
    strip_control_characters,
)

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
            # Not "cookies": logging out already ends the session cookie, and "Je bent uitgelogd" travels in one.
            response["Clear-Site-Data"] = '"cache", "storage"'
        if request.path.startswith(tuple(settings.WDHS_PRIVATE_PATHS)):
            # no-store outweighs any max-age; Django drops "public" when it adds "private". The admin's never_cache
            # directives (no-cache, must-revalidate, ...) stay.
            patch_cache_control(response, private=True, no_store=True)
        return response


class TextInputMiddleware:
    """Applies the rule of wdhs.text to every request, before any view or form sees it.

    A C0 control character in the path or in a query parameter (name or value), or NUL anywhere in a form,
    answers 400 with a Dutch page: links never hold them, and NUL only comes from a tool or an attack.
    Other control characters in a form value are taken out (tab, LF and CR stay): pasted text can hold a
    vertical tab or a form feed, and the visitor should not lose what they typed over an invisible character.
    Sits after the session, auth and message middleware, so the 400 page is the portal's normal page.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if has_control_characters_for_a_link(request.path) or any(
            has_control_characters_for_a_link(key) or any(has_control_characters_for_a_link(v) for v in values)
            for key, values in request.GET.lists()
        ):
            return self.rejected(request)
        if request.method == "POST":
            try:
                posted = request.POST
            except OSError:  # an unreadable body: the CSRF check answers it
                return self.get_response(request)
            if any(
                has_control_characters(key) or any("\x00" in value for value in values)
                for key, values in posted.lists()
            ):
                return self.rejected(request)
            if any(has_control_characters(value, line_breaks=True) for _, values in posted.lists() for value in values):
                cleaned = QueryDict(mutable=True, encoding=posted.encoding)
                for key, values in posted.lists():
                    cleaned.setlist(key, [strip_control_characters(value) for value in values])
                cleaned._mutable = False
                request.POST = cleaned  # type: ignore[assignment]  # a QueryDict made read-only above
        return self.get_response(request)

    @staticmethod
    def rejected(request: HttpRequest) -> HttpResponse:
        if request.path.startswith("/api/"):  # the open-data API answers in JSON, as its OpenAPI document says
            response = HttpResponse(
                json.dumps({"fout": CONTROL_MESSAGE}, ensure_ascii=False),
                status=400,
                content_type="application/json; charset=utf-8",
            )
            response["Access-Control-Allow-Origin"] = "*"
            return response
        return render(request, "400.html", {"reason": CONTROL_MESSAGE}, status=400)


class MethodNotAllowedPageMiddleware:
    """A 405 (a link to an address that only takes a button, like /mijn/kennis/<slug>/status/) gets a Dutch page.

    Django's require_POST answers with an empty body; the Allow header stays.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code == 405 and not getattr(response, "streaming", False) and not response.content:
            page = render(request, "405.html", status=405)
            if response.has_header("Allow"):
                page["Allow"] = response["Allow"]
            return page
        return response
