"""Admin for the agenda: events of partners, with actions to cancel them and to show or hide them."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import F, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import ngettext

from knowledge.events.models import Event
from wdhs.admin_messages import counted
from wdhs.audit import update_logged


class WhenFilter(admin.SimpleListFilter):
    title = "wanneer"
    parameter_name = "wanneer"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin[Event]) -> list[tuple[str, str]]:
        return [("komend", "nog niet voorbij"), ("voorbij", "voorbij")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Event]) -> QuerySet[Event]:
        if self.value() == "komend":
            return queryset.filter(ends_at__gte=timezone.now())
        if self.value() == "voorbij":
            return queryset.filter(ends_at__lt=timezone.now())
        return queryset


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "starts_at",
        "ends_at",
        "organiser_display",
        "region_display",
        "online_display",
        "is_cancelled",
        "is_published",
    ]
    list_filter = [WhenFilter, "is_published", "is_cancelled", "themes", "province", "organisation"]
    search_fields = ["title", "summary", "slug", "location", "organiser_name", "organisation__name"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["organisation", "municipality"]
    filter_horizontal = ["themes"]
    list_select_related = ["organisation", "province", "municipality"]
    readonly_fields = ["sequence", "source_resource", "created_at", "updated_at"]
    actions = ["cancel", "uncancel", "publish", "unpublish"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "description", "organisation", "organiser_name", "themes"]}),
        ("Wanneer en waar", {"fields": ["starts_at", "ends_at", "location", "online_url", "province", "municipality"]}),
        ("Aanmelden", {"fields": ["signup_url"]}),
        (
            "Zichtbaarheid",
            {"fields": ["is_published", "is_cancelled", "sequence", "source_resource", "created_at", "updated_at"]},
        ),
    ]

    @admin.display(description="organisator")
    def organiser_display(self, obj: Event) -> str:
        return obj.organiser_display

    @admin.display(description="regio")
    def region_display(self, obj: Event) -> str:
        return obj.region_name or "heel Nederland"

    @admin.display(description="online", boolean=True)
    def online_display(self, obj: Event) -> bool:
        return obj.is_online

    def _done(self, request: HttpRequest, updated: int, what: str) -> None:
        self.message_user(
            request,
            f"{counted(updated, 'activiteit', 'activiteiten')} {ngettext('is', 'zijn', updated)} nu {what}.",
            messages.SUCCESS,
        )

    @admin.action(description="Afzeggen: gaat niet door", permissions=["change"])
    def cancel(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        updated = update_logged(
            queryset.filter(is_cancelled=False),
            is_cancelled=True,
            sequence=F("sequence") + 1,
            updated_at=timezone.now(),
        )
        self._done(request, updated, "afgezegd")

    @admin.action(description="Gaat toch door", permissions=["change"])
    def uncancel(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        updated = update_logged(
            queryset.filter(is_cancelled=True),
            is_cancelled=False,
            sequence=F("sequence") + 1,
            updated_at=timezone.now(),
        )
        self._done(request, updated, "weer gewoon gepland")

    @admin.action(description="Zichtbaar maken in de agenda", permissions=["change"])
    def publish(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        self._done(
            request, update_logged(queryset, is_published=True, updated_at=timezone.now()), "zichtbaar in de agenda"
        )

    @admin.action(description="Uit de agenda halen", permissions=["change"])
    def unpublish(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        self._done(
            request, update_logged(queryset, is_published=False, updated_at=timezone.now()), "uit de agenda gehaald"
        )
