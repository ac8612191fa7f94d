"""The pages of the portal as a whole: home and /mijn/ (composed from the apps), AVG export, static and error pages.

Together with wdhs/urls.py this is where the apps meet; the rest of wdhs/ is the shared base and
never imports an app.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from email.utils import parseaddr
from typing import Any

from allauth.account import app_settings as account_settings
from allauth.account.views import EmailVerificationSentView
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from goals import views as goal_views
from initiatives import services as initiative_services
from initiatives import views as initiative_views
from initiatives.nearby import initiatives_near
from knowledge import editor_views
from knowledge import views as knowledge_views
from knowledge.funding import views as funding_views
from knowledge.nearby import partners_near, schemes_near
from knowledge.questions import views as question_views
from knowledge.routes import views as route_views
from wdhs import health, personal_data
from wdhs.adapters import pending_verification_address, resend_signup_verification
from wdhs.errors import errors_are_reported, is_database_outage
from wdhs.forms.accounts import AccountDeleteForm
from wdhs.forms.places import PlaceForm
from wdhs.http import AuthenticatedHttpRequest
from wdhs.nearby import distance_text, neighbours_of
from wdhs.partners import COALITION_PARTNERS


def _sections(*pieces: tuple[str, dict[str, Any] | None]) -> list[dict[str, Any]]:
    """The blocks of a page in order: a template and its context; an app returns None to leave its block out."""
    return [{"template": template, "context": context} for template, context in pieces if context is not None]


def _fallback_routes() -> list[dict[str, str]]:
    """The four routes as plain links, for a portal whose staff have not published any task page (/aan-de-slag/) yet."""
    routes = [
        (
            "Ik wil iets starten",
            "Van idee tot eerste stap: wat je nodig hebt en wie je helpt.",
            reverse("knowledge:list"),
        ),
        ("Ik zoek geld", "Fondsen, subsidies en leningen die bij jouw plan passen.", reverse("funding:finder")),
        ("Ik wil samenwerken met de gemeente", "Zo maak je afspraken met je gemeente.", reverse("knowledge:list")),
        (
            "Ik zoek anderen die hetzelfde doen",
            "Initiatieven, geld en partners bij jou in de buurt.",
            reverse("nearby"),
        ),
    ]
    return [{"title": t, "text": x, "url": u} for t, x, u in routes]


def home(request: HttpRequest) -> HttpResponse:
    """The home page: four routes, then the blocks the apps give, in the order of ../shared/PRODUCT.md."""
    routes = [
        {"title": route.title, "text": route.summary, "url": route.get_absolute_url()}
        for route in route_views.home_routes()
    ] or _fallback_routes()
    sections = _sections(
        ("knowledge/_home_start.html", knowledge_views.home_start_context(request)),
        ("knowledge/_home_themes.html", knowledge_views.themes_context(request)),
        ("funding/_home_section.html", funding_views.home_context(request)),
        ("initiatives/_home_section.html", initiative_views.home_context(request)),
        ("goals/_home_section.html", goal_views.home_context(request)),
        ("knowledge/_home_knowledge.html", knowledge_views.home_context(request)),
    )
    context = {"routes": routes, "sections": sections}
    return render(request, "pages/home.html", context)


@require_GET
def nearby(request: HttpRequest) -> HttpResponse:
    """/in-de-buurt/?plaats=Leeuwarden: initiatives, schemes and partners in a municipality, then its neighbours.

    The neighbours and distances come from the municipality shapes (wdhs.nearby); the apps give their part
    in a fixed number of queries. A town, village or 4-digit postcode leads to its municipality (wdhs.towns);
    an unknown place gets suggestions and a 400; two places with one name ("Bergen", "Hengelo") get the choice.
    """
    form = PlaceForm(request.GET if "plaats" in request.GET else None)
    context: dict[str, Any] = {"form": form}
    if not form.is_bound:
        return render(request, "pages/nearby.html", context)
    if not form.is_valid():
        context["suggestions"] = form.match.suggestions
        return render(request, "pages/nearby.html", context, status=400)
    if form.match.municipality is None:
        context["choices"] = form.match.choices
        return render(request, "pages/nearby.html", context)
    place = form.match.municipality
    context.update(town=form.match.town, postcode=form.match.postcode)
    links = neighbours_of(place)
    neighbour_ids = [link.neighbour_id for link in links]
    initiatives = initiatives_near(place.pk, neighbour_ids)
    schemes = schemes_near(place, neighbour_ids)
    partners = partners_near(place, neighbour_ids)
    context.update(
        place=place,
        initiatives=initiatives["here"],
        initiative_count=initiatives["counts"].get(place.pk, 0),
        schemes=schemes["here"],
        national_scheme_count=schemes["national_count"],
        partners=partners["here"],
        national_partner_count=partners["national_count"],
        neighbours=[
            {
                "municipality": link.neighbour,
                "shares_border": link.shares_border,
                "distance": distance_text(link.distance_km),
                "initiatives": initiatives["by_neighbour"].get(link.neighbour_id, []),
                "initiative_count": initiatives["counts"].get(link.neighbour_id, 0),
                "schemes": schemes["by_neighbour"].get(link.neighbour_id, []),
                "partners": partners["by_neighbour"].get(link.neighbour_id, []),
            }
            for link in links
        ],
    )
    return render(request, "pages/nearby.html", context)


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """For the load balancer and the container's health check: 200 while the database and the cache work.

    The task worker's part is reported, but a late worker does not take the web server out of service
    (the body then says "degraded"); `/healthz/full` is the check that fails on it too (docs/deploy.md).
    """
    result = health.check()
    return JsonResponse(result.as_json(), status=200 if result.serving else 503)


@never_cache
@require_GET
def healthz_full(request: HttpRequest) -> JsonResponse:
    """For monitoring: 200 only when the database, the cache and a task worker all work."""
    result = health.check()
    return JsonResponse(result.as_json(), status=200 if result.complete else 503)


@login_required
def mijn(request: AuthenticatedHttpRequest) -> HttpResponse:
    sections = _sections(
        ("questions/_dashboard_section.html", question_views.dashboard_context(request)),
        ("initiatives/_dashboard_section.html", initiative_views.dashboard_context(request)),
        ("knowledge/_dashboard_section.html", editor_views.dashboard_context(request)),
        ("funding/_dashboard_section.html", funding_views.dashboard_context(request)),
        ("goals/_mijn_section.html", goal_views.dashboard_context(request)),
    )
    return render(request, "pages/mijn.html", {"sections": sections})


@login_required
@require_GET
def my_data_export(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Everything the portal stores about the person, as JSON (AVG: right of access)."""
    data = personal_data.export_person(request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2, default=str), content_type="application/json; charset=utf-8"
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="mijn-gegevens-{stamp}.json"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def account_delete(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = AccountDeleteForm(request.POST or None, user=request.user)
    # Initiatives only this person manages: the page lists them before anything is deleted.
    context = {"form": form, "alone": initiative_services.sole_managed_by(request.user)}
    if request.method == "POST":
        if form.is_valid():
            with transaction.atomic():
                user = request.user
                logout(request)
                personal_data.delete_person(user)
            messages.success(request, "Je account en je gegevens zijn verwijderd.")
            return redirect("home")
        return render(request, "pages/account_delete.html", context, status=400)
    return render(request, "pages/account_delete.html", context)


class VerificationSentView(EmailVerificationSentView):
    """allauth's check-your-mail page with the confirmation panel: the address, how long the link works, what
    happens next (templates/account/verification_sent.html)."""

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["pending_address"] = pending_verification_address(self.request)
        context["link_days"] = account_settings.EMAIL_CONFIRMATION_EXPIRE_DAYS
        context["from_address"] = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
        return context


verification_sent = VerificationSentView.as_view()


@require_http_methods(["POST"])
def verification_resend(request: HttpRequest) -> HttpResponse:
    """The button 'Niet ontvangen? Stuur opnieuw' on the check-your-mail page: this session's sign-up mail again."""
    sent = resend_signup_verification(request)
    if sent is None:
        messages.info(
            request,
            "We weten niet meer naar welk adres de mail moest. Log in met je e-mailadres en wachtwoord: "
            "dan sturen we de mail opnieuw.",
        )
        return redirect("account_login")
    if sent:
        messages.success(request, "We hebben de mail opnieuw gestuurd. Kijk ook in je map met ongewenste mail.")
    else:
        messages.warning(
            request,
            "We hebben de mail net pas gestuurd. Wacht een paar minuten en kijk ook in je map met ongewenste mail. "
            "Nog steeds niets? Probeer het dan opnieuw.",
        )
    return redirect("account_email_verification_sent")


def static_page(template: str) -> Callable[[HttpRequest], HttpResponse]:
    def view(request: HttpRequest) -> HttpResponse:
        return render(request, template, {"site_url": settings.SITE_URL})

    view.__name__ = template.rsplit("/", 1)[-1].removesuffix(".html")
    return view


@require_GET
def favicon(request: HttpRequest) -> HttpResponse:
    # Pages without an icon link (the admin, feeds in a browser) make browsers ask for /favicon.ico.
    return redirect(static("img/logo.svg"), permanent=True)


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /beheer/",
        "Disallow: /mijn/",
        "Disallow: /accounts/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "400.html", status=400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "403_csrf.html", status=403)


# A database outage is usually over within minutes (a restart, a fail-over): browsers and crawlers may try again.
RETRY_AFTER_SECONDS = 60


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: the 500 page, or the 503 page while the database is unreachable.

    Rendered without the request, so no context processor runs and nothing queries the database (which may be
    the very thing that failed): the templates get only fixed data.
    """
    context = {"coalition_partners": COALITION_PARTNERS, "errors_are_reported": errors_are_reported()}
    if is_database_outage(sys.exc_info()[1]):
        response = HttpResponse(loader.render_to_string("503.html", context), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return HttpResponseServerError(loader.render_to_string("500.html", context))
