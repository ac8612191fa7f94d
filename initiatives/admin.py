from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.html import format_html_join

from initiatives import changes, services
from initiatives.forms import RejectForm
from initiatives.models import STALE_AFTER, Initiative, Invitation, Membership, ProblemReport, Status
from wdhs.feedback.admin import FeedbackCountsMixin
from wdhs.http import AuthenticatedHttpRequest


class StaleFilter(admin.SimpleListFilter):
    title = "bevestiging"
    parameter_name = "bevestigd"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("oud", "Niet recent bevestigd (meer dan 15 maanden)"), ("recent", "Recent bevestigd")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Initiative]) -> QuerySet[Initiative]:
        limit = timezone.now() - STALE_AFTER
        if self.value() == "oud":
            return queryset.filter(confirmed_at__lt=limit)
        if self.value() == "recent":
            return queryset.filter(confirmed_at__gte=limit)
        return queryset


class PendingChangesFilter(admin.SimpleListFilter):
    title = "wijzigingen"
    parameter_name = "wijzigingen"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("wachten", "Wijzigingen wachten op controle")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Initiative]) -> QuerySet[Initiative]:
        if self.value() == "wachten":
            return queryset.filter(pending_changes__isnull=False)
        return queryset


class WithoutManagerFilter(admin.SimpleListFilter):
    """Initiatives whose last manager deleted their account; staff find a new manager or archive them."""

    title = "beheerders"
    parameter_name = "beheerders"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("geen", "Zonder beheerder")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Initiative]) -> QuerySet[Initiative]:
        if self.value() == "geen":
            return queryset.filter(memberships__isnull=True)
        return queryset


class MembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "initiative"
    extra = 0
    autocomplete_fields = ["user"]
    readonly_fields = ["invited_by", "created_at"]


