from __future__ import annotations

from copy import copy
from typing import Any

from allauth.account.models import EmailAddress
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.db import DEFAULT_DB_ALIAS
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from initiatives import changes, services
from initiatives.exports import EXPORT_COLUMNS
from initiatives.filters import InitiativeFilter
from initiatives.forms import ContactForm, InitiativeForm, InviteForm, ProblemReportForm, RegisterForm
from initiatives.map import municipality_map, province_counts, province_map
from initiatives.models import Initiative, Invitation, Membership, ProblemReport, Status, hash_token
from wdhs import reads
from wdhs.confirmation import Confirmation, copy_of, random_reference, reference, remember
from wdhs.facets import KeptCountPaginator, facet_chips, query_chip, url_with
from wdhs.feeds import feed_query
from wdhs.forms.once import ALREADY_SENT, sent_before, submit_once
from wdhs.forms.public import RATE_LIMIT, handle_public_form
from wdhs.http import AuthenticatedHttpRequest
from wdhs.models import Province
from wdhs.ratelimit import rate_limited
from wdhs.search.query import is_about_money, parse_query
from wdhs.search.registry import search_plan, shorter_queries, wants_partial

PAGE_SIZE = 20


def _get_initiative_for_manager(request: AuthenticatedHttpRequest, slug: str) -> Initiative:
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
    if filterset.needs_one_pass():
        # A search or a filter on another table: the results, their count and the facets from one pass over them.
        listing = Initiative.objects.for_cards()
        page_obj = filterset.page_in_one_pass(
            filterset.order(), request.GET.get("page"), PAGE_SIZE, listing, bound=filterset.bound()
        )
    else:
        page_obj = KeptCountPaginator(
            filterset.ordered().for_cards(), PAGE_SIZE, known_count=filterset.kept_total()
        ).get_page(request.GET.get("page"))
    # Too little has every word: what lacks one follows under its own heading (the filters still hold).
    expanded = filterset.expanded_query()
    partial: list[Initiative] = []
    if expanded is not None and page_obj.number == 1 and wants_partial(expanded, page_obj.paginator.count):
        with search_plan(DEFAULT_DB_ALIAS):
            partial = filterset.partial_matches()
    facets = filterset.facets()
    # The filters as the filterset read them (empty values among several left out): the chips' links.
    chosen = facet_chips(facets, filterset.data)
    context = {
        "filterset": filterset,
        "facets": facets,
        "chips": [*query_chip(filterset.data, filterset.search_text), *chosen],
        "filter_count": len(chosen),
        "capped_at": filterset.capped_at,
        "page_obj": page_obj,
        "errors": errors,
        "query": parsed,
        "sort_choices": filterset.filters["sorteer"].extra["choices"],
        "sort": request.GET.get("sorteer", ""),
        "map": province_map(province_counts()),
        "is_filtered": any(v for k, v in request.GET.items() if k != "page"),
        "export_columns": EXPORT_COLUMNS,
        "partial": partial,
        "shorter": shorter_queries(expanded, partial, lambda text: url_with(request.GET, "q", text))
        if expanded
        else [],
        "ask_text": parsed.question_text,
        "about_money": parsed.is_searchable and not page_obj.paginator.count and is_about_money(parsed),
        # The feed with the same filters (rel=alternate); not for filters the feed would refuse.
        "feed_query": "" if errors else feed_query(request.GET),
    }
    return render(request, "initiatives/list.html", context, status=400 if errors else 200)


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
    data = municipality_map(province)
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
    response = render(
        request,
        "initiatives/detail.html",
        {
            "initiative": initiative,
            "is_manager": is_manager,
            "report_form": ProblemReportForm(),
            "contact_form": ContactForm(),
        },
    )
    return reads.mark(response, initiative, counted=not is_manager)


