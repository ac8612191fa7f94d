from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.decorators.http import require_POST

from initiatives import changes, services
from initiatives.forms import RejectForm
from initiatives.models import STALE_AFTER, Initiative, Invitation, Membership, ProblemReport, Status
from wdhs.admin_messages import counted
from wdhs.audit import update_logged
from wdhs.feedback.admin import FeedbackCountsMixin, HandledButtonMixin
from wdhs.http import AuthenticatedHttpRequest

NOTHING_TO_APPROVE = "Dit initiatief staat al online en er wachten geen wijzigingen. Er is niets om goed te keuren."
NOTHING_TO_REJECT = "Bij dit initiatief wacht niets op controle. Er is niets om af te wijzen."


def can_approve(initiative: Initiative) -> bool:
    """Submitted, rejected or archived (publish it), or published with a change that waits."""
    return initiative.status != Status.PUBLISHED or initiative.pending_changes is not None


def can_reject(initiative: Initiative) -> bool:
    """Submitted, or published with a change that waits (then only the change is rejected)."""
    return initiative.status == Status.SUBMITTED or (
        initiative.status == Status.PUBLISHED and initiative.pending_changes is not None
    )


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
        "duplicate_override",
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
        "duplicate_override",
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

    def get_urls(self) -> list[URLPattern]:
        wrap = self.admin_site.admin_view
        return [
            path("<path:object_id>/goedkeuren/", wrap(self.approve_view), name="initiatives_initiative_approve"),
            path("<path:object_id>/afwijzen/", wrap(self.reject_view), name="initiatives_initiative_reject"),
            *super().get_urls(),
        ]

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        """The change page with the decision on top: the change side by side, approve, reject with a reason."""
        initiative = self.get_object(request, object_id)
        context: dict[str, Any] = {}
        if initiative is not None and self.has_change_permission(request, initiative):
            context = self._decision_context(initiative, RejectForm())
        return super().change_view(request, object_id, form_url, {**context, **(extra_context or {})})

    def _decision_context(self, initiative: Initiative, reject_form: RejectForm) -> dict[str, Any]:
        return {
            "decision": {
                "differences": changes.differences(initiative) if initiative.pending_changes else [],
                "has_pending_changes": initiative.pending_changes is not None,
                "can_approve": can_approve(initiative),
                "can_reject": can_reject(initiative),
                "reject_form": reject_form,
                "approve_url": reverse("admin:initiatives_initiative_approve", args=[initiative.pk]),
                "reject_url": reverse("admin:initiatives_initiative_reject", args=[initiative.pk]),
            }
        }

    def _locked(self, request: HttpRequest, object_id: str) -> Initiative:
        """The initiative, locked for this transaction (two staff deciding at once: the second sees the first)."""
        try:
            initiative = Initiative.objects.select_for_update().get(pk=int(object_id))
        except (ValueError, OverflowError, Initiative.DoesNotExist):
            raise Http404("Dit initiatief bestaat niet (meer).") from None
        if not self.has_change_permission(request, initiative):
            raise PermissionDenied
        return initiative

    def _refused(self, request: HttpRequest, initiative: Initiative, message: str, status: int) -> HttpResponse:
        return TemplateResponse(
            request,
            "admin/initiatives/decision.html",
            {
                **self.admin_site.each_context(request),
                "title": f"{initiative.name}: niet gelukt",
                "message": message,
                "initiative": initiative,
                "opts": self.model._meta,
                "change_url": reverse("admin:initiatives_initiative_change", args=[initiative.pk]),
            },
            status=status,
        )

    @method_decorator(require_POST)
    def approve_view(self, request: AuthenticatedHttpRequest, object_id: str) -> HttpResponse:
        with transaction.atomic():
            initiative = self._locked(request, object_id)
            if not can_approve(initiative):
                return self._refused(request, initiative, NOTHING_TO_APPROVE, 409)
            had_changes = initiative.pending_changes is not None and initiative.status == Status.PUBLISHED
            services.initiative_approve(initiative=initiative, by=request.user)
        done = "De wijzigingen staan online." if had_changes else "Het initiatief staat online."
        self.message_user(request, f"{initiative.name}: goedgekeurd. {done} De beheerders kregen een e-mail.")
        return HttpResponseRedirect(reverse("admin:initiatives_initiative_change", args=[initiative.pk]))

    @method_decorator(require_POST)
    def reject_view(self, request: AuthenticatedHttpRequest, object_id: str) -> HttpResponse:
        with transaction.atomic():
            initiative = self._locked(request, object_id)
            if not can_reject(initiative):
                return self._refused(request, initiative, NOTHING_TO_REJECT, 409)
            form = RejectForm(request.POST)
            if not form.is_valid():
                return TemplateResponse(
                    request,
                    "admin/initiatives/decision.html",
                    {
                        **self.admin_site.each_context(request),
                        "title": f"{initiative.name}: afwijzen met een reden",
                        "initiative": initiative,
                        "opts": self.model._meta,
                        "change_url": reverse("admin:initiatives_initiative_change", args=[initiative.pk]),
                        **self._decision_context(initiative, form),
                    },
                    status=400,
                )
            changes_only = initiative.status == Status.PUBLISHED
            services.initiative_reject(initiative=initiative, by=request.user, reason=form.cleaned_data["reason"])
        what = (
            "De wijzigingen zijn afgewezen; de openbare pagina blijft zoals hij was." if changes_only else "Afgewezen."
        )
        self.message_user(request, f"{initiative.name}: {what} De beheerders kregen een e-mail met de reden.")
        return HttpResponseRedirect(reverse("admin:initiatives_initiative_change", args=[initiative.pk]))

    @admin.action(description="Goedkeuren en publiceren (ook wachtende wijzigingen)", permissions=["change"])
    def approve(self, request: AuthenticatedHttpRequest, queryset: QuerySet[Initiative]) -> None:
        done = 0
        for initiative in queryset.exclude(status=Status.PUBLISHED, pending_changes__isnull=True):
            services.initiative_approve(initiative=initiative, by=request.user)
            done += 1
        message = counted(done, "initiatief", "initiatieven")
        self.message_user(request, f"{message} goedgekeurd. De beheerders kregen een e-mail.")

    @admin.action(description="Afwijzen met een reden", permissions=["change"])
    def reject(self, request: AuthenticatedHttpRequest, queryset: QuerySet[Initiative]) -> HttpResponse | None:
        form = RejectForm(request.POST if "reden_versturen" in request.POST else None)
        if "reden_versturen" in request.POST and form.is_valid():
            for initiative in queryset:
                services.initiative_reject(initiative=initiative, by=request.user, reason=form.cleaned_data["reason"])
            message = counted(queryset.count(), "initiatief", "initiatieven")
            message = f"{message} afgewezen. De beheerders kregen een e-mail met de reden."
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
        message = counted(done, "initiatief", "initiatieven")
        self.message_user(request, f"{message} gearchiveerd. De beheerders kregen een e-mail.")


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
        done = update_logged(
            queryset.filter(accepted_at__isnull=True, revoked_at__isnull=True), revoked_at=timezone.now()
        )
        self.message_user(request, f"{counted(done, 'uitnodiging', 'uitnodigingen')} ingetrokken.", messages.SUCCESS)


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
class ProblemReportAdmin(HandledButtonMixin, admin.ModelAdmin):
    list_display = ["initiative", "reason", "created_at", "handled_at"]
    list_filter = [HandledFilter, "reason", "created_at"]
    search_fields = ["initiative__name", "message", "reporter_email"]
    readonly_fields = ["initiative", "reason", "message", "reporter_email", "created_at"]
    list_select_related = ["initiative"]
    actions = ["mark_handled"]
    change_form_template = "admin/initiatives/problemreport/change_form.html"
    handled_label = "de melding"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.action(description="Markeren als afgehandeld", permissions=["change"])
    def mark_handled(self, request: HttpRequest, queryset: QuerySet[ProblemReport]) -> None:
        done = update_logged(
            queryset.filter(handled_at__isnull=True).select_related("initiative"), handled_at=timezone.now()
        )
        self.message_user(request, f"{counted(done, 'melding', 'meldingen')} afgehandeld.", messages.SUCCESS)
