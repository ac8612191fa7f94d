"""The shared base of the portal: people, places and the one taxonomy every app uses."""

from __future__ import annotations

from typing import Any, ClassVar

from auditlog.models import LogEntry as AuditLogEntry
from django.contrib.auth.models import AbstractUser, AnonymousUser, BaseUserManager
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify

from wdhs.placenames import place_search_text


class UserManager(BaseUserManager["User"]):
    """Users are known by their e-mail address; there is no username."""

    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra: Any) -> User:
        if not email:
            raise ValueError("Een e-mailadres is verplicht.")
        user = self.model(email=self.normalize_email(email), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra)


class User(AbstractUser):
    """A person with an account: initiative manager, partner editor or coalition staff."""

    # Django drops an inherited field when a subclass sets it to None; the stubs only know it as a CharField.
    username = None  # type: ignore[assignment]
    email = models.EmailField("e-mailadres", unique=True)
    display_name = models.CharField(
        "naam", max_length=120, blank=True, help_text="Zo zien anderen je naam, bijvoorbeeld bij een antwoord."
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    # AbstractUser's stub expects Django's UserManager, whose create_user takes a username; ours takes an e-mail.
    objects: ClassVar[UserManager] = UserManager()  # type: ignore[assignment]

    class Meta:
        verbose_name = "gebruiker"
        verbose_name_plural = "gebruikers"
        constraints = [models.UniqueConstraint(Lower("email"), name="user_email_ci_unique")]

    def waits_for_two_factor(self) -> bool:
        """Staff (or a superuser) without two-factor log-in while it is required: no rights beyond a resident's.

        Checked once per request (the user object lives as long as the request)."""
        if not (self.is_staff or self.is_superuser):
            return False
        if "_waits_for_two_factor" not in self.__dict__:
            from wdhs.adapters import staff_needs_mfa  # imports allauth's models: not while apps load

            self.__dict__["_waits_for_two_factor"] = staff_needs_mfa(self)
        return bool(self.__dict__["_waits_for_two_factor"])

    # Every right staff have (the admin, the dashboard, publishing, the question inbox) waits for their second
    # log-in step: also a superuser's, which Django would grant before asking any backend.
    def has_perm(self, perm: str, obj: Any = None) -> bool:
        return not self.waits_for_two_factor() and super().has_perm(perm, obj)

    def has_module_perms(self, app_label: str) -> bool:
        return not self.waits_for_two_factor() and super().has_module_perms(app_label)

    def __str__(self) -> str:
        # For staff and the admin only. What others see is the display name, else the organisation or
        # "Redactie" (see Resource.byline, Question.answerer_name): never (part of) an e-mail address.
        return self.display_name or self.email


# Who asks for a page: a signed-in User or AnonymousUser (the type of request.user).
type AnyUser = User | AnonymousUser


class Province(models.Model):
    """One of the 12 provinces (CBS code PV20..PV31)."""

    code = models.CharField("CBS-code", max_length=4, unique=True)
    name = models.CharField("naam", max_length=60, unique=True)
    slug = models.SlugField("slug", max_length=60, unique=True)

    class Meta:
        verbose_name = "provincie"
        verbose_name_plural = "provincies"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class MunicipalityQuerySet(models.QuerySet["Municipality"]):
    def active(self) -> MunicipalityQuerySet:
        return self.filter(is_active=True)


class Municipality(models.Model):
    """A municipality (CBS code GM0014). Merged ones stay, inactive, so old records keep their place."""

    code = models.CharField("CBS-code", max_length=6, unique=True)
    name = models.CharField("naam", max_length=80)
    slug = models.SlugField("slug", max_length=80, unique=True)
    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="municipalities", verbose_name="provincie"
    )
    label_lat = models.FloatField("breedtegraad (label)", null=True, blank=True)
    label_lon = models.FloatField("lengtegraad (label)", null=True, blank=True)
    is_active = models.BooleanField(
        "bestaat nog", default=True, help_text="Uit bij een samengevoegde gemeente; oude gegevens blijven bewaard."
    )

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        verbose_name = "gemeente"
        verbose_name_plural = "gemeenten"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def display_name(self) -> str:
        """The name as people say it: "Den Haag" for CBS's "'s-Gravenhage"."""
        return DISPLAY_NAMES.get(self.name, self.name)

    @property
    def search_names(self) -> str:
        """All names of the place and its province, for search: "'s-Hertogenbosch Den Bosch ... Noord-Brabant"."""
        return place_search_text(self.name, self.province.name, display=self.display_name)


DISPLAY_NAMES = {"'s-Gravenhage": "Den Haag (’s-Gravenhage)"}


