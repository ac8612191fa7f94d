"""/zoeken/: one search box over all content, results grouped by kind (the search-source registry)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any, cast
from urllib.parse import urlencode

from django import forms
from django.core.paginator import Page, Paginator
from django.db import DEFAULT_DB_ALIAS
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.safestring import SafeString
from django.views.decorators.http import require_GET

from wdhs.facets import Facet, FacetItem, at_most
from wdhs.search.query import (
    MAX_QUERY_LENGTH,
    MAX_RAW_QUERY,
    ExpandedQuery,
    expand_query,
    highlight_text,
    is_about_money,
    parse_query,
)
from wdhs.search.registry import (
    PARTIAL_LIMIT,
    SearchSource,
    get_source,
    search_plan,
    search_sources,
    shorter_queries,
    wants_partial,
)

GROUP_SIZE = 5
PAGE_SIZE = 20
MAX_PAGE = 500


class SearchForm(forms.Form):
    q = forms.CharField(required=False, max_length=MAX_RAW_QUERY, strip=False)
    # Several kinds at once (?soort=kennis&soort=financiering): the groups of those kinds only.
    soort = forms.MultipleChoiceField(required=False, validators=[at_most()])
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["soort"]).choices = [(s.key, s.label) for s in search_sources()]


ERRORS = {
    "q": "Je zoekvraag is te lang of bevat tekens die we niet kunnen lezen. Typ een paar woorden.",
    "soort": "Deze soort resultaten kennen we niet. We laten alles zien.",
    "page": "Deze pagina bestaat niet. We laten de eerste pagina zien.",
}


@dataclass
class Result:
    item: Any
    title: str
    snippet: SafeString
    template: str
    missing: list[str]


@dataclass
class Group:
    source: SearchSource
    count: int
    results: list[Result]
    list_url: str
    only_url: str
    capped_at: int | None = None  # more matches than it ranks: "meer dan capped_at" (registry bounded)

    @property
    def shown_count(self) -> str:
        return f"meer dan {self.capped_at}" if self.capped_at else str(self.count)


def _results(source: SearchSource, items: list[Any], expanded: ExpandedQuery) -> list[Result]:
    return [
        Result(
            item=item,
            title=source.title(item),
            snippet=highlight_text(source.text(item), expanded.terms, max_words=30),
            template=source.template,
            missing=getattr(item, "missing_words", []),
        )
        for item in items
    ]


def _url(**params: str | list[str]) -> str:
    return f"{reverse('search:results')}?{urlencode({k: v for k, v in params.items() if v}, doseq=True)}"


def _toggled(kept: list[str], key: str) -> list[str]:
    """The chosen kinds with `key` taken away, or added when it was not chosen."""
    return [k for k in kept if k != key] if key in kept else [*kept, key]


def _group(
    source: SearchSource,
    count: int,
    items: list[Any],
    expanded: ExpandedQuery,
    text: str,
    capped_at: int | None = None,
) -> Group:
    return Group(
        source=source,
        count=count,
        results=_results(source, items, expanded),
        list_url=source.list_url(text),
        only_url=_url(q=text, soort=source.key),
        capped_at=capped_at,
    )


def _groups(
    request: HttpRequest,
    source: SearchSource | None,
    expanded: ExpandedQuery,
    text: str,
    page_number: int,
    sources: list[SearchSource],
) -> tuple[list[Group], int, Page | None]:
    """A group per kind (or the chosen kind's page): each from one pass over its matches, giving its count too."""
    groups, total, page_obj = [], 0, None
    for each in [source] if source else sources:
        if source:
            wanted = int(page_number)  # validated by the form: 1 to MAX_PAGE
            offset = (wanted - 1) * PAGE_SIZE
            items, (count, capped_at) = each.found_bounded(request.user, expanded, offset=offset, limit=PAGE_SIZE)
            page_obj = Paginator(range(count), PAGE_SIZE).get_page(wanted)
            if page_obj.number != wanted:  # past the end: the last page
                offset = (page_obj.number - 1) * PAGE_SIZE
                items, (count, capped_at) = each.found_bounded(request.user, expanded, offset=offset, limit=PAGE_SIZE)
        else:
            items, (count, capped_at) = each.found_bounded(request.user, expanded, limit=GROUP_SIZE)
        total += capped_at or count
        groups.append(_group(each, count, items, expanded, text, capped_at))
    return groups, total, page_obj


@require_GET
def results(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    form.is_valid()
    status = 200
    messages = [ERRORS[name] for name in form.errors if name in ERRORS]
    if form.errors:
        status = 400
    cleaned = form.cleaned_data
    raw = cleaned.get("q") if "q" not in form.errors else ""
    parsed = parse_query(raw)
    if parsed.message:
        messages.append(parsed.message)
    elif raw and not parsed.is_searchable:
        messages.append("Typ een of meer woorden om te zoeken, bijvoorbeeld ‘stichting’.")
    chosen = [found for key in dict.fromkeys(cleaned.get("soort") or []) if (found := get_source(key))]
    # One kind: its results page by page; several: a group for each of them; none: a group for every kind.
    source = chosen[0] if len(chosen) == 1 else None
    sources = chosen or search_sources()
    kept = [each.key for each in chosen]
    page_number = cleaned.get("page") or 1

    expanded = expand_query(parsed)
    groups: list[Group] = []
    page_obj = None
    total = 0
    partial_groups: list[Group] = []
    partial_items: list[Any] = []
    if parsed.is_searchable:
        # The planner hint for searches (wdhs.search.registry.search_plan), set once for every query of the page.
        with search_plan(DEFAULT_DB_ALIAS):
            groups, total, page_obj = _groups(request, source, expanded, parsed.text, page_number, sources)
            # Too little has every word: what has all but one (then most words) follows under its own heading.
            if wants_partial(expanded, total):
                for each in [source] if source else sources:
                    items = each.partial(request.user, expanded, limit=PARTIAL_LIMIT if source else GROUP_SIZE)
                    if items:
                        partial_items += items
                        partial_groups.append(_group(each, len(items), items, expanded, parsed.text))
    shorter = shorter_queries(expanded, partial_items, lambda text: _url(q=text, soort=kept))
    suggestion = None
    if expanded.corrected_text and expanded.corrected_text != parsed.text.lower():
        suggestion = {
            "text": expanded.corrected_text,
            "url": _url(q=expanded.corrected_text, soort=kept),
        }
    counted = {group.source.key: group.count for group in groups if not group.capped_at}
    # The kinds as a facet with several values, checkboxes in the filter form like the facets of the other lists.
    # A kind counts when its group was searched (every kind, or the chosen ones); the others show no number.
    kind_facet = Facet(
        param="soort",
        label="Soort",
        items=[
            FacetItem(
                value=each.key,
                label=each.label,
                count=counted.get(each.key) if parsed.is_searchable else None,
                selected=each.key in kept,
                link=partial(_url, q=parsed.text, soort=_toggled(kept, each.key)),
            )
            for each in search_sources()
        ],
        clear_url=_url(q=parsed.text) if kept else None,
        all_label="Alle soorten",
        multiple=True,
    )
    context = {
        "query": parsed.text,
        "facets": [kind_facet],
        "filter_count": len(kept),
        "header_query": parsed.text,
        "groups": groups,
        "total": total,
        "total_capped": any(group.capped_at for group in groups),
        "source": source,
        "kept_kinds": kept,
        "page_obj": page_obj,
        "messages_list": messages,
        "suggestion": suggestion,
        "corrections": sorted(expanded.corrections.items()),
        "all_url": _url(q=parsed.text),
        # The chosen kinds as chips above the results (the shared include of the lists), each taking away only itself.
        "chips": [
            {
                "label": "Soort",
                "value": each.label,
                "url": _url(q=parsed.text, soort=[k for k in kept if k != each.key]),
            }
            for each in chosen
        ],
        "max_length": MAX_QUERY_LENGTH,
        "partial_groups": partial_groups,
        "shorter": shorter,
        "about_money": parsed.is_searchable and not total and is_about_money(parsed),
        "ask_text": parsed.question_text,
    }
    return render(request, "search/results.html", context, status=status)
