"""/meldingen/: subscribe to alerts; the links in the mails (confirm, change, unsubscribe); /mijn/meldingen/ for an
account.

The links carry the subscription's key signed (wdhs.alerts.tokens): the link is the authorisation, so these pages
need no account. A link that was changed or made up is a 404. Opening a link only shows a button: mail scanners
open links too, and must not confirm or unsubscribe anyone. The unsubscribe button, and the one-click POST of a
mail program (RFC 8058), post without a CSRF token: the signed key in the URL is what authorises it.
The link to change an alert shows the alert's form; saving it needs the form's CSRF token, like any form.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from wdhs.alerts import services, tokens
from wdhs.alerts.forms import AlertForm, SubscribeForm
from wdhs.alerts.models import CONFIRM_WITHIN, Subscription
from wdhs.confirmation import Confirmation, copy_of, reference, remember
from wdhs.forms.public import handle_public_form
from wdhs.http import AuthenticatedHttpRequest
from wdhs.ratelimit import rate_limited
from wdhs.retention import period_text

RATE_LIMIT = 5  # subscriptions per hour per visitor address: each one sends a confirmation mail to an address
MINE_RATE_LIMIT = 20  # new alerts per hour for a signed-in person (no mail goes out for them)
LIMITED = "Je hebt al veel meldingen aangemaakt. Probeer het over een uur opnieuw."


@require_http_methods(["GET", "POST"])
def subscribe(request: HttpRequest) -> HttpResponse:
    initial = {"email": request.user.email} if request.user.is_authenticated else None
    form = SubscribeForm(request.POST if request.method == "POST" else None, initial=initial)

    def save(data: dict[str, Any]) -> object:
        user = request.user if request.user.is_authenticated else None
        own = user is not None and data["email"].lower() == (user.email or "").lower()
        subscription = services.subscription_create(email=data["email"], user=user if own else None, data=data)
        if subscription.is_confirmed:
            next_steps = "Je melding staat aan. Is er iets nieuws, dan krijg je een e-mail."
        else:
            next_steps = (
                "We hebben je een e-mail gestuurd. Klik op de link in die e-mail om je melding te bevestigen. "
                "Pas daarna sturen we je nieuws. Geen e-mail gezien? Kijk ook bij je ongewenste e-mail."
            )
        remember(
            request,
            Confirmation(
                title="Je melding is bewaard" if subscription.is_confirmed else "Bijna klaar: bevestig je e-mailadres",
                reference=reference("ME", subscription.pk),
                next_steps=next_steps,
                sent=copy_of([*services.summary(subscription), ("Je e-mailadres", subscription.email)]),
                links=[("Zoek in de kennisbank", reverse("knowledge:list"))],
            ),
        )
        return subscription

    return handle_public_form(
        request,
        form,
        template="alerts/subscribe.html",
        context={},
        action="alerts",
        limit=RATE_LIMIT,
        limited_message=LIMITED,
        save=save,
        success_url=reverse("alerts:subscribe"),
    )


def _by_link(key: str | None) -> Subscription | None:
    if key is None:
        raise Http404("Deze link klopt niet. Kopieer de hele link uit de e-mail.")
    return Subscription.objects.select_related("province", "municipality").filter(token=key).first()


@cache_control(private=True, no_store=True)  # the page shows the address: no proxy or page cache keeps it
@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    subscription = _by_link(tokens.confirmed_key(token))
    if subscription is None:
        raise Http404("Deze melding bestaat niet meer. Meld je opnieuw aan.")
    if request.method == "POST":
        # False: confirmed before, or the same alert for this address was (a second try after a late mail).
        confirmed_now = services.subscription_confirm(subscription=subscription)
        return render(request, "alerts/confirmed.html", {"subscription": subscription, "before": not confirmed_now})
    if subscription.is_confirmed:
        return render(request, "alerts/confirmed.html", {"subscription": subscription, "before": True})
    return render(
        request,
        "alerts/confirm.html",
        {
            "subscription": subscription,
            "summary": services.summary(subscription),
            "token": token,
            "valid_for": period_text(CONFIRM_WITHIN),
        },
    )


@csrf_exempt  # the signed key in the URL authorises; a mail program's one-click POST (RFC 8058) has no token
@cache_control(private=True, no_store=True)  # the page shows the address: no proxy or page cache keeps it
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    key = tokens.unsubscribe_key(token)
    if key is None:
        raise Http404("Deze link klopt niet. Kopieer de hele link uit de e-mail.")
    subscription = _by_link(key)
    if request.method == "POST":
        if subscription is not None:
            services.subscription_delete(subscription=subscription)
        return render(request, "alerts/unsubscribed.html", {})
    if subscription is None:
        return render(request, "alerts/unsubscribed.html", {"before": True})
    return render(
        request,
        "alerts/unsubscribe.html",
        {"subscription": subscription, "summary": services.summary(subscription), "token": token},
    )


@login_required
@require_http_methods(["GET", "POST"])
def mine(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The person's own alerts, and a new one: no confirmation mail when their address is confirmed."""
    form = AlertForm(request.POST or None)
    verified = services.has_verified_address(request.user)
    status = 200
    if request.method == "POST":
        if rate_limited(request, "alerts-mine", limit=MINE_RATE_LIMIT):
            messages.error(request, LIMITED)
            status = 429
        elif form.is_valid():
            subscription = services.subscription_create(
                email=request.user.email, user=request.user, data=form.cleaned_data
            )
            if subscription.is_confirmed:
                messages.success(request, "Je melding staat aan.")
            else:
                messages.success(
                    request, "Klik op de link in de e-mail die we je stuurden om je melding te bevestigen."
                )
            return redirect("alerts:mine")
        else:
            status = 400
    subscriptions = [
        (subscription, services.summary(subscription))
        for subscription in Subscription.objects.owned_by(request.user)
        .select_related("province", "municipality")
        .prefetch_related("themes")
        .order_by("created_at")
    ]
    return render(
        request,
        "alerts/mine.html",
        {"form": form, "subscriptions": subscriptions, "verified": verified},
        status=status,
    )


