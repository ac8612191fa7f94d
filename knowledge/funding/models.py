"""Funding schemes of funders (funds, municipalities, provinces, banks, platforms), with their rules as data.

The rules are evaluated by the pure functions in knowledge/funding.py; `FundingScheme.rules()` is the bridge.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse

from knowledge.funding.rules import Coverage, Purpose, Region, SchemeRules
from wdhs.slugs import check_not_shadowed

# The page a scheme's slug makes an address for; a fixed page there (/financiering/feed/) takes the slug.
SLUG_URLS = ("funding:detail",)

EXAMPLE_NOTE = "Voorbeeld: de regels van deze regeling zijn verzonnen om te laten zien hoe de wijzer werkt."

https_only = RegexValidator(
    r"^https://", "Gebruik een veilige link die begint met https://.", code="https", flags=re.NOFLAG
)

# The kinds of funding (wdhs.Term, vocabulary funding_kind) that are structural by nature: money you can count on
# for more than one project. The data migration knowledge/0004 used them to classify the existing schemes.
STRUCTURAL_KINDS = ("lening", "kostprijs-plus", "maatschappelijk-vastgoed")

COVERAGE_CHOICES = [
    (Coverage.YES.value, "ja"),
    (Coverage.NO.value, "nee"),
    (Coverage.ASK.value, "soms, in overleg"),
]


class FundingSchemeQuerySet(models.QuerySet["FundingScheme"]):
    def active(self) -> FundingSchemeQuerySet:
        return self.filter(is_active=True)

    def for_finder(self) -> FundingSchemeQuerySet:
        """Everything `rules()` and the result cards read, in a fixed number of queries."""
        return self.select_related("kind", "funder").prefetch_related(
            "themes", "legal_forms", "phases", "provinces", "municipalities"
        )


class FundingScheme(models.Model):
    """One way to get money or help in kind: a fund's grant, a municipal subsidy, a loan, a crowdfunding platform."""

    # The query words a search result lacks (set by wdhs.search on results that miss a word); none by default, so
    # a card asks for it without a failed template lookup (an exception and a dir() of the object per card).
    missing_words: Sequence[str] = ()

    class Scope(models.TextChoices):
        NATIONAL = "landelijk", "heel Nederland"
        REGIONAL = "regio", "alleen in bepaalde provincies of gemeenten"

    name = models.CharField("naam van de regeling", max_length=150)
    slug = models.SlugField("slug", max_length=160, unique=True)
    funder = models.ForeignKey(
        "knowledge.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="funding_schemes",
        verbose_name="organisatie (financier)",
        help_text="Kies de organisatie als die op het portaal staat. Anders: vul hieronder de naam in.",
    )
    funder_name = models.CharField(
        "naam financier",
        max_length=150,
        blank=True,
        help_text="Alleen nodig als de organisatie niet op het portaal staat.",
    )
    kind = models.ForeignKey(
        "wdhs.Term",
        on_delete=models.PROTECT,
        limit_choices_to={"vocabulary": "funding_kind"},
        related_name="funding_schemes",
        verbose_name="soort financiering",
    )
    summary = models.CharField("samenvatting", max_length=300, help_text="Eén of twee zinnen in eenvoudig Nederlands.")
    description = models.TextField("uitleg", blank=True, help_text="Wat je kunt aanvragen en hoe. Gewone tekst.")
    themes = models.ManyToManyField(
        "wdhs.Term",
        limit_choices_to={"vocabulary": "theme"},
        related_name="funding_schemes_by_theme",
        blank=True,
        verbose_name="thema's",
        help_text="Leeg: alle thema's.",
    )
    scope = models.CharField("regio", max_length=20, choices=Scope.choices, default=Scope.NATIONAL)
    provinces = models.ManyToManyField(
        "wdhs.Province", related_name="funding_schemes", blank=True, verbose_name="provincies"
    )
    municipalities = models.ManyToManyField(
        "wdhs.Municipality", related_name="funding_schemes", blank=True, verbose_name="gemeenten"
    )
    min_amount = models.PositiveIntegerField("minimumbedrag (euro)", null=True, blank=True)
    max_amount = models.PositiveIntegerField("maximumbedrag (euro)", null=True, blank=True)
    is_rolling = models.BooleanField("doorlopend aanvragen", default=True, help_text="Uit: je vraagt aan in rondes.")
    deadline = models.DateField("volgende deadline", null=True, blank=True, help_text="Alleen bij aanvragen in rondes.")
    deadline_note = models.CharField(
        "over de deadlines",
        max_length=200,
        blank=True,
        help_text="Bijvoorbeeld: twee rondes per jaar, in maart en september.",
    )
    apply_url = models.URLField("link om aan te vragen", validators=[https_only])
    # --- the rules ---
    legal_forms = models.ManyToManyField(
        "wdhs.Term",
        limit_choices_to={"vocabulary": "legal_form"},
        related_name="funding_schemes_by_legal_form",
        blank=True,
        verbose_name="toegestane rechtsvormen",
        help_text="Leeg: elke rechtsvorm mag.",
    )
    penvoerder_ok = models.BooleanField(
        "informele groep met penvoerder mag",
        default=False,
        help_text="Aan: een groep zonder rechtsvorm kan aanvragen via een penvoerder.",
    )
    phases = models.ManyToManyField(
        "wdhs.Term",
        limit_choices_to={"vocabulary": "phase"},
        related_name="funding_schemes_by_phase",
        blank=True,
        verbose_name="fases",
        help_text="Leeg: elke fase.",
    )
    funds_one_day = models.CharField(
        "betaalt activiteiten van één dag", max_length=10, choices=COVERAGE_CHOICES, default=Coverage.ASK.value
    )
    funds_costs_made = models.CharField(
        "betaalt kosten die al gemaakt zijn", max_length=10, choices=COVERAGE_CHOICES, default=Coverage.NO.value
    )
    funds_equipment = models.CharField(
        "betaalt spullen en apparatuur", max_length=10, choices=COVERAGE_CHOICES, default=Coverage.ASK.value
    )
    funds_buildings = models.CharField(
        "betaalt een gebouw", max_length=10, choices=COVERAGE_CHOICES, default=Coverage.ASK.value
    )
    own_contribution_percent = models.PositiveSmallIntegerField(
        "eigen bijdrage (procent)",
        default=0,
        validators=[MaxValueValidator(100)],
        help_text="Welk deel van de kosten je zelf betaalt of ergens anders vandaan haalt. 0: geen eis.",
    )
    min_age_years = models.PositiveSmallIntegerField(
        "bestaat minstens (jaren)", null=True, blank=True, validators=[MaxValueValidator(200)]
    )
    max_age_years = models.PositiveSmallIntegerField(
        "bestaat hoogstens (jaren)",
        null=True,
        blank=True,
        validators=[MaxValueValidator(200)],
        help_text="Voor regelingen die alleen nieuwe initiatieven steunen.",
    )
    is_structural = models.BooleanField(
        "structureel geld",
        default=False,
        db_default=False,
        help_text=(
            "Aan: geld waar een gemeenschap meer jaren op kan rekenen, zoals een afspraak voor meer jaren, "
            "een lening of een kostprijs-plus-afspraak. Uit: eenmalig geld voor een project. Telt mee voor doel 4."
        ),
    )
    is_example = models.BooleanField(
        "voorbeeld (verzonnen regels)",
        default=False,
        help_text="Aan: bezoekers zien dat de regels verzonnen zijn, om te laten zien hoe de wijzer werkt.",
    )
    is_active = models.BooleanField("zichtbaar in de wijzer", default=True)
    created_at = models.DateTimeField("aangemaakt", auto_now_add=True)
    updated_at = models.DateTimeField("bijgewerkt", auto_now=True)
    # Kept by a database trigger (wdhs.search.triggers, migration knowledge/0001) with the Dutch word forms
    # of wdhs_search_vector().
    search_vector = SearchVectorField("zoekindex", null=True, editable=False)

    # Readers' "Was deze pagina nuttig?" and error reports (wdhs.feedback); they go when the page goes.
    feedback = GenericRelation("wdhs.PageFeedback")
    objects = FundingSchemeQuerySet.as_manager()

    class Meta:
        verbose_name = "financieringsregeling"
        verbose_name_plural = "financieringsregelingen"
        ordering = ["name"]
        indexes = [
            GinIndex(fields=["search_vector"], name="fundingscheme_search_gin"),
            # The alert digests (wdhs.alerts): the schemes added after the last digest.
            models.Index(fields=["-created_at"], condition=Q(is_active=True), name="fundingscheme_active_created"),
            # /open-data/: the date of the last change, read from the index's end.
            models.Index(fields=["-updated_at"], name="fundingscheme_updated"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(funder__isnull=False) | ~Q(funder_name=""),
                name="fundingscheme_has_funder",
                violation_error_message="Kies een organisatie of vul de naam van de financier in.",
            ),
            models.CheckConstraint(
                condition=Q(min_amount__isnull=True)
                | Q(max_amount__isnull=True)
                | Q(min_amount__lte=models.F("max_amount")),
                name="fundingscheme_min_below_max",
                violation_error_message="Het minimumbedrag is hoger dan het maximumbedrag.",
            ),
            models.CheckConstraint(
                condition=Q(own_contribution_percent__lte=100), name="fundingscheme_percent_max_100"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.funder_display})"

    def get_absolute_url(self) -> str:
        return reverse("funding:detail", args=[self.slug])

    def clean(self) -> None:
        check_not_shadowed(self.slug, SLUG_URLS)

    @property
    def funder_display(self) -> str:
        return self.funder.display_name if self.funder is not None else self.funder_name

    @property
    def description_text(self) -> str:
        """The description without the example note, which the page already shows as a warning."""
        return self.description.replace(EXAMPLE_NOTE, "").strip()

    @property
    def example_note(self) -> str:
        return EXAMPLE_NOTE if self.is_example else ""

    @property
    def region_names(self) -> list[str]:
        if self.scope == self.Scope.NATIONAL:
            return ["heel Nederland"]
        return [f"provincie {p.name}" for p in self.provinces.all()] + [
            f"gemeente {m.display_name}" for m in self.municipalities.all()
        ]

    @property
    def amount_label(self) -> str:
        from knowledge.funding.rules import euro

        if self.min_amount is not None and self.max_amount is not None:
            return f"{euro(self.min_amount)} tot {euro(self.max_amount)}"
        if self.max_amount is not None:
            return f"tot {euro(self.max_amount)}"
        if self.min_amount is not None:
            return f"vanaf {euro(self.min_amount)}"
        return "geen vaste grenzen"

    def coverage(self) -> dict[Purpose, Coverage]:
        return {
            Purpose.ONE_DAY: Coverage(self.funds_one_day),
            Purpose.EQUIPMENT: Coverage(self.funds_equipment),
            Purpose.BUILDING: Coverage(self.funds_buildings),
            Purpose.COSTS_MADE: Coverage(self.funds_costs_made),
        }

    def rules(self) -> SchemeRules:
        """The scheme's rules as plain data for knowledge.funding (uses prefetched relations when present)."""

        def by_position(terms: Any) -> dict[str, str]:
            return {t.slug: t.name for t in sorted(terms, key=lambda t: (t.position, t.name))}

        national = self.scope == self.Scope.NATIONAL
        return SchemeRules(
            funder=self.funder_display or "deze regeling",
            themes=by_position(self.themes.all()),
            region=Region(
                national=national,
                provinces=frozenset(p.slug for p in self.provinces.all()),
                municipalities=frozenset(m.slug for m in self.municipalities.all()),
                names=tuple(self.region_names),
            ),
            min_amount=self.min_amount,
            max_amount=self.max_amount,
            legal_forms=by_position(self.legal_forms.all()),
            penvoerder_ok=self.penvoerder_ok,
            phases=by_position(self.phases.all()),
            coverage=self.coverage(),
            own_contribution_percent=self.own_contribution_percent,
            min_age_years=self.min_age_years,
            max_age_years=self.max_age_years,
            is_rolling=self.is_rolling,
            deadline=self.deadline,
        )

    def deadline_is_past(self, today: date) -> bool:
        return not self.is_rolling and self.deadline is not None and self.deadline < today
