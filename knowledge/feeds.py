"""Feeds of /kennis/ (Atom and RSS), filtered by the same filters as the page.

A feed holds the newest FEED_SIZE items: one query on an index, whatever the size of the table. A filter value
the page does not know gives a 400 with a Dutch sentence, as the page itself answers 400: an unfiltered feed
under a filtered address would look right and be wrong.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from knowledge.filters import OrganisationFilter, ResourceFilter, region_choices
from knowledge.models import Organisation, OrganisationKind, Resource
from knowledge.search import ORGANISATIONS, RESOURCES
from wdhs.feeds import FEED_SIZE, FILTER_ERROR, PortalFeed, feed_query, refused
from wdhs.search.query import MAX_RAW_QUERY, ParsedQuery, expand_query, parse_query

SITE = "We Doen Het Samen"


def search_problem(raw: str | None, parsed: ParsedQuery) -> str | None:
    """Why a feed cannot search these words, or None. As on /kennis/, a long search is cut and searched; a feed
    cannot show a message, so words it cannot search at all are refused rather than answered with everything."""
    if raw is None or not raw.strip():
        return None
    if len(raw) > MAX_RAW_QUERY:
        return "Je zoekvraag is te lang. Typ een paar woorden."
    return None if parsed.is_searchable else parsed.message or FILTER_ERROR


class ResourceQuery:
    """The filters of /kennis/ read from a feed's URL: the search words and the facets."""

    def __init__(self, request: HttpRequest) -> None:
        self.params = request.GET
        self.parsed: ParsedQuery = parse_query(self.params.get("q"))
        published: QuerySet[Resource] = Resource.objects.published()
        if self.parsed.is_searchable:
            published = RESOURCES.matching(None, expand_query(self.parsed), queryset=published)
        self.filterset = ResourceFilter(self.params, queryset=published)

    def problem(self) -> str | None:
        if self.filterset.error_messages():
            return FILTER_ERROR
        return search_problem(self.params.get("q"), self.parsed)

    def labels(self) -> list[str]:
        chosen: list[str] = [f"‘{self.parsed.text}’"] if self.parsed.is_searchable else []
        regions = dict(region_choices()) if self.filterset.cleaned.get("regio") else {}
        for name, value in self.filterset.cleaned.items():
            values = list(value) if isinstance(value, list | tuple) or hasattr(value, "model") else [value]
            chosen += [regions.get(v, str(v)) if name == "regio" else str(v) for v in values if v]
        return chosen


class ResourceRssFeed(PortalFeed):
    description = "Nieuwe artikelen, stappenplannen en voorbeelden van de partners van We Doen Het Samen."

    def __call__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        problem = ResourceQuery(request).problem()
        if problem:
            return refused(request, problem)
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> ResourceQuery:
        return ResourceQuery(request)

    def title(self, obj: ResourceQuery) -> str:
        labels = obj.labels()
        return f"Nieuwe kennis{': ' + ', '.join(labels) if labels else ''} · {SITE}"

    def link(self, obj: ResourceQuery) -> str:
        return reverse("knowledge:list") + feed_query(obj.params)

    def items(self, obj: ResourceQuery) -> list[Resource]:
        rows = obj.filterset.qs.select_related("organisation", "kind").order_by("-published_at", "-pk")
        return list(rows[:FEED_SIZE])

    def item_title(self, item: Resource) -> str:
        return item.title

    def item_description(self, item: Resource) -> str:
        return item.summary

    def item_pubdate(self, item: Resource) -> datetime | None:
        return item.published_at

    def item_updateddate(self, item: Resource) -> datetime | None:
        return item.updated_at

    def item_author_name(self, item: Resource) -> str:
        return item.organisation.name

    def item_categories(self, item: Resource) -> list[str]:
        return [item.kind.name]


class ResourceAtomFeed(ResourceRssFeed):
    feed_type = Atom1Feed
    subtitle = ResourceRssFeed.description


class OrganisationQuery:
    """The filters of /organisaties/ read from a feed's URL: the search words, kind, theme and province."""

    def __init__(self, request: HttpRequest) -> None:
        self.params = request.GET
        self.parsed: ParsedQuery = parse_query(self.params.get("q"))
        self.filterset = OrganisationFilter(self.params or None, queryset=Organisation.objects.all())
        self.valid = not self.filterset.is_bound or self.filterset.form.is_valid()

    def problem(self) -> str | None:
        if not self.valid:
            return FILTER_ERROR
        return search_problem(self.params.get("q"), self.parsed)

    def labels(self) -> list[str]:
        chosen: list[str] = [f"‘{self.parsed.text}’"] if self.parsed.is_searchable else []
        cleaned = self.filterset.form.cleaned_data if self.filterset.is_bound else {}
        kinds = dict(OrganisationKind.choices)
        for name, value in cleaned.items():
            if name == "q" or not value:
                continue
            chosen.append(str(kinds.get(value, value)) if name == "soort" else str(value))
        return chosen

    def organisations(self) -> list[Organisation]:
        rows: QuerySet[Organisation] = self.filterset.qs
        if self.parsed.is_searchable:
            rows = ORGANISATIONS.matching(None, expand_query(self.parsed), queryset=rows)
        # Two thousand partners at national size: newest first on the primary key's order of creation.
        return list(rows.order_by("-created_at", "-pk")[:FEED_SIZE])


class OrganisationAtomFeed(PortalFeed):
    """/organisaties/feed/: partners new on the portal, with the filters of /organisaties/."""

    feed_type = Atom1Feed
    subtitle = "Nieuwe organisaties die bewoners helpen, op het kennisplatform We Doen Het Samen."

    def __call__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        problem = OrganisationQuery(request).problem()
        if problem:
            return refused(request, problem)
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> OrganisationQuery:
        return OrganisationQuery(request)

    def title(self, obj: OrganisationQuery) -> str:
        labels = obj.labels()
        return f"Nieuwe organisaties{': ' + ', '.join(labels) if labels else ''} · {SITE}"

    def link(self, obj: OrganisationQuery) -> str:
        return reverse("knowledge:organisation_list") + feed_query(obj.params)

    def items(self, obj: OrganisationQuery) -> list[Organisation]:
        return obj.organisations()

    def item_title(self, item: Organisation) -> str:
        return item.display_name

    def item_description(self, item: Organisation) -> str:
        return item.description

    def item_pubdate(self, item: Organisation) -> datetime:
        return item.created_at

    def item_updateddate(self, item: Organisation) -> datetime:
        return item.updated_at

    def item_categories(self, item: Organisation) -> list[str]:
        return [item.get_kind_display()]
