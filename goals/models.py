"""The five goals of the action programme, their indicators, measurements, milestones and updates."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from goals.dates import format_date
from wdhs.slugs import save_with_free_slug


def validate_not_in_future(value: datetime.date) -> None:
    if value > timezone.localdate():
        raise ValidationError("De datum ligt in de toekomst. Vul een datum in van vandaag of eerder.", code="future")


class Goal(models.Model):
    number = models.PositiveSmallIntegerField(
        "nummer", unique=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    short_title = models.CharField("korte titel", max_length=80)
    slug = models.SlugField("slug", max_length=80, unique=True)
    target_year = models.PositiveSmallIntegerField(
        "doeljaar", validators=[MinValueValidator(2024), MaxValueValidator(2100)]
    )
    statement = models.TextField("doel", help_text="Het doel in één zin, zoals in het actieprogramma.")
    explanation = models.TextField("uitleg", help_text="Uitleg in eenvoudige taal (B1).")
    after_target_year = models.TextField(
        "hoe verder",
        blank=True,
        help_text=(
            "Wat er gebeurt als het doeljaar voorbij is: waar werkt de coalitie verder aan, en tot wanneer? "
            "Staat op de pagina van het doel zodra het doeljaar voorbij is. Gewone tekst."
        ),
    )

    class Meta:
        verbose_name = "doel"
        verbose_name_plural = "doelen"
        ordering = ["number"]
        permissions = [("view_dashboard", "Mag het dashboard met cijfers per doel zien")]
        constraints = [
            models.CheckConstraint(
                condition=Q(number__gte=1, number__lte=5),
                name="goals_goal_number_1_to_5",
                violation_error_message="Het nummer van een doel is 1 tot en met 5.",
            )
        ]

    def __str__(self) -> str:
        return f"Doel {self.number}: {self.short_title}"

    def get_absolute_url(self) -> str:
        return reverse("goals:detail", args=[self.number])

    def main_indicator(self) -> Indicator | None:
        """The indicator marked as main, else the first one; uses prefetched indicators when present."""
        indicators = list(self.indicators.all())
        for indicator in indicators:
            if indicator.is_main:
                return indicator
        return indicators[0] if indicators else None

    def year_is_over(self, today: datetime.date | None = None) -> bool:
        """True from 1 January after the target year."""
        return (today or timezone.localdate()).year > self.target_year


class Indicator(models.Model):
    class Kind(models.TextChoices):
        LIVE = "live", "live geteld uit het portaal"
        MEASURED = "measured", "gemeten door de redactie"

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="indicators", verbose_name="doel")
    name = models.CharField("naam", max_length=150)
    description = models.TextField("uitleg", blank=True)
    kind = models.CharField("soort", max_length=10, choices=Kind.choices, default=Kind.MEASURED)
    metric_code = models.CharField(
        "code van het live getal",
        max_length=100,
        blank=True,
        help_text="Alleen bij een live indicator, bijvoorbeeld initiatives.published.",
    )
    unit = models.CharField("eenheid", max_length=50, help_text="Bijvoorbeeld: initiatieven, gemeenten, wetten.")
    target_value = models.DecimalField(
        "streefwaarde", max_digits=14, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    target_date = models.DateField(
        "streefdatum",
        null=True,
        blank=True,
        help_text="Wanneer moet de streefwaarde gehaald zijn? Leeg: 31 december van het doeljaar van het doel.",
    )
    is_main = models.BooleanField("hoofdindicator", default=False, help_text="Deze indicator staat op het overzicht.")
    order = models.PositiveSmallIntegerField("volgorde", default=0)

    class Meta:
        verbose_name = "indicator"
        verbose_name_plural = "indicatoren"
        ordering = ["goal__number", "order", "pk"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.kind == self.Kind.LIVE and not self.metric_code:
            raise ValidationError({"metric_code": "Een live indicator heeft een code nodig."})
        if self.kind == self.Kind.MEASURED and self.metric_code:
            raise ValidationError({"metric_code": "Een gemeten indicator heeft geen code. Maak dit veld leeg."})

    @property
    def is_live(self) -> bool:
        return self.kind == self.Kind.LIVE

    @property
    def deadline(self) -> datetime.date:
        """The target date; without one, the last day of the goal's target year."""
        return self.target_date or datetime.date(self.goal.target_year, 12, 31)

    @property
    def target_year(self) -> int:
        """The year of the target date, or else the goal's target year."""
        return self.deadline.year


