from __future__ import annotations

import csv
import json
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from initiatives import services
from initiatives.filters import InitiativeFilter
from initiatives.forms import ContactForm, InitiativeForm, InviteForm, ProblemReportForm
from initiatives.mapsvg import build_map
from initiatives.models import Initiative, Invitation, Membership, hash_token
from wdhs.models import Municipality, Province
from wdhs.ratelimit import rate_limited
from wdhs.search import parse_query

PAGE_SIZE = 20
RATE_LIMIT = 5  # messages per hour per visitor address for each kind of form
LICENCE = "CC0 1.0 (https://creativecommons.org/publicdomain/zero/1.0/deed.nl)"
LICENCE_LINK = '<https://creativecommons.org/publicdomain/zero/1.0/>; rel="license"'


def _get_initiative_for_manager(request: HttpRequest, slug: str) -> Initiative:
    """The initiative if the person manages it; everyone else gets a 404, so its existence stays hidden."""
    return get_object_or_404(Initiative.objects.managed_by(request.user).select_related("municipality"), slug=slug)


def _published_or_404(slug: str) -> Initiative:
    return get_object_or_404(Initiative.objects.published().with_relations(), slug=slug)


# --- public pages ---


@require_GET
def initiative_list(request: HttpRequest) -> HttpResponse:
    filterset = InitiativeFilter(request.GET or None, queryset=Initiative.objects.published())
    errors = filterset.error_messages()
    parsed = parse_query(request.GET.get("q"))
    paginator = Paginator(filterset.ordered().with_relations(), PAGE_SIZE)
    page_obj = paginator.get_page(request.GET.get("page"))
    context = {
        "filterset": filterset,
        "facets": filterset.facets(),
        "page_obj": page_obj,
        "errors": errors,
        "query": parsed,
        "sort_choices": filterset.filters["sorteer"].extra["choices"],
        "sort": request.GET.get("sorteer", ""),
        "map": province_map(province_counts()),
        "is_filtered": any(v for k, v in request.GET.items() if k != "page"),
        "export_columns": EXPORT_COLUMNS,
    }
    return render(request, "initiatives/list.html", context, status=400 if errors else 200)


def province_counts() -> dict[str, int]:
    return dict(
        Initiative.objects.published()
        .order_by()
        .values_list("municipality__province__code")
        .annotate(n=Count("pk"))
        .values_list("municipality__province__code", "n")
    )


def province_map(counts_by_code: dict[str, int]) -> dict[str, Any]:
    """The province map with links to the filtered list and to each province's municipality map."""
    provinces = list(Province.objects.all())
    list_url, map_url = reverse("initiatives:list"), reverse("initiatives:map")
    links = {p.code: f"{list_url}?provincie={p.slug}" for p in provinces}
    map_links = {p.code: f"{map_url}?provincie={p.slug}" for p in provinces}
    data = build_map(level="province", counts=counts_by_code, links=links, names={p.code: p.name for p in provinces})
    for area in data["areas"]:
        area["map_url"] = map_links.get(area["code"], "")
    return data


@require_GET
def initiative_map(request: HttpRequest) -> HttpResponse:
    slug = request.GET.get("provincie", "")
    province = None
    if slug:
        province = Province.objects.filter(slug=slug[:60]).first()
        if province is None:
            return render(
                request,
                "initiatives/map.html",
                {
                    "error": "Deze provincie kennen we niet. Kies een provincie uit de lijst.",
                    "provinces": Province.objects.all(),
                },
                status=404,
            )
    published = Initiative.objects.published().order_by()
    if province:
        published = published.filter(municipality__province=province)
    counts = dict(
        published.values_list("municipality__code").annotate(n=Count("pk")).values_list("municipality__code", "n")
    )
    municipalities = Municipality.objects.all() if province is None else province.municipalities.all()
    municipalities = municipalities.only("code", "name", "slug")
    data = build_map(
        level="municipality",
        counts=counts,
        links={m.code: f"{reverse('initiatives:list')}?gemeente={m.slug}" for m in municipalities},
        names={m.code: m.display_name for m in municipalities},
        province_code=province.code if province else "",
    )
    rows = sorted((a for a in data["areas"] if a["count"]), key=lambda a: (-a["count"], a["name"]))
    return render(
        request,
        "initiatives/map.html",
        {"map": data, "province": province, "provinces": Province.objects.all(), "rows": rows},
    )


