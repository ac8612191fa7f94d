"""Admin of the goals app, and `GoalLinkInline` for the apps whose content contributes to a goal.

Linking content to a goal (protocol for the knowledge and initiatives apps)
----------------------------------------------------------------------------
1. Add the inline to your ModelAdmin; the goals app is never imported the other way round::

       from goals.admin import GoalLinkInline

       class ResourceAdmin(admin.ModelAdmin):
           inlines = [GoalLinkInline]

2. Tell the goals page what a visitor may see. A linked object shows on `/doelen/<number>/` only when
   - your model's default manager's queryset has a `published()` method (only the objects it
     returns are shown), or else
   - the object has an attribute or property `is_public` that is exactly `True`.
   Anything else stays hidden, so a draft never leaks through a goal's page.
3. Give the model a `get_absolute_url()` (the link) and a `__str__` (the link text). The heading
   of the group is the model's `verbose_name_plural`.

`GoalLink` rows are removed with their goal; when your object is deleted, delete its links too
(a `GenericRelation(GoalLink)` on your model does that for you).
"""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.contrib import admin, messages
from django.contrib.contenttypes.admin import GenericTabularInline
from django.db.models import QuerySet
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest

from goals.models import Goal, GoalLink, Indicator, Measurement, Milestone, Regulation, Update
from wdhs.admin_messages import counted
from wdhs.audit import update_logged
from wdhs.http import admin_user
from wdhs.metrics import METRICS


class GoalLinkInline(GenericTabularInline):
    """Put this inline on any content admin to link the object to the goals it contributes to."""

    model = GoalLink
    fields = ["goal", "note"]
    extra = 0
    verbose_name = "bijdrage aan een doel"
    verbose_name_plural = "bijdragen aan de doelen"


class IndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = [
            "goal",
            "name",
            "description",
            "kind",
            "metric_code",
            "unit",
            "target_value",
            "target_date",
            "is_main",
            "order",
        ]

    def clean_metric_code(self) -> str:
        code = self.cleaned_data.get("metric_code", "").strip()
        # A code that is already saved may belong to an app that is not installed yet; only new codes are checked.
        unchanged = self.instance.pk is not None and code == self.instance.metric_code
        if code and not unchanged and code not in METRICS:
            known = ", ".join(sorted(METRICS)) or "geen"
            raise forms.ValidationError(f"Het portaal kent de code “{code}” niet. Bekende codes: {known}.")
        return code


class IndicatorFormSet(BaseInlineFormSet):
    def clean(self) -> None:
        super().clean()
        mains = [
            form
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE") and form.cleaned_data.get("is_main")
        ]
        if len(mains) > 1:
            raise forms.ValidationError("Kies één hoofdindicator per doel.")


class IndicatorInline(admin.StackedInline):
    model = Indicator
    form = IndicatorForm
    formset = IndicatorFormSet
    extra = 0
    show_change_link = True
    fields = [
        ("name", "is_main", "order"),
        "description",
        ("kind", "metric_code", "unit"),
        ("target_value", "target_date"),
    ]


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0
    fields = ["date", "title", "description", "done"]


class MeasurementForm(forms.ModelForm):
    class Meta:
        model = Measurement
        fields = ["indicator", "date", "value", "source_text", "source_url", "note"]


class MeasurementInline(admin.TabularInline):
    model = Measurement
    form = MeasurementForm
    extra = 1
    fields = ["date", "value", "source_text", "source_url", "note", "entered_by"]
    readonly_fields = ["entered_by"]


class GoalAdmin(admin.ModelAdmin):
    list_display = ["number", "short_title", "target_year"]
    list_display_links = ["number", "short_title"]
    list_filter = ["target_year"]
    search_fields = ["short_title", "statement", "explanation"]
    prepopulated_fields = {"slug": ["short_title"]}
    inlines = [IndicatorInline, MilestoneInline]
    fieldsets = [
        (None, {"fields": ["number", "short_title", "slug", "target_year", "statement", "explanation"]}),
        (
            "Na het doeljaar",
            {
                "fields": ["after_target_year"],
                "description": "Dit staat op de pagina van het doel zodra het doeljaar voorbij is.",
            },
        ),
    ]


class IndicatorAdmin(admin.ModelAdmin):
    form = IndicatorForm
    list_display = ["name", "goal", "kind", "metric_code", "unit", "target_value", "target_year", "is_main"]
    list_filter = ["goal", "kind", "is_main"]
    search_fields = ["name", "description", "metric_code"]
    list_select_related = ["goal"]
    inlines = [MeasurementInline]

    @admin.display(description="streefjaar")
    def target_year(self, obj: Indicator) -> int:
        return obj.target_year

    def get_inlines(self, request: HttpRequest, obj: Indicator | None) -> list[type[admin.options.InlineModelAdmin]]:
        # The portal counts live indicators itself: no measurement rows to enter there.
        return [] if obj is not None and obj.is_live else [MeasurementInline]

    def save_formset(self, request: HttpRequest, form: forms.ModelForm, formset: Any, change: bool) -> None:
        instances = formset.save(commit=False)
        for instance in instances:
            if isinstance(instance, Measurement) and instance.entered_by_id is None:
                instance.entered_by = admin_user(request)
            instance.save()
        for obj in formset.deleted_objects:
            obj.delete()
        formset.save_m2m()


