"""Subscribe, confirm, change and unsubscribe: the writes behind /meldingen/ and /mijn/meldingen/."""

from __future__ import annotations

from typing import Any

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from wdhs import emails
from wdhs.alerts import tokens
from wdhs.alerts.models import CONFIRM_WITHIN, Region, Subscription
from wdhs.models import User
from wdhs.retention import period_text


def has_verified_address(user: Any) -> bool:
    """A signed-in person whose account address is confirmed needs no confirmation mail for their alerts."""
    if not getattr(user, "is_authenticated", False) or not user.email:
        return False
    return EmailAddress.objects.filter(user=user, email__iexact=user.email, verified=True).exists()


def confirm_url(subscription: Subscription) -> str:
    return settings.SITE_URL + reverse("alerts:confirm", args=[tokens.confirm_token(subscription.token)])


def unsubscribe_url(subscription: Subscription) -> str:
    return settings.SITE_URL + reverse("alerts:unsubscribe", args=[tokens.unsubscribe_token(subscription.token)])


def edit_url(subscription: Subscription) -> str:
    return settings.SITE_URL + reverse("alerts:edit", args=[tokens.edit_token(subscription.token)])


# Someone else may type your address: it gets at most this many confirmation mails that wait for an answer.
MAX_PENDING_CONFIRMATIONS = 3


@transaction.atomic
def subscription_create(*, email: str, user: User | None, data: dict[str, Any]) -> Subscription:
    """Store a subscription; confirmed at once for a verified account, otherwise a confirmation mail goes out."""
    region = data["region"]
    subscription = Subscription.objects.create(
        email=email.strip(),
        user=user,
        kinds=list(data["kinds"]),
        region=region,
        province=data.get("province") if region == Region.PROVINCE else None,
        municipality=data.get("municipality") if region in (Region.MUNICIPALITY, Region.NEIGHBOURS) else None,
        include_national=bool(data.get("include_national")),
        frequency=data["frequency"],
        confirmed_at=timezone.now() if user is not None and has_verified_address(user) else None,
    )
    subscription.themes.set(data.get("themes") or [])
    pending = Subscription.objects.filter(email__iexact=subscription.email, confirmed_at__isnull=True)
    if subscription.confirmed_at is None and pending.count() <= MAX_PENDING_CONFIRMATIONS:
        emails.send(
            "alert-confirm",
            to=[subscription.email],
            context={
                "subscription": subscription,
                "summary": summary(subscription),
                "url": confirm_url(subscription),
                "valid_for": period_text(CONFIRM_WITHIN),
            },
        )
    return subscription


@transaction.atomic
def subscription_update(*, subscription: Subscription, data: dict[str, Any]) -> Subscription:
    """Change what an alert follows and how often; the address, the confirmation and the history stay.

    What the alert was sent (SentItem) stays with it, and so does the end of its last digest window: the next
    digest brings only what is new, and never an item it was sent before. The row is locked first, so a digest
    run that is building this alert's mail right now finishes with the old choices before the new ones count.
    """
    locked = Subscription.objects.select_for_update(of=("self",)).get(pk=subscription.pk)
    region = data["region"]
    locked.kinds = list(data["kinds"])
    locked.region = region
    locked.province = data.get("province") if region == Region.PROVINCE else None
    locked.municipality = data.get("municipality") if region in (Region.MUNICIPALITY, Region.NEIGHBOURS) else None
    locked.include_national = bool(data.get("include_national"))
    locked.frequency = data["frequency"]
    locked.save(update_fields=["kinds", "region", "province", "municipality", "include_national", "frequency"])
    locked.themes.set(data.get("themes") or [])
    return locked


def initial_data(subscription: Subscription) -> dict[str, Any]:
    """The alert's choices as the form's starting values (AlertForm)."""
    return {
        "kinds": list(subscription.kinds),
        "themes": list(subscription.themes.all()),
        "region": subscription.region,
        "province": subscription.province,
        "municipality": subscription.municipality,
        "include_national": subscription.include_national,
        "frequency": subscription.frequency,
    }


@transaction.atomic
def subscription_confirm(*, subscription: Subscription) -> bool:
    """Confirm (double opt-in); True when this confirmed it, False when it was confirmed before.

    Someone whose confirmation mail was late (the mail server was down) subscribes again, and may use both
    links in the end: the second confirmation of the same alert for the same address removes the new row
    instead, so they get one digest, not two. The address's rows are locked first, so two confirmations at
    the same moment cannot both pass the check."""
    rows = list(
        Subscription.objects.select_for_update()
        .filter(email__iexact=subscription.email)
        .order_by("pk")
        .prefetch_related("themes")
    )
    this = next((row for row in rows if row.pk == subscription.pk), None)
    if this is None or this.confirmed_at is not None:
        return False
    # One that staff switched off does not count: asking again means wanting the mail again.
    if any(row.confirmed_at is not None and row.is_active and _same_choices(row, this) for row in rows):
        this.delete()
        return False
    Subscription.objects.filter(pk=this.pk).update(confirmed_at=timezone.now())
    return True


def _same_choices(one: Subscription, other: Subscription) -> bool:
    def choices(row: Subscription) -> tuple[object, ...]:
        themes = sorted(term.pk for term in row.themes.all())
        return (
            sorted(row.kinds),
            themes,
            row.region,
            row.province_id,
            row.municipality_id,
            row.include_national,
            row.frequency,
        )

    return choices(one) == choices(other)


def subscription_delete(*, subscription: Subscription) -> None:
    """Unsubscribe: the subscription and what it was sent go (nothing about the address stays)."""
    subscription.delete()


def summary(subscription: Subscription) -> list[tuple[str, str]]:
    """What the subscription follows, in the words of the form, for the mails and the pages."""
    from wdhs.alerts.sources import source

    kinds = [found.label for kind in subscription.kinds if (found := source(kind)) is not None]
    themes = [term.name for term in subscription.themes.all()]
    return [
        ("Wat", ", ".join(kinds)),
        ("Thema's", ", ".join(themes) if themes else "Alle thema's"),
        (
            "Regio",
            subscription.region_text + (" (en wat voor heel Nederland geldt)" if _adds_national(subscription) else ""),
        ),
        ("Hoe vaak", subscription.get_frequency_display()),
    ]


def _adds_national(subscription: Subscription) -> bool:
    return subscription.region != Region.COUNTRY and subscription.include_national
