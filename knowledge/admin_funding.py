"""Admin for the funding finder's schemes and for "Stel je vraag" (routing, override, FAQ)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from knowledge import services_questions
from knowledge.models import FundingScheme, Question


class FundingSchemeForm(forms.ModelForm):
    class Meta:
        model = FundingScheme
        fields = [
            "name", "slug", "funder", "funder_name", "kind", "summary", "description", "apply_url",
            "themes", "scope", "provinces", "municipalities",
            "min_amount", "max_amount", "is_rolling", "deadline", "deadline_note",
            "legal_forms", "penvoerder_ok", "phases", "funds_one_day", "funds_equipment", "funds_buildings",
            "funds_costs_made", "own_contribution_percent", "min_age_years", "max_age_years",
            "is_example", "is_active",
        ]  # fmt: skip

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        has_area = bool(data.get("provinces")) or bool(data.get("municipalities"))
        if data.get("scope") == FundingScheme.Scope.REGIONAL and not has_area:
            raise forms.ValidationError("Kies bij een regionale regeling minstens één provincie of gemeente.")
        if data.get("scope") == FundingScheme.Scope.NATIONAL and has_area:
            raise forms.ValidationError(
                "Deze regeling geldt in heel Nederland. Haal de provincies en gemeenten weg, "
                "of kies 'alleen in bepaalde provincies of gemeenten'."
            )
        if not data.get("is_rolling") and data.get("deadline") is None and not data.get("deadline_note"):
            raise forms.ValidationError("Vul bij aanvragen in rondes de volgende deadline in, of leg de rondes uit.")
        return data


@admin.register(FundingScheme)
class FundingSchemeAdmin(admin.ModelAdmin):
    form = FundingSchemeForm
    list_display = [
        "name",
        "funder_display",
        "kind",
        "scope",
        "min_amount",
        "max_amount",
        "is_rolling",
        "is_example",
        "is_active",
    ]
    list_filter = [
        "is_active",
        "is_example",
        "kind",
        "scope",
        "is_rolling",
        "penvoerder_ok",
        "themes",
        "legal_forms",
        "phases",
    ]
    search_fields = ["name", "summary", "funder_name", "funder__name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["funder", "municipalities"]
    filter_horizontal = ["themes", "provinces", "legal_forms", "phases"]
    list_select_related = ["funder", "kind"]
    readonly_fields = ["created_at", "updated_at"]
    actions = ["activate", "deactivate"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "funder", "funder_name", "kind", "summary", "description", "apply_url"]}),
        ("Voor wie en waar", {"fields": ["themes", "scope", "provinces", "municipalities"]}),
        ("Bedrag en deadline", {"fields": ["min_amount", "max_amount", "is_rolling", "deadline", "deadline_note"]}),
        (
            "Regels",
            {
                "fields": [
                    "legal_forms",
                    "penvoerder_ok",
                    "phases",
                    "funds_one_day",
                    "funds_equipment",
                    "funds_buildings",
                    "funds_costs_made",
                    "own_contribution_percent",
                    "min_age_years",
                    "max_age_years",
                ]
            },
        ),
        ("Zichtbaarheid", {"fields": ["is_example", "is_active", "created_at", "updated_at"]}),
    ]

    @admin.display(description="financier")
    def funder_display(self, obj: FundingScheme) -> str:
        return obj.funder_display

    @admin.action(description="Zichtbaar maken in de wijzer")
    def activate(self, request: HttpRequest, queryset: QuerySet[FundingScheme]) -> None:
        updated = queryset.update(is_active=True)
        self.message_user(request, f"{updated} regeling(en) staan nu in de wijzer.", messages.SUCCESS)

    @admin.action(description="Uit de wijzer halen")
    def deactivate(self, request: HttpRequest, queryset: QuerySet[FundingScheme]) -> None:
        updated = queryset.update(is_active=False)
        self.message_user(request, f"{updated} regeling(en) staan niet meer in de wijzer.", messages.SUCCESS)


class AnsweredFilter(admin.SimpleListFilter):
    title = "beantwoord"
    parameter_name = "beantwoord"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("ja", "beantwoord"), ("nee", "nog open"), ("redactie", "open, inbox redactie")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Question]) -> QuerySet[Question]:
        if self.value() == "ja":
            return queryset.filter(answered_at__isnull=False)
        if self.value() == "nee":
            return queryset.filter(answered_at__isnull=True)
        if self.value() == "redactie":
            return queryset.filter(answered_at__isnull=True, organisation__isnull=True)
        return queryset


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
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
            services_questions.question_assign(question=obj, organisation=obj.organisation, by=request.user)

    @admin.action(description="Opnieuw toewijzen volgens de regel")
    def reroute(self, request: HttpRequest, queryset: QuerySet[Question]) -> None:
        for question in queryset.select_related("theme", "municipality__province"):
            services_questions.question_reroute(question=question)
        self.message_user(request, f"{queryset.count()} vraag/vragen opnieuw toegewezen.", messages.SUCCESS)

    @admin.action(description="Naar de inbox van de redactie")
    def to_staff_inbox(self, request: HttpRequest, queryset: QuerySet[Question]) -> None:
        for question in queryset:
            services_questions.question_assign(question=question, organisation=None, by=request.user)
        self.message_user(
            request, f"{queryset.count()} vraag/vragen staan in de inbox van de redactie.", messages.SUCCESS
        )

    @admin.action(description="Publiceren als veelgestelde vraag (anoniem)")
    def publish_faq(self, request: HttpRequest, queryset: QuerySet[Question]) -> None:
        done = 0
        for question in queryset.select_related("organisation", "theme"):
            try:
                services_questions.question_publish_faq(question=question, by=request.user)
            except ValueError as error:
                self.message_user(request, f"“{question}”: {error}", messages.WARNING)
                continue
            done += 1
        if done:
            self.message_user(
                request,
                f"{done} veelgestelde vraag/vragen gepubliceerd. "
                "Lees ze na: haal gegevens weg die iemand herkenbaar maken.",
                messages.SUCCESS,
            )
