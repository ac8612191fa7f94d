"""A subscription to e-mail alerts, and the items each subscription was sent (so none is sent twice)."""

from __future__ import annotations

import secrets
from datetime import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q

from wdhs import retention

# An unconfirmed subscription: the link in the confirmation mail works this long; the retention job deletes it after.
CONFIRM_WITHIN = retention.period("alerts_unconfirmed")


def new_token() -> str:
    return secrets.token_urlsafe(32)


class Frequency(models.TextChoices):
    DAILY = "dagelijks", "Elke dag (alleen als er iets nieuws is)"
    WEEKLY = "wekelijks", "Eén keer per week"


class Region(models.TextChoices):
    COUNTRY = "heel-nederland", "Heel Nederland"
    PROVINCE = "provincie", "Een provincie"
    MUNICIPALITY = "gemeente", "Een gemeente"
    NEIGHBOURS = "gemeente-en-buren", "Een gemeente en de gemeenten eromheen"


class SubscriptionQuerySet(models.QuerySet["Subscription"]):
    def confirmed(self) -> SubscriptionQuerySet:
        return self.filter(confirmed_at__isnull=False, is_active=True)

    def unconfirmed_before(self, moment: datetime) -> SubscriptionQuerySet:
        return self.filter(confirmed_at__isnull=True, created_at__lt=moment)

    def owned_by(self, user: models.Model) -> SubscriptionQuerySet:
        return self.filter(user=user)


class Subscription(models.Model):
    """One alert: which kinds of content, which themes, which region, how often, to which address."""

    email = models.EmailField("e-mailadres", max_length=254)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="alert_subscriptions",
        verbose_name="account",
    )
    kinds = ArrayField(models.CharField(max_length=20), verbose_name="soorten", size=10)
    themes = models.ManyToManyField(
        "wdhs.Term",
        limit_choices_to={"vocabulary": "theme"},
        related_name="+",
        blank=True,
        verbose_name="thema's",
        help_text="Leeg: alle thema's.",
    )
    region = models.CharField("regio", max_length=20, choices=Region.choices, default=Region.COUNTRY)
    province = models.ForeignKey(
        "wdhs.Province", on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name="provincie"
    )
    municipality = models.ForeignKey(
        "wdhs.Municipality", on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name="gemeente"
    )
    include_national = models.BooleanField("ook wat voor heel Nederland geldt", default=True)
    frequency = models.CharField("hoe vaak", max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY)
    # The key in the links of every mail (confirm, unsubscribe); the links carry it signed (wdhs.alerts.tokens).
    token = models.CharField("sleutel voor de links", max_length=64, unique=True, default=new_token, editable=False)
    is_active = models.BooleanField("actief", default=True, help_text="Uit: we sturen niets meer.")
    created_at = models.DateTimeField("aangemeld", auto_now_add=True)
    confirmed_at = models.DateTimeField("bevestigd", null=True, blank=True)
    # The end of the window of the last digest run: the next digest shows what is new after it.
    last_digest_at = models.DateTimeField("laatst bijgewerkt", null=True, blank=True)
    last_sent_at = models.DateTimeField("laatste mail", null=True, blank=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = "melding per e-mail"
        verbose_name_plural = "meldingen per e-mail"
        ordering = ["-created_at"]
        indexes = [
            # The digest run walks the confirmed ones per frequency; the retention job finds the old unconfirmed.
            models.Index(
                fields=["frequency", "last_digest_at"],
                condition=Q(confirmed_at__isnull=False, is_active=True),
                name="alert_due",
            ),
            models.Index(fields=["created_at"], condition=Q(confirmed_at__isnull=True), name="alert_unconfirmed"),
            models.Index(fields=["email"], name="alert_email"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(region="heel-nederland", province__isnull=True, municipality__isnull=True)
                | Q(region="provincie", province__isnull=False, municipality__isnull=True)
                | Q(region__in=["gemeente", "gemeente-en-buren"], province__isnull=True, municipality__isnull=False),
                name="alert_region_matches_place",
            ),
            models.CheckConstraint(condition=~Q(kinds=[]), name="alert_has_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.email}: {self.region_text}"

    @property
    def region_text(self) -> str:
        if self.region == Region.PROVINCE and self.province is not None:
            return f"provincie {self.province.name}"
        if self.region == Region.MUNICIPALITY and self.municipality is not None:
            return f"gemeente {self.municipality}"
        if self.region == Region.NEIGHBOURS and self.municipality is not None:
            return f"gemeente {self.municipality} en de gemeenten eromheen"
        return "heel Nederland"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None


class SentItem(models.Model):
    """One item one subscription was sent: the unique key makes a second digest with the same item impossible."""

    subscription = models.ForeignKey(
        Subscription, on_delete=models.CASCADE, related_name="sent_items", verbose_name="melding"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, verbose_name="soort inhoud")
    object_id = models.PositiveBigIntegerField("nummer")
    sent_at = models.DateTimeField("verstuurd", auto_now_add=True)

    class Meta:
        verbose_name = "verstuurd item"
        verbose_name_plural = "verstuurde items"
        constraints = [
            models.UniqueConstraint(fields=["subscription", "content_type", "object_id"], name="alert_item_sent_once"),
        ]

    def __str__(self) -> str:
        return f"{self.content_type} {self.object_id}"
