"""The admin of readers' feedback, and the counts per page that the admins of the apps show on a change page."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from wdhs import feedback
from wdhs.admin_messages import counted
from wdhs.audit import update_logged
from wdhs.models import PageFeedback


class PageKindFilter(admin.SimpleListFilter):
    title = "pagina-type"
    parameter_name = "pagina"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [(target.kind, target.label) for target in feedback.targets()]

    def queryset(self, request: HttpRequest, queryset: QuerySet[PageFeedback]) -> QuerySet[PageFeedback]:
        return queryset.filter(page_kind=self.value()) if self.value() else queryset


class OpenFilter(admin.SimpleListFilter):
    title = "afgehandeld"
    parameter_name = "afgehandeld"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("nee", "Nog te doen"), ("ja", "Afgehandeld")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[PageFeedback]) -> QuerySet[PageFeedback]:
        if self.value() == "nee":
            return queryset.filter(handled_at__isnull=True)
        if self.value() == "ja":
            return queryset.filter(handled_at__isnull=False)
        return queryset


HANDLED_BUTTON = "_afgehandeld"


class HandledButtonMixin(admin.ModelAdmin):
    """A "Markeren als afgehandeld" button on the change page of one item of open work (a reaction, a report).

    Staff open the item from the work queue on /beheer/, read it and mark it handled there, without going back to
    the list for its action; then they land on the list of what is still open, the next item of the queue. The
    model has `handled_at` (and may have `handled_by`); the button is in admin/_handled_button.html.
    """

    handled_label = "het item"

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if change and HANDLED_BUTTON in request.POST and obj.handled_at is None:
            obj.handled_at = timezone.now()
            if hasattr(obj, "handled_by_id"):
                obj.handled_by = request.user
        super().save_model(request, obj, form, change)

    def response_change(self, request: HttpRequest, obj: Any) -> HttpResponse:
        if HANDLED_BUTTON not in request.POST:
            return super().response_change(request, obj)
        self.message_user(request, f"{self.handled_label.capitalize()} staat op afgehandeld.", messages.SUCCESS)
        opts = self.model._meta
        return HttpResponseRedirect(
            reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist") + "?afgehandeld=nee"
        )


class PageFeedbackAdmin(HandledButtonMixin, admin.ModelAdmin):
    list_display = ["page_title", "page_kind", "kind", "short_message", "wants_answer", "created_at", "handled_at"]
    list_filter = ["kind", OpenFilter, PageKindFilter, "created_at"]
    search_fields = ["page_title", "message", "email"]
    readonly_fields = (
        "reference",
        "page_link",
        "page_kind",
        "kind",
        "message",
        "email",
        "created_at",
        "handled_at",
        "handled_by",
    )
    fields = readonly_fields
    list_select_related = ["handled_by"]
    actions = ["mark_handled"]
    date_hierarchy = "created_at"
    change_form_template = "admin/wdhs/pagefeedback/change_form.html"
    handled_label = "de reactie"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.display(description="kenmerk")
    def reference(self, obj: PageFeedback) -> str:
        return obj.reference

    @admin.display(description="toelichting")
    def short_message(self, obj: PageFeedback) -> str:
        return obj.message if len(obj.message) <= 80 else obj.message[:80] + " …"

    @admin.display(boolean=True, description="wil antwoord")
    def wants_answer(self, obj: PageFeedback) -> bool:
        return bool(obj.email)

    @admin.display(description="pagina")
    def page_link(self, obj: PageFeedback) -> str:
        page = obj.page
        if page is None or not hasattr(page, "get_absolute_url"):
            return f"{obj.page_title} (bestaat niet meer)"
        return format_html('<a href="{}">{}</a>', page.get_absolute_url(), obj.page_title)

    @admin.action(description="Markeren als afgehandeld", permissions=["change"])
    def mark_handled(self, request: HttpRequest, queryset: QuerySet[PageFeedback]) -> None:
        done = update_logged(
            queryset.filter(handled_at__isnull=True), handled_at=timezone.now(), handled_by=request.user
        )
        self.message_user(request, f"{counted(done, 'reactie', 'reacties')} afgehandeld.", messages.SUCCESS)


class FeedbackCountsMixin(admin.ModelAdmin):
    """For the admin of a page kind: "reacties van lezers" on the change page (add it to readonly_fields)."""

    @admin.display(description="reacties van lezers")
    def reader_feedback(self, obj: models.Model | None) -> str:
        if obj is None or obj.pk is None:
            return "Nog geen (de pagina is nieuw)."
        counts = feedback.counts_for(type(obj), [obj.pk]).get(obj.pk)
        if not counts:
            return "Nog geen reacties."
        target = feedback.target_for(obj)
        url = (
            reverse("admin:wdhs_pagefeedback_changelist")
            + f"?object_id={obj.pk}&pagina={target.kind if target else ''}"
        )
        return format_html(
            '{} nuttig, {} niet nuttig, {} gemeld; {} nog te doen. <a href="{}">Bekijk de reacties</a>',
            counts["nuttig"],
            counts["niet_nuttig"],
            counted(counts["fout"], "fout", "fouten"),
            counts["open"],
            url,
        )
