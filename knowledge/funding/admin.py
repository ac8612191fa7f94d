"""Admin for the funding finder's schemes: their rules as data, switched on and off in the finder."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import ngettext

from knowledge.funding.models import FundingScheme
from wdhs.admin_messages import counted
from wdhs.audit import update_logged
from wdhs.feedback.admin import FeedbackCountsMixin


class FundingSchemeForm(forms.ModelForm):
    class Meta:
        model = FundingScheme
        fields = [
            "name", "slug", "funder", "funder_name", "kind", "is_structural", "summary", "description", "apply_url",
            "themes", "scope", "provinces", "municipalities",
            "min_amount", "max_amount", "is_rolling", "deadline", "deadline_note",
            "legal_forms", "penvoerder_ok", "phases", "funds_one_day", "funds_equipment", "funds_buildings",
            "funds_costs_made", "own_contribution_percent", "min_age_years", "max_age_years",
            "is_example", "is_active",
        ]  # fmt: skip

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
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
class FundingSchemeAdmin(FeedbackCountsMixin):
    form = FundingSchemeForm
    list_display = [
        "name",
        "funder_display",
        "kind",
        "scope",
        "min_amount",
        "max_amount",
        "is_rolling",
        "is_structural",
        "is_example",
        "is_active",
    ]
    list_filter = [
        "is_active",
        "is_example",
        "kind",
        "is_structural",
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
    readonly_fields = ["created_at", "updated_at", "reader_feedback"]
    actions = ["activate", "deactivate"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "name",
                    "slug",
                    "funder",
                    "funder_name",
                    "kind",
                    "is_structural",
                    "summary",
                    "description",
                    "apply_url",
                ]
            },
        ),
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
        ("Zichtbaarheid", {"fields": ["is_example", "is_active", "created_at", "updated_at", "reader_feedback"]}),
    ]

    @admin.display(description="financier")
    def funder_display(self, obj: FundingScheme) -> str:
        return obj.funder_display

    @admin.action(description="Zichtbaar maken in de wijzer", permissions=["change"])
    def activate(self, request: HttpRequest, queryset: QuerySet[FundingScheme]) -> None:
        updated = update_logged(queryset, is_active=True)
        self.message_user(
            request,
            f"{counted(updated, 'regeling', 'regelingen')} {ngettext('staat', 'staan', updated)} nu in de wijzer.",
            messages.SUCCESS,
        )

    @admin.action(description="Uit de wijzer halen", permissions=["change"])
    def deactivate(self, request: HttpRequest, queryset: QuerySet[FundingScheme]) -> None:
        updated = update_logged(queryset, is_active=False)
        self.message_user(
            request,
            f"{counted(updated, 'regeling', 'regelingen')} "
            f"{ngettext('staat', 'staan', updated)} niet meer in de wijzer.",
            messages.SUCCESS,
        )
