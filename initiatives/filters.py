"""Filters of the public list: each one a Dutch URL parameter, so a filtered list is a link you can share."""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any, cast

import django_filters
from django.db.models import F, QuerySet

from initiatives import counts
from initiatives.models import Initiative, InitiativeQuerySet
from initiatives.search import INITIATIVES
from wdhs.facets import FacetFilterSet, FacetSpec, Order, multiple_filter, ordered_by
from wdhs.models import Municipality, Province, Term
from wdhs.search.query import ExpandedQuery, ParsedQuery, expand_query, parse_query
from wdhs.search.registry import Bounded

SORT_CHOICES = [
    ("relevantie", "Best passend bij je zoekwoorden"),
    ("naam", "Naam (A tot Z)"),
    ("nieuw", "Nieuwste eerst"),
    ("gemeente", "Gemeente (A tot Z)"),
]


def _terms(vocabulary: str) -> Any:
    return lambda request: Term.objects.of(vocabulary)


class InitiativeFilter(FacetFilterSet):
    q = django_filters.CharFilter(method="search", label="Zoeken")
    # Several values of each facet at once (?fase=idee&fase=starten): either value within a facet, and every
    # facet (see wdhs.facets.any_of).
    provincie = multiple_filter(
        label="Provincie", field_name="municipality__province", to_field_name="slug", queryset=Province.objects.all()
    )
    gemeente = multiple_filter(
        label="Gemeente", field_name="municipality", to_field_name="slug", queryset=Municipality.objects.all()
    )
    soort = multiple_filter(
        label="Soort initiatief", field_name="kind", to_field_name="slug", queryset=_terms("initiative_kind")
    )
    thema = multiple_filter(label="Thema", field_name="themes", to_field_name="slug", queryset=_terms("theme"))
    rechtsvorm = multiple_filter(
        label="Rechtsvorm", field_name="legal_form", to_field_name="slug", queryset=_terms("legal_form")
    )
    fase = multiple_filter(label="Fase", field_name="phase", to_field_name="slug", queryset=_terms("phase"))
    behoefte = multiple_filter(
        label="Wat ze nodig hebben", field_name="needs", to_field_name="slug", queryset=_terms("need")
    )
    sorteer = django_filters.ChoiceFilter(choices=SORT_CHOICES, method="sort", empty_label=None)

    # Checkboxes per facet keep all their choices; only municipalities are many, so only those with results, the
    # chosen ones as checkboxes and one select box to add another. Without other filters a facet takes its counts
    # from those the database keeps (initiatives/counts.py).
    facet_specs = (
        FacetSpec("provincie", show_empty=True, kept=counts.per_province, paired=counts.PROVINCE),
        FacetSpec(
            "gemeente",
            option_label=attrgetter("display_name"),
            select=True,
            kept=counts.facet("municipality"),
            paired=counts.paired("municipality"),
        ),
        FacetSpec("soort", show_empty=True, kept=counts.facet("kind"), paired=counts.paired("kind")),
        FacetSpec("thema", show_empty=True, kept=counts.facet("theme"), paired=counts.paired("theme", link=True)),
        FacetSpec("rechtsvorm", show_empty=True, kept=counts.facet("legal_form"), paired=counts.paired("legal_form")),
        FacetSpec("fase", show_empty=True, kept=counts.facet("phase"), paired=counts.paired("phase")),
        FacetSpec("behoefte", show_empty=True, kept=counts.facet("need"), paired=counts.paired("need", link=True)),
    )
    neutral = ("sorteer",)
    error_texts = {
        "q": "Je zoekvraag bevat tekens die we niet kunnen lezen. We zochten zonder zoekwoorden.",
        "provincie": "Deze provincie kennen we niet. We laten alle provincies zien.",
        "gemeente": "Deze gemeente kennen we niet. We laten alle gemeenten zien.",
        "soort": "Deze soort initiatief kennen we niet. We laten alle soorten zien.",
        "thema": "Dit thema kennen we niet. We laten alle thema's zien.",
        "rechtsvorm": "Deze rechtsvorm kennen we niet. We laten alle rechtsvormen zien.",
        "fase": "Deze fase kennen we niet. We laten alle fases zien.",
        "behoefte": "Deze behoefte kennen we niet. We laten alles zien.",
        "sorteer": "Zo kunnen we niet sorteren. We sorteren op naam.",
    }

    class Meta:
        model = Initiative
        fields: list[str] = []

    def kept_rows(self) -> QuerySet[Initiative]:
        return Initiative.objects.published()

    def kept_count(self) -> int:
        return counts.total()

    def search(self, queryset: QuerySet[Initiative], name: str, value: str) -> QuerySet[Initiative]:
        parsed = parse_query(value)
        if not parsed.is_searchable:
            return queryset
        # The portal's one engine (source "initiatieven" of /zoeken/); ranked in `order()`.
        return INITIATIVES.matching(None, self._expanded(parsed), queryset=queryset)

    def _expanded(self, parsed: ParsedQuery) -> ExpandedQuery:
        """The query built once per page: every facet count and the ranking reuse it."""
        cache = self.__dict__.setdefault("_expanded_queries", {})
        if parsed.text not in cache:
            cache[parsed.text] = expand_query(parsed)
        return cache[parsed.text]

    def expanded_query(self) -> ExpandedQuery | None:
        """The visitor's search, expanded (None without one)."""
        parsed = parse_query(self.search_text)
        return self._expanded(parsed) if parsed.is_searchable else None

    def partial_matches(self) -> list[Initiative]:
        """Initiatives with only some of the words, most first, within the other filters (see SearchSource.partial)."""
        expanded = self.expanded_query()
        if expanded is None:
            return []
        others = self.data.copy()
        others.pop("q", None)
        unsearched = InitiativeFilter(others, queryset=self.queryset, request=self.request).qs
        return INITIATIVES.partial(None, expanded, queryset=unsearched.for_cards())

    def sort(self, queryset: QuerySet[Initiative], name: str, value: str) -> QuerySet[Initiative]:
        # Ordering is applied in `order()`, after all filters; this filter only validates the value.
        return queryset

    @property
    def search_text(self) -> str:
        return parse_query(self.cleaned.get("q") or "").text

    def order(self) -> Order:
        """The chosen order (default: best fit after a search, else by name) as (expression, descending)."""
        sort = self.cleaned.get("sorteer") or ("relevantie" if self.search_text else "naam")
        if sort == "relevantie" and self.search_text:
            expanded = self._expanded(parse_query(self.search_text))
            if expanded.query is not None:
                return [(INITIATIVES.rank(expanded), True)]
        if sort == "nieuw":
            return [(F("published_at"), True)]
        if sort == "gemeente":
            return [(F("municipality__name"), False), (F("name"), False)]
        return [(F("name"), False)]

    def bound(self) -> Callable[[QuerySet], Bounded] | None:
        """For a search ranked by fit: what limits very many matches to the candidates it ranks (see `bounded`)."""
        expanded = self.expanded_query()
        if expanded is None or (self.cleaned.get("sorteer") or "relevantie") != "relevantie":
            return None
        return lambda rows: INITIATIVES.bound_in_sql(rows, expanded)

    def ordered(self) -> InitiativeQuerySet:
        return cast(InitiativeQuerySet, ordered_by(self.qs, self.order()))
