"""The three lists a partner can put on their own website, each on the FilterSet of its list page; knowledge and
the agenda also for one organisation (?organisatie=<slug>), so a partner shows its own items on its own site."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import django_filters
from django import forms
from django.db.models import F, QuerySet
from django.http import QueryDict
from django.utils import timezone

from initiatives.filters import InitiativeFilter
from initiatives.models import Initiative
from knowledge.events.filters import EventFilter
from knowledge.events.models import Event
from knowledge.filters import ResourceFilter
from knowledge.models import Organisation, Resource
from wdhs.facets import ordered_by

DEFAULT_COUNT = 5
MAX_COUNT = 20
# Longer than any slug of the portal (a municipality's is at most 80 characters): refused before any query.
MAX_VALUE_LENGTH = 100
# ?thema=a&thema=b: more values than there are themes can only be a mistake or an attack.
MAX_VALUES = 20
COUNT_ERROR = f"Het aantal moet een getal van 1 tot en met {MAX_COUNT} zijn."
TOO_LONG = "Een van de filters in het webadres is te lang. Zo'n filter kennen we niet."
TOO_MANY = f"In het webadres staan te veel filters van één soort. Kies er hoogstens {MAX_VALUES}."


class CountFilter(django_filters.Filter):
    """`aantal`: how many items the embed shows. It filters nothing; the view takes that many."""

    field_class = forms.IntegerField


def _unchanged(queryset: QuerySet, name: str, value: Any) -> QuerySet:
    return queryset


def count_filter() -> CountFilter:
    return CountFilter(
        label="Aantal",
        method=_unchanged,
        min_value=1,
        max_value=MAX_COUNT,
        help_text=f"Hoeveel je er ziet in de lijst: 1 tot en met {MAX_COUNT}. Niet ingevuld: {DEFAULT_COUNT}.",
        error_messages={"invalid": COUNT_ERROR, "min_value": COUNT_ERROR, "max_value": COUNT_ERROR},
    )


def organisation_filter() -> django_filters.ModelChoiceFilter:
    """`organisatie`: one partner's own items, by the slug of its page (/organisaties/<slug>/)."""
    return django_filters.ModelChoiceFilter(
        label="Organisatie",
        field_name="organisation",
        to_field_name="slug",
        queryset=Organisation.objects.order_by("name"),
        empty_label="Alle organisaties",
        help_text="Alleen wat deze organisatie op We Doen Het Samen zet. Handig voor de website van je organisatie.",
    )


def embed_filter(
    base: type[django_filters.FilterSet], params: tuple[str, ...], **extra: django_filters.Filter
) -> type[django_filters.FilterSet]:
    """The FilterSet of a list page, for an embed: its filters named in `params` (the others, such as search and
    sorting, are dropped: a link with them still works), `extra` filters of the embed only, and `aantal`."""
    kept = (*params, "aantal")

    def __init__(self: django_filters.FilterSet, *args: Any, **kwargs: Any) -> None:
        base.__init__(self, *args, **kwargs)
        for name in list(self.filters):
            if name not in kept:
                del self.filters[name]

    meta = type("Meta", (base.Meta,), {})
    attrs = {"Meta": meta, "__init__": __init__, "__module__": __name__, "aantal": count_filter(), **extra}
    filterset: type[django_filters.FilterSet] = type(f"{base.__name__}ForEmbed", (base,), attrs)
    return filterset


INITIATIVE_PARAMS = ("gemeente", "provincie", "thema", "soort")
RESOURCE_PARAMS = ("organisatie", "thema", "soort", "fase")
EVENT_PARAMS = ("organisatie", "thema", "provincie")

InitiativeEmbedFilter = embed_filter(InitiativeFilter, INITIATIVE_PARAMS)
# One organisation (the list page /kennis/ takes several; an embed is one partner's own list).
ResourceEmbedFilter = embed_filter(ResourceFilter, RESOURCE_PARAMS, organisatie=organisation_filter())
# /agenda/ has no filter per organisation: the embed's own, left out of its link to the agenda.
EventEmbedFilter = embed_filter(EventFilter, EVENT_PARAMS, organisatie=organisation_filter())


def _initiatives(rows: QuerySet[Initiative], count: int) -> list[Initiative]:
    # Newest first, as "Nieuwste eerst" on /initiatieven/ (the same order, so "Meer" goes on where this stops).
    newest = ordered_by(rows, [(F("published_at"), True)])
    return list(newest.select_related("municipality__province", "kind")[:count])


def _resources(rows: QuerySet[Resource], count: int) -> list[Resource]:
    return list(rows.order_by("-published_at", "pk").select_related("kind", "organisation")[:count])


def _events(rows: QuerySet[Event], count: int) -> list[Event]:
    upcoming = rows.upcoming(timezone.now())  # type: ignore[attr-defined]
    return list(upcoming.select_related("organisation", "province", "municipality__province")[:count])