@require_GET
def initiative_detail(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = _published_or_404(slug)
    is_manager = request.user.is_authenticated and initiative.memberships.filter(user_id=request.user.pk).exists()
    return render(
        request,
        "initiatives/detail.html",
        {
            "initiative": initiative,
            "is_manager": is_manager,
            "report_form": ProblemReportForm(),
            "contact_form": ContactForm(),
        },
    )


@require_http_methods(["GET", "POST"])
def initiative_report(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = _published_or_404(slug)
    form = ProblemReportForm(request.POST or None)
    if request.method == "POST":
        if form.is_spam:
            # Pretend it worked: a bot learns nothing from the answer.
            messages.success(request, "Bedankt. We kijken zo snel mogelijk naar je melding.")
            return redirect(initiative)
        if rate_limited(request, "initiatives-report", limit=RATE_LIMIT):
            return render(
                request,
                "initiatives/report.html",
                {"initiative": initiative, "form": form, "limited": True},
                status=429,
            )
        if form.is_valid():
            services.problem_report_create(
                initiative=initiative,
                reason=form.cleaned_data["reason"],
                message=form.cleaned_data["message"],
                reporter_email=form.cleaned_data["reporter_email"],
            )
            messages.success(request, "Bedankt. We kijken zo snel mogelijk naar je melding.")
            return redirect(initiative)
        return render(request, "initiatives/report.html", {"initiative": initiative, "form": form}, status=400)
    return render(request, "initiatives/report.html", {"initiative": initiative, "form": form})


@require_http_methods(["GET", "POST"])
def initiative_contact(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = _published_or_404(slug)
    form = ContactForm(request.POST or None)
    if request.method == "POST":
        if form.is_spam:
            messages.success(request, "Je bericht is verstuurd.")
            return redirect(initiative)
        if rate_limited(request, "initiatives-contact", limit=RATE_LIMIT):
            return render(
                request,
                "initiatives/contact.html",
                {"initiative": initiative, "form": form, "limited": True},
                status=429,
            )
        if form.is_valid():
            services.contact_send(
                initiative=initiative,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                message=form.cleaned_data["message"],
            )
            messages.success(request, "Je bericht is verstuurd. Het initiatief antwoordt je per e-mail.")
            return redirect(initiative)
        return render(request, "initiatives/contact.html", {"initiative": initiative, "form": form}, status=400)
    return render(request, "initiatives/contact.html", {"initiative": initiative, "form": form})


# --- open data ---

EXPORT_COLUMNS = [
    ("naam", "Naam van het initiatief"),
    ("url", "Adres van de pagina op het portaal"),
    ("soort", "Soort initiatief"),
    ("rechtsvorm", "Rechtsvorm"),
    ("kvk_nummer", "KvK-nummer (leeg als niet opgegeven)"),
    ("gemeente", "Gemeente (CBS-naam)"),
    ("gemeentecode", "CBS-gemeentecode"),
    ("provincie", "Provincie"),
    ("wijk_of_dorp", "Wijk of dorp"),
    ("themas", "Thema's, gescheiden door een puntkomma"),
    ("fase", "Fase"),
    ("behoeften", "Wat het initiatief nodig heeft, gescheiden door een puntkomma"),
    ("opgericht", "Jaar van oprichting"),
    ("actieve_mensen", "Aantal actieve mensen (bandbreedte)"),
    ("website", "Website"),
    ("beschrijving", "Beschrijving (Markdown)"),
    ("gepubliceerd", "Datum van eerste publicatie"),
    ("laatst_bevestigd", "Datum waarop de beheerders de gegevens het laatst bevestigden"),
]


def _export_rows(request: HttpRequest) -> list[dict[str, Any]]:
    rows = []
    for i in Initiative.objects.published().with_relations().order_by("name", "pk"):
        rows.append(
            {
                "naam": i.name,
                "url": request.build_absolute_uri(i.get_absolute_url()),
                "soort": i.kind.name,
                "rechtsvorm": i.legal_form.name,
                "kvk_nummer": i.kvk_number,
                "gemeente": i.municipality.name,
                "gemeentecode": i.municipality.code,
                "provincie": i.municipality.province.name,
                "wijk_of_dorp": i.area,
                "themas": "; ".join(t.name for t in i.themes.all()),
                "fase": i.phase.name,
                "behoeften": "; ".join(t.name for t in i.needs.all()),
                "opgericht": i.founded_year or "",
                "actieve_mensen": i.active_people,
                "website": i.website,
                "beschrijving": i.description,
                "gepubliceerd": i.published_at.date().isoformat() if i.published_at else "",
                "laatst_bevestigd": i.confirmed_at.date().isoformat(),
            }
        )
    return rows


@require_GET
def export_csv(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="initiatieven.csv"'
    response.write("\ufeff")  # so spreadsheet programs read the accents right
    writer = csv.DictWriter(response, fieldnames=[name for name, _ in EXPORT_COLUMNS])
    writer.writeheader()
    for row in _export_rows(request):
        writer.writerow(row)
    response["Link"] = LICENCE_LINK
    return response


@require_GET
def export_json(request: HttpRequest) -> HttpResponse:
    data = {
        "titel": "Initiatieven op het kennisplatform We Doen Het Samen",
        "licentie": LICENCE,
        "bron": request.build_absolute_uri("/initiatieven/"),
        "gemaakt": timezone.now().isoformat(timespec="seconds"),
        "kolommen": dict(EXPORT_COLUMNS),
        "initiatieven": _export_rows(request),
    }
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2, default=str), content_type="application/json; charset=utf-8"
    )
    response["Link"] = LICENCE_LINK
    return response


# --- register and manage ---


@login_required
@require_http_methods(["GET", "POST"])
def initiative_register(request: HttpRequest) -> HttpResponse:
    form = InitiativeForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            initiative = services.initiative_register(user=request.user, data=form.cleaned_data)
            messages.success(
                request,
                "Dank je wel! We kijken binnen een paar werkdagen naar je aanmelding. Je krijgt een e-mail als het "
                "initiatief online staat.",
            )
            return redirect(initiative.get_manage_url())
        return render(request, "initiatives/register.html", {"form": form}, status=400)
    return render(request, "initiatives/register.html", {"form": form})


@login_required
@require_GET
def initiative_manage(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = _get_initiative_for_manager(request, slug)
    return render(
        request,
        "initiatives/manage.html",
        {
            "initiative": initiative,
            "memberships": initiative.memberships.select_related("user"),
            "invitations": initiative.invitations.usable(),
            "invite_form": InviteForm(initiative=initiative),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def initiative_edit(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = _get_initiative_for_manager(request, slug)
    form = InitiativeForm(request.POST or None, instance=initiative)
    if request.method == "POST":
        if form.is_valid():
            pending = services.initiative_update(initiative=initiative, by=request.user, data=form.cleaned_data)
            if pending:
                messages.success(
                    request,
                    "Je wijzigingen zijn opgeslagen. We controleren ze eerst. "
                    "Tot die tijd ziet iedereen de oude gegevens.",
                )
            else:
                messages.success(request, "Je wijzigingen zijn opgeslagen.")
            return redirect(initiative.get_manage_url())
        return render(request, "initiatives/edit.html", {"form": form, "initiative": initiative}, status=400)
    return render(request, "initiatives/edit.html", {"form": form, "initiative": initiative})


@login_required
@require_POST
def initiative_confirm(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = _get_initiative_for_manager(request, slug)
    services.initiative_confirm(initiative=initiative, by=request.user)
    messages.success(request, "Dank je wel! We zetten bij jullie pagina dat de gegevens kloppen.")
    return redirect(initiative.get_manage_url())


@login_required
@require_POST
def manager_invite(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = _get_initiative_for_manager(request, slug)
    form = InviteForm(request.POST, initiative=initiative)
    if form.is_valid():
        if rate_limited(request, "initiatives-invite", limit=RATE_LIMIT):
            messages.error(request, "Je hebt veel uitnodigingen verstuurd. Probeer het over een uur opnieuw.")
            return redirect(initiative.get_manage_url())
        services.invitation_create(initiative=initiative, email=form.cleaned_data["email"], by=request.user)
        messages.success(request, f"We hebben een uitnodiging gestuurd naar {form.cleaned_data['email']}.")
        return redirect(initiative.get_manage_url())
    return render(
        request,
        "initiatives/manage.html",
        {
            "initiative": initiative,
            "memberships": initiative.memberships.select_related("user"),
            "invitations": initiative.invitations.usable(),
            "invite_form": form,
        },
        status=400,
    )


@login_required
@require_POST
def manager_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    initiative = _get_initiative_for_manager(request, slug)
    membership = get_object_or_404(Membership, pk=pk, initiative=initiative)
    try:
        services.membership_remove(membership=membership, by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect(initiative.get_manage_url())
    if membership.user_id == request.user.pk:
        messages.success(request, f"Je beheert {initiative.name} niet meer.")
        return redirect("mijn")
    messages.success(request, f"{membership.user.public_name} beheert dit initiatief niet meer.")
    return redirect(initiative.get_manage_url())


@require_http_methods(["GET", "POST"])
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    invitation = Invitation.objects.select_related("initiative").filter(token_hash=hash_token(token[:100])).first()
    if invitation is None or not invitation.is_usable:
        return render(request, "initiatives/invitation.html", {"invalid": True}, status=404)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    # The link only works for the address it was sent to, so a forwarded or leaked link gives nobody access.
    addresses = {request.user.email.casefold()} | {
        e.casefold() for e in request.user.emailaddress_set.filter(verified=True).values_list("email", flat=True)
    }
    if invitation.email.casefold() not in addresses:
        return render(request, "initiatives/invitation.html", {"wrong_address": True}, status=403)
    if request.method == "POST":
        try:
            services.invitation_accept(invitation=invitation, user=request.user)
        except ValidationError:
            return render(request, "initiatives/invitation.html", {"invalid": True}, status=404)
        messages.success(request, f"Je beheert nu {invitation.initiative.name} samen met de anderen.")
        return redirect(invitation.initiative.get_manage_url())
    return render(request, "initiatives/invitation.html", {"invitation": invitation})
