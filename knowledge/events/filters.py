"""The filters of /agenda/ and its calendar feeds: a theme and a province, both by slug in the URL."""

from __future__ import annotations

import django_filters
from django.db.models import Q, QuerySet

from knowledge.events.models import Event
from wdhs.models import Province, Term


class EventFilter(django_filters.FilterSet):
    thema = django_filters.ModelChoiceFilter(
        label="Thema",
        field_name="themes",
        to_field_name="slug",
        queryset=Term.objects.themes(),
        empty_label="Alle thema's",
    )
    provincie = django_filters.ModelChoiceFilter(
        label="Provincie",
        method="filter_province",
        to_field_name="slug",
        queryset=Province.objects.order_by("name"),
        empty_label="Heel Nederland",
        help_text="Activiteiten in die provincie. Online activiteiten voor heel Nederland staan er ook bij.",
    )

    class Meta:
        model = Event
        fields: list[str] = []

    def filter_province(self, queryset: QuerySet[Event], name: str, value: Province) -> QuerySet[Event]:
        national = Q(province__isnull=True, municipality__isnull=True)
        return queryset.filter(Q(province=value) | Q(municipality__province=value) | national)
