"""Admin for the task pages at /aan-de-slag/: a route with its steps inline, each step with its links inline."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import Count, Prefetch, QuerySet
from django.http import HttpRequest
from django.utils.html import format_html, format_html_join

from knowledge.routes.models import Route, RouteStep, RouteStepLink, hidden_link_condition
from wdhs.admin_messages import counted
from wdhs.audit import update_logged

LINK_TARGETS = ("resource", "resource__kind", "funding_scheme", "funding_scheme__kind", "organisation")


class RouteStepInline(admin.StackedInline):
    model = RouteStep
    extra = 0
    fields = ["position", "title", "text", "links_overview"]
    readonly_fields = ["links_overview"]
    ordering = ["position", "pk"]
    show_change_link = True

    def get_queryset(self, request: HttpRequest) -> QuerySet[RouteStep]:
        links = RouteStepLink.objects.select_related(*LINK_TARGETS).order_by("position", "pk")
        return super().get_queryset(request).prefetch_related(Prefetch("links", queryset=links))

    @admin.display(description="links in deze stap")
    def links_overview(self, step: RouteStep) -> str:
        if step.pk is None:
            return "Sla de route eerst op; daarna voeg je links toe via 'Wijzigen' bij de stap."
        links = list(step.links.all())
        if not links:
            return "Nog geen links. Voeg ze toe via 'Wijzigen' bij de stap."
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                "<li>{}{}</li>",
                ((link.title or "(zonder titel)", f" ⚠ {link.problem}" if link.problem else "") for link in links),
            ),
        )


class RouteStepLinkInline(admin.TabularInline):
    model = RouteStepLink
    extra = 1
    fields = ["position", "resource", "funding_scheme", "organisation", "path", "label", "note", "warning"]
    readonly_fields = ["warning"]
    autocomplete_fields = ["resource", "funding_scheme", "organisation"]
    ordering = ["position", "pk"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[RouteStepLink]:
        return super().get_queryset(request).select_related(*LINK_TARGETS)

    @admin.display(description="let op")
    def warning(self, link: RouteStepLink) -> str:
        if link.pk is None or not link.problem:
            return ""
        return f"⚠ {link.problem} Bezoekers zien deze link niet."


@admin.register(Route)
class RouteAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "position", "is_published", "step_count", "hidden_links", "updated_at", "preview"]
    list_display_links = ["title"]
    list_editable = ["position"]
    list_filter = ["is_published"]
    search_fields = ["title", "summary", "intro", "slug", "steps__title"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["created_at", "updated_at", "preview"]
    fields = ["title", "slug", "summary", "intro", "position", "is_published", "preview", "created_at", "updated_at"]
    inlines = [RouteStepInline]
    actions = ["publish", "unpublish"]
    ordering = ["position", "title"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Route]:
        return (
            super()
            .get_queryset(request)
            .annotate(
                step_total=Count("steps", distinct=True),
                hidden_total=Count("steps__links", filter=hidden_link_condition("steps__links__"), distinct=True),
            )
        )

    @admin.display(description="stappen", ordering="step_total")
    def step_count(self, route: Route) -> int:
        return getattr(route, "step_total", 0)

    @admin.display(description="links die bezoekers niet zien", ordering="hidden_total")
    def hidden_links(self, route: Route) -> str:
        count = getattr(route, "hidden_total", 0)
        return f"⚠ {count}" if count else "–"

    @admin.display(description="bekijken")
    def preview(self, route: Route) -> str:
        if route.pk is None:
            return "Sla de route eerst op."
        label = "Bekijk op de site" if route.is_published else "Voorbeeld bekijken (nog niet gepubliceerd)"
        return format_html('<a href="{}" target="_blank" rel="noopener">{}</a>', route.get_absolute_url(), label)

    def save_related(self, request: HttpRequest, form, formsets, change: bool) -> None:  # type: ignore[no-untyped-def]
        super().save_related(request, form, formsets, change)
        _warn_about_hidden_links(request, self, RouteStepLink.objects.filter(step__route=form.instance))

    @admin.action(description="Publiceren: bezoekers zien de route", permissions=["change"])
    def publish(self, request: HttpRequest, queryset: QuerySet[Route]) -> None:
        updated = update_logged(queryset, is_published=True)
        self.message_user(request, f"{counted(updated, 'route', 'routes')} gepubliceerd.", messages.SUCCESS)

    @admin.action(description="Niet meer publiceren", permissions=["change"])
    def unpublish(self, request: HttpRequest, queryset: QuerySet[Route]) -> None:
        updated = update_logged(queryset, is_published=False)
        self.message_user(request, f"{counted(updated, 'route', 'routes')} niet meer gepubliceerd.", messages.SUCCESS)


@admin.register(RouteStep)
class RouteStepAdmin(admin.ModelAdmin):
    list_display = ["title", "route", "position", "link_count"]
    list_filter = ["route"]
    search_fields = ["title", "text", "route__title"]
    list_select_related = ["route"]
    fields = ["route", "position", "title", "text"]
    inlines = [RouteStepLinkInline]
    ordering = ["route__position", "route__title", "position"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[RouteStep]:
        return super().get_queryset(request).annotate(link_total=Count("links"))

    @admin.display(description="links", ordering="link_total")
    def link_count(self, step: RouteStep) -> int:
        return getattr(step, "link_total", 0)

    def save_related(self, request: HttpRequest, form, formsets, change: bool) -> None:  # type: ignore[no-untyped-def]
        super().save_related(request, form, formsets, change)
        _warn_about_hidden_links(request, self, RouteStepLink.objects.filter(step=form.instance))


@admin.register(RouteStepLink)
class RouteStepLinkAdmin(admin.ModelAdmin):
    list_display = ["__str__", "step", "kind", "warning"]
    list_filter = ["step__route"]
    search_fields = ["label", "path", "resource__title", "funding_scheme__name", "organisation__name", "step__title"]
    list_select_related = ["step__route", *LINK_TARGETS]
    autocomplete_fields = ["step", "resource", "funding_scheme", "organisation"]
    fields = ["step", "position", "resource", "funding_scheme", "organisation", "path", "label", "note"]

    @admin.display(description="soort")
    def kind(self, link: RouteStepLink) -> str:
        return link.kind_label

    @admin.display(description="let op")
    def warning(self, link: RouteStepLink) -> str:
        return f"⚠ {link.problem}" if link.problem else ""


def _warn_about_hidden_links(
    request: HttpRequest, model_admin: admin.ModelAdmin, links: QuerySet[RouteStepLink]
) -> None:
    hidden = [link for link in links.select_related(*LINK_TARGETS) if link.problem]
    for link in hidden:
        model_admin.message_user(
            request,
            f"Bezoekers zien de link '{link.title or link.pk}' niet: {link.problem} "
            "Kies een andere pagina of haal de link weg.",
            messages.WARNING,
        )