class MeasurementAdmin(admin.ModelAdmin):
    form = MeasurementForm
    list_display = ["indicator", "date", "value", "source_label", "entered_by", "created_at"]
    list_filter = ["indicator__goal", "indicator", "date"]
    search_fields = ["indicator__name", "source_text", "source_url", "note"]
    list_select_related = ["indicator", "entered_by"]
    date_hierarchy = "date"

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        form = super().get_form(request, obj, change, **kwargs)
        # Live indicators are counted by the portal; staff only enter numbers for measured ones.
        indicator = cast(forms.ModelChoiceField, form.base_fields["indicator"])
        indicator.queryset = Indicator.objects.filter(kind=Indicator.Kind.MEASURED)
        return form

    def save_model(self, request: HttpRequest, obj: Measurement, form: forms.ModelForm, change: bool) -> None:
        if obj.entered_by_id is None:
            obj.entered_by = admin_user(request)
        super().save_model(request, obj, form, change)

    @admin.display(description="bron")
    def source_label(self, obj: Measurement) -> str:
        return obj.source_label


class MilestoneAdmin(admin.ModelAdmin):
    list_display = ["title", "goal", "date", "done"]
    list_filter = ["goal", "done"]
    search_fields = ["title", "description"]
    list_select_related = ["goal"]
    date_hierarchy = "date"
    actions = ["mark_done", "mark_not_done"]

    @admin.action(description="Geselecteerde mijlpalen markeren als behaald", permissions=["change"])
    def mark_done(self, request: HttpRequest, queryset: QuerySet[Milestone]) -> None:
        updated = update_logged(queryset, done=True)
        self.message_user(
            request, f"{counted(updated, 'mijlpaal', 'mijlpalen')} gemarkeerd als behaald.", messages.SUCCESS
        )

    @admin.action(description="Geselecteerde mijlpalen markeren als nog niet behaald", permissions=["change"])
    def mark_not_done(self, request: HttpRequest, queryset: QuerySet[Milestone]) -> None:
        updated = update_logged(queryset, done=False)
        self.message_user(
            request, f"{counted(updated, 'mijlpaal', 'mijlpalen')} gemarkeerd als nog niet behaald.", messages.SUCCESS
        )


class UpdateAdmin(admin.ModelAdmin):
    list_display = ["title", "goal", "published_at", "is_published", "author"]
    list_filter = ["goal", "is_published"]
    search_fields = ["title", "body"]
    list_select_related = ["goal", "author"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "published_at"
    actions = ["publish", "unpublish"]
    fields = ["goal", "title", "slug", "body", "published_at", "is_published", "author"]
    readonly_fields = ["author"]

    def save_model(self, request: HttpRequest, obj: Update, form: forms.ModelForm, change: bool) -> None:
        if obj.author_id is None:
            obj.author = admin_user(request)
        super().save_model(request, obj, form, change)

    @admin.action(description="Geselecteerde berichten publiceren", permissions=["change"])
    def publish(self, request: HttpRequest, queryset: QuerySet[Update]) -> None:
        updated = update_logged(queryset.filter(is_published=False), is_published=True)
        self.message_user(request, f"{counted(updated, 'bericht', 'berichten')} gepubliceerd.", messages.SUCCESS)

    @admin.action(description="Geselecteerde berichten niet meer publiceren", permissions=["change"])
    def unpublish(self, request: HttpRequest, queryset: QuerySet[Update]) -> None:
        updated = update_logged(queryset.filter(is_published=True), is_published=False)
        self.message_user(request, f"{counted(updated, 'bericht', 'berichten')} offline gehaald.", messages.SUCCESS)


class GoalLinkAdmin(admin.ModelAdmin):
    list_display = ["goal", "content_type", "object_id", "content_object", "note"]
    list_filter = ["goal", "content_type"]
    search_fields = ["note", "goal__short_title"]
    list_select_related = ["goal", "content_type"]


class RegulationAdmin(admin.ModelAdmin):
    list_display = ["title", "area", "status", "position_adopted", "is_public", "updated_at"]
    list_filter = ["area", "status", "position_adopted", "is_public"]
    search_fields = ["title", "summary", "position"]
    readonly_fields = ["updated_at"]
    fields = ["title", "area", "status", "summary", "position", "position_adopted", "link", "is_public", "updated_at"]


admin.site.register(Goal, GoalAdmin)
admin.site.register(Regulation, RegulationAdmin)
admin.site.register(Indicator, IndicatorAdmin)
admin.site.register(Measurement, MeasurementAdmin)
admin.site.register(Milestone, MilestoneAdmin)
admin.site.register(Update, UpdateAdmin)
admin.site.register(GoalLink, GoalLinkAdmin)