class MunicipalityNeighbour(models.Model):
    """A municipality near another: sharing a border, or (for an island without one) among the nearest.

    Derived from the shapes and centroids in wdhs/data/ by wdhs.nearby (no outside service); one row per
    direction, so "the neighbours of X, nearest first" is one indexed query.
    """

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="neighbour_links", verbose_name="gemeente"
    )
    neighbour = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+", verbose_name="buurgemeente")
    distance_km = models.FloatField("afstand tussen de middens (km)")
    shares_border = models.BooleanField("grenst eraan", default=True)

    class Meta:
        verbose_name = "buurgemeente"
        verbose_name_plural = "buurgemeenten"
        ordering = ["municipality", "distance_km"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "neighbour"], name="municipality_neighbour_once"),
            models.CheckConstraint(condition=~models.Q(municipality=models.F("neighbour")), name="neighbour_not_self"),
        ]
        indexes = [models.Index(fields=["municipality", "distance_km"], name="neighbour_nearest")]

    def __str__(self) -> str:
        return f"{self.municipality} – {self.neighbour} ({self.distance_km:.0f} km)"


class Vocabulary(models.TextChoices):
    THEME = "theme", "thema"
    PHASE = "phase", "fase"
    LEGAL_FORM = "legal_form", "rechtsvorm"
    INITIATIVE_KIND = "initiative_kind", "soort initiatief"
    NEED = "need", "behoefte"
    KNOWLEDGE_KIND = "knowledge_kind", "soort kennis"
    FUNDING_KIND = "funding_kind", "soort financiering"


class TermQuerySet(models.QuerySet["Term"]):
    def active(self) -> TermQuerySet:
        return self.filter(is_active=True)

    def of(self, vocabulary: str) -> TermQuerySet:
        return self.filter(vocabulary=vocabulary, is_active=True)

    def themes(self) -> TermQuerySet:
        return self.of(Vocabulary.THEME)

    def phases(self) -> TermQuerySet:
        return self.of(Vocabulary.PHASE)

    def legal_forms(self) -> TermQuerySet:
        return self.of(Vocabulary.LEGAL_FORM)

    def initiative_kinds(self) -> TermQuerySet:
        return self.of(Vocabulary.INITIATIVE_KIND)

    def needs(self) -> TermQuerySet:
        return self.of(Vocabulary.NEED)

    def knowledge_kinds(self) -> TermQuerySet:
        return self.of(Vocabulary.KNOWLEDGE_KIND)

    def funding_kinds(self) -> TermQuerySet:
        return self.of(Vocabulary.FUNDING_KIND)