@dataclass(frozen=True)
class EmbedList:
    """One list that can be embedded: its URL, the filters it takes and how it reads its items."""

    key: str  # the value of ?lijst= on /embed/
    name: str  # the heading
    url_name: str
    full_list: str  # the list page on the portal, with the same filters
    filterset: type[django_filters.FilterSet]
    queryset: Callable[[], QuerySet]
    items: Callable[[Any, int], list[Any]]
    params: tuple[str, ...]
    item_template: str
    empty: str  # the empty state
    full_list_extra: dict[str, str] = field(default_factory=dict)  # e.g. the same order on the list page
    not_on_full_list: tuple[str, ...] = ()  # parameters the list page does not take
    errors: dict[str, str] = field(default_factory=dict)  # URL parameter -> what to say when its value is unknown
    all_labels: dict[str, str] = field(default_factory=dict)  # URL parameter -> the choice "no filter"

    def bind(self, data: QueryDict | None) -> django_filters.FilterSet:
        return self.filterset(data, queryset=self.queryset())


REGION_ERRORS = {
    "gemeente": "Deze gemeente kennen we niet.",
    "provincie": "Deze provincie kennen we niet.",
    "thema": "Dit thema kennen we niet.",
}
ORGANISATION_ERROR = (
    "Deze organisatie kennen we niet. Gebruik het laatste deel van het adres van haar pagina op We Doen Het Samen, "
    "of kies de organisatie op /embed/."
)

LISTS: dict[str, EmbedList] = {
    spec.key: spec
    for spec in (
        EmbedList(
            key="initiatieven",
            name="Initiatieven",
            url_name="embed:initiatives",
            full_list="initiatives:list",
            filterset=InitiativeEmbedFilter,
            queryset=lambda: Initiative.objects.published(),
            items=_initiatives,
            params=INITIATIVE_PARAMS,
            item_template="embed/_initiative.html",
            empty="Hier staan nog geen initiatieven. Kijk op We Doen Het Samen voor initiatieven in heel Nederland.",
            full_list_extra={"sorteer": "nieuw"},
            errors={**REGION_ERRORS, "soort": "Deze soort initiatief kennen we niet."},
            all_labels={
                "gemeente": "Alle gemeenten",
                "provincie": "Alle provincies",
                "soort": "Alle soorten",
            },
        ),
        EmbedList(
            key="kennis",
            name="Kennis",
            url_name="embed:knowledge",
            full_list="knowledge:list",
            filterset=ResourceEmbedFilter,
            queryset=lambda: Resource.objects.published(),
            items=_resources,
            params=RESOURCE_PARAMS,
            item_template="embed/_resource.html",
            empty="Hier staat nog geen kennis. Kijk op We Doen Het Samen voor alle kennis.",
            errors={
                "organisatie": ORGANISATION_ERROR,
                "thema": "Dit thema kennen we niet.",
                "soort": "Deze soort kennis kennen we niet.",
                "fase": "Deze fase kennen we niet.",
            },
            all_labels={"soort": "Alle soorten", "fase": "Alle fases"},
        ),
        EmbedList(
            key="agenda",
            name="Agenda",
            url_name="embed:events",
            full_list="events:list",
            filterset=EventEmbedFilter,
            queryset=lambda: Event.objects.published(),
            items=_events,
            params=EVENT_PARAMS,
            item_template="embed/_event.html",
            empty="Er staan nu geen activiteiten in de agenda. Kijk later nog eens.",
            not_on_full_list=("organisatie",),
            errors={"organisatie": ORGANISATION_ERROR, **REGION_ERRORS},
        ),
    )
}


def input_problems(data: QueryDict, spec: EmbedList) -> list[str]:
    """What is wrong with the parameters before any query: values too long or too many (a hostile link)."""
    problems = []
    for name in (*spec.params, "aantal"):
        values = data.getlist(name)
        if any(len(value) > MAX_VALUE_LENGTH for value in values):
            problems.append(TOO_LONG)
        if len(values) > MAX_VALUES:
            problems.append(TOO_MANY)
    return list(dict.fromkeys(problems))


def filter_problems(filterset: django_filters.FilterSet, spec: EmbedList) -> list[str]:
    """One Dutch message for each parameter of a bound FilterSet that does not hold."""
    if filterset.is_valid():
        return []
    messages = []
    for name in filterset.form.errors:
        messages.append(COUNT_ERROR if name == "aantal" else spec.errors.get(name, "Een filter kennen we niet."))
    return list(dict.fromkeys(messages))


def chosen(filterset: django_filters.FilterSet, spec: EmbedList) -> list[tuple[str, str]]:
    """The chosen filters of a valid FilterSet as (label, value), for the heading and the iframe's title."""
    described = []
    for name in spec.params:
        value = filterset.form.cleaned_data.get(name)
        values = list(value) if isinstance(value, (QuerySet, list, tuple)) else [value] if value else []
        if values:
            names = [getattr(item, "display_name", None) or str(item) for item in values]
            described.append((str(filterset.filters[name].label), " of ".join(names)))
    return described


def query(data: QueryDict, spec: EmbedList) -> QueryDict:
    """The filters of `data` that the list takes, in a fixed order: for links and the snippet."""
    kept = QueryDict(mutable=True)
    for name in spec.params:
        values = [value for value in data.getlist(name) if value]
        if values:
            kept.setlist(name, values)
    return kept
