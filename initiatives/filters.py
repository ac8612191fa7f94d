"""Filters of the public list: each one a Dutch URL parameter, so a filtered list is a link you can share."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import Count, F, QuerySet

from initiatives.models import Initiative
from initiatives.search import INITIATIVES
from wdhs.models import Municipality, Province, Term
from wdhs.search.query import expand_query, parse_query

SORT_CHOICES = [
    ("relevantie", "Best passend bij je zoekwoorden"),
    ("naam", "Naam (A tot Z)"),
    ("nieuw", "Nieuwste eerst"),
    ("gemeente", "Gemeente (A tot Z)"),
]

# URL parameter -> (label, field for counting, vocabulary or None)
FACETS: list[tuple[str, str, str, str | None]] = [
    ("provincie", "Provincie", "municipality__province", None),
    ("gemeente", "Gemeente", "municipality", None),
    ("soort", "Soort initiatief", "kind", "initiative_kind"),
    ("thema", "Thema", "themes", "theme"),
    ("rechtsvorm", "Rechtsvorm", "legal_form", "legal_form"),
    ("fase", "Fase", "phase", "phase"),
    ("behoefte", "Wat ze nodig hebben", "needs", "need"),
]

ERROR_MESSAGES = {
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


def _terms(vocabulary: str) -> Any:
    return lambda request: Term.objects.of(vocabulary)


class InitiativeFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label="Zoeken")
    provincie = django_filters.ModelChoiceFilter(
        field_name="municipality__province", to_field_name="slug", queryset=Province.objects.all()
    )
    gemeente = django_filters.ModelChoiceFilter(
        field_name="municipality", to_field_name="slug", queryset=Municipality.objects.all()
    )
    soort = django_filters.ModelChoiceFilter(
        field_name="kind", to_field_name="slug", queryset=_terms("initiative_kind")
    )
    thema = django_filters.ModelChoiceFilter(field_name="themes", to_field_name="slug", queryset=_terms("theme"))
    rechtsvorm = django_filters.ModelChoiceFilter(
        field_name="legal_form", to_field_name="slug", queryset=_terms("legal_form")
    )
    fase = django_filters.ModelChoiceFilter(field_name="phase", to_field_name="slug", queryset=_terms("phase"))
    behoefte = django_filters.ModelChoiceFilter(field_name="needs", to_field_name="slug", queryset=_terms("need"))
    sorteer = django_filters.ChoiceFilter(choices=SORT_CHOICES, method="sort", empty_label=None)

    class Meta:
        model = Initiative
        fields: list[str] = []

    def search(self, queryset: QuerySet[Initiative], name: str, value: str) -> QuerySet[Initiative]:
        parsed = parse_query(value)
        if not parsed.is_searchable:
            return queryset
        # The portal's one engine and ranking (source "initiatieven" of /zoeken/), the query built once
        # per page: every facet count reuses it.
        cache = self.__dict__.setdefault("_expanded_queries", {})
        if parsed.text not in cache:
            cache[parsed.text] = expand_query(parsed)
        return INITIATIVES.search(None, cache[parsed.text], queryset=queryset)

    def sort(self, queryset: QuerySet[Initiative], name: str, value: str) -> QuerySet[Initiative]:
        # Ordering is applied in `ordered()`, after all filters; this filter only validates the value.
        return queryset

    def filter_without(self, skip: str) -> QuerySet[Initiative]:
        """The queryset with every valid filter except one: counts per option show what choosing it gives."""
        queryset = self.queryset.all()
        cleaned = getattr(self.form, "cleaned_data", {}) if self.is_bound else {}
        for name, value in cleaned.items():
            if name != skip and name != "sorteer":
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    @property
    def search_text(self) -> str:
        cleaned = getattr(self.form, "cleaned_data", {}) if self.is_bound else {}
        return parse_query(cleaned.get("q") or "").text

    def ordered(self) -> QuerySet[Initiative]:
        cleaned = getattr(self.form, "cleaned_data", {}) if self.is_bound else {}
        sort = cleaned.get("sorteer") or ("relevantie" if self.search_text else "naam")
        qs = self.qs
        if sort == "relevantie" and self.search_text:
            return qs.order_by("-search_rank", "pk")
        if sort == "nieuw":
            return qs.order_by(F("published_at").desc(nulls_last=True), "pk")
        if sort == "gemeente":
            return qs.order_by("municipality__name", "name", "pk")
        return qs.order_by("name", "pk")

    def error_messages(self) -> list[str]:
        if not self.is_bound or self.is_valid():
            return []
        return [ERROR_MESSAGES.get(name, "Een filter klopt niet. We hebben het weggelaten.") for name in self.errors]

    def facets(self) -> list[dict[str, Any]]:
        """Options with counts for every facet: one aggregate query per facet plus one for the names."""
        cleaned = getattr(self.form, "cleaned_data", {}) if self.is_bound else {}
        terms = {t.pk: t for t in Term.objects.filter(vocabulary__in=[v for *_, v in FACETS if v], is_active=True)}
        result = []
        for param, label, field, vocabulary in FACETS:
            counts = dict(
                self.filter_without(param)
                .order_by()
                .values_list(field)
                .annotate(n=Count("pk", distinct=True))
                .values_list(field, "n")
            )
            selected = cleaned.get(param)
            if vocabulary:
                options = [
                    {"value": t.slug, "label": t.name, "count": counts.get(t.pk, 0), "selected": selected == t}
                    for t in terms.values()
                    if t.vocabulary == vocabulary
                ]
            else:
                options = []  # places are filled in by `place_options` (one query for both)
            result.append(
                {
                    "param": param,
                    "label": label,
                    "options": options,
                    "counts": counts,
                    "selected": selected,
                    "vocabulary": vocabulary,
                }
            )
        self._fill_places(result)
        return result

    def _fill_places(self, facets: list[dict[str, Any]]) -> None:
        by_param = {f["param"]: f for f in facets}
        provinces = by_param["provincie"]
        provinces["options"] = [
            {
                "value": p.slug,
                "label": p.name,
                "count": provinces["counts"].get(p.pk, 0),
                "selected": provinces["selected"] == p,
            }
            for p in Province.objects.all()
        ]
        municipalities = by_param["gemeente"]
        wanted = [pk for pk, n in municipalities["counts"].items() if n]
        if municipalities["selected"] is not None:
            wanted.append(municipalities["selected"].pk)
        municipalities["options"] = [
            {
                "value": m.slug,
                "label": m.display_name,
                "count": municipalities["counts"].get(m.pk, 0),
                "selected": municipalities["selected"] == m,
            }
            for m in Municipality.objects.filter(pk__in=wanted).order_by("name")
        ]