class Term(models.Model):
    """One value of the shared taxonomy (a theme, phase, legal form, ...), editable by staff."""

    vocabulary = models.CharField("lijst", max_length=20, choices=Vocabulary.choices, db_index=True)
    name = models.CharField("naam", max_length=80)
    slug = models.SlugField(
        "slug", max_length=80, help_text="Staat in webadressen van filters; verander dit liever niet."
    )
    description = models.TextField(
        "uitleg", blank=True, help_text="Eén of twee zinnen in eenvoudig Nederlands (B1). Bezoekers zien dit."
    )
    position = models.PositiveSmallIntegerField("volgorde", default=0)
    is_active = models.BooleanField("in gebruik", default=True)

    objects = TermQuerySet.as_manager()

    class Meta:
        verbose_name = "term"
        verbose_name_plural = "taxonomie"
        ordering = ["vocabulary", "position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["vocabulary", "slug"], name="term_unique_slug_per_vocabulary"),
            models.UniqueConstraint(fields=["vocabulary", "name"], name="term_unique_name_per_vocabulary"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self.slug:
            self.slug = slugify(self.name)[:80]
        super().save(*args, **kwargs)


class SearchWord(models.Model):
    """A word that occurs in an indexed document, with the extra forms that should find it.

    Filled by the database triggers (new words arrive with `expansion` empty = NULL) and by
    `wdhs.search.index` with the forms of `wdhs.search.lexicon` (lemmas, diminutives, compound parts).
    Also the vocabulary for "Bedoelde je …?". Not edited by hand: `manage.py rebuild_search_index` recomputes it.
    """

    word = models.CharField("woord", max_length=100, primary_key=True)
    plain = models.CharField("woord zonder accenten", max_length=100, db_index=True)
    # NULL means "not processed yet" (queued by a trigger); "" means "no extra forms".
    expansion = models.TextField(  # noqa: DJ001
        "vindbaar via", null=True, blank=True, help_text="Leeg: nog niet verwerkt."
    )

    class Meta:
        verbose_name = "zoekwoord"
        verbose_name_plural = "zoekwoorden (automatisch)"
        ordering = ["word"]
        indexes = [
            GinIndex(fields=["plain"], opclasses=["gin_trgm_ops"], name="wdhs_searchword_trgm"),
            models.Index(fields=["word"], condition=models.Q(expansion__isnull=True), name="wdhs_searchword_pending"),
            # "Does any document word have this form?" (a lemma or compound part typed in a query).
            GinIndex(
                models.Func(models.F("expansion"), models.Value(" "), function="string_to_array"),
                name="wdhs_searchword_forms",
            ),
        ]

    def __str__(self) -> str:
        return self.word


class SearchSynonym(models.Model):
    """A word visitors use, and the words in our texts it should also find (geld -> financiering, subsidie)."""

    word = models.CharField(
        "zoekwoord", max_length=60, unique=True, help_text="Eén woord zoals bezoekers het typen, bijvoorbeeld ‘geld’."
    )
    synonyms = models.CharField(
        "zoek ook op",
        max_length=400,
        help_text="Woorden of woordgroepen, gescheiden door komma's. Bijvoorbeeld: financiering, subsidie.",
    )
    both_ways = models.BooleanField(
        "ook andersom",
        default=True,
        help_text="Aan: wie ‘subsidie’ zoekt, vindt ook teksten met ‘geld’. Zet uit bij een verzamelwoord: "
        "wie ‘coöperatie’ zoekt, hoeft niet alles over ‘rechtsvorm’ te zien.",
    )
    is_active = models.BooleanField("actief", default=True)
    updated_at = models.DateTimeField("bijgewerkt", auto_now=True)

    class Meta:
        verbose_name = "synoniem voor zoeken"
        verbose_name_plural = "synoniemen voor zoeken"
        ordering = ["word"]

    def __str__(self) -> str:
        return f"{self.word} → {self.synonyms}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.word = " ".join(self.word.lower().split())
        super().save(*args, **kwargs)

    @property
    def synonym_list(self) -> list[str]:
        return [" ".join(part.lower().split()) for part in self.synonyms.split(",") if part.strip()]


class DailyJobRun(models.Model):
    """A daily job did its work on this day: the row commits together with the work (`wdhs.jobs`)."""

    job = models.CharField("taak", max_length=100)
    day = models.DateField("dag")
    finished_at = models.DateTimeField("klaar om", auto_now_add=True)
    result = models.CharField("resultaat", max_length=300, blank=True)

    class Meta:
        verbose_name = "dagelijkse taak"
        verbose_name_plural = "dagelijkse taken (uitgevoerd)"
        ordering = ["-day", "job"]
        constraints = [models.UniqueConstraint(fields=["job", "day"], name="wdhs_dailyjobrun_once_a_day")]

    def __str__(self) -> str:
        return f"{self.job} op {date_format(self.day)}"


class WorkerHeartbeat(models.Model):
    """A task worker (`manage.py db_worker`) that is alive: it writes its row every half minute (`wdhs.health`)."""

    worker_id = models.CharField("taakverwerker", max_length=64, primary_key=True)
    host = models.CharField("machine", max_length=255)
    pid = models.PositiveIntegerField("proces")
    started_at = models.DateTimeField("gestart om")
    seen_at = models.DateTimeField("laatst gezien")

    class Meta:
        verbose_name = "taakverwerker"
        verbose_name_plural = "taakverwerkers"
        ordering = ["-seen_at"]

    def __str__(self) -> str:
        return f"{self.host} (proces {self.pid})"


class FormSubmission(models.Model):
    """A form that was sent: its key (one per rendered form) commits with what it made (`wdhs.forms.once`)."""

    key = models.CharField("sleutel", max_length=64, unique=True)
    form = models.CharField("formulier", max_length=100)
    result_url = models.CharField("resultaatpagina", max_length=500, blank=True)
    created_at = models.DateTimeField("verstuurd om", auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "verstuurd formulier"
        verbose_name_plural = "verstuurde formulieren"

    def __str__(self) -> str:
        return f"{self.form} om {date_format(timezone.localtime(self.created_at), 'DATETIME_FORMAT')}"


class AuditEntry(AuditLogEntry):
    """A line of the audit log (django-auditlog's table, wdhs/audit.py), under a Dutch name in /beheer/.

    A proxy: the rows are the library's. Only "view" exists as a permission; nobody edits the log.
    """

    class Meta:
        proxy = True
        verbose_name = "regel uit het auditlog"
        verbose_name_plural = "auditlog: wie wijzigde wat"
        default_permissions = ("view",)

    def __str__(self) -> str:
        verb = {0: "Aangemaakt", 1: "Gewijzigd", 2: "Verwijderd"}.get(self.action, "Gewijzigd")
        return f"{verb}: {self.object_repr}"


class PageFeedbackQuerySet(models.QuerySet["PageFeedback"]):
    def open(self) -> PageFeedbackQuerySet:
        """What someone still has to look at: "niet nuttig" and error reports that nobody marked handled."""
        return self.filter(kind__in=PageFeedback.NEEDS_HANDLING, handled_at__isnull=True)

    def for_pages(self, model: type[models.Model], pks: Any) -> PageFeedbackQuerySet:
        """Feedback on the rows of `model` whose primary key is in `pks` (a list or a `values("pk")` subquery)."""
        from django.contrib.contenttypes.models import ContentType

        return self.filter(content_type=ContentType.objects.get_for_model(model), object_id__in=pks)


class PageFeedback(models.Model):
    """A reader's answer to "Was deze pagina nuttig?" or an error report ("Meld een fout") about one public page.

    The page is a generic relation (contenttypes): one table serves the knowledge pages, schemes and
    organisations (knowledge) and initiatives, without the base importing an app or a nullable foreign key per
    kind. The apps add a GenericRelation to their models, so deleting a page deletes its feedback. Which pages
    there are and who reads their feedback: `wdhs.feedback` (a register the apps fill in from `ready()`).
    """

    class Kind(models.TextChoices):
        USEFUL = "nuttig", "nuttig"
        NOT_USEFUL = "niet_nuttig", "niet nuttig"
        ERROR = "fout", "fout gemeld"

    NEEDS_HANDLING = (Kind.NOT_USEFUL, Kind.ERROR)

    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, verbose_name="soort inhoud", related_name="+"
    )
    object_id = models.PositiveBigIntegerField("nummer van de pagina")
    page = GenericForeignKey("content_type", "object_id")
    page_kind = models.CharField("pagina-type", max_length=20, db_index=True)
    page_title = models.CharField("pagina", max_length=200, help_text="De titel toen de reactie kwam.")
    kind = models.CharField("soort", max_length=20, choices=Kind.choices)
    message = models.TextField("toelichting", blank=True, max_length=2000)
    email = models.EmailField("e-mailadres voor een antwoord", blank=True)
    created_at = models.DateTimeField("ontvangen", auto_now_add=True, db_index=True)
    handled_at = models.DateTimeField("afgehandeld", null=True, blank=True)
    handled_by = models.ForeignKey(
        "wdhs.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="afgehandeld door",
    )

    objects = PageFeedbackQuerySet.as_manager()

    class Meta:
        verbose_name = "reactie op een pagina"
        verbose_name_plural = "reacties op pagina's"
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["content_type", "object_id", "kind"], name="wdhs_feedback_page"),
            # The open work (dashboards, the staff queue) stays a small index at national size.
            models.Index(
                fields=["content_type", "object_id"],
                name="wdhs_feedback_open",
                condition=models.Q(handled_at__isnull=True, kind__in=["niet_nuttig", "fout"]),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.page_title}"

    @property
    def is_open(self) -> bool:
        return self.kind in self.NEEDS_HANDLING and self.handled_at is None

    @property
    def reference(self) -> str:
        from wdhs.confirmation import reference

        return reference("RE", self.pk)


class ContentCount(models.Model):
    """How many published rows of one kind have one value in one dimension, kept by triggers (wdhs/counts.py)."""

    pk = models.CompositePrimaryKey("kind", "dim", "value")
    kind = models.CharField(max_length=40)
    dim = models.CharField(max_length=40)
    value = models.CharField(max_length=200)
    n = models.BigIntegerField(default=0)

    class Meta:
        db_table = "wdhs_content_count"
        verbose_name = "telling"
        verbose_name_plural = "tellingen"

    def __str__(self) -> str:
        return f"{self.kind} {self.dim}={self.value}: {self.n}"


class PageRead(models.Model):
    """How often one public page was read on one day: a count, nothing about who read it (AVG).

    No cookie, no IP address, no account: a view of a detail page adds one to the row of (page, day) in a single
    upsert (wdhs/reads.py). Bots, staff and a page's own editors are not counted. The page is a generic relation
    like PageFeedback's, so the base names no app. Daily rows are kept for the period in wdhs/retention.py.
    """

    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, verbose_name="soort inhoud", related_name="+"
    )
    object_id = models.PositiveBigIntegerField("nummer van de pagina")
    page = GenericForeignKey("content_type", "object_id")
    day = models.DateField("dag")
    count = models.PositiveIntegerField("keer gelezen", default=0)

    class Meta:
        verbose_name = "leesteller"
        verbose_name_plural = "leestellers"
        ordering = ["-day", "-count"]
        constraints = [
            # The upsert's conflict target; also serves "most read of these pages since a day".
            models.UniqueConstraint(fields=["content_type", "object_id", "day"], name="wdhs_pageread_page_day"),
        ]
        indexes = [
            # Retention (delete before a day) and "most read of all pages" for staff.
            models.Index(fields=["day", "content_type"], name="wdhs_pageread_day"),
        ]

    def __str__(self) -> str:
        return f"{self.content_type_id}:{self.object_id} op {self.day.isoformat()}: {self.count}"
