"""Partner organisations and the knowledge they publish, with an editorial workflow and a search index."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import timedelta
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.files.storage import Storage
from django.core.validators import MaxLengthValidator
from django.db import models, transaction
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from knowledge.events.models import Event
from knowledge.funding.models import FundingScheme
from knowledge.questions.models import Question, QuestionTransfer
from knowledge.routes.models import Route, RouteStep, RouteStepLink
from wdhs.markup import render_markdown_safely, validate_markdown
from wdhs.search.triggers import TitleVector
from wdhs.slugs import check_not_shadowed, first_free_slug, save_with_free_slug
from wdhs.smalltables import SmallTablesQuerySet

if TYPE_CHECKING:
    from wdhs.models import AnyUser

# The funding finder (/financiering/), "Stel je vraag" (/vraag/) and the task pages (/aan-de-slag/) keep their
# models in their own folders.
__all__ = [
    "Attachment",
    "Event",
    "FundingScheme",
    "Membership",
    "Organisation",
    "Question",
    "QuestionTransfer",
    "Resource",
    "Route",
    "RouteStep",
    "RouteStepLink",
    "StatusChange",
]

REVIEW_INTERVAL = timedelta(days=365)
BODY_MAX_LENGTH = 50_000
# The pages a slug makes an address for; a fixed page there (/kennis/feed/, /mijn/kennis/nieuw/) takes the slug.
RESOURCE_SLUG_URLS = ("knowledge:detail", "knowledge:editor_resource_edit")
ORGANISATION_SLUG_URLS = ("knowledge:organisation_detail", "knowledge:editor_organisation_edit")


def render_body(body: str) -> str:
    """The stored HTML of a knowledge body: full Markdown, or the escaped text if that fails."""
    return str(render_markdown_safely(body))


class OrganisationKind(models.TextChoices):
    NATIONAL = "landelijk", "landelijke organisatie"
    FUND = "fonds", "fonds"
    INSTITUTE = "kennisinstituut", "kennisinstituut"
    LOCAL = "lokaal", "lokale ondersteuner"
    MUNICIPALITY = "gemeente", "gemeente"
    OTHER = "anders", "andere organisatie"


def _generated_name(prefix: str, filename: str) -> str:
    # The visitor's file name never reaches the disk: it could collide, leak or contain path tricks.
    suffix = PurePosixPath(filename).suffix.lower()[:6]
    return f"{prefix}/{uuid.uuid4().hex}{suffix}"


def validate_logo(value: Any) -> None:
    """Check a newly uploaded logo by content as well as extension, also when it comes in through the admin."""
    from django.core.files.uploadedfile import UploadedFile

    from knowledge.uploads import ALLOWED_LOGOS, MAX_LOGO_SIZE, check_upload

    upload = getattr(value, "file", value)
    if isinstance(upload, UploadedFile):
        check_upload(upload, allowed=ALLOWED_LOGOS, max_size=MAX_LOGO_SIZE)


def logo_extension(name: str) -> str:
    suffix = PurePosixPath(name).suffix.lower().lstrip(".")
    return "jpg" if suffix == "jpeg" else suffix


def delete_file_after_commit(storage: Storage, name: str) -> None:
    """Remove a stored file once the change that dropped it is committed (a rollback keeps it)."""
    transaction.on_commit(lambda: storage.delete(name), robust=True)


def logo_upload_to(instance: Organisation, filename: str) -> str:
    return _generated_name("kennis/logo", filename)


def attachment_upload_to(instance: Attachment, filename: str) -> str:
    return _generated_name("kennis/bijlagen", filename)


class OrganisationQuerySet(models.QuerySet["Organisation"]):
    def edited_by(self, user: AnyUser) -> OrganisationQuerySet:
        if not user.is_authenticated:
            return self.none()
        return self.filter(memberships__user=user)


class Organisation(models.Model):
    """A partner that publishes knowledge or offers services: a national organisation, a fund, a municipality."""

    # The query words a search result lacks (set by wdhs.search on results that miss a word); none by default, so
    # a card asks for it without a failed template lookup (an exception and a dir() of the object per card).
    missing_words: Sequence[str] = ()

    name = models.CharField("naam", max_length=150, unique=True)
    short_name = models.CharField("korte naam", max_length=60, blank=True)
    slug = models.SlugField("slug", max_length=80, unique=True)
    kind = models.CharField("soort organisatie", max_length=20, choices=OrganisationKind.choices)
    logo = models.FileField(
        "logo",
        upload_to=logo_upload_to,
        blank=True,
        validators=[validate_logo],
        help_text="PNG, JPG of WebP, hoogstens 2 MB en 4000 bij 4000 pixels. Mag leeg blijven.",
    )
    description = models.CharField(
        "korte beschrijving", max_length=500, help_text="Twee of drie zinnen in eenvoudig Nederlands (B1)."
    )
    website = models.URLField("website", blank=True)
    themes = models.ManyToManyField(
        "wdhs.Term",
        limit_choices_to={"vocabulary": "theme"},
        related_name="organisations",
        blank=True,
        verbose_name="thema's",
    )
    is_national = models.BooleanField("werkt in heel Nederland", default=True)
    provinces = models.ManyToManyField(
        "wdhs.Province", related_name="organisations", blank=True, verbose_name="provincies"
    )
    municipalities = models.ManyToManyField(
        "wdhs.Municipality", related_name="organisations", blank=True, verbose_name="gemeenten"
    )
    services = models.TextField(
        "wat we bieden", blank=True, help_text="Diensten die bewoners kunnen gebruiken. Eén per regel."
    )
    contact = models.TextField(
        "zo neem je contact op", blank=True, help_text="Bijvoorbeeld een telefoonnummer, e-mailadres of formulier."
    )
    editors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="Membership",
        related_name="knowledge_organisations",
        blank=True,
        verbose_name="redacteuren",
    )
    created_at = models.DateTimeField("aangemaakt", auto_now_add=True)
    updated_at = models.DateTimeField("bijgewerkt", auto_now=True)
    # Filled by a database trigger (wdhs.search.triggers, migration 0001) from name and short name (A),
    # description (B) and services (C), with Dutch word forms from wdhs.search.lexicon.
    search_vector = SearchVectorField("zoekindex", null=True, editable=False)

    # Readers' "Was deze pagina nuttig?" and error reports (wdhs.feedback); they go when the page goes.
    feedback = GenericRelation("wdhs.PageFeedback")
    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = "organisatie"
        verbose_name_plural = "organisaties"
        ordering = ["name"]
        indexes = [
            GinIndex(fields=["search_vector"], name="organisation_search_gin"),
            # /open-data/: the date of the last change, read from the index's end.
            models.Index(fields=["-updated_at"], name="organisation_updated"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Store a new logo re-encoded (no EXIF, nothing appended) and remove the one it replaces."""
        from knowledge.uploads import reencode_image

        update_fields = kwargs.get("update_fields")
        logo_saved = update_fields is None or "logo" in update_fields
        previous = ""
        if logo_saved and self.pk:
            previous = Organisation.objects.filter(pk=self.pk).values_list("logo", flat=True).first() or ""
        if logo_saved and self.logo and not getattr(self.logo, "_committed", True):
            extension = logo_extension(self.logo.name or "")
            kind = extension if extension in ("jpg", "webp") else "png"
            self.logo = reencode_image(self.logo.file, kind)
        super().save(*args, **kwargs)
        if previous and previous != self.logo.name:
            delete_file_after_commit(self.logo.storage, previous)

    def get_absolute_url(self) -> str:
        return reverse("knowledge:organisation_detail", args=[self.slug])

    def clean(self) -> None:
        check_not_shadowed(self.slug, ORGANISATION_SLUG_URLS)

    @property
    def display_name(self) -> str:
        return self.short_name or self.name

    @property
    def logo_url(self) -> str:
        return reverse("knowledge:organisation_logo", args=[self.slug]) if self.logo else ""

    @property
    def service_lines(self) -> list[str]:
        return [line.strip(" -*\t") for line in self.services.splitlines() if line.strip(" -*\t")]


