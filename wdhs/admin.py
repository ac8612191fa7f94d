from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, TypedDict

from auditlog import admin as auditlog_admin
from auditlog.models import LogEntry
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.core.exceptions import PermissionDenied
from django.db.models import Count, QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import ngettext
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult

from wdhs import audit
from wdhs.admin_messages import counted
from wdhs.audit import update_logged
from wdhs.feedback.admin import PageFeedbackAdmin
from wdhs.http import AuthenticatedHttpRequest
from wdhs.models import (
    AuditEntry,
    DailyJobRun,
    FormSubmission,
    Municipality,
    MunicipalityNeighbour,
    PageFeedback,
    PageRead,
    Province,
    SearchSynonym,
    SearchWord,
    Term,
    User,
    WorkerHeartbeat,
)
from wdhs.search.index import refresh_pending

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "display_name", "is_staff", "is_active", "date_joined", "last_login"]
    list_filter = ["is_staff", "is_superuser", "is_active", "groups"]
    search_fields = ["email", "display_name", "first_name", "last_name"]
    readonly_fields = ["date_joined", "last_login"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Persoonlijk", {"fields": ["display_name", "first_name", "last_name"]}),
        ("Rechten", {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]}),
        ("Data", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]
    actions = ["deactivate_users"]
    rights = ("is_staff", "is_superuser", "groups", "user_permissions")

    def get_readonly_fields(self, request: HttpRequest, obj: User | None = None) -> list[str]:
        # Only a superuser gives rights: a staff member who may change accounts cannot make anyone staff or
        # superuser, or add a group, not even themselves (ASVS 8.2: no escalation through the admin).
        fields = list(super().get_readonly_fields(request, obj))
        return fields if request.user.is_superuser else [*fields, *self.rights]

    def has_change_permission(self, request: HttpRequest, obj: User | None = None) -> bool:
        # A staff account (with its rights) is changed by a superuser only: otherwise a staff member could give
        # a superuser their own e-mail address and take the account over with a password reset.
        if obj is not None and (obj.is_staff or obj.is_superuser) and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def user_change_password(self, request: HttpRequest, id: str, form_url: str = "") -> HttpResponse:  # noqa: A002
        # Setting someone else's password is for a superuser; everyone else resets their own by e-mail.
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().user_change_password(request, id, form_url)

    @admin.action(description="Geselecteerde accounts blokkeren (kunnen niet meer inloggen)", permissions=["change"])
    def deactivate_users(self, request: AuthenticatedHttpRequest, queryset: QuerySet[User]) -> None:
        if not request.user.is_superuser:
            queryset = queryset.filter(is_staff=False, is_superuser=False)
        updated = update_logged(queryset.exclude(pk=request.user.pk), is_active=False)
        self.message_user(request, f"{counted(updated, 'account', 'accounts')} geblokkeerd.", messages.SUCCESS)


class MunicipalityInline(admin.TabularInline):
    model = Municipality
    fields = ["code", "name", "is_active"]
    readonly_fields = ["code", "name", "is_active"]
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


class MunicipalityCount(TypedDict):
    n_municipalities: int


@admin.register(Province)
class ProvinceAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "municipality_count"]
    search_fields = ["name", "code"]
    readonly_fields = ["code"]
    inlines = [MunicipalityInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[WithAnnotations[Province, MunicipalityCount]]:
        return super().get_queryset(request).annotate(n_municipalities=Count("municipalities"))

    @admin.display(description="gemeenten", ordering="n_municipalities")
    def municipality_count(self, obj: WithAnnotations[Province, MunicipalityCount]) -> int:
        return obj.n_municipalities


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "province", "is_active"]
    list_filter = ["province", "is_active"]
    search_fields = ["name", "code", "slug"]
    list_select_related = ["province"]
    readonly_fields = ["code"]


