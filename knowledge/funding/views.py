# ruff: noqa: E501 - Dutch prose for visitors reads better unwrapped
"""The funding finder at /financiering/: a few questions, then every scheme sorted in three groups with reasons."""

from __future__ import annotations

import functools
from typing import Any, cast
from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from initiatives.models import Initiative
from knowledge.funding.forms import FinderForm
from knowledge.funding.models import FundingScheme
from knowledge.funding.rules import Answers, Result, SchemeRules, Verdict, evaluate, more_doors, summary_text
from knowledge.funding.search import SCHEMES
from knowledge.models import Resource
from knowledge.reads import is_reader
from wdhs import pagecache, reads
from wdhs.facets import form_chips, url_with
from wdhs.feeds import feed_query
from wdhs.search.query import expand_query, parse_query
from wdhs.search.registry import shorter_queries, wants_partial

GROUP_INTRO = {
    Verdict.FITS: "Volgens je antwoorden past deze regeling. Lees de voorwaarden goed na voordat je aanvraagt.",
    Verdict.MAYBE: "Deze regelingen passen misschien. Check eerst de punten hieronder.",
    Verdict.DOES_NOT_FIT: "Deze regelingen passen niet bij je antwoorden. Je ziet waarom, zodat je weet wat je kunt veranderen.",
}


# At national size there are hundreds of schemes: each group (and the list before any answer) shows the first
# SHOWN, best match first when searching, and says how many more there are and how to narrow the list. As many as a
# page of the other lists; the folded group of schemes that do not fit shows fewer (SHOWN_FOLDED): it is there to
# show why, and every card with its reasons costs the page time (90 cards were most of the finder's 50 ms).
SHOWN = 20
SHOWN_FOLDED = 10


def _answered(request: HttpRequest) -> bool:
    """Whether the visitor answered a question; search words alone only narrow the list."""
    return any(key in FinderForm.base_fields and key != "q" for key in request.GET)


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


def active_schemes() -> list[tuple[FundingScheme, SchemeRules]]:
    """Every active scheme with its rules as plain data (what the cards read comes along).

    The same for every visitor and every answer, so with the page cache on each process keeps it in memory
    until the content changes. At national size reading 501 schemes with five relations each and turning each
    into rules was most of the finder's time, and unpickling them from the shared cache took 0.4 s; the
    answers themselves are checked per request."""

    def build() -> list[tuple[FundingScheme, SchemeRules]]:
        return [(scheme, scheme.rules()) for scheme in FundingScheme.objects.active().for_finder()]

    # Model objects kept in memory may load a relation the cards read only later, outside `build`: so this value
    # follows every table a scheme can reach (its own, its links, and those of the objects it points to), not only
    # the tables `build` reads. Not every content table: saving an initiative or a knowledge item made the next
    # finder page build all 501 schemes again (about 0.3 s of Python).
    return cast(
        list[tuple[FundingScheme, SchemeRules]],
        pagecache.memo(("funding-finder-schemes",), build, in_process=True, depends_on=_reachable_tables()),
    )


@functools.cache
def _reachable_tables() -> tuple[str, ...]:
    """The content tables of FundingScheme, its link tables, the models it points to and their link tables."""
    tables = {FundingScheme._meta.db_table}
    for field in FundingScheme._meta.get_fields():
        if not field.is_relation or field.related_model is None or field.auto_created:
            continue
        related = field.related_model._meta
        tables.add(related.db_table)
        for m2m in related.local_many_to_many:
            tables.add(m2m.remote_field.through._meta.db_table)  # type: ignore[union-attr]
        if field.many_to_many:
            tables.add(field.remote_field.through._meta.db_table)  # type: ignore[union-attr]
    # Only content tables: one without a version (readers' feedback, never on a page) would follow every change.
    return tuple(sorted(tables & set(pagecache.content_tables())))


