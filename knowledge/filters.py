"""The facets of /kennis/ and /organisaties/: combinable, all in the URL; several values of a facet at once on
/kennis/."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import django_filters
from django.db.models import BigIntegerField, ExpressionWrapper, F, Q, QuerySet, Value
from django.db.models.functions import Coalesce

from knowledge import counts
from knowledge.models import Organisation, OrganisationKind, Resource
from wdhs import smalltables
from wdhs.facets import FacetFilterSet, FacetSpec, at_most, multiple_filter
from wdhs.models import Municipality, Province, Term
from wdhs.search.query import MAX_RAW_QUERY

NATIONAL = "heel-nederland"


class ResourceFilter(FacetFilterSet):
    # Several values of each facet at once (?thema=a&thema=b&fase=idee): either value within a facet, and
    # every facet (see wdhs.facets.any_of).
    thema = multiple_filter(label="Thema", field_name="themes", to_field_name="slug", queryset=Term.objects.themes())
    fase = multiple_filter(label="Fase", field_name="phases", to_field_name="slug", queryset=Term.objects.phases())
    soort = multiple_filter(
        label="Soort", field_name="kind", to_field_name="slug", queryset=Term.objects.knowledge_kinds()
    )
    regio = django_filters.MultipleChoiceFilter(
        label="Regio", method="filter_region", choices=[], distinct=False, validators=[at_most()]
    )
    organisatie = multiple_filter(
        label="Organisatie", field_name="organisation", to_field_name="slug", queryset=Organisation.objects.all()
    )

    # Without other filters a facet takes its counts from those the database keeps (knowledge/counts.py).
    facet_specs = (
        FacetSpec(
            "thema", all_label="Alle thema's", kept=counts.facet("theme"), paired=counts.paired("theme", link=True)
        ),
        FacetSpec("fase", all_label="Alle fases", kept=counts.facet("phase"), paired=counts.paired("phase", link=True)),
        FacetSpec("soort", all_label="Alle soorten", kept=counts.facet("kind"), paired=counts.paired("kind")),
        # The region a resource counts under: its province, its municipality's province, or the whole country.
        # Grouped by key (a province, minus a municipality, 0 for national) and named in Python from the kept small
        # tables: joining the province twice for its slug cost a third of a one-pass count (7 -> 5 ms).
        FacetSpec(
            "regio",
            all_label="Alle regio's",
            group_by=lambda: Coalesce(
                "province_id",
                ExpressionWrapper(Value(0) - F("municipality_id"), output_field=BigIntegerField()),
                Value(0),
                output_field=BigIntegerField(),
            ),
            group_key=lambda: _region_of(),
            kept=lambda: counts.regions(NATIONAL),
            paired=counts.region_paired(NATIONAL),
        ),
        # Hundreds of partners: the ones with the most results; search finds the others by name.
        FacetSpec(
            "organisatie",
            all_label="Alle organisaties",
            limit=15,
            kept=counts.facet("organisation"),
            paired=counts.paired("organisation"),
        ),
    )

    # An old or hand-made link: the unknown filter is left out, and the rest still shows.
    default_error = "Een van de filters in het webadres kennen we niet. We hebben dat filter weggelaten."

    class Meta:
        model = Resource
        fields: list[str] = []

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.filters["regio"].extra["choices"] = region_choices()

    def kept_rows(self) -> QuerySet[Resource]:
        return Resource.objects.published()

    def kept_count(self) -> int:
        return counts.total()

    def filter_region(self, queryset: QuerySet[Resource], name: str, value: list[str]) -> QuerySet[Resource]:
        """Resources in any of the chosen regions (one row each: a resource has one scope, province, municipality)."""
        wanted = Q()
        slugs = {slug for slug in value if slug != NATIONAL}
        if NATIONAL in value:
            wanted |= Q(scope=Resource.Scope.NATIONAL)
        if slugs:
            # By key, from the kept provinces and municipalities: joining the province twice (its own and its
            # municipality's) made PostgreSQL plan three outer joins and test the slugs on every published resource.
            provinces = {province.pk for province in smalltables.kept_rows(Province) if province.slug in slugs}
            places = [place.pk for place in smalltables.kept_rows(Municipality) if place.province_id in provinces]
            wanted |= Q(province__in=sorted(provinces)) | Q(municipality__in=places)
        return queryset.filter(wanted) if value else queryset


def _region_of() -> Callable[[Any], str | None]:
    """The region a grouped place of the regio facet stands for: a province's key, a municipality's key negated, 0
    for the whole country (as text from a one-pass count, or a number); None for a key the kept rows do not hold."""
    provinces = {province.pk: province.slug for province in smalltables.kept_rows(Province)}
    places = {place.pk: place.province.slug for place in smalltables.kept_rows(Municipality)}

    def region(value: Any) -> str | None:
        key = int(value)
        if key == 0:
            return NATIONAL
        return provinces.get(key) if key > 0 else places.get(-key)

    return region


def region_choices() -> list[tuple[str, str]]:
    provinces: list[Province] = smalltables.kept_rows(Province)  # in the order of their names
    return [(NATIONAL, "Heel Nederland"), *((province.slug, province.name) for province in provinces)]


class OrganisationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label="Zoek op naam of wat ze doen",
        method="search",
        max_length=MAX_RAW_QUERY,
        help_text="Niet verplicht. Bijvoorbeeld: vrijwilligers of energie.",
    )
    soort = django_filters.ChoiceFilter(
        label="Soort organisatie", field_name="kind", choices=OrganisationKind.choices, empty_label="Alle soorten"
    )
    thema = django_filters.ModelChoiceFilter(
        label="Thema",
        field_name="themes",
        to_field_name="slug",
        queryset=Term.objects.themes(),
        empty_label="Alle thema's",
    )
    provincie = django_filters.ModelChoiceFilter(
        label="Werkt in provincie",
        to_field_name="slug",
        queryset=Province.objects.all(),
        method="filter_province",
        empty_label="Alle provincies",
    )

    class Meta:
        model = Organisation
        fields: list[str] = []

    def search(self, queryset: QuerySet[Organisation], name: str, value: str) -> QuerySet[Organisation]:
        # The search (with the ranking of /zoeken/) runs in the view, after every other filter.
        return queryset

    def filter_province(self, queryset: QuerySet[Organisation], name: str, value: Province) -> QuerySet[Organisation]:
        return queryset.filter(Q(is_national=True) | Q(provinces=value) | Q(municipalities__province=value)).distinct()
