"""Questions from residents ("Stel je vraag"), routed to a partner organisation and answered in the portal."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from knowledge.questions.routing import is_overdue
from wdhs import retention

if TYPE_CHECKING:
    from wdhs.models import AnyUser

# Personal data of the asker is removed this long after the answer (or after asking, if never answered).
RETENTION = retention.period("questions")
# Staff are alerted when a question waits longer than this many working days.
ANSWER_WITHIN_WORKING_DAYS = 5


class QuestionQuerySet(models.QuerySet["Question"]):
    def open(self) -> QuestionQuerySet:
        return self.filter(answered_at__isnull=True)

    def answered(self) -> QuestionQuerySet:
        return self.filter(answered_at__isnull=False)

    def for_editor(self, user: AnyUser) -> QuestionQuerySet:
        """Questions of the organisations the user edits; with `knowledge.change_question` all, and the staff inbox."""
        if not user.is_authenticated:
            return self.none()
        if user.has_perm("knowledge.change_question"):
            return self.all()
        return self.filter(organisation__memberships__user=user)

    def overdue(self, now: datetime | None = None) -> QuestionQuerySet:
        """Open questions asked more than ANSWER_WITHIN_WORKING_DAYS working days ago (weekends do not count)."""
        today = timezone.localdate(now)
        day = today
        while not is_overdue(day, today, ANSWER_WITHIN_WORKING_DAYS):
            day -= timedelta(days=1)
        # `day` is the last overdue day: everything asked before the next day began.
        limit = timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))
        return self.open().filter(created_at__lt=limit)

    def staff_inbox(self) -> QuestionQuerySet:
        return self.filter(organisation__isnull=True)

    def due_for_purge(self, now: datetime | None = None) -> QuestionQuerySet:
        limit = (now or timezone.now()) - RETENTION
        return self.filter(personal_data_removed_at__isnull=True).filter(
            Q(answered_at__lt=limit) | Q(answered_at__isnull=True, created_at__lt=limit)
        )


class Question(models.Model):
    """A question someone asked; the asker's name and e-mail are removed 12 months after the answer."""

    class Routing(models.TextChoices):
        AUTOMATIC = "automatisch", "automatisch (regel)"
        STAFF = "redactie", "door de redactie gekozen"
        PASSED_ON = "doorgestuurd", "doorgestuurd door een redacteur"

    name = models.CharField("naam vraagsteller", max_length=120, blank=True)
    email = models.EmailField("e-mailadres vraagsteller", blank=True)
    municipality = models.ForeignKey(
        "wdhs.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="questions",
        verbose_name="gemeente",
    )
    theme = models.ForeignKey(
        "wdhs.Term",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        limit_choices_to={"vocabulary": "theme"},
        related_name="questions",
        verbose_name="thema",
    )
    text = models.TextField("vraag")
    consent_store = models.BooleanField("toestemming om op te slaan", default=False)
    consent_publish = models.BooleanField(
        "mag anoniem als voorbeeld op het platform",
        default=False,
        help_text="Vraagsteller gaf hier apart toestemming voor.",
    )
    organisation = models.ForeignKey(
        "knowledge.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="questions",
        verbose_name="toegewezen aan organisatie",
        help_text="Leeg: de vraag staat in de inbox van de redactie.",
    )
    routing = models.CharField("toewijzing", max_length=20, choices=Routing.choices, default=Routing.AUTOMATIC)
    routing_reason = models.CharField("waarom deze organisatie", max_length=300, blank=True)
    answer = models.TextField("antwoord", blank=True)
    answered_at = models.DateTimeField("beantwoord op", null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="answered_questions",
        verbose_name="beantwoord door",
    )
    alerted_at = models.DateTimeField("redactie gewaarschuwd op", null=True, blank=True)
    personal_data_removed_at = models.DateTimeField("persoonsgegevens verwijderd op", null=True, blank=True)
    faq = models.OneToOneField(
        "knowledge.Resource",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="source_question",
        verbose_name="veelgestelde vraag",
    )
    created_at = models.DateTimeField("gesteld op", default=timezone.now, db_index=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        verbose_name = "vraag"
        verbose_name_plural = "vragen"
        ordering = ["-created_at"]
        # The staff work queue (knowledge/workqueue.py): open questions, oldest first, from a small index.
        indexes = [
            models.Index(
                fields=["created_at", "id"], condition=Q(answered_at__isnull=True), name="question_open_created"
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(answered_at__isnull=True) | ~Q(answer=""), name="question_answered_has_answer"
            ),
        ]

    def __str__(self) -> str:
        text = " ".join(self.text.split())
        return text if len(text) <= 80 else f"{text[:79]}…"

    @property
    def answerer_name(self) -> str:
        """Who answered, as shown: the editor's own name, else their organisation, else "Redactie".

        Never (part of) the editor's e-mail address."""
        if self.answered_by is not None and self.answered_by.display_name:
            return self.answered_by.display_name
        if self.organisation is not None:
            return self.organisation.display_name
        return "Redactie"

    def get_inbox_url(self) -> str:
        return reverse("questions:inbox_detail", args=[self.pk])

    @property
    def is_answered(self) -> bool:
        return self.answered_at is not None

    @property
    def asker_label(self) -> str:
        if self.personal_data_removed_at:
            return "(verwijderd)"
        return self.name or "(geen naam)"


class QuestionTransfer(models.Model):
    """An editor passed a question on to another partner, or back to the editorial team, with a note.

    The note is for the people who answer; the asker is only told who answers now.
    """

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="transfers", verbose_name="vraag")
    from_organisation = models.ForeignKey(
        "knowledge.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="van organisatie",
        help_text="Leeg: de vraag stond in de inbox van de redactie.",
    )
    to_organisation = models.ForeignKey(
        "knowledge.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="naar organisatie",
        help_text="Leeg: naar de inbox van de redactie.",
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="question_transfers",
        verbose_name="door",
    )
    note = models.CharField("toelichting", max_length=500)
    at = models.DateTimeField("op", default=timezone.now)

    class Meta:
        verbose_name = "doorgestuurde vraag"
        verbose_name_plural = "doorgestuurde vragen"
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        source = self.from_organisation.name if self.from_organisation else "redactie"
        target = self.to_organisation.name if self.to_organisation else "redactie"
        return f"{self.question}: {source} → {target}"