@admin.register(Initiative)
class InitiativeAdmin(FeedbackCountsMixin):
    list_display = ["name", "municipality", "kind", "status", "has_pending_changes", "confirmed_at", "created_at"]
    list_filter = [
        "status",
        PendingChangesFilter,
        StaleFilter,
        WithoutManagerFilter,
        ("municipality__province", admin.RelatedOnlyFieldListFilter),
        ("kind", admin.RelatedOnlyFieldListFilter),
        ("themes", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = ["name", "slug", "area", "municipality__name", "kvk_number", "description"]
    list_select_related = ["municipality", "kind"]
    autocomplete_fields = ["municipality"]
    filter_horizontal = ["themes", "needs"]
    # Status changes go through the actions, so that the managers always get an e-mail about a decision.
    readonly_fields = [
        "status",
        "rejection_reason",
        "pending_changes_overview",
        "pending_since",
        "published_at",
        "confirmation_requested_at",
        "created_at",
        "updated_at",
        "reader_feedback",
    ]
    exclude = ["pending_changes"]
    inlines = [MembershipInline]
    actions = ["approve", "reject", "archive"]
    date_hierarchy = "created_at"

    @admin.display(boolean=True, description="wijzigingen wachten")
    def has_pending_changes(self, obj: Initiative) -> bool:
        return obj.pending_changes is not None

    @admin.display(description="wijzigingen die wachten op controle")
    def pending_changes_overview(self, obj: Initiative) -> str:
        if not obj.pending_changes:
            return "Geen"
        rows = [(row.label, row.current, row.new) for row in changes.differences(obj)]
        if not rows:
            return "Geen verschillen met de openbare gegevens."
        return format_html_join("", "<p><strong>{}</strong><br>nu: {}<br>nieuw: {}</p>", rows)

    @admin.action(description="Goedkeuren en publiceren (ook wachtende wijzigingen)", permissions=["change"])
    def approve(self, request: AuthenticatedHttpRequest, queryset: QuerySet[Initiative]) -> None:
        done = 0
        for initiative in queryset.exclude(status=Status.PUBLISHED, pending_changes__isnull=True):
            services.initiative_approve(initiative=initiative, by=request.user)
            done += 1
        self.message_user(request, f"{done} initiatief/initiatieven goedgekeurd. De beheerders kregen een e-mail.")

    @admin.action(description="Afwijzen met een reden", permissions=["change"])
    def reject(self, request: AuthenticatedHttpRequest, queryset: QuerySet[Initiative]) -> HttpResponse | None:
        form = RejectForm(request.POST if "reden_versturen" in request.POST else None)
        if "reden_versturen" in request.POST and form.is_valid():
            for initiative in queryset:
                services.initiative_reject(initiative=initiative, by=request.user, reason=form.cleaned_data["reason"])
            message = f"{queryset.count()} afgewezen. De beheerders kregen een e-mail met de reden."
            self.message_user(request, message, messages.SUCCESS)
            return None
        return TemplateResponse(
            request,
            "admin/initiatives/reject.html",
            {
                **self.admin_site.each_context(request),
                "title": "Afwijzen met een reden",
                "form": form,
                "queryset": queryset,
                "opts": self.model._meta,
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            },
            status=400 if form.is_bound else 200,
        )

    @admin.action(description="Archiveren (niet meer openbaar)", permissions=["change"])
    def archive(self, request: AuthenticatedHttpRequest, queryset: QuerySet[Initiative]) -> None:
        done = 0
        for initiative in queryset.exclude(status=Status.ARCHIVED):
            services.initiative_archive(initiative=initiative, by=request.user)
            done += 1
        self.message_user(request, f"{done} initiatief/initiatieven gearchiveerd. De beheerders kregen een e-mail.")


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["initiative", "user", "invited_by", "created_at"]
    list_filter = ["created_at"]
    search_fields = ["initiative__name", "user__email", "user__display_name"]
    autocomplete_fields = ["initiative", "user"]
    readonly_fields = ["created_at"]
    list_select_related = ["initiative", "user", "invited_by"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "initiative", "invited_by", "created_at", "expires_at", "accepted_at", "revoked_at"]
    list_filter = ["created_at", "expires_at"]
    search_fields = ["email", "initiative__name"]
    readonly_fields = [
        "initiative",
        "email",
        "invited_by",
        "created_at",
        "expires_at",
        "accepted_at",
        "accepted_by",
        "revoked_at",
    ]
    exclude = ["token_hash"]
    actions = ["revoke"]
    list_select_related = ["initiative", "invited_by"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        # Invitations go out through the managers' page, which also sends the e-mail.
        return False

    @admin.action(description="Intrekken (de link werkt niet meer)", permissions=["change"])
    def revoke(self, request: HttpRequest, queryset: QuerySet[Invitation]) -> None:
        done = queryset.filter(accepted_at__isnull=True, revoked_at__isnull=True).update(revoked_at=timezone.now())
        self.message_user(request, f"{done} uitnodiging(en) ingetrokken.", messages.SUCCESS)


class HandledFilter(admin.SimpleListFilter):
    title = "afgehandeld"
    parameter_name = "afgehandeld"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("nee", "Nog niet afgehandeld"), ("ja", "Afgehandeld")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[ProblemReport]) -> QuerySet[ProblemReport]:
        if self.value() == "nee":
            return queryset.filter(handled_at__isnull=True)
        if self.value() == "ja":
            return queryset.filter(handled_at__isnull=False)
        return queryset


@admin.register(ProblemReport)
class ProblemReportAdmin(admin.ModelAdmin):
    list_display = ["initiative", "reason", "created_at", "handled_at"]
    list_filter = [HandledFilter, "reason", "created_at"]
    search_fields = ["initiative__name", "message", "reporter_email"]
    readonly_fields = ["initiative", "reason", "message", "reporter_email", "created_at"]
    list_select_related = ["initiative"]
    actions = ["mark_handled"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.action(description="Markeren als afgehandeld", permissions=["change"])
    def mark_handled(self, request: HttpRequest, queryset: QuerySet[ProblemReport]) -> None:
        done = queryset.filter(handled_at__isnull=True).update(handled_at=timezone.now())
        self.message_user(request, f"{done} melding(en) afgehandeld.", messages.SUCCESS)