class Measurement(models.Model):
    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="measurements", verbose_name="indicator"
    )
    date = models.DateField("datum", validators=[validate_not_in_future])
    value = models.DecimalField(
        "waarde",
        max_digits=14,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0), message="Een meting kan niet negatief zijn. Vul 0 of meer in.")],
    )
    source_text = models.CharField(
        "bron", max_length=250, blank=True, help_text="Waar komt het getal vandaan? Vul een bron of een link in."
    )
    source_url = models.URLField("link naar de bron", max_length=500, blank=True)
    note = models.TextField("toelichting", blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="goal_measurements",
        verbose_name="ingevoerd door",
    )
    created_at = models.DateTimeField("ingevoerd op", auto_now_add=True)

    class Meta:
        verbose_name = "meting"
        verbose_name_plural = "metingen"
        ordering = ["indicator", "date", "pk"]
        # /open-data/: the date of the goal data's last change, read from the index's end.
        indexes = [models.Index(fields=["-created_at"], name="goals_measurement_created")]
        constraints = [
            models.CheckConstraint(
                condition=Q(value__gte=0),
                name="goals_measurement_value_not_negative",
                violation_error_message="Een meting kan niet negatief zijn.",
            ),
            models.CheckConstraint(
                condition=~Q(source_text="") | ~Q(source_url=""),
                name="goals_measurement_has_source",
                violation_error_message="Vul een bron in: een omschrijving of een link.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value} op {format_date(self.date)}"

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if not (self.source_text or "").strip() and not (self.source_url or "").strip():
            errors["source_text"] = "Vul een bron in: een omschrijving of een link."
        if self.indicator_id and self.indicator.is_live:
            errors["indicator"] = (
                "Deze indicator telt het portaal zelf. Metingen voer je alleen in bij gemeten indicatoren."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def source_label(self) -> str:
        return self.source_text or self.source_url


class Milestone(models.Model):
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="milestones", verbose_name="doel")
    date = models.DateField("datum")
    title = models.CharField("titel", max_length=200)
    description = models.TextField("uitleg", blank=True)
    done = models.BooleanField("behaald", default=False)
    year_only = models.BooleanField(
        "alleen het jaar tonen", default=False, help_text="Aanzetten als alleen het jaar bekend is, niet de dag."
    )

    class Meta:
        verbose_name = "mijlpaal"
        verbose_name_plural = "mijlpalen"
        ordering = ["goal__number", "date", "pk"]

    def __str__(self) -> str:
        return f"{self.when} {self.title}"

    @property
    def when(self) -> str:
        return str(self.date.year) if self.year_only else format_date(self.date)

    def status_text(self, today: datetime.date | None = None) -> str:
        """In words, without claiming a year that is over is still to come."""
        if self.done:
            return "behaald"
        if self.date < (today or timezone.localdate()):
            return f"niet gehaald in {self.date.year}" if self.year_only else "niet gehaald"
        return "nog niet behaald"


class UpdateQuerySet(models.QuerySet["Update"]):
    def published(self) -> UpdateQuerySet:
        return self.filter(is_published=True, published_at__lte=timezone.now())


class Update(models.Model):
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="updates", verbose_name="doel")
    title = models.CharField("titel", max_length=200)
    slug = models.SlugField("slug", max_length=200, unique=True, blank=True)
    body = models.TextField("tekst", help_text="Gewone tekst. Een witregel begint een nieuwe alinea.")
    published_at = models.DateTimeField("publicatiedatum", default=timezone.now)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="goal_updates",
        verbose_name="auteur",
    )
    is_published = models.BooleanField("gepubliceerd", default=False)

    objects = UpdateQuerySet.as_manager()

    class Meta:
        verbose_name = "voortgangsbericht"
        verbose_name_plural = "voortgangsberichten"
        ordering = ["-published_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.slug:
            super().save(*args, **kwargs)
            return
        # Two new updates with the same title at the same moment: the second gets the next free address.
        parent_save = super().save
        save_with_free_slug(self, lambda: _unique_slug(self.title), lambda: parent_save(*args, **kwargs))

    def get_absolute_url(self) -> str:
        return reverse("goals:update", args=[self.goal.number, self.slug])


def _unique_slug(title: str) -> str:
    base = slugify(title)[:180] or "bericht"
    slug, n = base, 2
    while Update.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


class GoalLink(models.Model):
    """Links any content object (knowledge, initiative) to a goal it contributes to; see goals.admin."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="links", verbose_name="doel")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, verbose_name="soort inhoud")
    object_id = models.PositiveBigIntegerField("id van de inhoud")
    content_object = GenericForeignKey("content_type", "object_id")
    note = models.CharField("waarom draagt dit bij?", max_length=250, blank=True)

    class Meta:
        verbose_name = "koppeling aan een doel"
        verbose_name_plural = "koppelingen aan doelen"
        ordering = ["goal__number", "content_type", "object_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["goal", "content_type", "object_id"],
                name="goals_goallink_unique",
                violation_error_message="Deze inhoud is al aan dit doel gekoppeld.",
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.goal} ↔ {self.content_type.name} {self.object_id}"


class Regulation(models.Model):
    """A law or regulation that matters to local communities, followed for goal 3 (the legislation tracker)."""

    class Area(models.TextChoices):
        WMO = "wmo", "Wmo (Right to Challenge)"
        PROCUREMENT = "aanbesteding", "aanbesteding"
        STATE_AID = "staatssteun", "staatssteun"
        LEGAL_FORM = "rechtsvorm", "rechtsvorm"
        TAX = "belasting", "belasting"
        OTHER = "anders", "anders"

    class Status(models.TextChoices):
        IDEA = "verkenning", "in verkenning"
        DRAFT = "voorstel", "wetsvoorstel of conceptregeling"
        PARLIAMENT = "parlement", "in behandeling bij het parlement"
        ADOPTED = "aangenomen", "aangenomen, nog niet in werking"
        IN_FORCE = "in_werking", "in werking"
        STOPPED = "gestopt", "gestopt of verworpen"

    title = models.CharField("titel", max_length=200)
    area = models.CharField("onderwerp", max_length=20, choices=Area.choices, default=Area.OTHER)
    status = models.CharField("stand van zaken", max_length=20, choices=Status.choices, default=Status.IDEA)
    summary = models.TextField("wat regelt het?", blank=True, help_text="In eenvoudige taal (B1). Gewone tekst.")
    position = models.TextField(
        "standpunt van de coalitie", help_text="Wat vindt de coalitie, en wat vraagt ze aan de overheid?"
    )
    position_adopted = models.BooleanField(
        "standpunt overgenomen",
        default=False,
        help_text="Aan: de wet of regeling doet wat de coalitie vraagt. Dit telt mee voor doel 3.",
    )
    link = models.URLField("link naar de wet of het voorstel", max_length=500, blank=True)
    is_public = models.BooleanField("zichtbaar op de site", default=True)
    updated_at = models.DateTimeField("bijgewerkt", auto_now=True)

    class Meta:
        verbose_name = "wet of regeling"
        verbose_name_plural = "wetten en regelingen"
        ordering = ["area", "title"]

    def __str__(self) -> str:
        return self.title
