"""Events of partners: meetings, trainings and webinars, with a start and end in time, a place or an online link.

Shown at /agenda/ (upcoming first, past ones folded away), one page each with schema.org Event data, and as
iCalendar feeds (knowledge/events/ical.py) for the whole agenda, per filter and per event.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from wdhs.slugs import shadowed_message

web_link = RegexValidator(r"^https?://", "Gebruik een link die begint met https:// of http://.", code="scheme")

# The page an event's slug makes an address for; a fixed page there (/agenda/afgelopen/) takes the slug.
SLUG_URLS = ("events:detail",)

# Fields that change what a calendar shows: a change bumps SEQUENCE, so calendar apps take the new version.
CALENDAR_FIELDS = (
    "title",
    "summary",
    "starts_at",
    "ends_at",
    "location",
    "online_url",
    "is_cancelled",
)


class EventQuerySet(models.QuerySet["Event"]):
    def published(self) -> EventQuerySet:
        return self.filter(is_published=True)

    def upcoming(self, now: Any = None) -> EventQuerySet:
        """Not yet over: still running or still to come; the soonest first."""
        return self.filter(ends_at__gte=now or timezone.now()).order_by("starts_at", "id")

    def past(self, now: Any = None) -> EventQuerySet:
        """Over: the most recent first."""
        return self.filter(ends_at__lt=now or timezone.now()).order_by("-starts_at", "-id")

    def for_listing(self) -> EventQuerySet:
        return self.select_related("organisation", "province", "municipality").prefetch_related("themes")


class Event(models.Model):
    """One meeting, training or webinar on a date, organised by a partner (or someone named by hand)."""

    title = models.CharField("titel", max_length=160)
    slug = models.SlugField("slug", max_length=180, unique=True)
    summary = models.CharField("samenvatting", max_length=300, help_text="Eén of twee zinnen in eenvoudig Nederlands.")
    description = models.TextField("uitleg", blank=True, help_text="Wat je doet en leert, en voor wie. Gewone tekst.")
    organisation = models.ForeignKey(
        "knowledge.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name="organisator (organisatie)",
        help_text="Kies de organisatie als die op het portaal staat. Anders: vul hieronder de naam in.",
    )
    organiser_name = models.CharField(
        "naam organisator",
        max_length=150,
        blank=True,
        help_text="Alleen nodig als de organisator niet op het portaal staat.",
    )
    themes = models.ManyToManyField(
        "wdhs.Term",
        limit_choices_to={"vocabulary": "theme"},
        related_name="events_by_theme",
        blank=True,
        verbose_name="thema's",
    )
    province = models.ForeignKey(
        "wdhs.Province",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name="provincie",
    )
    municipality = models.ForeignKey(
        "wdhs.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name="gemeente",
    )
    starts_at = models.DateTimeField("begint", help_text="Datum en tijd in Nederlandse tijd.")
    ends_at = models.DateTimeField("eindigt", help_text="Datum en tijd in Nederlandse tijd.")
    location = models.CharField("plaats", max_length=200, blank=True, help_text="Adres en naam van het gebouw.")
    online_url = models.URLField(
        "online link", max_length=500, blank=True, validators=[web_link], help_text="De link om online mee te doen."
    )
    signup_url = models.URLField("link om je aan te melden", max_length=500, blank=True, validators=[web_link])
    is_cancelled = models.BooleanField("gaat niet door", default=False)
    is_published = models.BooleanField("zichtbaar in de agenda", default=True)
    # The iCalendar SEQUENCE: one higher after each change that a calendar shows (CALENDAR_FIELDS).
    sequence = models.PositiveIntegerField("versie", default=0, editable=False)
    # The knowledge item this event was made from by the data migration (knowledge/0011); kept for the way back.
    source_resource = models.OneToOneField(
        "knowledge.Resource",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event",
        verbose_name="gemaakt van kennisitem",
        editable=False,
    )
    created_at = models.DateTimeField("aangemaakt", auto_now_add=True)
    updated_at = models.DateTimeField("bijgewerkt", auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = "activiteit in de agenda"
        verbose_name_plural = "agenda"
        ordering = ["starts_at", "id"]
        indexes = [
            # /agenda/: the upcoming (ends_at from now) and the past, of the published events only.
            models.Index(fields=["ends_at", "starts_at"], condition=Q(is_published=True), name="event_published_when"),
            models.Index(fields=["starts_at"], name="event_starts_at"),
            # The alert digests (wdhs.alerts): the events added after the last digest.
            models.Index(fields=["-created_at"], condition=Q(is_published=True), name="event_published_created"),
            # /open-data/: the date of the last change, read from the index's end.
            models.Index(fields=["-updated_at"], name="event_updated"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gte=F("starts_at")), name="event_ends_after_start"),
            models.CheckConstraint(
                condition=Q(organisation__isnull=False) | ~Q(organiser_name=""), name="event_has_organiser"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and kwargs.get("update_fields") is None:
            before = type(self).objects.filter(pk=self.pk).values(*CALENDAR_FIELDS).first()
            if before is not None and any(before[name] != getattr(self, name) for name in CALENDAR_FIELDS):
                self.sequence += 1
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("events:detail", args=[self.slug])

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if message := shadowed_message(self.slug, SLUG_URLS):
            errors["slug"] = message
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            errors["ends_at"] = "Het einde ligt voor het begin. Kies een latere eindtijd."
        if not self.location and not self.online_url:
            errors["location"] = "Vul een plaats in, of een online link, of allebei."
        if self.organisation_id is None and not self.organiser_name:
            errors["organiser_name"] = "Kies een organisatie of vul de naam van de organisator in."
        if errors:
            raise ValidationError(errors)

    @property
    def organiser_display(self) -> str:
        return self.organisation.name if self.organisation_id and self.organisation else self.organiser_name

    @property
    def is_online(self) -> bool:
        return bool(self.online_url)

    @property
    def is_offline(self) -> bool:
        return bool(self.location)

    @property
    def region_name(self) -> str:
        if self.municipality_id and self.municipality:
            return str(self.municipality)
        if self.province_id and self.province:
            return self.province.name
        return ""

    def is_past(self, now: Any = None) -> bool:
        return self.ends_at < (now or timezone.now())
