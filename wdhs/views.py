from __future__ import annotations

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, connection, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from wdhs.forms import AccountDeleteForm
from wdhs.models import Term
from wdhs.portal import DASHBOARD_SECTIONS, HOME_SECTIONS, PERSONAL_DATA, render_sections, url_or_none


def home(request: HttpRequest) -> HttpResponse:
    # The four routes of the home page; each shows once the page it lands on exists.
    routes = [
        (
            "Ik wil iets starten",
            "Van idee tot eerste stap: wat je nodig hebt en wie je helpt.",
            "knowledge:list",
            "fase=starten",
        ),
        ("Ik zoek geld", "Fondsen, subsidies en leningen die bij jouw plan passen.", "funding:finder", ""),
        (
            "Ik wil samenwerken met de gemeente",
            "Zo maak je afspraken met je gemeente, ook over het Right to Challenge.",
            "knowledge:list",
            "q=gemeente",
        ),
        (
            "Ik zoek anderen die hetzelfde doen",
            "Initiatieven bij jou in de buurt en in heel Nederland.",
            "initiatives:list",
            "",
        ),
    ]
    route_links = [
        {"title": title, "text": text, "url": f"{url}?{query}" if query else url}
        for title, text, name, query in routes
        if (url := url_or_none(name))
    ]
    return render(
        request,
        "pages/home.html",
        {
            "routes": route_links,
            # The plain theme grid stays until an app registers a "themes" section (with counts).
            "themes": Term.objects.themes() if "themes" not in HOME_SECTIONS else None,
            "sections": render_sections(HOME_SECTIONS, request),
        },
    )


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness and database check for the load balancer."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@login_required
def mijn(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/mijn.html", {"sections": render_sections(DASHBOARD_SECTIONS, request)})


@login_required
@require_GET
def my_data_export(request: HttpRequest) -> HttpResponse:
    """Everything the portal stores about the person, as JSON (AVG: right of access)."""
    user = request.user
    data: dict[str, object] = {
        "account": {
            "e-mailadres": user.email,
            "naam": user.display_name,
            "aangemaakt": user.date_joined.isoformat(),
            "laatst ingelogd": user.last_login.isoformat() if user.last_login else None,
            "e-mailadressen": list(user.emailaddress_set.values("email", "verified", "primary")),
        }
    }
    for name, exporter in sorted(PERSONAL_DATA.items()):
        data[name] = exporter(user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2, default=str), content_type="application/json; charset=utf-8"
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="mijn-gegevens-{stamp}.json"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def account_delete(request: HttpRequest) -> HttpResponse:
    form = AccountDeleteForm(request.POST or None, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            with transaction.atomic():
                user = request.user
                logout(request)
                user.delete()
            messages.success(request, "Je account en je gegevens zijn verwijderd.")
            return redirect("home")
        return render(request, "pages/account_delete.html", {"form": form}, status=400)
    return render(request, "pages/account_delete.html", {"form": form})


def static_page(template: str):  # noqa: ANN201 - returns a view
    def view(request: HttpRequest) -> HttpResponse:
        return render(request, template, {"site_url": settings.SITE_URL})

    view.__name__ = template.rsplit("/", 1)[-1].removesuffix(".html")
    return view


@require_GET
def favicon(request: HttpRequest) -> HttpResponse:
    # Pages without an icon link (the admin, feeds in a browser) make browsers ask for /favicon.ico.
    from django.templatetags.static import static

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