@require_http_methods(["GET", "POST"])
def initiative_report(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = _published_or_404(slug)
    return handle_public_form(
        request,
        ProblemReportForm(request.POST or None),
        template="initiatives/report.html",
        context={"initiative": initiative},
        action="initiatives-report",
        limited_message="Je hebt al veel meldingen gestuurd. Probeer het over een uur opnieuw.",
        save=lambda data: _confirm_report(
            request,
            services.problem_report_create(
                initiative=initiative,
                reason=data["reason"],
                message=data["message"],
                reporter_email=data["reporter_email"],
            ),
        ),
        success_url=initiative,
    )


def _confirm_report(request: HttpRequest, report: ProblemReport) -> ProblemReport:
    """The confirmation panel on the initiative's page, for the reporter only (wdhs.confirmation)."""
    answer = (
        " Je gaf je e-mailadres: als we iets willen vragen of als het klaar is, mailen we je."
        if report.reporter_email
        else ""
    )
    remember(
        request,
        Confirmation(
            title="Dank je wel voor je melding",
            reference=reference("ML", report.pk),
            next_steps="De redactie van het portaal kijkt binnen 5 werkdagen naar je melding en past de pagina aan "
            "als dat nodig is." + answer,
            sent=copy_of(
                [
                    ("Over", report.initiative.name),
                    ("Wat is er mis", report.get_reason_display()),
                    ("Je toelichting", report.message),
                    ("Je e-mailadres", report.reporter_email),
                ]
            ),
            links=[
                ("Terug naar het initiatief", report.initiative.get_absolute_url()),
                ("Bekijk andere initiatieven", reverse("initiatives:list")),
            ],
        ),
    )
    return report


@require_http_methods(["GET", "POST"])
def initiative_contact(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = _published_or_404(slug)
    return handle_public_form(
        request,
        ContactForm(request.POST or None),
        template="initiatives/contact.html",
        context={"initiative": initiative},
        action="initiatives-contact",
        limited_message="Je hebt al veel berichten gestuurd. Probeer het over een uur opnieuw.",
        save=lambda data: _confirm_contact(request, initiative, data),
        success_url=initiative,
    )


def _confirm_contact(request: HttpRequest, initiative: Initiative, data: dict[str, Any]) -> None:
    """Pass the message on by e-mail; the panel names it with a reference, as no row is kept (wdhs/retention.py)."""
    services.contact_send(initiative=initiative, name=data["name"], email=data["email"], message=data["message"])
    remember(
        request,
        Confirmation(
            title="Je bericht is verstuurd",
            reference=random_reference("BR"),
            next_steps=(
                f"We hebben je bericht doorgestuurd naar de beheerders van {initiative.name}. Zij antwoorden je zelf "
                f"per e-mail op {data['email']}. Hoe snel dat gaat, bepalen zij: het zijn vrijwilligers."
            ),
            sent=copy_of(
                [
                    ("Aan", initiative.name),
                    ("Je naam", data["name"]),
                    ("Je e-mailadres", data["email"]),
                    ("Je bericht", data["message"]),
                ]
            ),
            links=[
                ("Terug naar het initiatief", initiative.get_absolute_url()),
                ("Zoek initiatieven bij jou in de buurt", reverse("initiatives:list")),
            ],
        ),
    )


# --- register and manage ---


@login_required
@require_http_methods(["GET", "POST"])
def initiative_register(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = RegisterForm(request.POST or None)
    if request.method != "POST":
        return render(request, "initiatives/register.html", {"form": form})

    made: list[Initiative] = []

    def register() -> str:
        initiative = services.initiative_register(
            user=request.user, data=form.cleaned_data, confirmed_new=form.is_confirmed_new
        )
        made.append(initiative)
        return initiative.get_manage_url()

    try:
        submission = submit_once(form, name="initiatives-register", save=register)
    except services.PossibleDuplicate as duplicate:
        # Registered by someone else while this form was checked: the same question as before the check.
        form.ask_about(duplicate.duplicates)
        submission = None
    if submission is None:
        return render(request, "initiatives/register.html", {"form": form}, status=400)
    if submission.repeated:
        messages.info(request, ALREADY_SENT)
        return redirect(submission.url or "mijn")
    for registered in made:
        remember(
            request,
            Confirmation(
                title="Dank je wel voor je aanmelding",
                reference=reference("IN", registered.pk),
                next_steps=(
                    "De redactie bekijkt je aanmelding binnen 5 werkdagen. Je krijgt een e-mail als het initiatief "
                    "online staat, of als we nog iets willen weten. Tot dan zie je het hieronder, alleen jij."
                ),
                sent=copy_of(
                    [
                        ("Naam", registered.name),
                        ("Gemeente", registered.municipality.display_name),
                        ("Wat jullie doen", registered.description),
                    ]
                ),
                links=[
                    ("Zoek geld voor jullie plan", reverse("funding:finder")),
                    ("Lees hoe anderen het aanpakken", reverse("knowledge:list")),
                ],
            ),
        )
    return redirect(submission.url)


@login_required
@require_GET
def initiative_manage(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
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
def initiative_edit(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    initiative = _get_initiative_for_manager(request, slug)
    # Validating writes what was typed into the form's instance; a copy keeps the page on the saved version.
    form = InitiativeForm(request.POST or None, instance=copy(initiative), initial=changes.form_initial(initiative))
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
def initiative_confirm(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    initiative = _get_initiative_for_manager(request, slug)
    services.initiative_confirm(initiative=initiative, by=request.user)
    messages.success(request, "Dank je wel! We zetten bij jullie pagina dat de gegevens kloppen.")
    return redirect(initiative.get_manage_url())


@login_required
@require_POST
def manager_invite(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    initiative = _get_initiative_for_manager(request, slug)
    form = InviteForm(request.POST, initiative=initiative)
    manage_url = initiative.get_manage_url()
    if form.is_valid():
        if sent_before(form) is None and rate_limited(request, "initiatives-invite", limit=RATE_LIMIT):
            messages.error(request, "Je hebt veel uitnodigingen verstuurd. Probeer het over een uur opnieuw.")
            return redirect(manage_url)

        def invite() -> str:
            services.invitation_create(initiative=initiative, email=form.cleaned_data["email"], by=request.user)
            return manage_url

        submission = submit_once(form, name="initiatives-invite", save=invite)
        if submission is not None and submission.repeated:
            messages.info(request, ALREADY_SENT)
        else:
            messages.success(request, f"We hebben een uitnodiging gestuurd naar {form.cleaned_data['email']}.")
        return redirect(manage_url)
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
def manager_remove(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
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
    name = membership.user.display_name or membership.user.email  # a fellow manager, who sees the address anyway
    messages.success(request, f"{name} beheert dit initiatief niet meer.")
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
        e.casefold()
        for e in EmailAddress.objects.filter(user=request.user, verified=True).values_list("email", flat=True)
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


# --- the pieces of the home page and /mijn/ that this app gives ---


def home_context(request: HttpRequest) -> dict[str, Any] | None:
    """The province map with the total; hidden while nothing is published (an empty map helps nobody)."""
    counts = province_counts()
    if not counts:
        return None
    return {"map": province_map(counts)}


def dashboard_context(request: HttpRequest) -> dict[str, Any] | None:
    """The person's initiatives on /mijn/, with suggestions for the first few."""
    if not request.user.is_authenticated:
        return None
    initiatives = list(
        Initiative.objects.managed_by(request.user).select_related("municipality", "phase").order_by("name")
    )
    # Suggestions (templates/includes/_recommended_short.html, given by the register in wdhs/related.py) for the
    # first few only: a person managing many initiatives still gets a fast page.
    recommended = [i for i in initiatives if i.status != Status.ARCHIVED][:3]
    return {"initiatives": initiatives, "recommended": recommended}
