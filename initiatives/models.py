"""The register of initiatives: collectives, their managers, invitations and problem reports."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from wdhs.markup import render_markdown_safely, validate_markdown
from wdhs.search.triggers import TitleVector
from wdhs.slugs import check_not_shadowed, first_free_slug, save_with_free_slug
from wdhs.smalltables import SmallTablesQuerySet

if TYPE_CHECKING:
    from wdhs.models import AnyUser

# An initiative that has not been confirmed by its managers for this long is shown as "niet recent bevestigd".
STALE_AFTER = timedelta(days=457)  # about 15 months
# Managers are asked "klopt dit nog?" once a year.
CONFIRM_EVERY = timedelta(days=365)
INVITATION_VALID_FOR = timedelta(days=14)
# The public form and the admin alike: a description is a few paragraphs, not a document.
DESCRIPTION_MAX = 5000
# The pages an initiative's slug makes an address for; a fixed page there (/initiatieven/feed/) takes the slug.
SLUG_URLS = ("initiatives:detail", "initiatives:manage")
# Words kept free besides those (wdhs.slugs finds the fixed pages from the URLs themselves).
RESERVED_SLUGS = {"export-csv", "export-json", "uitnodiging", "export"}


class Status(models.TextChoices):
    SUBMITTED = "ingediend", "ingediend (wacht op controle)"
    PUBLISHED = "gepubliceerd", "gepubliceerd"
    REJECTED = "afgewezen", "afgewezen"
    ARCHIVED = "gearchiveerd", "gearchiveerd"


class ActivePeople(models.TextChoices):
    FEW = "1-5", "1 tot 5 mensen"
    SMALL = "6-15", "6 tot 15 mensen"
    MEDIUM = "16-50", "16 tot 50 mensen"
    LARGE = "51-200", "51 tot 200 mensen"
    HUGE = "200+", "meer dan 200 mensen"


# The small-table rows an initiative is shown with, on a card and on its page.
CARD_ROWS = ("municipality", "kind", "legal_form", "phase")


class InitiativeQuerySet(SmallTablesQuerySet["Initiative"]):
    def published(self) -> InitiativeQuerySet:
        return self.filter(status=Status.PUBLISHED)

    def managed_by(self, user: AnyUser) -> InitiativeQuerySet:
        if not user.is_authenticated:
            return self.none()
        return self.filter(memberships__user=user)

    def due_for_confirmation(self, now: datetime) -> InitiativeQuerySet:
        """Published initiatives confirmed, and last asked to confirm, longer than a year ago."""
        limit = now - CONFIRM_EVERY
        return (
            self.published()
            .filter(confirmed_at__lt=limit)
            .filter(models.Q(confirmation_requested_at__isnull=True) | models.Q(confirmation_requested_at__lt=limit))
        )

    def stale(self) -> InitiativeQuerySet:
        """Published initiatives that nobody confirmed in the last 15 months."""
        return self.filter(confirmed_at__lt=timezone.now() - STALE_AFTER)

    def with_relations(self) -> InitiativeQuerySet:
        return self.with_small(*CARD_ROWS).with_small_many("themes", "needs")

    def for_cards(self) -> InitiativeQuerySet:
        """`with_relations` without what a card does not show: the search vector (read from TOAST and parsed for
        nothing), the Markdown source of the description (the card prints the HTML), the changes waiting for review,
        and the needs (a query per page for a list the card never prints)."""
        return (
            self.with_small(*CARD_ROWS)
            .with_small_many("themes")
            .defer("search_vector", "description", "pending_changes")
        )


class Initiative(models.Model):
    """A collective of residents: a bewonersinitiatief, coöperatie, wijkbedrijf, lokaal fonds, ..."""

    # The query words a search result lacks (set by wdhs.search on results that miss a word); none by default, so
    # a card asks for it without a failed template lookup (an exception and a dir() of the object per card).
    missing_words: Sequence[str] = ()

    name = models.CharField("naam", max_length=150)
    slug = models.SlugField("slug", max_length=170, unique=True)
    kind = models.ForeignKey(
        "wdhs.Term",
        on_delete=models.PROTECT,
        related_name="initiatives_of_kind",
        limit_choices_to={"vocabulary": "initiative_kind"},
        verbose_name="soort initiatief",
    )
    legal_form = models.ForeignKey(
        "wdhs.Term",
        on_delete=models.PROTECT,
        related_name="initiatives_with_legal_form",
        limit_choices_to={"vocabulary": "legal_form"},
        verbose_name="rechtsvorm",
    )
    themes = models.ManyToManyField(
        "wdhs.Term",
        related_name="initiatives_with_theme",
        limit_choices_to={"vocabulary": "theme"},
        verbose_name="thema's",
    )
    phase = models.ForeignKey(
        "wdhs.Term",
        on_delete=models.PROTECT,
        related_name="initiatives_in_phase",
        limit_choices_to={"vocabulary": "phase"},
        verbose_name="fase",
    )
    needs = models.ManyToManyField(
        "wdhs.Term",
        related_name="initiatives_with_need",
        limit_choices_to={"vocabulary": "need"},
        blank=True,
        verbose_name="wat het initiatief nodig heeft",
    )
    kvk_number = models.CharField("KvK-nummer", max_length=8, blank=True)
    municipality = models.ForeignKey(
        "wdhs.Municipality", on_delete=models.PROTECT, related_name="initiatives", verbose_name="gemeente"
    )
    area = models.CharField("wijk of dorp", max_length=120, blank=True)
    founded_year = models.PositiveSmallIntegerField("opgericht in", null=True, blank=True)
    active_people = models.CharField("aantal actieve mensen", max_length=10, choices=ActivePeople.choices)
    description = models.TextField(
        "beschrijving",
        help_text="Gewone tekst of Markdown.",
        validators=[MaxLengthValidator(DESCRIPTION_MAX), validate_markdown],
    )
    # The description as safe HTML, rendered once when it is saved (save() below), never per page view.
    description_html = models.TextField("beschrijving als HTML", blank=True, default="", editable=False)
    website = models.URLField("website", blank=True)
    social_links = models.TextField("sociale media", blank=True, help_text="Eén https-link per regel.")
    public_email = models.EmailField(
        "openbaar e-mailadres", blank=True, help_text="Leeg: bezoekers mailen via een formulier op het portaal."
    )
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.SUBMITTED, db_index=True)
    rejection_reason = models.TextField("reden van afwijzing", blank=True)
    pending_changes = models.JSONField(
        "wijzigingen die wachten op controle",
        null=True,
        blank=True,
        help_text="Wijzigingen van de beheerders. De openbare pagina verandert pas na goedkeuring.",
    )
    pending_since = models.DateTimeField("wijzigingen ingediend op", null=True, blank=True)
    # The person who registered saw an initiative with nearly the same name in the same municipality and
    # said "ours is another one": staff check that before they publish (a line in the work queue).
    # db_default: rows written with COPY (seed_bulk) leave the column out.
    duplicate_override = models.BooleanField(
        "aangemeld ondanks bijna gelijke naam", default=False, db_default=False, editable=False
    )
    confirmed_at = models.DateTimeField("laatst bevestigd", default=timezone.now)
    confirmation_requested_at = models.DateTimeField("laatst gevraagd 'klopt dit nog?'", null=True, blank=True)
    published_at = models.DateTimeField("eerst gepubliceerd", null=True, blank=True)
    created_at = models.DateTimeField("aangemaakt", auto_now_add=True)
    updated_at = models.DateTimeField("gewijzigd", auto_now=True)
    # Place names copied on save so that a search for "Zwolle" or "Drenthe" finds initiatives there.
    place_names = models.CharField("plaatsnamen (voor zoeken)", max_length=255, blank=True, editable=False)
    # Filled by a database trigger (wdhs.search.triggers, migration 0001) from name (A), area and place
    # names (B) and description (C), with Dutch word forms (lemmas, compound parts) from wdhs.search.lexicon.
    # Not a generated column: the word forms come from a lookup table, which a generated column may not read.
    search_vector = SearchVectorField("zoekindex", null=True, editable=False)

    # Readers' "Was deze pagina nuttig?" and error reports (wdhs.feedback); they go when the page goes.
    feedback = GenericRelation("wdhs.PageFeedback")
    objects = InitiativeQuerySet.as_manager()
    # Templates compare with initiative.Status.PUBLISHED, as they do with resource.Status.
    Status = Status

    class Meta:
        verbose_name = "initiatief"
        verbose_name_plural = "initiatieven"
        ordering = ["name"]
        indexes = [
            GinIndex(fields=["search_vector"], name="initiative_search_gin"),
            # A common word: candidates with the word in the name, and the newest matches (wdhs.search bounded).
            GinIndex(TitleVector("search_vector"), name="initiative_title_gin"),
            # Newest confirmed first, filtered by kind or place (the related links, the newest search candidates):
            # the filter columns ride along, so the walk reads the index only, not a wide row per step.
            models.Index(
                fields=["status", "-confirmed_at"],
                include=["id", "kind", "municipality"],
                name="initiative_status_confirmed",
            ),
            # Facet counts and the map read only these columns: an index-only scan instead of the wide table. The key
            # and the name too: the one pass of a list filtered by province or municipality (wdhs.facets) reads key,
            # name (the default order) and the facet columns of every initiative there, 6,700 for a province, from
            # the index instead of the heap (13.7 -> 6.9 ms for one province and one theme).
            models.Index(
                fields=["status", "municipality"],
                include=["id", "name", "kind", "phase", "legal_form", "published_at"],
                name="initiative_status_muni",
            ),
            # The same for a kind of initiative: a list filtered on a common kind (28,000 bewonersinitiatieven) read
            # them in 342 probes of the index above, one per municipality, filtering out two thirds; with a need as
            # well that pass took 52 ms, from this index 39 ms.
            models.Index(
                fields=["status", "kind"],
                include=["id", "name", "municipality", "phase", "legal_form", "published_at"],
                name="initiative_status_kind",
            ),
            # Newest first (/embed/initiatieven/, /initiatieven/feed/, "Nieuwste eerst" on /initiatieven/, the alert
            # digests' window of "published since"): the first ones, or a time window, from the index.
            models.Index(
                F("published_at").desc(nulls_last=True),
                F("id"),
                condition=Q(status=Status.PUBLISHED),
                name="initiative_published_newest",
            ),
            # The public list, A to Z: the first page straight from the index.
            models.Index(fields=["name", "id"], condition=Q(status=Status.PUBLISHED), name="initiative_published_name"),
            # The staff work queue (initiatives/workqueue.py): count and oldest of each line from a small index.
            models.Index(
                fields=["created_at", "id"], condition=Q(status=Status.SUBMITTED), name="initiative_submitted_created"
            ),
            models.Index(
                fields=["pending_since", "id"],
                condition=Q(pending_changes__isnull=False),
                name="initiative_pending_since",
            ),
            models.Index(
                fields=["created_at", "id"],
                condition=Q(status=Status.SUBMITTED, duplicate_override=True),
                name="initiative_duplicate_override",
            ),
            # The sitemap: a file of 5,000 (slug, date) from a known key on, and the newest date, from the index only.
            models.Index(
                fields=["id"],
                include=["slug", "updated_at"],
                condition=Q(status=Status.PUBLISHED),
                name="initiative_sitemap",
            ),
            # /open-data/: the date of the register's last change is the newest of these, read from the index's end.
            models.Index(fields=["-updated_at"], name="initiative_updated"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status=Status.REJECTED) | ~models.Q(rejection_reason=""),
                name="initiative_rejection_has_reason",
                violation_error_message="Geef een reden op als je een initiatief afwijst.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.municipality_id:
            municipality = self.municipality
            self.place_names = municipality.search_names[:255]
            if kwargs.get("update_fields") is not None and "municipality" in kwargs["update_fields"]:
                kwargs["update_fields"] = {*kwargs["update_fields"], "place_names"}
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "description" in update_fields:
            self.description_html = render_description(self.description)
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "description_html"}
        if self.slug:
            super().save(*args, **kwargs)
            return
        # Two new pages with the same name at the same moment: the second gets the next free address.
        parent_save = super().save
        save_with_free_slug(self, lambda: unique_slug(self.name), lambda: parent_save(*args, **kwargs))

    def get_absolute_url(self) -> str:
        return reverse("initiatives:detail", args=[self.slug])

    def clean(self) -> None:
        check_not_shadowed(self.slug, SLUG_URLS)

    def get_manage_url(self) -> str:
        return reverse("initiatives:manage", args=[self.slug])

    @property
    def is_public(self) -> bool:
        return self.status == Status.PUBLISHED

    @property
    def is_stale(self) -> bool:
        return self.confirmed_at < timezone.now() - STALE_AFTER

    @property
    def social_link_list(self) -> list[str]:
        return [line.strip() for line in self.social_links.splitlines() if line.strip()]


def render_description(description: str) -> str:
    """The stored HTML of a description: Markdown without big headings, or the escaped text if that fails."""
    return str(render_markdown_safely(description, short=True))


def unique_slug(name: str) -> str:
    """The first free address for an initiative with this name, clear of the fixed pages (`feed` -> `feed-2`)."""
    base = slugify(name)[:150] or "initiatief"
    return first_free_slug(
        base, lambda slug: slug in RESERVED_SLUGS or Initiative.objects.filter(slug=slug).exists(), SLUG_URLS
    )


class Membership(models.Model):
    """A person who manages an initiative's page; every initiative keeps at least one."""

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="memberships", verbose_name="initiatief"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="initiative_memberships",
        verbose_name="gebruiker",
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="uitgenodigd door",
    )
    created_at = models.DateTimeField("beheerder sinds", auto_now_add=True)

    class Meta:
        verbose_name = "beheerder"
        verbose_name_plural = "beheerders"
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["initiative", "user"], name="initiatives_membership_unique_user")
        ]

    def __str__(self) -> str:
        return f"{self.user} beheert {self.initiative}"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class InvitationQuerySet(models.QuerySet["Invitation"]):
    def usable(self) -> InvitationQuerySet:
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now())