class Membership(models.Model):
    """A user who edits an organisation's profile and knowledge; `can_publish` lets them publish without staff."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships", verbose_name="organisatie"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="knowledge_memberships",
        verbose_name="gebruiker",
    )
    can_publish = models.BooleanField(
        "mag zelf publiceren", default=False, help_text="Zonder dit recht publiceert de redactie van de coalitie."
    )
    created_at = models.DateTimeField("sinds", auto_now_add=True)

    class Meta:
        verbose_name = "redacteur"
        verbose_name_plural = "redacteuren"
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="knowledge_membership_unique_user")
        ]

    def __str__(self) -> str:
        return f"{self.user} bij {self.organisation}"


class ResourceQuerySet(SmallTablesQuerySet["Resource"]):
    def published(self) -> ResourceQuerySet:
        return self.filter(status=Resource.Status.PUBLISHED)

    def editable_by(self, user: AnyUser) -> ResourceQuerySet:
        """Resources of the organisations the user edits; with `knowledge.change_resource` (staff) everything."""
        if not user.is_authenticated:
            return self.none()
        if user.has_perm("knowledge.change_resource"):
            return self.all()
        return self.filter(organisation__memberships__user=user)

    def visible_to(self, user: AnyUser) -> ResourceQuerySet:
        """Published resources for everyone, plus drafts of the user's own organisations (all with view_resource)."""
        if not user.is_authenticated:
            return self.published()
        if user.has_perm("knowledge.view_resource"):
            return self.all()
        return self.filter(
            Q(status=Resource.Status.PUBLISHED) | Q(organisation__in=Organisation.objects.edited_by(user).values("pk"))
        )

    def needs_review(self) -> ResourceQuerySet:
        """Published resources nobody checked for a year: "nog actueel?"."""
        limit = timezone.now() - REVIEW_INTERVAL
        return self.published().filter(
            Q(last_reviewed_at__lt=limit) | Q(last_reviewed_at__isnull=True, published_at__lt=limit)
        )

    def past_review_date(self, now: Any = None) -> ResourceQuerySet:
        """needs_review() as the work queue counts it: one expression, read from the index resource_review_due."""
        limit = (now or timezone.now()) - REVIEW_INTERVAL
        return self.published().alias(reviewed=Coalesce("last_reviewed_at", "published_at")).filter(reviewed__lt=limit)

    def for_listing(self, *, with_body: bool = False) -> ResourceQuerySet:
        """For cards: with kind, organisation and themes; without what a card does not show (the phases: a query per
        page for a list the card never prints).

        The body and its HTML are kilobytes a card does not print, and the search vectors (of the resource and of
        its organisation) are read from TOAST and parsed for nothing. A search result keeps the body
        (`with_body`): its snippet is cut from it.
        """
        deferred = [*(() if with_body else ("body",)), "body_html", "search_vector", "organisation__search_vector"]
        return self.with_small("kind").select_related("organisation").with_small_many("themes").defer(*deferred)


