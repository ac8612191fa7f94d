"""/zoeken/: one search box over all content, results grouped by kind (the search-source registry)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast
from urllib.parse import urlencode

from django import forms
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.safestring import SafeString
from django.views.decorators.http import require_GET

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
    search_sources,
    shorter_queries,
    wants_partial,
)

GROUP_SIZE = 5
PAGE_SIZE = 20
MAX_PAGE = 500


class SearchForm(forms.Form):
    q = forms.CharField(required=False, max_length=MAX_RAW_QUERY, strip=False)
    soort = forms.ChoiceField(required=False)
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["soort"]).choices = [
            ("", "Alles"),
            *[(s.key, s.label) for s in search_sources()],
        ]


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


def _url(**params: str) -> str:
    return f"{reverse('search:results')}?{urlencode({k: v for k, v in params.items() if v})}"


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
    source = get_source(cleaned.get("soort") or "")
    page_number = cleaned.get("page") or 1

    expanded = expand_query(parsed)
    groups: list[Group] = []
    page_obj = None
    total = 0
    if parsed.is_searchable:
        chosen = [source] if source else search_sources()
        for each in chosen:
            found = each.search(request.user, expanded)
            if source:
                paginator = Paginator(found, PAGE_SIZE)
                page_obj = paginator.get_page(page_number)
                count, items = paginator.count, list(page_obj.object_list)
            else:
                items = list(found[:GROUP_SIZE])
                count = len(items) if len(items) < GROUP_SIZE else found.count()
            total += count
            groups.append(
                Group(
                    source=each,
                    count=count,
                    results=_results(each, items, expanded),
                    list_url=each.list_url(parsed.text),
                    only_url=_url(q=parsed.text, soort=each.key),
                )
            )
    # Too little has every word: what has all but one (then most words) follows under its own heading.
    partial_groups: list[Group] = []
    partial_items: list[Any] = []
    if parsed.is_searchable and wants_partial(expanded, total):
        for each in [source] if source else search_sources():
            items = each.partial(request.user, expanded, limit=PARTIAL_LIMIT if source else GROUP_SIZE)
            if items:
                partial_items += items
                partial_groups.append(
                    Group(
                        source=each,
                        count=len(items),
                        results=_results(each, items, expanded),
                        list_url=each.list_url(parsed.text),
                        only_url=_url(q=parsed.text, soort=each.key),
                    )
                )
    shorter = shorter_queries(expanded, partial_items, lambda text: _url(q=text, soort=source.key if source else ""))
    suggestion = None
    if expanded.corrected_text and expanded.corrected_text != parsed.text.lower():
        suggestion = {
            "text": expanded.corrected_text,
            "url": _url(q=expanded.corrected_text, soort=source.key if source else ""),
        }
    context = {
        "query": parsed.text,
        "header_query": parsed.text,
        "groups": groups,
        "total": total,
        "source": source,
        "page_obj": page_obj,
        "messages_list": messages,
        "suggestion": suggestion,
        "corrections": sorted(expanded.corrections.items()),
        "kinds": [(s, _url(q=parsed.text, soort=s.key)) for s in search_sources()],
        "all_url": _url(q=parsed.text),
        "max_length": MAX_QUERY_LENGTH,
        "partial_groups": partial_groups,
        "shorter": shorter,
        "about_money": parsed.is_searchable and not total and is_about_money(parsed),
        "ask_text": parsed.question_text,
    }
    return render(request, "search/results.html", context, status=status)
