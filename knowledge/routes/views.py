"""The task pages at /aan-de-slag/: a route's numbered steps with the pages, tools and partners that help."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from knowledge.routes.models import Route, RouteQuerySet, RouteStep, RouteStepLink

# The home page shows this many routes as large links.
HOME_ROUTES = 4


@dataclass(frozen=True)
class ShownStep:
    """A step as the page shows it: its number, and only the links a visitor may open."""

    step: RouteStep
    number: int
    links: list[RouteStepLink]


def _routes_for(request: HttpRequest) -> RouteQuerySet:
    """Published routes; staff with the right to see routes also see the unpublished ones (the admin's preview)."""
    if request.user.is_authenticated and request.user.has_perm("knowledge.view_route"):
        return Route.objects.all()
    return Route.objects.published()


@require_GET
def route_list(request: HttpRequest) -> HttpResponse:
    routes = list(Route.objects.published().only("title", "slug", "summary"))
    return render(request, "routes/list.html", {"routes": routes})


@require_GET
def route_detail(request: HttpRequest, slug: str) -> HttpResponse:
    route = _routes_for(request).with_steps().filter(slug=slug).first()
    if route is None:
        raise Http404("Deze route bestaat niet.")
    steps = list(route.steps.all())
    shown = [
        ShownStep(step=step, number=number, links=[link for link in step.links.all() if link.is_visible])
        for number, step in enumerate(steps, start=1)
    ]
    return render(request, "routes/detail.html", {"route": route, "steps": shown, "total": len(shown)})


def home_routes() -> list[Route]:
    """The first published routes, for the large links on the home page (one query)."""
    return list(Route.objects.published().only("title", "slug", "summary")[:HOME_ROUTES])