def _edit_form(
    request: HttpRequest, subscription: Subscription, *, action: str, done_url: str, context: dict[str, Any]
) -> HttpResponse:
    """The alert's form with its current choices; saved, the visitor lands on `done_url` with a confirmation panel."""
    if request.method == "POST":
        form = AlertForm(request.POST)
        if form.is_valid():
            changed = services.subscription_update(subscription=subscription, data=form.cleaned_data)
            remember(
                request,
                Confirmation(
                    title="Je melding is gewijzigd",
                    reference=reference("ME", changed.pk),
                    next_steps=(
                        "Vanaf de volgende e-mail krijg je nieuws volgens je nieuwe keuzes. "
                        "Wat we je al eerder stuurden, sturen we niet nog een keer."
                    ),
                    sent=copy_of([*services.summary(changed), ("Je e-mailadres", changed.email)]),
                    links=[("Zoek in de kennisbank", reverse("knowledge:list"))],
                ),
            )
            return redirect(done_url)
        status = 400
    else:
        form = AlertForm(initial=services.initial_data(subscription))
        status = 200
    return render(
        request,
        "alerts/edit.html",
        {**context, "form": form, "subscription": subscription, "action": action},
        status=status,
    )


@cache_control(private=True, no_store=True)  # the page shows the address: no proxy or page cache keeps it
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, token: str) -> HttpResponse:
    """Change an alert from the link in a digest ("Wijzig deze melding"): no account needed, the link authorises."""
    key = tokens.edit_key(token)
    subscription = None if key is None else _by_link(key)
    if subscription is None:
        return render(request, "alerts/edit_invalid.html", {}, status=404)
    url = reverse("alerts:edit", args=[token])
    return _edit_form(
        request,
        subscription,
        action=url,
        done_url=url,
        context={"unsubscribe_token": tokens.unsubscribe_token(subscription.token)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def mine_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Change one of your own alerts; someone else's is a 404 (it does not say that it exists)."""
    subscription = get_object_or_404(
        Subscription.objects.owned_by(request.user).select_related("province", "municipality"), pk=pk
    )
    return _edit_form(
        request,
        subscription,
        action=reverse("alerts:mine_edit", args=[pk]),
        done_url=reverse("alerts:mine"),
        context={"mine": True},
    )


@login_required
@require_POST
def delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    subscription = get_object_or_404(Subscription.objects.owned_by(request.user), pk=pk)
    services.subscription_delete(subscription=subscription)
    messages.success(request, "Je melding is verwijderd. We sturen je daarover niets meer.")
    return redirect("alerts:mine")