@admin.register(MunicipalityNeighbour)
class MunicipalityNeighbourAdmin(admin.ModelAdmin):
    """Derived from the municipality shapes (manage.py load_places); staff look, the data files decide."""

    list_display = ["municipality", "neighbour", "distance_km", "shares_border"]
    list_filter = ["shares_border", "municipality__province"]
    search_fields = ["municipality__name", "neighbour__name"]
    list_select_related = ["municipality", "neighbour"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: MunicipalityNeighbour | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: MunicipalityNeighbour | None = None) -> bool:
        return False


@admin.register(Term)
class TermAdmin(admin.ModelAdmin):
    list_display = ["name", "vocabulary", "slug", "position", "is_active"]
    list_editable = ["position", "is_active"]
    list_filter = ["vocabulary", "is_active"]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}
    actions = ["activate", "deactivate"]

    @admin.action(description="In gebruik nemen", permissions=["change"])
    def activate(self, request: HttpRequest, queryset: QuerySet[Term]) -> None:
        self.message_user(
            request,
            f"{counted(update_logged(queryset, is_active=True), 'term', 'termen')} in gebruik.",
            messages.SUCCESS,
        )

    @admin.action(description="Niet meer gebruiken (blijft bewaard bij bestaande inhoud)", permissions=["change"])
    def deactivate(self, request: HttpRequest, queryset: QuerySet[Term]) -> None:
        self.message_user(
            request,
            f"{counted(update_logged(queryset, is_active=False), 'term', 'termen')} uit gebruik.",
            messages.SUCCESS,
        )

    def has_delete_permission(self, request: HttpRequest, obj: Term | None = None) -> bool:
        # Content points to terms; staff switch a term off instead of deleting it.
        return False


@admin.register(SearchSynonym)
class SearchSynonymAdmin(admin.ModelAdmin):
    list_display = ("word", "synonyms", "both_ways", "is_active", "updated_at")
    list_filter = ("is_active", "both_ways")
    search_fields = ("word", "synonyms")
    actions = ("activate", "deactivate")

    @admin.action(description="Zet de gekozen synoniemen aan", permissions=["change"])
    def activate(self, request: HttpRequest, queryset: QuerySet[SearchSynonym]) -> None:
        count = update_logged(queryset, is_active=True)
        self.message_user(
            request,
            f"{counted(count, 'synoniem', 'synoniemen')} {ngettext('staat', 'staan', count)} aan.",
            messages.SUCCESS,
        )

    @admin.action(description="Zet de gekozen synoniemen uit", permissions=["change"])
    def deactivate(self, request: HttpRequest, queryset: QuerySet[SearchSynonym]) -> None:
        count = update_logged(queryset, is_active=False)
        self.message_user(
            request,
            f"{counted(count, 'synoniem', 'synoniemen')} {ngettext('staat', 'staan', count)} uit.",
            messages.SUCCESS,
        )


class PendingFilter(admin.SimpleListFilter):
    title = "verwerkt"
    parameter_name = "verwerkt"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [("ja", "Verwerkt"), ("nee", "Wacht nog")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[SearchWord]) -> QuerySet[SearchWord]:
        if self.value() == "ja":
            return queryset.filter(expansion__isnull=False)
        if self.value() == "nee":
            return queryset.filter(expansion__isnull=True)
        return queryset


@admin.register(SearchWord)
class SearchWordAdmin(admin.ModelAdmin):
    """Read-only view of the words in the search index; the forms come from wdhs.search.lexicon."""

    list_display = ("word", "expansion")
    list_filter = (PendingFilter,)
    search_fields = ("word",)
    actions = ("refresh",)
    list_per_page = 100

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: SearchWord | None = None) -> bool:
        return False

    def has_refresh_permission(self, request: HttpRequest) -> bool:
        # The words themselves cannot be changed by hand; the change permission allows the refresh.
        return request.user.has_perm("wdhs.change_searchword")

    @admin.action(description="Verwerk wachtende woorden en werk de zoekindex bij", permissions=["refresh"])
    def refresh(self, request: HttpRequest, queryset: QuerySet[SearchWord]) -> None:
        count = refresh_pending()
        self.message_user(request, f"{counted(count, 'woord', 'woorden')} verwerkt.", messages.SUCCESS)


