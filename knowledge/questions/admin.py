"""Admin for "Stel je vraag": routing, a staff override, and turning answers into FAQ."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import ngettext

from knowledge.questions import services
from knowledge.questions.models import ANSWER_WITHIN_WORKING_DAYS, Question, QuestionTransfer
from wdhs.admin_messages import counted
from wdhs.http import AuthenticatedHttpRequest, admin_user


class AnsweredFilter(admin.SimpleListFilter):
    title = "beantwoord"
    parameter_name = "beantwoord"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [
            ("ja", "beantwoord"),
            ("nee", "nog open"),
            ("te-laat", f"open na {ANSWER_WITHIN_WORKING_DAYS} werkdagen"),
            ("redactie", "open, inbox redactie"),
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Question]) -> QuerySet[Question]:
        if self.value() == "ja":
            return queryset.filter(answered_at__isnull=False)
        if self.value() == "nee":
            return queryset.filter(answered_at__isnull=True)
        if self.value() == "te-laat":
            return queryset.overdue()  # type: ignore[attr-defined]
        if self.value() == "redactie":
            return queryset.filter(answered_at__isnull=True, organisation__isnull=True)
        return queryset


class QuestionTransferInline(admin.TabularInline):
    """Where the question has been: read only, the log of editors passing it on."""

    model = QuestionTransfer
    extra = 0
    fields = readonly_fields = ("at", "from_organisation", "to_organisation", "by", "note")
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(QuestionTransfer)
class QuestionTransferAdmin(admin.ModelAdmin):
    list_display = ["question", "from_organisation", "to_organisation", "by", "at"]
    list_filter = ["to_organisation", "from_organisation"]
    search_fields = ["question__text", "note", "from_organisation__name", "to_organisation__name"]
    list_select_related = ["question", "from_organisation", "to_organisation", "by"]
    readonly_fields = ["question", "from_organisation", "to_organisation", "by", "at", "note"]
    date_hierarchy = "at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    inlines = [QuestionTransferInline]
    list_display = [
        "__str__",
        "organisation",
        "routing",
        "theme",
        "municipality",
        "created_at",
        "answered_at",
        "consent_publish",
    ]
    list_filter = [AnsweredFilter, "routing", "consent_publish", "organisation", "theme"]
    search_fields = ["text", "answer", "name", "email", "organisation__name"]
    list_select_related = ["organisation", "theme", "municipality"]
    autocomplete_fields = ["municipality", "organisation"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "name",
        "email",
        "text",
        "consent_store",
        "consent_publish",
        "routing",
        "routing_reason",
        "answer",
        "answered_at",
        "answered_by",
        "alerted_at",
        "personal_data_removed_at",
        "faq",
        "created_at",
    ]
    fieldsets = [
        (None, {"fields": ["text", "theme", "municipality", "created_at"]}),
        ("Vraagsteller", {"fields": ["name", "email", "consent_store", "consent_publish", "personal_data_removed_at"]}),
        (
            "Toewijzing",
            {
                "fields": ["organisation", "routing", "routing_reason"],
                "description": "Kies een andere organisatie om de regel te overschrijven. Haal de organisatie weg "
                "om de vraag in de inbox van de redactie te zetten.",
            },
        ),
        ("Antwoord", {"fields": ["answer", "answered_at", "answered_by", "alerted_at", "faq"]}),
    ]
    actions = ["reroute", "to_staff_inbox", "publish_faq"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        # Questions come in through /vraag/, with the asker's consent.
        return False

    def save_model(self, request: HttpRequest, obj: Question, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if change and "organisation" in form.changed_data:
            # A staff choice overrides the rule; it is logged in the reason and the new editors get a mail.
            services.question_assign(question=obj, organisation=obj.organisation, by=admin_user(request))

    @admin.action(description="Opnieuw toewijzen volgens de regel", permissions=["change"])
    def reroute(self, request: HttpRequest, queryset: QuerySet[Question]) -> None:
        for question in queryset.select_related("theme", "municipality__province"):
            services.question_reroute(question=question)
        self.message_user(
            request, f"{counted(queryset.count(), 'vraag', 'vragen')} opnieuw toegewezen.", messages.SUCCESS
        )

    @admin.action(description="Naar de inbox van de redactie", permissions=["change"])
    def to_staff_inbox(self, request: AuthenticatedHttpRequest, queryset: QuerySet[Question]) -> None:
        for question in queryset:
            services.question_assign(question=question, organisation=None, by=request.user)
        count = queryset.count()
        message = (
            f"{counted(count, 'vraag', 'vragen')} {ngettext('staat', 'staan', count)} in de inbox van de redactie."
        )
        self.message_user(request, message, messages.SUCCESS)

    @admin.action(description="Publiceren als veelgestelde vraag (anoniem)", permissions=["change"])
    def publish_faq(self, request: AuthenticatedHttpRequest, queryset: QuerySet[Question]) -> None:
        done = 0
        for question in queryset.select_related("organisation", "theme"):
            try:
                services.question_publish_faq(question=question, by=request.user)
            except ValueError as error:
                self.message_user(request, f"“{question}”: {error}", messages.WARNING)
                continue
            done += 1
        if done:
            self.message_user(
                request,
                f"{counted(done, 'veelgestelde vraag', 'veelgestelde vragen')} gepubliceerd. "
                "Lees ze na: haal gegevens weg die iemand herkenbaar maken.",
                messages.SUCCESS,
            )
