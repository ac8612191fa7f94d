"""The forms anyone may send without an account (report, contact, ask): one way to handle spam, floods and
a form sent twice (wdhs.forms.once)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url

from wdhs.forms.fields import HoneypotMixin
from wdhs.forms.once import ALREADY_SENT, Submission, SubmitOnceMixin, sent_before, submit_once
from wdhs.ratelimit import rate_limited

RATE_LIMIT = 5  # messages per hour per visitor address, for each kind of form


class PublicForm(SubmitOnceMixin, HoneypotMixin):
    """A form for `handle_public_form`: a honeypot against bots and a key against sending it twice."""


def handle_public_form(
    request: HttpRequest,
    form: PublicForm,
    *,
    template: str,
    context: dict[str, Any],
    action: str,
    limited_message: str,
    save: Callable[[dict[str, Any]], object],
    success_url: Any,
    success_message: str | None = None,
    limit: int = RATE_LIMIT,
) -> HttpResponse:
    """Show the form, or handle what was sent.

    Spam (the honeypot filled in) gets the normal success, so a bot learns nothing; too many messages
    from one address give a 429 page with `limited_message`; invalid input a 400 with the form's
    messages; valid input is passed to `save` (the service), then the visitor is redirected to
    `success_url` (anything `redirect` takes) with `success_message`; `save` may leave a confirmation panel
    for the visitor (wdhs.confirmation.remember) instead. At most `limit` messages an hour per address.
    The same form sent again (a double click, "resend") saves nothing new: the visitor lands on
    `success_url` with a message that says so.
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
    url = resolve_url(success_url)

    def already_sent(submission: Submission) -> HttpResponse:
        messages.info(request, ALREADY_SENT)
        return redirect(submission.url or url)

    earlier = sent_before(form)
    if earlier is not None:
        # Sent again (the browser's "resend"): not one more message towards the rate limit.
        return already_sent(earlier)
    if rate_limited(request, action, limit=limit):
        # Shown like every other message (includes/messages.html), on this very page.
        messages.error(request, limited_message)
        return render(request, template, context, status=429)

    def save_once() -> str:
        save(form.cleaned_data)
        return url

    submission = submit_once(form, name=action, save=save_once)
    if submission is None:
        return render(request, template, context, status=400)
    if submission.repeated:
        return already_sent(submission)
    return succeed()
