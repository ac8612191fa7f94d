from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import ngettext

from goals.admin import GoalLinkInline
from knowledge import services
from knowledge.events.admin import EventAdmin
from knowledge.funding.admin import FundingSchemeAdmin
from knowledge.models import Attachment, Membership, Organisation, Resource, StatusChange
from knowledge.questions.admin import QuestionAdmin
from knowledge.routes.admin import RouteAdmin, RouteStepAdmin, RouteStepLinkAdmin
from wdhs.admin_messages import counted
from wdhs.audit import update_logged
from wdhs.feedback.admin import FeedbackCountsMixin
from wdhs.http import AuthenticatedHttpRequest

# The funding finder, "Stel je vraag" and the task pages register their admin next to their own models.
__all__ = ["EventAdmin", "FundingSchemeAdmin", "QuestionAdmin", "RouteAdmin", "RouteStepAdmin", "RouteStepLinkAdmin"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]
    fields = ["user", "can_publish", "created_at"]
    readonly_fields = ["created_at"]


@admin.register(Organisation)
class OrganisationAdmin(FeedbackCountsMixin):
    list_display = ["name", "kind", "is_national", "website", "updated_at"]
    list_filter = ["kind", "is_national", "themes"]
    search_fields = ["name", "short_name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["themes", "provinces"]
    autocomplete_fields = ["municipalities"]
    inlines = [MembershipInline]
    readonly_fields = ["reader_feedback"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "can_publish", "created_at"]
    list_filter = ["can_publish", "organisation"]
    search_fields = ["user__email", "user__display_name", "organisation__name"]
    autocomplete_fields = ["user", "organisation"]
    actions = ["grant_publish", "revoke_publish"]

    @admin.action(description="Recht om zelf te publiceren geven", permissions=["change"])
    def grant_publish(self, request: HttpRequest, queryset: QuerySet[Membership]) -> None:
        updated = update_logged(queryset, can_publish=True)
        self.message_user(
            request,
            f"{counted(updated, 'redacteur', 'redacteuren')} {ngettext('mag', 'mogen', updated)} nu zelf publiceren.",
            messages.SUCCESS,
        )

    @admin.action(description="Recht om zelf te publiceren intrekken", permissions=["change"])
    def revoke_publish(self, request: HttpRequest, queryset: QuerySet[Membership]) -> None:
        updated = update_logged(queryset, can_publish=False)
        self.message_user(
            request,
            f"{counted(updated, 'redacteur', 'redacteuren')} "
            f"{ngettext('publiceert', 'publiceren', updated)} nu via de redactie.",
            messages.SUCCESS,
        )


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0
    fields = ["title", "original_name", "content_type", "size", "created_at"]
    readonly_fields = ["original_name", "content_type", "size", "created_at"]
    can_delete = True

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        # Uploads go through the portal form, which checks the content of each file.
        return False


class StatusChangeInline(admin.TabularInline):
    model = StatusChange
    extra = 0
    fields = readonly_fields = ("at", "from_status", "to_status", "by", "note")
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


class PastReviewDateFilter(admin.SimpleListFilter):
    """Published and not checked for a year (the work queue's line "over de datum om na te kijken")."""

    title = "nakijken"
    parameter_name = "nakijken"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("ja", "Over de datum om na te kijken")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Resource]) -> QuerySet[Resource]:
        if self.value() == "ja":
            return queryset.past_review_date()  # type: ignore[attr-defined]
        return queryset


@admin.register(Resource)
class ResourceAdmin(FeedbackCountsMixin):
    list_display = ["title", "kind", "organisation", "status", "is_featured", "published_at", "last_reviewed_at"]
    list_filter = [
        "status",
        PastReviewDateFilter,
        "is_featured",
        "kind",
        "organisation",
        "themes",
        "phases",
        "audience",
        "scope",
    ]
    search_fields = ["title", "summary", "slug", "organisation__name"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["author", "municipality", "related"]
    filter_horizontal = ["themes", "phases"]
    readonly_fields = ["status", "published_at", "last_reviewed_at", "created_at", "updated_at", "reader_feedback"]
    date_hierarchy = "published_at"
    list_select_related = ["kind", "organisation"]
    inlines = [AttachmentInline, StatusChangeInline, GoalLinkInline]
    actions = ["publish", "archive", "mark_reviewed"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "organisation", "summary", "body"]}),
        ("Indeling", {"fields": ["themes", "phases", "audience", "scope", "province", "municipality", "related"]}),
        ("Training of bijeenkomst", {"fields": ["event_starts_at", "event_place"]}),
        (
            "Auteur en status",
            {"fields": ["author", "author_name", "is_featured", "status", "published_at", "last_reviewed_at"]},
        ),
        ("Data", {"fields": ["created_at", "updated_at", "reader_feedback"]}),
    ]

    def has_publish_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("knowledge.publish_resource")

    @admin.action(description="Geselecteerde kennisitems publiceren", permissions=["publish"])
    def publish(self, request: AuthenticatedHttpRequest, queryset: QuerySet[Resource]) -> None:
        done = 0
        for resource in queryset:
            try:
                services.resource_publish(resource=resource, by=request.user)
            except PermissionDenied:
                continue
            done += 1
        self.message_user(request, f"{counted(done, 'kennisitem', 'kennisitems')} gepubliceerd.", messages.SUCCESS)

    @admin.action(description="Geselecteerde kennisitems archiveren (niet meer zichtbaar)", permissions=["change"])
    def archive(self, request: AuthenticatedHttpRequest, queryset: QuerySet[Resource]) -> None:
        for resource in queryset:
            services.resource_archive(resource=resource, by=request.user)
        self.message_user(
            request, f"{counted(queryset.count(), 'kennisitem', 'kennisitems')} gearchiveerd.", messages.SUCCESS
        )

    @admin.action(description="Markeren als nagekeken (nog actueel)", permissions=["change"])
    def mark_reviewed(self, request: AuthenticatedHttpRequest, queryset: QuerySet[Resource]) -> None:
        for resource in queryset:
            services.resource_mark_reviewed(resource=resource, by=request.user)
        self.message_user(
            request, f"{counted(queryset.count(), 'kennisitem', 'kennisitems')} nagekeken.", messages.SUCCESS
        )


@admin.register(StatusChange)
class StatusChangeAdmin(admin.ModelAdmin):
    list_display = ["resource", "from_status", "to_status", "by", "at"]
    list_filter = ["to_status"]
    search_fields = ["resource__title", "by__email", "note"]
    list_select_related = ["resource", "by"]
    readonly_fields = ["resource", "from_status", "to_status", "by", "at", "note"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Attachment)
class AttachmentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "resource", "content_type", "size", "created_at"]
    list_filter = ["content_type"]
    search_fields = ["title", "original_name", "resource__title"]
    list_select_related = ["resource"]
    readonly_fields = ["download", "original_name", "content_type", "size", "created_at"]
    exclude = ["file"]
    actions = ["delete_selected"]

    @admin.display(description="bestand")
    def download(self, obj: Attachment) -> str:
        # Through the portal, which checks who may see the item: the proxies do not serve attachments themselves.
        url = reverse("knowledge:attachment", args=[obj.resource.slug, obj.pk])
        return format_html('<a href="{}">{}</a>', url, obj.original_name or "Download")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