class Invitation(models.Model):
    """An invitation by e-mail to become co-manager; the link works once and expires after two weeks.

    Only a hash of the token is stored, so a leaked database does not hand out working links.
    """

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="invitations", verbose_name="initiatief"
    )
    email = models.EmailField("e-mailadres")
    token_hash = models.CharField("token (hash)", max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="uitgenodigd door",
    )
    created_at = models.DateTimeField("verstuurd", auto_now_add=True)
    expires_at = models.DateTimeField("verloopt")
    accepted_at = models.DateTimeField("geaccepteerd", null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="geaccepteerd door",
    )
    revoked_at = models.DateTimeField("ingetrokken", null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = "uitnodiging"
        verbose_name_plural = "uitnodigingen"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} voor {self.initiative}"

    @property
    def is_usable(self) -> bool:
        return self.accepted_at is None and self.revoked_at is None and self.expires_at > timezone.now()


class ProblemReason(models.TextChoices):
    WRONG = "onjuist", "De informatie klopt niet"
    GONE = "bestaat-niet", "Dit initiatief bestaat niet meer"
    ABUSE = "ongepast", "De inhoud is ongepast of beledigend"
    OTHER = "anders", "Iets anders"


class ProblemReport(models.Model):
    """A visitor's report about a public initiative page, handled by staff in the admin."""

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="problem_reports", verbose_name="initiatief"
    )
    reason = models.CharField("wat is er mis", max_length=20, choices=ProblemReason.choices)
    message = models.TextField("toelichting", blank=True)
    reporter_email = models.EmailField("e-mailadres melder", blank=True)
    created_at = models.DateTimeField("gemeld", auto_now_add=True)
    handled_at = models.DateTimeField("afgehandeld", null=True, blank=True)
    staff_note = models.TextField("notitie van de redactie", blank=True)

    class Meta:
        verbose_name = "melding"
        verbose_name_plural = "meldingen over initiatieven"
        ordering = ["-created_at"]
        # The staff work queue: open reports, oldest first, from a small index.
        indexes = [
            models.Index(fields=["created_at", "id"], condition=Q(handled_at__isnull=True), name="problemreport_open")
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()}: {self.initiative}"
