# ruff: noqa: E501 - Dutch prose for visitors reads better unwrapped
"""The funding finder at /financiering/: a few questions, then every scheme sorted in three groups with reasons."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET

from initiatives.models import Initiative
from knowledge.forms_funding import FinderForm
from knowledge.funding import Result, Verdict, evaluate
from knowledge.models import FundingScheme

GROUP_INTRO = {
    Verdict.FITS: "Volgens je antwoorden past deze regeling. Lees de voorwaarden goed na voordat je aanvraagt.",
    Verdict.MAYBE: "Deze regelingen passen misschien. Check eerst de punten hieronder.",
    Verdict.DOES_NOT_FIT: "Deze regelingen passen niet bij je antwoorden. Je ziet waarom, zodat je weet wat je kunt veranderen.",
}


def _answered(request: HttpRequest) -> bool:
    return any(key in FinderForm.base_fields for key in request.GET)


def _initiative_answers(initiative: Initiative) -> dict[str, Any]:
    """The finder's answers that an initiative's own data already gives."""
    theme = initiative.themes.order_by("position").first()
    answers: dict[str, Any] = {
        "thema": theme.slug if theme else "",
        "gemeente": initiative.municipality.display_name,
        "rechtsvorm": initiative.legal_form.slug,
        "fase": initiative.phase.slug,
        "opgericht": initiative.founded_year or "",
    }
    return {k: v for k, v in answers.items() if v}


def _grouped(schemes: list[FundingScheme], form: FinderForm) -> list[dict[str, Any]]:
    answers = form.answers()
    groups: dict[Verdict, list[tuple[FundingScheme, Result]]] = {v: [] for v in Verdict}
    for scheme in schemes:
        result = evaluate(scheme.rules(), answers)
        groups[result.verdict].append((scheme, result))
    return [{"verdict": verdict, "intro": GROUP_INTRO[verdict], "items": items} for verdict, items in groups.items()]


@require_GET
def finder(request: HttpRequest) -> HttpResponse:
    slug = request.GET.get("initiatief")
    if slug is not None:
        # Start from a registered initiative: only its managers may; others learn nothing about it.
        initiative = (
            Initiative.objects.managed_by(request.user)
            .select_related("municipality", "legal_form", "phase")
            .filter(slug=slug[:170])
            .first()
        )
        if initiative is None:
            messages.info(request, "Dit initiatief kunnen we niet invullen. Beantwoord de vragen hieronder zelf.")
            return redirect("funding:finder")
        messages.success(request, f"We hebben de antwoorden ingevuld met de gegevens van {initiative.name}.")
        return redirect(f"{request.path}?{urlencode(_initiative_answers(initiative))}")

    schemes = list(FundingScheme.objects.active().for_finder())
    context: dict[str, Any] = {"schemes": schemes, "querystring": request.GET.urlencode()}
    if not _answered(request):
        context["form"] = FinderForm()
        return render(request, "funding/finder.html", context)
    form = FinderForm(request.GET)
    context["form"] = form
    if not form.is_valid():
        return render(request, "funding/finder.html", context, status=400)
    context["groups"] = _grouped(schemes, form)
    return render(request, "funding/finder.html", context)


@require_GET
def scheme_detail(request: HttpRequest, slug: str) -> HttpResponse:
    scheme = get_object_or_404(FundingScheme.objects.active().for_finder(), slug=slug)
    result = None
    form = FinderForm(request.GET) if _answered(request) else None
    # The answers from the finder come along in the URL; bad ones are simply not used here.
    if form is not None and form.is_valid():
        result = evaluate(scheme.rules(), form.answers())
    return render(
        request,
        "funding/detail.html",
        {"scheme": scheme, "result": result, "querystring": request.GET.urlencode() if result else ""},
    )


def search_schemes(user: Any) -> QuerySet[FundingScheme]:
    """What /zoeken/ may show in the group "Financiering": the schemes the finder shows (active ones)."""
    return FundingScheme.objects.active().select_related("kind", "funder")


def search_text(scheme: FundingScheme) -> str:
    """What a search snippet is made from: the summary and the description, without the example note."""
    return f"{scheme.summary} {scheme.description_text}"


def home_context(request: HttpRequest) -> dict[str, Any] | None:
    """The "Hulp nodig?" block on the home page: the finder and the question form."""
    return {"scheme_count": FundingScheme.objects.active().count()}


def dashboard_context(request: HttpRequest) -> dict[str, Any] | None:
    """On /mijn/: "Zoek geld voor ..." for each initiative the person manages, answers filled in."""
    if not request.user.is_authenticated:
        return None
    initiatives = list(Initiative.objects.managed_by(request.user).order_by("name").only("name", "slug")[:10])
    return {"initiatives": initiatives} if initiatives else None