class Resource(models.Model):
    """One piece of knowledge: an article, a step-by-step plan, a template, a training, a FAQ."""

    # The query words a search result lacks (set by wdhs.search on results that miss a word); none by default, so
    # a card asks for it without a failed template lookup (an exception and a dir() of the object per card).
    missing_words: Sequence[str] = ()

    class Status(models.TextChoices):
        DRAFT = "concept", "concept"
        REVIEW = "beoordeling", "ter beoordeling"
        PUBLISHED = "gepubliceerd", "gepubliceerd"
        ARCHIVED = "gearchiveerd", "gearchiveerd"

    class Audience(models.TextChoices):
        EVERYONE = "iedereen", "iedereen"
        RESIDENTS = "bewoners", "bewoners met een plan"
        INITIATIVES = "initiatieven", "bestaande initiatieven"
        PROFESSIONALS = "professionals", "ondersteuners en professionals"
        MUNICIPALITIES = "gemeenten", "gemeenten"

    class Scope(models.TextChoices):
        NATIONAL = "landelijk", "heel Nederland"
        PROVINCE = "provincie", "een provincie"
        MUNICIPALITY = "gemeente", "een gemeente"

    kind = models.ForeignKey(
        "wdhs.Term",
        on_delete=models.PROTECT,
        limit_choices_to={"vocabulary": "knowledge_kind"},
        related_name="knowledge_resources",
        verbose_name="soort kennis",
    )
    title = models.CharField("titel", max_length=160)
    slug = models.SlugField("slug", max_length=180, unique=True)
    summary = models.CharField(
        "samenvatting", max_length=300, help_text="Hoogstens 300 tekens, in eenvoudig Nederlands (B1)."
    )
    body = models.TextField(
        "tekst",
        help_text="Schrijf in Markdown: ## voor een tussenkop, - voor een opsomming.",
        validators=[MaxLengthValidator(BODY_MAX_LENGTH), validate_markdown],
    )
    # The body as safe HTML, rendered once when it is saved (save() below), never per page view.
    body_html = models.TextField("tekst als HTML", blank=True, default="", editable=False)
    themes = models.ManyToManyField(
        "wdhs.Term",
        limit_choices_to={"vocabulary": "theme"},
        related_name="knowledge_by_theme",
        verbose_name="thema's",
    )
    phases = models.ManyToManyField(
        "wdhs.Term",
        limit_choices_to={"vocabulary": "phase"},
        related_name="knowledge_by_phase",
        blank=True,
        verbose_name="fases",
    )
    audience = models.CharField("voor wie", max_length=20, choices=Audience.choices, default=Audience.EVERYONE)
    scope = models.CharField("geldt voor", max_length=20, choices=Scope.choices, default=Scope.NATIONAL)
    province = models.ForeignKey(
        "wdhs.Province",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="knowledge_resources",
        verbose_name="provincie",
    )
    municipality = models.ForeignKey(
        "wdhs.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="knowledge_resources",
        verbose_name="gemeente",
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="resources", verbose_name="organisatie"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="knowledge_resources",
        verbose_name="auteur",
    )
    author_name = models.CharField(
        "naam auteur", max_length=120, blank=True, help_text="Zo staat de auteur op de pagina. Mag leeg blijven."
    )
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True)
    published_at = models.DateTimeField("gepubliceerd op", null=True, blank=True)
    is_featured = models.BooleanField(
        "uitgelicht", default=False, help_text="Staat op de voorpagina bij 'Begin hier'. Kies er een paar."
    )
    last_reviewed_at = models.DateTimeField("laatst nagekeken", null=True, blank=True)
    related = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="related_from", verbose_name="zie ook"
    )
    event_starts_at = models.DateTimeField(
        "datum en tijd", null=True, blank=True, help_text="Alleen voor een training of bijeenkomst."
    )
    event_place = models.CharField(
        "plaats", max_length=200, blank=True, help_text="Adres of 'online'. Alleen voor een training of bijeenkomst."
    )
    created_at = models.DateTimeField("aangemaakt", auto_now_add=True)
    updated_at = models.DateTimeField("bijgewerkt", auto_now=True)
    # Links to the coalition goals this resource contributes to (edited in the admin); removed with it.
    goal_links = GenericRelation("goals.GoalLink", verbose_name="koppelingen aan doelen")
    # Filled by a database trigger (wdhs.search.triggers, migration 0001) from title (A), summary and
    # theme names (B), body (C) and organisation name (D), so no write path can forget it.
    search_vector = SearchVectorField("zoekindex", null=True, editable=False)

    # Readers' "Was deze pagina nuttig?" and error reports (wdhs.feedback); they go when the page goes.
    feedback = GenericRelation("wdhs.PageFeedback")
    objects = ResourceQuerySet.as_manager()

    class Meta:
        verbose_name = "kennisitem"
        verbose_name_plural = "kennisitems"
        # Who may publish without review by staff; partner editors publish through Membership.can_publish.
        permissions = [("publish_resource", "Mag elk kennisitem publiceren")]
        ordering = ["-published_at", "-created_at"]
        indexes = [
            GinIndex(fields=["search_vector"], name="resource_search_gin"),
            # A common word: candidates with the word in the title (wdhs.search bounded); the newest from the next.
            GinIndex(TitleVector("search_vector"), name="resource_title_gin"),
            # Newest first, filtered by kind, partner or place (the related links, the newest search candidates):
            # the filter columns ride along, so the walk reads the index only, not a wide row per step. The key
            # ends in id: /kennis/ sorts newest first, then by id, and reads just its page from the index (with id
            # only included, PostgreSQL read and joined 400 rows to sort them).
            models.Index(
                fields=["status", "-published_at", "id"],
                include=["kind", "organisation", "municipality", "province"],
                name="resource_status_published",
            ),
            # Facet counts read only these columns: an index-only scan instead of the wide table.
            models.Index(
                fields=["status", "kind"],
                include=["organisation", "province", "municipality"],
                name="resource_facets",
            ),
            # The staff work queue (knowledge/workqueue.py): waiting for review, and past the review date.
            models.Index(fields=["updated_at", "id"], condition=Q(status="beoordeling"), name="resource_in_review"),
            models.Index(
                Coalesce("last_reviewed_at", "published_at"),
                "id",
                condition=Q(status="gepubliceerd"),
                name="resource_review_due",
            ),
            # The sitemap: a file of 5,000 (slug, date) from a known key on, and the newest date, from the index only.
            models.Index(
                fields=["id"],
                include=["slug", "updated_at"],
                condition=Q(status="gepubliceerd"),
                name="resource_sitemap",
            ),
            # The featured guides on the home page (a dozen among 50,000): the newest straight from the index.
            models.Index(
                fields=["-published_at"],
                condition=Q(status="gepubliceerd", is_featured=True),
                name="resource_featured",
            ),
            # /open-data/: the date of the last change, read from the index's end.
            models.Index(fields=["-updated_at"], name="resource_updated"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(scope="landelijk", province__isnull=True, municipality__isnull=True)
                | Q(scope="provincie", province__isnull=False, municipality__isnull=True)
                | Q(scope="gemeente", municipality__isnull=False),
                name="resource_scope_matches_place",
            ),
            models.CheckConstraint(
                condition=~Q(status="gepubliceerd") | Q(published_at__isnull=False),
                name="resource_published_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: Any, **kwargs: Any) -> None:
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "body" in update_fields:
            self.body_html = render_body(self.body)
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "body_html"}
        if self.slug:
            super().save(*args, **kwargs)
            return
        # Two new items with the same title at the same moment: the second gets the next free address.
        parent_save = super().save
        save_with_free_slug(self, lambda: unique_slug(self.title), lambda: parent_save(*args, **kwargs))

    def get_absolute_url(self) -> str:
        return reverse("knowledge:detail", args=[self.slug])

    def clean(self) -> None:
        check_not_shadowed(self.slug, RESOURCE_SLUG_URLS)

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def reviewed_or_published_at(self) -> Any:
        return self.last_reviewed_at or self.published_at

    @property
    def needs_review(self) -> bool:
        moment = self.reviewed_or_published_at
        return self.is_published and moment is not None and moment < timezone.now() - REVIEW_INTERVAL

    @property
    def region_label(self) -> str:
        if self.scope == self.Scope.MUNICIPALITY and self.municipality is not None:
            return f"gemeente {self.municipality.display_name}"
        if self.scope == self.Scope.PROVINCE and self.province is not None:
            return f"provincie {self.province.name}"
        return "heel Nederland"

    @property
    def byline(self) -> str:
        """The writer as the public sees them, next to the organisation: the name they gave, or nothing."""
        if self.author_name:
            return self.author_name
        return self.author.display_name if self.author else ""


def unique_slug(title: str) -> str:
    """The first free address for a knowledge item with this title (a new item gets it in `Resource.save`).

    Clear of the fixed pages next to it: a title "Feed" gets `feed-2`, as /kennis/feed/ is the news feed.
    """
    base = slugify(title)[:160] or "kennis"
    return first_free_slug(base, lambda slug: Resource.objects.filter(slug=slug).exists(), RESOURCE_SLUG_URLS)


class StatusChange(models.Model):
    """One step in a resource's workflow: who moved it from which status to which, and when."""

    resource = models.ForeignKey(
        Resource, on_delete=models.CASCADE, related_name="status_changes", verbose_name="kennisitem"
    )
    from_status = models.CharField("van", max_length=20, choices=Resource.Status.choices, blank=True)
    to_status = models.CharField("naar", max_length=20, choices=Resource.Status.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="knowledge_status_changes",
        verbose_name="door",
    )
    at = models.DateTimeField("op", default=timezone.now)
    note = models.CharField("toelichting", max_length=300, blank=True)

    class Meta:
        verbose_name = "statuswijziging"
        verbose_name_plural = "statuswijzigingen"
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.resource}: {self.get_from_status_display() or '—'} → {self.get_to_status_display()}"


