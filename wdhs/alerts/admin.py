"""The alerts in the admin: who follows what, read-only keys, and deactivating in bulk."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from wdhs.admin_messages import counted
from wdhs.alerts.models import SentItem, Subscription
from wdhs.audit import update_logged


class ConfirmedFilter(admin.SimpleListFilter):
    title = "bevestigd"
    parameter_name = "bevestigd"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("ja", "Bevestigd"), ("nee", "Nog niet bevestigd")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Subscription]) -> QuerySet[Subscription]:
        if self.value() == "ja":
            return queryset.filter(confirmed_at__isnull=False)
        if self.value() == "nee":
            return queryset.filter(confirmed_at__isnull=True)
        return queryset


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ["email", "kinds_text", "region_text", "frequency", "is_active", "confirmed_at", "last_sent_at"]
    list_filter = [ConfirmedFilter, "is_active", "frequency", "region", "created_at"]
    search_fields = ["email"]
    list_select_related = ["province", "municipality"]
    autocomplete_fields = ["municipality"]
    filter_horizontal = ["themes"]
    readonly_fields = ["token", "user", "created_at", "confirmed_at", "last_digest_at", "last_sent_at"]
    fields = [
        "email",
        "user",
        "kinds",
        "themes",
        "region",
        "province",
        "municipality",
        "include_national",
        "frequency",
        "is_active",
        "token",
        "created_at",
        "confirmed_at",
        "last_digest_at",
        "last_sent_at",
    ]
    actions = ["deactivate", "activate"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # only the person subscribes (consent); staff may stop or delete

    @admin.display(description="soorten")
    def kinds_text(self, obj: Subscription) -> str:
        return ", ".join(obj.kinds)

    @admin.display(description="regio")
    def region_text(self, obj: Subscription) -> str:
        return obj.region_text

    @admin.action(description="Uitzetten (geen e-mail meer sturen)", permissions=["change"])
    def deactivate(self, request: HttpRequest, queryset: QuerySet[Subscription]) -> None:
        done = update_logged(queryset.filter(is_active=True), is_active=False)
        self.message_user(request, f"{counted(done, 'melding', 'meldingen')} uitgezet.", messages.SUCCESS)

    @admin.action(description="Weer aanzetten", permissions=["change"])
    def activate(self, request: HttpRequest, queryset: QuerySet[Subscription]) -> None:
        done = update_logged(queryset.filter(is_active=False), is_active=True)
        self.message_user(request, f"{counted(done, 'melding', 'meldingen')} weer aangezet.", messages.SUCCESS)


@admin.register(SentItem)
class SentItemAdmin(admin.ModelAdmin):
    list_display = ["subscription", "content_type", "object_id", "sent_at"]
    list_filter = ["content_type", "sent_at"]
    search_fields = ["subscription__email"]
    list_select_related = ["subscription", "content_type"]
    readonly_fields = fields = ("subscription", "content_type", "object_id", "sent_at")
    date_hierarchy = "sent_at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
