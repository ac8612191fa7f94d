"""Public pages: the knowledge list with search and facets, a resource, the partners, downloads."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from django.core.paginator import Paginator
from django.db import DEFAULT_DB_ALIAS, connection
from django.db.models import Count, F, QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from initiatives import counts as initiative_counts
from knowledge import counts
from knowledge.feeds import search_problem
from knowledge.filters import OrganisationFilter, ResourceFilter
from knowledge.models import Attachment, Organisation, Resource
from knowledge.reads import is_reader
from knowledge.search import ORGANISATIONS, RESOURCES, resource_text
from wdhs import reads
from wdhs.facets import KeptCountPaginator, facet_chips, query_chip, url_with
from wdhs.feeds import feed_query
from wdhs.models import Term
from wdhs.search.query import ExpandedQuery, ParsedQuery, expand_query, highlight_text, is_about_money, parse_query
from wdhs.search.registry import search_plan, shorter_queries, wants_partial

PAGE_SIZE = 20
ORGANISATION_PAGE_SIZE = 30
HOME_PARTNERS = 12
FILTER_ERROR = "Een van de filters in het webadres kennen we niet. We hebben dat filter weggelaten."
SEARCH_ERROR = "Je zoekvraag is te lang of bevat tekens die we niet kunnen lezen. Typ een paar woorden."


def _search(result: QuerySet[Resource], expanded: ExpandedQuery) -> QuerySet[Resource]:
    """The resources that match (source "kennis" of /zoeken/); ranked after the filters, so facets count unranked."""
    return RESOURCES.matching(None, expanded, queryset=result)


def _matching_organisations(parsed: ParsedQuery) -> list[Organisation]:
    """Up to four organisations whose name or short name holds the query (accents and case aside), or whose name
    has a word close to it (`<%`: pg_trgm word similarity of at least pg_trgm.word_similarity_threshold, 0.6 by
    default), closest first: through the trigram indexes of knowledge/0007."""
    text = parsed.text.replace('"', "")
    pattern = f"%{connection.ops.prep_for_like_query(text)}%"
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id FROM knowledge_organisation WHERE wdhs_fold(name) LIKE wdhs_fold(%s)"
            " OR wdhs_fold(short_name) LIKE wdhs_fold(%s) OR %s <%% name"
            " ORDER BY word_similarity(%s, name) DESC, name LIMIT 4",
            [pattern, pattern, text, text],
        )
        keys = [row[0] for row in cursor.fetchall()]
    found = Organisation.objects.in_bulk(keys)
    return [found[key] for key in keys if key in found]


@require_GET
def resource_list(request: HttpRequest) -> HttpResponse:
    params = request.GET
    raw_query = params.get("q")
    parsed = parse_query(raw_query)
    expanded = expand_query(parsed)
    # Searched first, so the facets count within the search result too.
    published: QuerySet[Resource] = Resource.objects.published()
    if parsed.is_searchable:
        published = _search(published, expanded)
    filterset = ResourceFilter(params, queryset=published)
    # An unknown filter value gives a 400 with a message; the page still shows the rest.
    messages = filterset.error_messages()
    status = 400 if messages else 200
    if parsed.message:
        messages.append(parsed.message)
    elif raw_query is not None and not parsed.is_searchable:
        messages.append("Je hebt geen zoekwoord ingevuld. Hieronder zie je alle kennis.")

    if expanded.query is not None or filterset.needs_one_pass():
        # A search or a filter on a link table: the results, their count and the facets from one pass over them.
        order = [(RESOURCES.rank(expanded), True)] if expanded.query is not None else [(F("published_at"), True)]
        bound = (lambda rows: RESOURCES.bound_in_sql(rows, expanded)) if expanded.query is not None else None
        listing = Resource.objects.for_listing(with_body=expanded.query is not None)
        page = filterset.page_in_one_pass(order, params.get("page"), PAGE_SIZE, listing, bound)
    else:
        page = KeptCountPaginator(
            filterset.qs.order_by("-published_at", "pk").for_listing(), PAGE_SIZE, known_count=filterset.kept_total()
        ).get_page(params.get("page"))
    paginator = page.paginator
    items = list(page.object_list)
    for item in items:
        item.highlight = highlight_text(resource_text(item), expanded.terms) if parsed.is_searchable else None

    # Too little has every word: what lacks one follows under its own heading (the filters still hold).
    partial: list[Any] = []
    if parsed.is_searchable and page.number == 1 and wants_partial(expanded, paginator.count):
        unsearched = ResourceFilter(params, queryset=Resource.objects.published()).qs
        with search_plan(DEFAULT_DB_ALIAS):
            partial = RESOURCES.partial(None, expanded, queryset=unsearched.for_listing(with_body=True))
        for item in partial:
            item.highlight = highlight_text(resource_text(item), expanded.terms)

    suggestion = None
    organisations: list[Organisation] = []
    if parsed.is_searchable:
        organisations = _matching_organisations(parsed)
        if expanded.corrected_text and paginator.count:
            suggestion = {"text": expanded.corrected_text, "url": url_with(params, "q", expanded.corrected_text)}

    facets = filterset.facets()
    # The filters as the filterset read them (empty values among several left out): the chips' links.
    params = filterset.data
    context = {
        "page_obj": page,
        "items": items,
        "total": paginator.count,
        "facets": facets,
        "chips": [*query_chip(params, parsed.text), *facet_chips(facets, params)],
        "filter_count": len(facet_chips(facets, params)),
        "capped_at": filterset.capped_at,
        "query": parsed.text,
        "header_query": parsed.text,
        "messages_list": messages,
        "suggestion": suggestion,
        "organisations": organisations,
        "has_filters": filterset.has_facet_choice,
        # What a new search keeps. Not `request.GET.items` in the template: a parameter named "items" would
        # take its place (the template looks up a key before an attribute).
        "kept_filters": [
            (key, value) for key, values in params.lists() if key not in ("q", "page") for value in values
        ],
        "partial": partial,
        "shorter": shorter_queries(expanded, partial, lambda text: url_with(params, "q", text)),
        "ask_text": parsed.question_text,
        "about_money": parsed.is_searchable and not paginator.count and is_about_money(parsed),
        # The feed with the same filters (rel=alternate); not for filters the feed would refuse.
        "feed_query": "" if status != 200 or search_problem(raw_query, parsed) else feed_query(params),
    }
    return render(request, "knowledge/resource_list.html", context, status=status)


@require_GET
def resource_detail(request: HttpRequest, slug: str) -> HttpResponse:
    resource = get_object_or_404(
        Resource.objects.visible_to(request.user).select_related(
            "kind", "organisation", "author", "province", "municipality"
        ),
        slug=slug,
    )
    related = list(resource.related.published().for_listing()[:6])
    if len(related) < 3:
        theme_ids = [theme.pk for theme in resource.themes.all()]
        more = (
            Resource.objects.published()
            .filter(themes__in=theme_ids)
            .exclude(pk__in=[resource.pk, *[r.pk for r in related]])
            .distinct()
            .for_listing()
            .order_by("-published_at")[: 3 - len(related)]
        )
        related += list(more)
    response = render(
        request,
        "knowledge/resource_detail.html",
        {"resource": resource, "related": related, "attachments": list(resource.attachments.all())},
    )
    # A draft or a text in review is its editors' preview: not a read.
    published = resource.status == Resource.Status.PUBLISHED
    return reads.mark(response, resource, counted=published and is_reader(request.user, resource.organisation_id))


@require_GET
def attachment_download(request: HttpRequest, slug: str, pk: int) -> FileResponse:
    resource = get_object_or_404(Resource.objects.visible_to(request.user), slug=slug)
    attachment = get_object_or_404(Attachment, resource=resource, pk=pk)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404("Dit bestand is er niet meer.") from exc
    return FileResponse(
        handle, as_attachment=True, filename=attachment.original_name, content_type=attachment.content_type
    )


@require_GET
def organisation_logo(request: HttpRequest, slug: str) -> FileResponse:
    """The logo, served by us so it also works where the web server does not serve uploads."""
    organisation = get_object_or_404(Organisation, slug=slug)
    name = organisation.logo.name
    if not name:
        raise Http404("Deze organisatie heeft geen logo.")
    content_type = {".png": "image/png", ".webp": "image/webp"}.get(PurePosixPath(name.lower()).suffix, "image/jpeg")
    try:
        handle = organisation.logo.open("rb")
    except FileNotFoundError as exc:
        raise Http404("Dit logo is er niet meer.") from exc
    response = FileResponse(handle, content_type=content_type)
    response["Cache-Control"] = "public, max-age=86400"
    return response


@require_GET
def organisation_list(request: HttpRequest) -> HttpResponse:
    filterset = OrganisationFilter(request.GET, queryset=Organisation.objects.all())
    status = 200
    messages: list[str] = []
    if filterset.is_bound and not filterset.form.is_valid():
        status = 400
        messages += dict.fromkeys(SEARCH_ERROR if name == "q" else FILTER_ERROR for name in filterset.form.errors)
    cleaned = filterset.form.cleaned_data if filterset.is_bound else {}
    parsed = parse_query(cleaned.get("q"))
    if parsed.message:
        messages.append(parsed.message)
    organisations = filterset.qs
    expanded = expand_query(parsed)
    if parsed.is_searchable:
        organisations = ORGANISATIONS.search(None, expanded, queryset=organisations)
    else:
        organisations = organisations.order_by("name", "pk")
    page = Paginator(organisations, ORGANISATION_PAGE_SIZE).get_page(request.GET.get("page"))
    items = list(page.object_list)
    partial: list[Organisation] = []
    if parsed.is_searchable and page.number == 1 and wants_partial(expanded, page.paginator.count):
        partial = ORGANISATIONS.partial(None, expanded, queryset=filterset.qs)
    # The number of published items, counted for this page's organisations only.
    counts = dict(
        Resource.objects.published()
        .filter(organisation__in=[o.pk for o in [*items, *partial]])
        .order_by()
        .values_list("organisation")
        .annotate(n=Count("pk"))
        .values_list("organisation", "n")
    )
    for organisation in [*items, *partial]:
        organisation.published_count = counts.get(organisation.pk, 0)
    return render(
        request,
        "knowledge/organisation_list.html",
        {
            "filter": filterset,
            "organisations": items,
            "page_obj": page,
            "messages_list": messages,
            "query": parsed.text,
            "partial": partial,
            "shorter": shorter_queries(expanded, partial, lambda text: url_with(request.GET, "q", text)),
            "ask_text": parsed.question_text,
            "about_money": parsed.is_searchable and not page.paginator.count and is_about_money(parsed),
            # The feed with the same filters (rel=alternate); not for filters the feed would refuse.
            "feed_query": ""
            if status != 200 or search_problem(request.GET.get("q"), parsed)
            else feed_query(request.GET),
        },
        status=status,
    )


@require_GET
def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(
        Organisation.objects.prefetch_related("themes", "provinces", "municipalities"), slug=slug
    )
    resources = organisation.resources.published().for_listing().order_by("-published_at")
    page = Paginator(resources, PAGE_SIZE).get_page(request.GET.get("page"))
    response = render(
        request,
        "knowledge/organisation_detail.html",
        {"organisation": organisation, "page_obj": page, "items": page.object_list},
    )
    return reads.mark(response, organisation, counted=is_reader(request.user, organisation.pk))


def home_start_context(request: HttpRequest) -> dict[str, Any] | None:
    """The featured guides ("Begin hier"), right below the routes, so a first guide is one click away."""
    featured = list(Resource.objects.published().filter(is_featured=True).order_by("-published_at")[:4])
    return {"featured": featured} if featured else None


def home_context(request: HttpRequest) -> dict[str, Any] | None:
    """Newest knowledge and the partners for the home page."""
    published = Resource.objects.published().select_related("kind", "organisation")
    newest = list(published.exclude(is_featured=True).order_by("-published_at")[:3])
    # The partners that share the most knowledge (hundreds at national size; /organisaties/ lists them all).
    # From the counts the database keeps (knowledge/counts.py): no count over every published item.
    per_organisation = counts.facet("organisation")()
    partner_ids = sorted(per_organisation, key=lambda pk: (-per_organisation[pk], pk))[:HOME_PARTNERS]
    partners = list(Organisation.objects.filter(pk__in=partner_ids).order_by("name"))
    if not newest and not partners:
        return None
    return {"newest": newest, "partners": partners}


@dataclass(frozen=True)
class ThemeCount:
    slug: str
    name: str
    description: str
    knowledge_count: int
    initiative_count: int


def themes_context(request: HttpRequest) -> dict[str, Any]:
    """The theme grid with the number of published knowledge items and initiatives per theme.

    Both from the counts the database keeps (wdhs/counts.py): right after any write, without counting the rows.
    """
    knowledge = counts.facet("theme")()
    initiatives = initiative_counts.facet("theme")()
    themes = [
        ThemeCount(t.slug, t.name, t.description, knowledge.get(t.pk, 0), initiatives.get(t.pk, 0))
        for t in Term.objects.themes().order_by("position", "name")
    ]
    return {"themes": themes}
