"""Task pages at /aan-de-slag/: a route ("Ik wil iets starten") of numbered steps, each with a few links.

Modelled on GOV.UK step-by-step navigation. A link points to a knowledge item, a funding scheme, an organisation
or a public page of the portal (a path such as /vraag/ or /initiatieven/?thema=energie). A link whose page is
gone or not public is left out of the page, never an error; the admin warns about it (`RouteStepLink.problem`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, Q
from django.urls import Resolver404, resolve, reverse

# Paths a route may not send a visitor to: personal pages, log-in pages, the admin, machine files.
CLOSED_PREFIXES = ("/beheer/", "/mijn/", "/accounts/", "/healthz", "/sitemap", "/robots.txt", "/favicon.ico")
# Pages that have their own field on a link: choosing the object lets the page skip it when it is no longer public.
OBJECT_PAGES = {
    "knowledge:detail": "kennisitem",
    "funding:detail": "regeling",
    "knowledge:organisation_detail": "organisatie",
}
PATH_MAX_LENGTH = 300


def validate_internal_path(value: str) -> None:
    """A public page of this portal, written as a path (with an optional query), that the URL resolver knows."""
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or not value.startswith("/") or value.startswith("//"):
        raise ValidationError(
            "Schrijf een adres op dit portaal dat begint met één /, "
            "bijvoorbeeld /vraag/ of /initiatieven/?thema=energie.",
            code="not_internal",
        )
    if any(ch.isspace() or ord(ch) < 32 or ch == "\\" for ch in value):
        raise ValidationError("Het adres mag geen spaties, stuurtekens of \\ bevatten.", code="bad_character")
    if parts.path.startswith(CLOSED_PREFIXES):
        raise ValidationError(
            "Dit adres is niet voor iedereen open (beheer, inloggen of je eigen omgeving). Kies een openbare pagina.",
            code="closed",
        )
    try:
        match = resolve(parts.path)
    except Resolver404:
        raise ValidationError("Deze pagina bestaat niet op het portaal. Kijk het adres na.", code="unknown") from None
    if match.view_name in OBJECT_PAGES:
        raise ValidationError(
            f"Kies deze pagina bij het veld '{OBJECT_PAGES[match.view_name]}' in plaats van als adres: "
            "dan verdwijnt de link vanzelf als de pagina niet meer openbaar is.",
            code="use_object",
        )


def hidden_link_condition(prefix: str = "") -> Q:
    """The links visitors do not see, as a filter: the SQL twin of `RouteStepLink.problem`.

    `prefix` reaches the links from another model, e.g. "steps__links__" from a route.
    """
    from knowledge.models import Resource

    def q(**lookups: Any) -> Q:
        return Q(**{prefix + name: value for name, value in lookups.items()})

    return (
        (q(resource__isnull=False) & ~q(resource__status=Resource.Status.PUBLISHED))
        | q(funding_scheme__is_active=False)
        | q(resource__isnull=True, funding_scheme__isnull=True, organisation__isnull=True, path="")
    )


class RouteQuerySet(models.QuerySet["Route"]):
    def published(self) -> RouteQuerySet:
        return self.filter(is_published=True)

    def with_steps(self) -> RouteQuerySet:
        """The steps and their links with everything the page shows, in three queries whatever the size."""
        links = RouteStepLink.objects.select_related("resource__kind", "funding_scheme__kind", "organisation")
        return self.prefetch_related(
            Prefetch("steps", queryset=RouteStep.objects.order_by("position", "pk")),
            Prefetch("steps__links", queryset=links.order_by("position", "pk")),
        )


class Route(models.Model):
    """One task a resident comes for, as ordered steps: "Ik wil iets starten", "Ik zoek geld"."""

    title = models.CharField("titel", max_length=120, help_text="Zoals een bewoner het zegt: 'Ik wil iets starten'.")
    slug = models.SlugField(
        "adres",
        max_length=80,
        unique=True,
        help_text="Het laatste deel van het adres: /aan-de-slag/<adres>/. Kleine letters, cijfers en streepjes.",
    )
    summary = models.CharField(
        "korte tekst op de homepage", max_length=160, help_text="Eén zin onder de titel op de homepage."
    )
    intro = models.TextField(
        "inleiding", max_length=1000, help_text="Twee of drie korte zinnen in eenvoudig Nederlands (B1)."
    )
    position = models.PositiveSmallIntegerField(
        "volgorde op de homepage", default=0, help_text="Lager staat eerder. De homepage toont de eerste vier."
    )
    is_published = models.BooleanField(
        "gepubliceerd", default=False, help_text="Uit: alleen beheerders zien de route (via 'Bekijk op de site')."
    )
    created_at = models.DateTimeField("aangemaakt", auto_now_add=True)
    updated_at = models.DateTimeField("bijgewerkt", auto_now=True)

    objects = RouteQuerySet.as_manager()

    class Meta:
        verbose_name = "route (aan de slag)"
        verbose_name_plural = "routes (aan de slag)"
        ordering = ["position", "title"]
        indexes = [models.Index(fields=["is_published", "position"], name="route_published_position")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("routes:detail", args=[self.slug])


class RouteStep(models.Model):
    """One numbered step of a route, with a short explanation and its links."""

    route = models.ForeignKey(Route, on_delete=models.CASCADE, related_name="steps", verbose_name="route")
    position = models.PositiveSmallIntegerField("volgorde", default=0, help_text="Lager komt eerder.")
    title = models.CharField(
        "titel van de stap", max_length=120, help_text="Begin met een werkwoord: 'Kies een rechtsvorm'."
    )
    text = models.TextField(
        "uitleg", max_length=800, help_text="Wat je in deze stap doet, in twee of drie korte zinnen (B1)."
    )

    class Meta:
        verbose_name = "stap"
        verbose_name_plural = "stappen"
        ordering = ["route", "position", "pk"]
        indexes = [models.Index(fields=["route", "position"], name="routestep_route_position")]

    def __str__(self) -> str:
        return f"{self.route}: {self.title}"


class RouteStepLink(models.Model):
    """A page that helps in a step: a knowledge item, a scheme, a partner, or a public page of the portal."""

    step = models.ForeignKey(RouteStep, on_delete=models.CASCADE, related_name="links", verbose_name="stap")
    position = models.PositiveSmallIntegerField("volgorde", default=0)
    resource = models.ForeignKey(
        "knowledge.Resource",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="route_links",
        verbose_name="kennisitem",
    )
    funding_scheme = models.ForeignKey(
        "knowledge.FundingScheme",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="route_links",
        verbose_name="regeling",
    )
    organisation = models.ForeignKey(
        "knowledge.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="route_links",
        verbose_name="organisatie",
    )
    path = models.CharField(
        "adres op het portaal",
        max_length=PATH_MAX_LENGTH,
        blank=True,
        validators=[validate_internal_path],
        help_text="Alleen als het geen kennisitem, regeling of organisatie is: bijvoorbeeld /vraag/ of "
        "/initiatieven/?thema=energie. Vul dan ook de tekst van de link in.",
    )
    label = models.CharField("tekst van de link", max_length=120, blank=True, help_text="Leeg: de titel van de pagina.")
    note = models.CharField(
        "waarom deze link", max_length=200, blank=True, help_text="Leeg: de samenvatting van de pagina."
    )

    class Meta:
        verbose_name = "link"
        verbose_name_plural = "links"
        ordering = ["step", "position", "pk"]
        constraints = [
            # One target at most: a deleted page leaves a link without any (shown as a warning in the admin).
            models.CheckConstraint(
                condition=(
                    Q(resource__isnull=True, funding_scheme__isnull=True, organisation__isnull=True)
                    | Q(resource__isnull=False, funding_scheme__isnull=True, organisation__isnull=True, path="")
                    | Q(resource__isnull=True, funding_scheme__isnull=False, organisation__isnull=True, path="")
                    | Q(resource__isnull=True, funding_scheme__isnull=True, organisation__isnull=False, path="")
                ),
                name="routesteplink_one_target",
                violation_error_message="Kies één kennisitem, regeling, organisatie of adres per link.",
            ),
        ]

    def __str__(self) -> str:
        return self.title or "link zonder pagina"

    def clean(self) -> None:
        targets = [self.resource_id, self.funding_scheme_id, self.organisation_id, self.path or None]
        chosen = sum(target is not None for target in targets)
        if chosen == 0:
            raise ValidationError("Kies een kennisitem, regeling of organisatie, of vul een adres op het portaal in.")
        if chosen > 1:
            raise ValidationError(
                "Kies één kennisitem, regeling, organisatie of adres per link; maak anders twee links."
            )
        if self.path and not self.label:
            raise ValidationError({"label": "Vul de tekst van de link in: een adres heeft geen titel van zichzelf."})

    @property
    def target(self) -> Any:
        return self.resource or self.funding_scheme or self.organisation

    @property
    def problem(self) -> str:
        """Why visitors do not see this link, in words for staff; empty when they do."""
        if self.resource is not None:
            return "" if self.resource.is_published else "Het kennisitem is niet gepubliceerd."
        if self.funding_scheme is not None:
            return "" if self.funding_scheme.is_active else "De regeling staat uit."
        if self.organisation is not None or self.path:
            return ""
        return "De pagina bestaat niet meer."

    @property
    def is_visible(self) -> bool:
        return not self.problem

    @property
    def url(self) -> str:
        target = self.target
        return target.get_absolute_url() if target is not None else self.path

    @property
    def title(self) -> str:
        if self.label:
            return self.label
        if self.resource is not None:
            return self.resource.title
        if self.funding_scheme is not None:
            return self.funding_scheme.name
        if self.organisation is not None:
            return self.organisation.name
        return ""

    @property
    def kind_label(self) -> str:
        """What sort of page the link opens, so a reader knows what to expect."""
        if self.resource is not None:
            return str(self.resource.kind.name).capitalize()
        if self.funding_scheme is not None:
            return "Geld: " + str(self.funding_scheme.kind.name)
        if self.organisation is not None:
            return "Partner"
        return "Op dit portaal"

    @property
    def description(self) -> str:
        if self.note:
            return self.note
        if self.resource is not None:
            return self.resource.summary
        if self.funding_scheme is not None:
            return self.funding_scheme.summary
        if self.organisation is not None:
            return self.organisation.description
        return ""


# A page in more routes than this shows only the first ones (by the routes' order on the home page).
PART_OF_SHOWN = 2


@dataclass(frozen=True)
class PartOfRoute:
    """Where a page stands in a route: the step that links to it, its number, and the steps around it."""

    route: Route
    number: int
    total: int
    previous: RouteStep | None
    next: RouteStep | None

    @property
    def previous_url(self) -> str:
        return f"{self.route.get_absolute_url()}#stap-{self.number - 1}"

    @property
    def next_url(self) -> str:
        return f"{self.route.get_absolute_url()}#stap-{self.number + 1}"


def routes_linking_to(target: Any) -> list[PartOfRoute]:
    """The published routes with a step that links to `target`, first step per route; two queries at most."""
    field = {"resource": "resource", "fundingscheme": "funding_scheme", "organisation": "organisation"}.get(
        target._meta.model_name
    )
    if field is None or target.pk is None:
        return []
    links = (
        RouteStepLink.objects.filter(**{field: target}, step__route__is_published=True)
        .select_related("step__route")
        .order_by("step__route__position", "step__route__title", "step__position", "step__pk")
    )
    first_step: dict[int, RouteStep] = {}
    for link in links[:20]:
        first_step.setdefault(link.step.route_id, link.step)
        if len(first_step) == PART_OF_SHOWN:
            break
    if not first_step:
        return []
    steps: dict[int, list[RouteStep]] = {}
    for step in RouteStep.objects.filter(route__in=first_step).only("pk", "route_id", "position", "title"):
        steps.setdefault(step.route_id, []).append(step)
    parts = []
    for route_id, step in first_step.items():
        ordered = sorted(steps[route_id], key=lambda s: (s.position, s.pk))
        index = [s.pk for s in ordered].index(step.pk)
        parts.append(
            PartOfRoute(
                route=step.route,
                number=index + 1,
                total=len(ordered),
                previous=ordered[index - 1] if index > 0 else None,
                next=ordered[index + 1] if index + 1 < len(ordered) else None,
            )
        )
    return parts