class Attachment(models.Model):
    """A file that belongs to a resource (a template, a hand-out), stored under a generated name."""

    resource = models.ForeignKey(
        Resource, on_delete=models.CASCADE, related_name="attachments", verbose_name="kennisitem"
    )
    title = models.CharField("titel", max_length=160, blank=True)
    file = models.FileField("bestand", upload_to=attachment_upload_to, max_length=200)
    original_name = models.CharField("oorspronkelijke bestandsnaam", max_length=200)
    content_type = models.CharField("bestandstype", max_length=120)
    size = models.PositiveIntegerField("grootte (bytes)")
    created_at = models.DateTimeField("toegevoegd", auto_now_add=True)

    class Meta:
        verbose_name = "bijlage"
        verbose_name_plural = "bijlagen"
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.title or self.original_name

    def get_absolute_url(self) -> str:
        return reverse("knowledge:attachment", args=[self.resource.slug, self.pk])

    @property
    def extension(self) -> str:
        return PurePosixPath(self.original_name).suffix.lstrip(".").upper()


@receiver(post_delete, sender=Organisation, dispatch_uid="knowledge_organisation_logo_delete")
def _delete_logo_file(sender: type[Organisation], instance: Organisation, **kwargs: Any) -> None:
    if instance.logo.name:
        delete_file_after_commit(instance.logo.storage, instance.logo.name)


@receiver(post_delete, sender=Attachment, dispatch_uid="knowledge_attachment_file_delete")
def _delete_attachment_file(sender: type[Attachment], instance: Attachment, **kwargs: Any) -> None:
    if instance.file.name:
        delete_file_after_commit(instance.file.storage, instance.file.name)