def _grouped(schemes: list[tuple[FundingScheme, SchemeRules]], results: list[Result]) -> list[dict[str, Any]]:
    groups: dict[Verdict, list[tuple[FundingScheme, Result]]] = {v: [] for v in Verdict}
    for (scheme, _), result in zip(schemes, results, strict=True):
        groups[result.verdict].append((scheme, result))
    shown = {verdict: SHOWN_FOLDED if verdict is Verdict.DOES_NOT_FIT else SHOWN for verdict in groups}
    return [
        {
            "verdict": verdict,
            "intro": GROUP_INTRO[verdict],
            "items": items[: shown[verdict]],
            "count": len(items),
            "hidden": max(0, len(items) - shown[verdict]),
        }
        for verdict, items in groups.items()
    ]


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

    form = FinderForm(request.GET) if request.GET else FinderForm()
    context: dict[str, Any] = {"form": form, "querystring": request.GET.urlencode(), "feed_query": ""}
    if form.is_bound and not form.is_valid():
        return render(request, "funding/finder.html", context, status=400)
    parsed = parse_query(form.cleaned_data.get("q") if form.is_bound else "")
    expanded = expand_query(parsed)
    answered = _answered(request)
    schemes: list[tuple[FundingScheme, SchemeRules]] = []
    if not parsed.is_searchable:
        schemes = active_schemes()
        context["schemes"] = [scheme for scheme, _ in schemes]
    else:
        # The one ranking of /zoeken/ (source "financiering"): best match first within each group.
        found = list(
            SCHEMES.search(None, expanded, queryset=FundingScheme.objects.active()).values_list("pk", flat=True)
        )
        if answered:  # the groups judge every scheme found: all of them with their rules
            by_key = {scheme.pk: (scheme, rules) for scheme, rules in active_schemes()}
            schemes = [by_key[pk] for pk in found if pk in by_key]
            context["schemes"] = [scheme for scheme, _ in schemes]
        else:
            # Only the count and the first SHOWN cards: read those, not every scheme with its rules.
            cards = FundingScheme.objects.active().for_finder().in_bulk(found[:SHOWN])
            context["schemes"] = [cards[pk] for pk in found[:SHOWN] if pk in cards]
            context["scheme_count"] = len(found)
    # Too few schemes have every word: those that lack one follow under their own heading.
    context["partial"] = []
    context.setdefault("scheme_count", len(context["schemes"]))
    if parsed.is_searchable and wants_partial(expanded, context["scheme_count"]):
        everything = FundingScheme.objects.active().for_finder()
        context["partial"] = SCHEMES.partial(None, expanded, queryset=everything)
    context["shorter"] = shorter_queries(expanded, context["partial"], lambda text: url_with(request.GET, "q", text))
    context["ask_text"] = parsed.question_text
    context["shown_schemes"] = context["schemes"][:SHOWN]
    context["hidden_schemes"] = max(0, context["scheme_count"] - SHOWN)
    context["query"] = parsed.text
    context["chips"] = form_chips(form, request.GET, CHIP_LABELS)
    # "Filters (2 actief)" on the folded form counts the answers, as the other lists count their filters.
    context["filter_count"] = len(form_chips(form, request.GET, CHIP_LABELS, skip=("q",)))
    context["feed_query"] = feed_query(request.GET)  # the feed with the same answers (rel=alternate)
    if answered:
        answers = form.answers()
        results = [evaluate(rules, answers) for _, rules in schemes]  # judged once: the groups and the doors
        context["groups"] = _grouped(schemes, results)
        context.update(_outcome(schemes, answers, context["groups"], results))
    return render(request, "funding/finder.html", context)


# The answers as chips above the outcome, named short.
CHIP_LABELS = {
    "doel": "Doel",
    "bedrag": "Bedrag in euro",
    "eigen_bijdrage": "Eigen bijdrage in euro",
    "thema": "Thema",
    "gemeente": "Gemeente",
    "rechtsvorm": "Rechtsvorm",
    "fase": "Fase",
    "opgericht": "Bestaat sinds",
    "q": "Zoekwoorden",
}


# The guides that help with a door, by their slug in /kennis/ ("Lees ..."); when one is not published, a search.
DOOR_GUIDES: dict[str, list[tuple[str, str, str]]] = {
    "rechtsvorm": [
        ("welke-rechtsvorm-past-bij-jullie", "welke rechtsvorm bij jullie past", "rechtsvorm"),
        ("werken-met-een-penvoerder", "hoe je werkt met een penvoerder", "penvoerder"),
    ],
    "eigen-bijdrage": [("geld-vinden-voor-je-initiatief", "waar je ander geld vindt", "cofinanciering")],
}


def _outcome(
    schemes: list[tuple[FundingScheme, SchemeRules]],
    answers: Answers,
    groups: list[dict[str, Any]],
    results: list[Result],
) -> dict[str, Any]:
    """The top of the outcome: how many fit, and which other answer would open more doors (counted)."""
    doors = more_doors([rules for _, rules in schemes], answers, results)
    wanted = {slug for door in doors for slug, _, _ in DOOR_GUIDES.get(door.key, [])}
    published = (
        set(Resource.objects.published().filter(slug__in=wanted).values_list("slug", flat=True)) if wanted else set()
    )
    for_template = []
    for door in doors:
        guides = []
        for slug, title, search in DOOR_GUIDES.get(door.key, []):
            if slug in published:
                guides.append({"title": title, "url": reverse("knowledge:detail", args=[slug])})
            else:
                guides.append({"title": title, "url": f"{reverse('knowledge:list')}?{urlencode({'q': search})}"})
        for_template.append({"door": door, "guides": guides})
    return {"summary": summary_text({group["verdict"]: group["count"] for group in groups}), "doors": for_template}


@require_GET
def scheme_detail(request: HttpRequest, slug: str) -> HttpResponse:
    scheme = get_object_or_404(FundingScheme.objects.active().for_finder(), slug=slug)
    result = None
    form = FinderForm(request.GET) if _answered(request) else None
    # The answers from the finder come along in the URL; bad ones are simply not used here.
    if form is not None and form.is_valid():
        result = evaluate(scheme.rules(), form.answers())
    response = render(
        request,
        "funding/detail.html",
        {"scheme": scheme, "result": result, "querystring": request.GET.urlencode() if result else ""},
    )
    return reads.mark(response, scheme, counted=is_reader(request.user, scheme.funder_id))


def home_context(request: HttpRequest) -> dict[str, Any] | None:
    """The "Hulp nodig?" block on the home page: the finder and the question form."""
    count = FundingScheme.objects.active().count
    return {"scheme_count": pagecache.memo(("active-scheme-count",), count)}


def dashboard_context(request: HttpRequest) -> dict[str, Any] | None:
    """On /mijn/: "Zoek geld voor ..." for each initiative the person manages, answers filled in."""
    if not request.user.is_authenticated:
        return None
    initiatives = list(Initiative.objects.managed_by(request.user).order_by("name").only("name", "slug")[:10])
    return {"initiatives": initiatives} if initiatives else None