# django-tasks-db registers its own admin when its module is imported (above); ours replaces it.
admin.site.unregister(DBTaskResult)


@admin.register(DBTaskResult)
class TaskResultAdmin(DBTaskResultAdmin):
    """The background tasks (mail, search words, daily jobs), read-only; a FAILED mail gave up after its retries.

    The arguments stay hidden: a mail task carries the rendered mail, with names, addresses and reset links.
    """

    # django-tasks-db sets these as tuple literals, which mypy takes as tuples of exactly that length.
    list_display = ["task_label", "status", "enqueued_label", "finished_label", "outcome"]  # type: ignore[assignment]
    list_filter = ["status"]  # type: ignore[assignment]

    def get_readonly_fields(self, request: HttpRequest, obj: DBTaskResult | None = None) -> list[str]:
        return [name for name in super().get_readonly_fields(request, obj) if name != "args_kwargs"]

    @admin.display(description="taak", ordering="task_path")
    def task_label(self, obj: DBTaskResult) -> str:
        return obj.task_name

    @admin.display(description="in de wachtrij sinds", ordering="enqueued_at")
    def enqueued_label(self, obj: DBTaskResult) -> datetime:
        return obj.enqueued_at

    @admin.display(description="klaar om", ordering="finished_at")
    def finished_label(self, obj: DBTaskResult) -> datetime | None:
        return obj.finished_at

    @admin.display(description="uitkomst")
    def outcome(self, obj: DBTaskResult) -> str:
        if obj.exception_class_path:
            return obj.exception_class_path.rsplit(".", 1)[-1]
        return str(obj.return_value or "")[:120]


@admin.register(DailyJobRun)
class DailyJobRunAdmin(admin.ModelAdmin):
    """When each daily job ran and what it did (read-only; written by `wdhs.jobs`)."""

    list_display = ["day", "job", "result", "finished_at"]
    list_filter = ["job"]
    date_hierarchy = "day"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: DailyJobRun | None = None) -> bool:
        return False


@admin.register(WorkerHeartbeat)
class WorkerHeartbeatAdmin(admin.ModelAdmin):
    """The task workers that run now or ran lately (read-only; each writes its own row, see `wdhs.health`)."""

    list_display = ["host", "pid", "started_at", "seen_at", "worker_id"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: WorkerHeartbeat | None = None) -> bool:
        return False


@admin.register(FormSubmission)
class FormSubmissionAdmin(admin.ModelAdmin):
    """Which forms were sent, once each (read-only; written by `wdhs.forms.once`, cleaned up after a week)."""

    list_display = ["created_at", "form", "result_url"]
    list_filter = ["form"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: FormSubmission | None = None) -> bool:
        return False


# The library's own admin of the log is in English and lets a superuser delete lines: ours replaces it.
admin.site.unregister(auditlog_admin.LogEntry)


class AuditActionFilter(admin.SimpleListFilter):
    title = "actie"
    parameter_name = "actie"

    def lookups(self, request: HttpRequest, model_admin: object) -> list[tuple[str, str]]:
        return [(str(value), label) for value, label in audit.ACTIONS.items()]

    def queryset(self, request: HttpRequest, queryset: QuerySet[AuditEntry]) -> QuerySet[AuditEntry]:
        value = self.value()
        if value in {str(key) for key in audit.ACTIONS}:
            return queryset.filter(action=int(value))
        return queryset


