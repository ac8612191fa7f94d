"""The forms anyone may send without an account (report, contact, ask): one way to handle spam and floods."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from wdhs.forms.fields import HoneypotMixin
from wdhs.ratelimit import rate_limited

RATE_LIMIT = 5  # messages per hour per visitor address, for each kind of form


def handle_public_form(
    request: HttpRequest,
    form: HoneypotMixin,
    *,
    template: str,
    context: dict[str, Any],
    action: str,
    limited_message: str,
    save: Callable[[dict[str, Any]], object],
    success_url: Any,
    success_message: str | None = None,
) -> HttpResponse:
    """Show the form, or handle what was sent.

    Spam (the honeypot filled in) gets the normal success, so a bot learns nothing; too many messages
    from one address give a 429 page with `limited_message`; invalid input a 400 with the form's
    messages; valid input is passed to `save` (the service), then the visitor is redirected to
    `success_url` (anything `redirect` takes) with `success_message`.
    """
    context = {**context, "form": form}

    def succeed() -> HttpResponse:
        if success_message:
            messages.success(request, success_message)
        return redirect(success_url)

    if request.method != "POST":
        return render(request, template, context)
    if form.is_spam:
        # Pretend it worked: a bot learns nothing from the answer.
        return succeed()
    if rate_limited(request, action, limit=RATE_LIMIT):
        # Shown like every other message (includes/messages.html), on this very page.
        messages.error(request, limited_message)
        return render(request, template, context, status=429)
    if not form.is_valid():
        return render(request, template, context, status=400)
    save(form.cleaned_data)
    return succeed()