class AuditModelFilter(admin.SimpleListFilter):
    title = "soort"
    parameter_name = "soort"

    def lookups(self, request: HttpRequest, model_admin: object) -> list[tuple[str, str]]:
        from auditlog.registry import auditlog

        models = sorted(auditlog.get_models(), key=lambda model: str(model._meta.verbose_name_plural))
        return [(model._meta.label_lower, str(model._meta.verbose_name_plural).capitalize()) for model in models]

    def queryset(self, request: HttpRequest, queryset: QuerySet[AuditEntry]) -> QuerySet[AuditEntry]:
        value = self.value() or ""
        if "." in value:
            app_label, model = value.split(".", 1)
            return queryset.filter(content_type__app_label=app_label, content_type__model=model)
        return queryset


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """The audit log, read-only for everyone (superusers too): who changed what, when, before and after."""

    list_display = ["when", "who", "action_label", "what", "fields_changed"]
    list_filter = [AuditActionFilter, AuditModelFilter]
    search_fields = ["object_repr", "actor__email", "actor__display_name"]
    list_select_related = ["content_type", "actor"]
    date_hierarchy = "timestamp"
    fields = ["when", "who", "action_label", "what", "changes_table"]
    readonly_fields = ["when", "who", "action_label", "what", "changes_table"]
    show_full_result_count = False  # the log grows with every change: no count(*) over all of it per page

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    @admin.display(description="wanneer", ordering="timestamp")
    def when(self, obj: AuditEntry) -> str:
        return date_format(timezone.localtime(obj.timestamp), "DATETIME_FORMAT")

    @admin.display(description="wie")
    def who(self, obj: AuditEntry) -> str:
        if obj.actor is not None:
            return obj.actor.display_name or obj.actor.email
        if obj.actor_email:
            return obj.actor_email
        return "systeem (taak of opdracht)"

    @admin.display(description="actie", ordering="action")
    def action_label(self, obj: AuditEntry) -> str:
        return audit.ACTIONS.get(obj.action, str(obj.action))

    @admin.display(description="wat")
    def what(self, obj: AuditEntry) -> str:
        kind = str(obj.content_type.model_class()._meta.verbose_name) if obj.content_type.model_class() else ""
        label = f"{kind}: {obj.object_repr}" if kind else obj.object_repr
        if obj.action == LogEntry.Action.DELETE:
            return label
        try:
            url = reverse(f"admin:{obj.content_type.app_label}_{obj.content_type.model}_change", args=[obj.object_pk])
        except NoReverseMatch:
            return label
        return format_html('<a href="{}">{}</a>', url, label)

    @admin.display(description="velden")
    def fields_changed(self, obj: AuditEntry) -> str:
        return ", ".join(label for label, _, _ in audit.changes_of(obj))

    @admin.display(description="voor en na")
    def changes_table(self, obj: AuditEntry) -> str:
        rows = audit.changes_of(obj)
        if not rows:
            return "Geen velden vastgelegd."
        body = format_html_join("", '<tr><th scope="row">{}</th><td>{}</td><td>{}</td></tr>', rows)
        return format_html(
            '<table class="wdhs-diff"><thead><tr><th scope="col">Veld</th><th scope="col">Voor</th>'
            '<th scope="col">Na</th></tr></thead><tbody>{}</tbody></table>',
            body,
        )


admin.site.register(PageFeedback, PageFeedbackAdmin)


@admin.register(PageRead)
class PageReadAdmin(admin.ModelAdmin):
    """The read counts per page per day (wdhs/reads.py): only to look at; the portal itself writes them."""

    list_display = ["page_name", "content_type", "day", "count"]
    list_filter = ["day", "content_type"]
    fields = ["page_link", "content_type", "object_id", "day", "count"]
    readonly_fields = ["page_link", "content_type", "object_id", "day", "count"]
    show_full_result_count = False  # a row per page per day: no count(*) over all of it per page

    def get_queryset(self, request: HttpRequest) -> QuerySet[PageRead]:
        # One query per kind of page for the titles, not one per row.
        return super().get_queryset(request).select_related("content_type").prefetch_related("page")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    @admin.display(description="pagina")
    def page_name(self, obj: PageRead) -> str:
        # The list links each row to its own page in the admin; the public page's link is on that page.
        page = obj.page
        return str(page) if page is not None else f"nummer {obj.object_id} (bestaat niet meer)"

    @admin.display(description="pagina")
    def page_link(self, obj: PageRead) -> str:
        page = obj.page
        if page is None:
            return f"nummer {obj.object_id} (bestaat niet meer)"
        if hasattr(page, "get_absolute_url"):
            return format_html('<a href="{}">{}</a>', page.get_absolute_url(), str(page))
        return str(page)
