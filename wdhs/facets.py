"""Facets for the list pages: django-filter FilterSets whose options say how many results each one gives.

A facet counts within the result filtered by every *other* facet (and the search), so the number
next to an option is exactly what you get when you choose it. Each facet costs one query, however
many results or options there are. Used by /kennis/ (knowledge.filters) and /initiatieven/
(initiatives.filters); /zoeken/ builds its kind facet itself. Every list renders its `Facet` objects the same way,
as checkboxes in its filter form (templates/includes/facets.html, templates/list_base.html).
"""

from __future__ import annotations

import dataclasses
import heapq
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any, ClassVar, overload
from urllib.parse import urlencode

import django_filters
from django import forms
from django.contrib.postgres.search import SearchVectorExact
from django.core.exceptions import EmptyResultSet, ValidationError
from django.core.paginator import Page, Paginator
from django.db import connections, models
from django.db.models import Count, F, QuerySet
from django.db.models.fields.related import RelatedField
from django.db.models.sql.query import Query
from django.db.models.sql.where import WhereNode
from django.http import QueryDict
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django_filters.fields import ModelMultipleChoiceField

from wdhs import counts, pagecache, smalltables
from wdhs.search.registry import Bounded, search_plan


@dataclass(frozen=True)
class FacetItem:
    """One option of a facet: its value in the URL, its count, and the link that chooses it (or clears it)."""

    value: str
    label: str
    count: int | None  # None: not counted (a search with more matches than it ranks, see capped_at)
    selected: bool
    # Made when a template asks for it: a list that chooses with a form (the municipalities' select box) shows
    # hundreds of options and no link.
    link: Callable[[], str] = dataclasses.field(compare=False, repr=False)

    @cached_property
    def url(self) -> str:
        return self.link()


@dataclass(frozen=True)
class Facet:
    param: str
    label: str
    items: list[FacetItem]
    clear_url: str | None
    all_label: str
    multiple: bool = False  # several values at once (?thema=a&thema=b: either one)
    select: bool = False  # many options: a form adds one more from a select box (see FacetSpec.select)


ModelFilters = (django_filters.ModelChoiceFilter, django_filters.ModelMultipleChoiceFilter)

CHOOSE_SEVERAL = '<span class="wdhs-meta">(kies er een of meer)</span>'


def facets_html(facets: Sequence[Facet]) -> SafeString:
    """The fields of a list's filter form for its facets (templates/includes/facets.html); a facet without options
    (nothing to choose among these results) is left out.

    Built in Python, not in a template: the municipalities of a list can be 340 options, and the template's look-ups
    and escapes took 10 ms per page for them; this takes a tenth of that. Every value and label is escaped.
    - several values, many options (municipalities): the chosen ones as checkboxes, one select box to add another;
    - several values: a checkbox per option; one value: a select box.
    """
    parts: list[str] = []
    for facet in facets:
        if not facet.items:
            continue
        param, label = escape(facet.param), escape(facet.label)
        if facet.select:
            parts.append(
                f'<fieldset class="utrecht-form-fieldset wdhs-facet-checks">'
                f'<legend class="utrecht-form-label">{label} {CHOOSE_SEVERAL}</legend>'
            )
            parts.extend(_checkbox(param, item) for item in facet.items if item.selected)
            lower = escape(facet.label.lower())
            add = f"Nog een {lower} erbij" if facet.clear_url else f"Kies een {lower}"
            parts.append(
                f'<label class="utrecht-form-label wdhs-facet-add" for="filter-{param}">{add}</label>'
                f'<select class="utrecht-select" id="filter-{param}" name="{param}">'
                f'<option value="">{"Geen andere" if facet.clear_url else "Alle"}</option>'
            )
            parts.extend(_option(item, mark=False) for item in facet.items if not item.selected)
            parts.append("</select></fieldset>")
        elif facet.multiple:
            parts.append(
                f'<fieldset class="utrecht-form-fieldset wdhs-facet-checks">'
                f'<legend class="utrecht-form-label">{label} {CHOOSE_SEVERAL}</legend>'
            )
            parts.extend(_checkbox(param, item) for item in facet.items)
            parts.append("</fieldset>")
        else:
            parts.append(
                f'<div class="utrecht-form-field">'
                f'<label class="utrecht-form-label" for="filter-{param}">{label}</label>'
                f'<select class="utrecht-select" id="filter-{param}" name="{param}"><option value="">Alle</option>'
            )
            parts.extend(_option(item, mark=True) for item in facet.items)
            parts.append("</select></div>")
    return mark_safe("\n".join(parts))  # noqa: S308 - every value and label above is escaped


def _counted_label(item: FacetItem) -> str:
    count = "" if item.count is None else f" ({int(item.count)})"
    return f"{escape(item.label)}{count}"


def _checkbox(param: str, item: FacetItem) -> str:
    checked = " checked" if item.selected else ""
    return (
        f'<label class="wdhs-facet-check"><input type="checkbox" name="{param}" value="{escape(item.value)}"{checked}>'
        f" {_counted_label(item)}</label>"
    )


def _option(item: FacetItem, *, mark: bool) -> str:
    selected = " selected" if mark and item.selected else ""
    return f'<option value="{escape(item.value)}"{selected}>{_counted_label(item)}</option>'


def _forward_only(model: type[models.Model], path: str) -> bool:
    """Whether a lookup path follows only forward foreign keys (each result has at most one value there)."""
    for name in path.split("__"):
        field = model._meta.get_field(name)
        related = field.related_model
        if not (field.many_to_one or field.one_to_one) or field.auto_created or related is None:
            return False
        model = related
    return True


def _link_table(model: type[models.Model], name: str) -> tuple[type[models.Model], str, str] | None:
    """(link model, its field to `model`, its field to the target) when `name` is a many-to-many field of `model`."""
    if "__" in name:
        return None
    field = model._meta.get_field(name)
    if not isinstance(field, models.ManyToManyField):
        return None
    through = field.remote_field.through
    assert isinstance(through, type)
    return through, field.m2m_field_name(), field.m2m_reverse_field_name()


def _repeats_rows(query: Any) -> bool:
    """Whether a join of `query` can give a result more than once: any join but along a forward foreign key."""
    for join in query.alias_map.values():
        field = getattr(join, "join_field", None)  # None for the table itself
        if field is not None and not (field.many_to_one or field.one_to_one):
            return True
    return False


def any_of(queryset: QuerySet, name: str, value: Any) -> QuerySet:
    """The filter method of a facet with several values: results with any of them (OR within a facet).

    On a foreign key (a result has one kind, one phase, one municipality) one value is a join, several an IN on
    that column. On a link table (themes, needs) the results are the keys the link table holds for the values
    (`pk IN (SELECT initiative_id FROM ..._themes WHERE term_id IN ...)`), one value or several: a result with two
    of the chosen values is listed once, without DISTINCT over the whole listing, and without a join a facet counts
    its results straight from the table (`_rows`; a join made PostgreSQL read the table twice, 25 ms instead of 12
    for the provinces of one theme among 100,000 initiatives).
    """
    if isinstance(value, QuerySet) and value.query.is_empty():
        # Nothing chosen: the form's empty choice is `none()`, and listing it still compiles its SQL (eight
        # facets on every list page).
        return queryset
    values = list(value)
    if not values:
        return queryset
    model = queryset.model
    link = _link_table(model, name)
    if link is not None:
        through, source, target = link
        return queryset.filter(pk__in=through._default_manager.filter(**{f"{target}__in": values}).values(source))
    if len(values) == 1:
        return queryset.filter(**{name: values[0]})
    if _forward_only(model, name):
        return queryset.filter(**{f"{name}__in": values})
    return queryset.filter(pk__in=model._default_manager.filter(**{f"{name}__in": values}).values("pk"))


class KeptChoicesField(ModelMultipleChoiceField):
    """django-filter's field for several model options, which checks the chosen values against the options kept in
    this process (until their table changes) instead of a query per facet and request: a facet's options are a
    small table (terms, provinces, municipalities) that every list page reads anyway. A value the kept
    options do not hold is checked by the query as before, which gives Django's own error."""

    # The options' SQL, compiled once for this field and every copy of it: the form class is kept per process
    # (`get_form_class`) and each request's form copies its fields with `queryset.all()`, the same query. A
    # queryset set anew (`field.queryset = ...`) starts a new one. Compiling it cost about 1 ms per request.
    _compiled: dict[str, tuple[str, tuple[Any, ...]] | None]

    def _set_queryset(self, queryset: Any) -> None:
        super()._set_queryset(queryset)
        self._compiled = {}

    queryset = property(ModelMultipleChoiceField._get_queryset, _set_queryset)

    def __deepcopy__(self, memo: dict[int, Any]) -> Any:
        result = super().__deepcopy__(memo)
        result._compiled = self._compiled
        return result

    def _options_sql(self) -> tuple[str, tuple[Any, ...]] | None:
        if "sql" not in self._compiled:
            try:
                self._compiled["sql"] = self.queryset.query.sql_with_params()
            except EmptyResultSet:
                self._compiled["sql"] = None
        return self._compiled["sql"]

    def _check_values(self, value: Any) -> Any:
        small = smalltables.is_small(self.queryset.model)  # not the partners: thousands, often edited
        if not small or not pagecache.shared_counts() or not isinstance(value, (list, tuple)):
            return super()._check_values(value)
        key = self.to_field_name or "pk"
        compiled = self._options_sql()
        if compiled is None:
            return super()._check_values(value)
        sql, params = compiled
        queryset = self.queryset

        def build() -> dict[str, Any]:
            return {str(getattr(option, key)): option for option in queryset}

        options: dict[str, Any] = pagecache.memo(("facet-choices", sql, tuple(params)), build, in_process=True)
        wanted = {str(one) for one in value if isinstance(one, str)}
        if len(wanted) != len(set(value)) or not wanted <= options.keys():
            return super()._check_values(value)
        return [option for name, option in options.items() if name in wanted]


class KeptChoicesFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = KeptChoicesField


def multiple_filter(**kwargs: Any) -> django_filters.ModelMultipleChoiceFilter:
    """A facet filter that takes several values of one URL parameter, OR within the facet (see `any_of`)."""
    return KeptChoicesFilter(method=any_of, distinct=False, validators=[at_most()], **kwargs)


# More values of one facet than this is not a person choosing; it is a hand-made or hostile link.
MAX_VALUES = 30


def at_most(limit: int | None = None) -> Callable[[Any], None]:
    """A validator for a facet with several values: too many of them is the same Dutch 400 as an unknown value."""
    limit = limit or MAX_VALUES

    def validate(values: Any) -> None:
        if values is not None and len(values) > limit:
            raise ValidationError(f"Kies hoogstens {limit} waarden.", code="too_many")

    return validate


_KEPT_SQL: dict[type, tuple[str, tuple[Any, ...]] | None] = {}
_OPTION_MODELS: dict[tuple[type, str], type[models.Model]] = {}
_FORM_CLASSES: dict[tuple[Any, ...], type[forms.Form]] = {}


def _kept_sql(cls: type, kept_rows: Callable[[], QuerySet | None]) -> tuple[str, tuple[Any, ...]] | None:
    """The SQL of a FilterSet class's `kept_rows`, compiled once per process: the same query for every request."""
    if cls not in _KEPT_SQL:
        kept = kept_rows()
        _KEPT_SQL[cls] = None if kept is None else kept.order_by().query.sql_with_params()
    return _KEPT_SQL[cls]


def _chosen(selected: Any) -> list[Any]:
    """The chosen values of a facet as a list: none, one, or several (a multiple facet)."""
    if isinstance(selected, QuerySet):
        # A multiple facet with nothing chosen cleans to `none()`: listing that would still compile its SQL.
        return [] if selected.query.is_empty() else list(selected)
    if selected is None or selected == "":
        return []
    if isinstance(selected, (list, tuple)):
        return list(selected)
    return [selected]


@dataclass(frozen=True)
class Paired:
    """Where a facet is in the pair counts the database keeps (wdhs/counts.py `pairs`): with one other facet
    chosen, the counts of this one come from there instead of counting the rows.

    kind and dim: the counted kind and the dimension of this facet. values: the chosen values of this facet (as
    the filter cleans them) as values of `dim`, or None when they have none. keyed: counts per value of `dim`,
    keyed as this facet counts. exclusive: a row holds one value of `dim` at most (a foreign key), so counts of
    several chosen values add up; a link (themes) is paired for one chosen value only.
    """

    kind: str
    dim: str
    keyed: Callable[[dict[str, int]], dict[Any, int]] = lambda kept: {int(value): n for value, n in kept.items()}
    values: Callable[[list[Any]], list[str] | None] = lambda chosen: [str(option.pk) for option in chosen]
    exclusive: bool = True


@dataclass(frozen=True)
class FacetSpec:
    """How one filter of a FacetFilterSet shows as a facet.

    param: the filter's name (its URL parameter). all_label: the text for "no choice". show_empty: also
    list options without results (a select box keeps all its choices). option_label: the text of a model
    option (default str). group_by: for a ChoiceFilter, the value each result has for this facet (an
    expression; default the filter's field). group_key: with group_by, gives (once per count) a function from a
    grouped value, as text or as read, to the option it stands for, or None; several values may stand for one
    option, and their counts add up (group by a key column instead of joining the table with the option's name).
    limit: with show_empty off, show only the options with the most results (and the chosen one), for facets with
    very many options.
    """

    param: str
    all_label: str = "Alle"
    show_empty: bool = False
    option_label: Callable[[Any], str] = str
    group_by: Callable[[], Any] | None = None
    group_key: Callable[[], Callable[[Any], Any]] | None = None
    limit: int | None = None
    # The counts among every row of the FilterSet's `kept_base` (wdhs/counts.py), keyed as this facet counts:
    # used when no other filter is chosen, instead of counting the rows.
    kept: Callable[[], dict[Any, int]] | None = None
    # With one other facet chosen: the counts from the pairs the database keeps (see Paired).
    paired: Paired | None = None
    select: bool = False  # a form shows the chosen values as checkboxes and the others in one select (many options)


def _has_search(node: WhereNode) -> bool:
    """Whether a WHERE tree holds a full-text match (search_vector @@ query)."""
    for child in node.children:
        if isinstance(child, SearchVectorExact) or (isinstance(child, WhereNode) and _has_search(child)):
            return True
    return False


def _has_subquery(node: WhereNode) -> bool:
    """Whether a WHERE tree holds a condition on a subquery (`pk IN (SELECT ...)`, a filter on a link table)."""
    for child in node.children:
        if isinstance(child, WhereNode):
            if _has_subquery(child):
                return True
        elif isinstance(getattr(child, "rhs", None), Query):
            return True
    return False


def _query_string(params: QueryDict, key: str, values: list[str], *, always: bool = False) -> str:
    """The current query string with the values of one parameter replaced (none: left out), back on page 1.

    Built from the pairs directly: copying the QueryDict (a deep copy) for each of the hundreds of option links on a
    list page cost more than the rest of the facets. The order is QueryDict's: the parameter keeps its place, or
    comes last when it is new.
    """
    pairs: list[tuple[str, str]] = []
    placed = False
    for name, current in params.lists():
        if name == "page":
            continue
        if name == key:
            current, placed = values, True
        pairs.extend((name, value) for value in current)
    if not placed:
        pairs.extend((key, value) for value in values)
    encoded = urlencode(pairs)
    return f"?{encoded}" if encoded or always else "?"


def url_with(params: QueryDict, key: str, value: str | None) -> str:
    """The current query string with one parameter set (or removed for None), back on page 1."""
    return _query_string(params, key, [] if value is None else [value])


def url_adding(params: QueryDict, key: str, value: str) -> str:
    """The current query string with one more value of a parameter (a facet with several values), on page 1."""
    current = params.getlist(key)
    return _query_string(params, key, current if value in current else [*current, value], always=True)


def url_without(params: QueryDict, key: str, value: str) -> str:
    """The current query string without one value of one parameter (its other values stay), back on page 1."""
    return _query_string(params, key, [item for item in params.getlist(key) if item != value])


@dataclass(frozen=True)
class Chip:
    """One active filter above the results: what it is, its value, and the link that takes away only this value."""

    label: str
    value: str
    url: str


def facet_chips(facets: Sequence[Facet], params: QueryDict) -> list[Chip]:
    """A chip for every chosen option of the facets, in the facets' order."""
    return [
        Chip(facet.label, item.label, url_without(params, facet.param, item.value))
        for facet in facets
        for item in facet.items
        if item.selected
    ]


def query_chip(params: QueryDict, text: str, key: str = "q") -> list[Chip]:
    """The search words as a chip (none without a search)."""
    return [Chip("Zoekwoorden", text, url_with(params, key, None))] if text else []


def form_chips(
    form: Any, params: QueryDict, labels: dict[str, str] | None = None, skip: Sequence[str] = ()
) -> list[Chip]:
    """A chip for every answer of a valid bound form (one per chosen value of a multiple choice), in its order;
    `labels` gives a field a shorter name than its question."""
    if not form.is_bound or not form.is_valid():
        return []
    chips: list[Chip] = []
    for name, field in form.fields.items():
        if name in skip:
            continue
        values = [value for value in params.getlist(name) if value.strip()]
        choices = {str(key): str(text) for key, text in getattr(field, "choices", ())}
        label = (labels or {}).get(name) or str(field.label).rstrip("?").rstrip()
        chips.extend(Chip(label, choices.get(value, value), url_without(params, name, value)) for value in values)
    return chips


def _reverse_path(model: type[models.Model], field_path: str) -> str:
    """The lookup from the far end of `field_path` back to `model`.

    For initiatives, "municipality__province" gives "municipalities__initiatives" (from a province).
    """
    parts = []
    for name in field_path.split("__"):
        field = model._meta.get_field(name)
        assert isinstance(field, RelatedField), f"{field_path} must follow forward relations"
        parts.append(field.related_query_name())
        model = field.related_model
    return "__".join(reversed(parts))


def _counted(counts: QuerySet) -> dict[Any, int]:
    """{option: count} from a grouped query; kept until the content changes, under the query itself as the name."""
    try:
        sql, params = counts.query.sql_with_params()
    except EmptyResultSet:  # a search that can match nothing (only stop words)
        return {}
    return pagecache.memo(("facet", sql, params), lambda: dict(counts))


def _grouping_sets(members: list[tuple[str, str, QuerySet]]) -> dict[str, dict[Any, int]]:
    """{param: {option pk: count}} for facets (param, field name, rows) that share their rows, in one query."""
    rows = members[0][2]
    aliases = [f"facet_{i}" for i in range(len(members))]
    inner = rows.annotate(**{alias: F(field) for alias, (_, field, _) in zip(aliases, members, strict=True)})
    sql, params = inner.values_list(*aliases).query.sql_with_params()
    columns = ", ".join(aliases)
    sets = ", ".join(f"({alias})" for alias in aliases)
    # Only our own aliases go into the text; every value stays a query parameter.
    query = f"SELECT {columns}, GROUPING({columns}), COUNT(*) FROM ({sql}) AS matching GROUP BY GROUPING SETS ({sets})"  # noqa: S608

    def compute() -> dict[str, dict[Any, int]]:
        width = len(aliases)
        result: dict[str, dict[Any, int]] = {param: {} for param, _, _ in members}
        with connections[rows.db].cursor() as cursor:
            cursor.execute(query, params)
            for row in cursor.fetchall():
                values, grouping, count = row[:width], row[width], row[width + 1]
                for i, (param, _, _) in enumerate(members):
                    # GROUPING(...) has a 0 bit for the one column this row is grouped by.
                    if grouping == (1 << width) - 1 - (1 << (width - 1 - i)):
                        result[param][values[i]] = count
        return result

    shared: dict[str, dict[Any, int]] = pagecache.memo(("facets", query, tuple(params)), compute)
    return shared


class KeptCountPaginator(Paginator):
    """A Paginator whose count (of a queryset) is kept until the content changes: an exact count of 100,000
    published initiatives costs a scan per request, and the unfiltered list is the most visited page. `known_count`:
    the count is already known (the counts the database keeps, see FacetFilterSet.kept_total)."""

    def __init__(self, object_list: Any, per_page: int, *, known_count: int | None = None) -> None:
        super().__init__(object_list, per_page)
        self.known_count = known_count

    @cached_property
    def count(self) -> int:
        if self.known_count is not None:
            return self.known_count
        rows: QuerySet = self.object_list  # type: ignore[assignment]  # a queryset here
        try:
            sql, params = rows.order_by().values("pk").query.sql_with_params()
        except EmptyResultSet:
            return 0
        counted: int = pagecache.memo(("count", sql, tuple(params)), rows.count)
        return counted


MAX_PAGE = 100_000  # a page number beyond any list; the Paginator turns it into the last page


Order = list[tuple[Any, bool]]  # (expression, descending); the primary key breaks ties


def ordered_by(queryset: QuerySet, order: Order) -> QuerySet:
    """`queryset` in this order (descending ones with empty values last), ties broken by primary key."""
    annotated = queryset.annotate(**{f"_order_{i}": expression for i, (expression, _) in enumerate(order)})
    columns = [
        F(f"_order_{i}").desc(nulls_last=True) if desc else F(f"_order_{i}").asc() for i, (_, desc) in enumerate(order)
    ]
    return annotated.order_by(*columns, "pk")


class _OrderedKeys(Sequence[Any]):
    """The results in order as the Paginator sees them: `count` long; the window found in the one pass is read
    by key, any other slice (a page number past the end, which the Paginator turns into the last page) is
    ordered again by the database."""

    def __init__(
        self,
        count: int,
        window: tuple[int, int],
        keys: list[Any],
        listing: QuerySet,
        order: Order,
        rows: Callable[[], QuerySet],
    ) -> None:
        self.total, self.window, self.keys, self.listing, self.order, self.rows = (
            count,
            window,
            keys,
            listing,
            order,
            rows,
        )

    def __len__(self) -> int:
        return self.total

    @overload
    def __getitem__(self, index: int) -> Any: ...
    @overload
    def __getitem__(self, index: slice) -> list[Any]: ...
    def __getitem__(self, index: int | slice) -> Any:
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop, _ = index.indices(self.total)
        if (start, stop) == (self.window[0], min(self.window[1], self.total)):
            keys = self.keys
        else:
            keys = list(ordered_by(self.rows(), self.order).values_list("pk", flat=True)[start:stop])
        documents = self.listing.in_bulk(keys)
        return [documents[key] for key in keys if key in documents]


class FacetFilterSet(django_filters.FilterSet):
    """A FilterSet with facet counts and Dutch messages for values it does not know."""

    facet_specs: ClassVar[tuple[FacetSpec, ...]] = ()
    # Parameters that do not narrow the rows (the order).
    neutral: ClassVar[tuple[str, ...]] = ()
    # URL parameter -> what to say when its value is unknown; default_error for the others.
    error_texts: ClassVar[dict[str, str]] = {}
    default_error: ClassVar[str] = "Een filter klopt niet. We hebben het weggelaten."

    def __init__(self, data: Any = None, *args: Any, **kwargs: Any) -> None:
        # An empty value among several (a form's "Kies ..." option sent along) means nothing: left out, so the
        # values and the links built from them stay clean.
        if isinstance(data, QueryDict):
            multiple = [
                name
                for name, filter_ in self.base_filters.items()
                if isinstance(filter_, django_filters.MultipleChoiceFilter)
            ]
            if any("" in [value.strip() for value in data.getlist(name)] for name in multiple):
                data = data.copy()
                for name in multiple:
                    kept = [value for value in data.getlist(name) if value.strip()]
                    if kept:
                        data.setlist(name, kept)
                    else:
                        data.pop(name, None)
        super().__init__(data, *args, **kwargs)

    def get_form_class(self) -> type[forms.Form]:
        """django-filter's form class, built once per FilterSet class and set of choices instead of per request.

        django-filter builds a new class from its filters every time: a field per filter (model choice fields with
        their querysets, choice lists normalised) and Django's form metaclass, about a tenth of a list page with
        filters. A form instance copies its class's fields (and their querysets) anyway, as with any Django form, so
        one class serves every request. Choices a FilterSet sets per instance (the regions of /kennis/) are part of
        the key.
        """
        key = (
            type(self),
            tuple(
                (name, repr(choices))
                for name, filter_ in self.filters.items()
                if isinstance(choices := filter_.extra.get("choices"), (list, tuple))
            ),
        )
        form_class = _FORM_CLASSES.get(key)
        if form_class is None:
            form_class = _FORM_CLASSES[key] = super().get_form_class()
        return form_class

    @property
    def cleaned(self) -> dict[str, Any]:
        """The valid filter values; an unknown value is left out (and reported by `error_messages`)."""
        if not self.is_bound:
            return {}
        self.form.is_valid()
        return self.form.cleaned_data

    def error_messages(self) -> list[str]:
        """One Dutch message for each parameter the page does not know (the same message only once)."""
        if not self.is_bound or self.is_valid():
            return []
        return list(dict.fromkeys(self.error_texts.get(name, self.default_error) for name in self.form.errors))

    def filter_without(self, skip: str | None) -> QuerySet:
        """The queryset with every valid filter except one: what a facet counts in. With every filter (`None`) it
        is built once per request (a new clone each call, so callers may narrow it further)."""
        if skip is None and "_filtered" in self.__dict__:
            return self.__dict__["_filtered"].all()
        queryset = self.queryset.all()
        for name, value in self.cleaned.items():
            if name != skip:
                queryset = self.filters[name].filter(queryset, value)
        if skip is None:
            self.__dict__["_filtered"] = queryset
            return queryset.all()
        return queryset

    @property
    def has_facet_choice(self) -> bool:
        return any(self.data.get(spec.param) for spec in self.facet_specs)

    def kept_rows(self) -> QuerySet | None:
        """The rows whose counts the database keeps (wdhs/counts.py), e.g. every published initiative: with the
        FilterSet's own queryset exactly these rows, an unfiltered facet or list takes its counts from there."""
        return None

    def kept_count(self) -> int:
        """The number of `kept_rows`, from the kept counts."""
        raise NotImplementedError

    def _on_kept_base(self) -> bool:
        """Whether this FilterSet's queryset is exactly the rows whose counts the database keeps."""
        if "_on_kept" not in self.__dict__:
            same = False
            kept = _kept_sql(type(self), self.kept_rows)
            if kept is not None:
                try:
                    same = self.queryset.order_by().query.sql_with_params() == kept
                except EmptyResultSet:
                    same = False
            self.__dict__["_on_kept"] = same
        return bool(self.__dict__["_on_kept"])

    def _chosen_params(self) -> set[str]:
        """The parameters with a valid value that narrows the rows."""
        if "_chosen_names" not in self.__dict__:
            cleaned = self.cleaned.items()
            self.__dict__["_chosen_names"] = {
                name for name, value in cleaned if name not in self.neutral and _chosen(value)
            }
        return set(self.__dict__["_chosen_names"])

    def kept_total(self) -> int | None:
        """The number of results when nothing narrows them, from the counts the database keeps; else None."""
        if self._chosen_params() or not self._on_kept_base():
            return None
        return self.kept_count()

    def _kept_counts(self) -> dict[str, dict[Any, int]]:
        """The counts of every facet that counts among all rows (no other filter chosen), from the kept counts."""
        if not self._on_kept_base():
            return {}
        chosen = self._chosen_params()
        return {
            spec.param: spec.kept()
            for spec in self.facet_specs
            if spec.kept is not None and not (chosen - {spec.param})
        }

    def _paired_counts(self) -> dict[str, dict[Any, int]]:
        """The counts of every facet that counts among rows narrowed by one other facet only, from the pair counts
        the database keeps (`FacetSpec.paired`): after one choice every other facet, after two the two chosen."""
        if "_paired" in self.__dict__:
            return dict(self.__dict__["_paired"])
        found: dict[str, dict[Any, int]] = {}
        chosen = self._chosen_params()
        specs = {spec.param: spec for spec in self.facet_specs}
        # Only facets narrow the rows (no search, no other filter), each with its pairs, on the kept rows.
        if chosen and all(specs.get(param) and specs[param].paired for param in chosen) and self._on_kept_base():
            for spec in self.facet_specs:
                others = chosen - {spec.param}
                if spec.paired is None or len(others) != 1:
                    continue
                name = next(iter(others))
                other = specs[name].paired
                assert other is not None
                chosen_values = _chosen(self.cleaned.get(name))
                values = other.values(chosen_values)
                if values is None or other.dim == spec.paired.dim or (len(chosen_values) > 1 and not other.exclusive):
                    continue
                kept = counts.pairs(other.kind, other.dim, values)
                found[spec.param] = spec.paired.keyed(kept.get(spec.paired.dim, {}))
        self.__dict__["_paired"] = found
        return dict(found)

    def facets(self) -> list[Facet]:
        known: dict[str, dict[Any, int]] = {
            **self._kept_counts(),
            **self._paired_counts(),
            **self.__dict__.get("_search_counts", {}),
        }
        if self.capped_at is not None:
            # Counts among the candidates would mislead, and counting all matches is what the cap avoids: the
            # options found among the candidates, uncounted; a chosen facet shows its choice.
            self._shared_counts = {
                **{spec.param: {} for spec in self.facet_specs},
                **known,
            }
            return [self._facet(spec) for spec in self.facet_specs]
        self._shared_counts = {**self._counts_in_one_pass(skip=set(known)), **known}
        return [self._facet(spec) for spec in self.facet_specs]

    def needs_one_pass(self) -> bool:
        """Whether reading the results is costly (a search, or a filter that joins or looks up another table):
        then `page_in_one_pass` reads them once for the page, the count and the facets."""
        query = self.filter_without(None).query
        return (
            len(query.alias_map) > 1
            or bool(query.annotations)
            or _has_search(query.where)
            or _has_subquery(query.where)
        )

    # Set by page_in_one_pass when a search had more matches than it ranks: the limit ("meer dan ..."), else None.
    capped_at: int | None = None

    def page_in_one_pass(
        self,
        order: Order,
        number: Any,
        per_page: int,
        listing: QuerySet,
        bound: Callable[[QuerySet], Bounded] | None = None,
    ) -> Page:
        """One page of the results, with their count and the facet counts, from one pass over the results.

        A search reads every matching document's vector, for a common word most of the table; a filter on a link
        table joins it. So the results (key, sort values and each unchosen facet's value) are collected once, in a
        materialized CTE, and the count, every facet that counts in the same results (foreign keys, choices and
        link tables) and the page's keys are all taken from it. `order` is a list of (expression, descending), for
        a search its rank; `listing` reads the page's documents. Chosen facets count in other rows and keep their
        own query. `bound` (a search source's `bounded`) limits a search with very many matches to the candidates
        it ranks; then the count is theirs, `capped_at` says so, and the facets show their options uncounted.
        """
        paired = self._paired_counts()
        specs = [spec for spec in self.facet_specs if not self.data.get(spec.param) and spec.param not in paired]
        rows = self.filter_without(None).order_by()
        columns: dict[str, Any] = {f"_order_{i}": expression for i, (expression, _) in enumerate(order)}
        links: list[tuple[str, Any]] = []
        for i, spec in enumerate(specs):
            filter_ = self.filters[spec.param]
            if spec.group_by:
                columns[f"_facet_{i}"] = spec.group_by()
                continue
            field = None if "__" in filter_.field_name else self._meta.model._meta.get_field(filter_.field_name)
            if field is not None and field.many_to_many and not field.auto_created:
                links.append((spec.param, field))
            else:
                columns[f"_facet_{i}"] = F(filter_.field_name)
        page_size = max(int(per_page), 1)
        try:
            wanted = min(max(int(number), 1), MAX_PAGE)
        except (TypeError, ValueError):
            wanted = 1
        found: dict[str, Any] = {"count": 0, "keys": [], "counts": {spec.param: {} for spec in specs}}
        searched = _has_search(rows.query.where)
        bounded = Bounded(rows)
        # One planner hint (SET LOCAL) for the search's queries: the bound's and the one pass.
        with search_plan(self.queryset.db, searched=searched):
            if bound is not None:
                bounded = bound(rows)
                rows = bounded.rows
                self.capped_at = bounded.limit if bounded.capped else None
            try:
                inner, params = rows.annotate(**columns).values_list("pk", *columns).query.sql_with_params()
            except EmptyResultSet:  # a search that can match nothing (only stop words)
                inner = None
            if inner is not None:
                offset = page_size * (wanted - 1)

                def one_pass() -> dict[str, Any]:
                    return self._one_pass(
                        inner, params, specs, columns, order, links, offset, page_size, searched, bounded
                    )

                # Filters only: kept until the content changes, so the same filters (a shared link, the next
                # visitor) are read once. A search for a rare word is rarely asked twice and cheap; keeping each
                # one would only add writes. A common word (more matches than the search ranks, `Bounded.common`)
                # costs the most and comes back in many searches: kept as filters are.
                kept = not searched or bounded.common
                found = (
                    pagecache.memo(
                        (
                            "one-pass",
                            inner,
                            tuple(params),
                            [spec.param for spec in specs],
                            offset,
                            page_size,
                            bounded.ctes,
                            bounded.params,
                        ),
                        one_pass,
                    )
                    if kept
                    else one_pass()
                )
        if bounded.found and found.get("found", 0) > bounded.limit:
            self.capped_at = bounded.limit
        self.__dict__["_search_counts"] = found["counts"]
        window = (page_size * (wanted - 1), page_size * wanted)
        # The candidates bound in SQL exist only in that statement; another slice reads them with separate queries.
        separate = bounded.separate
        read_rows = (lambda: separate().rows) if bounded.ctes and separate else (lambda: rows)
        keys = _OrderedKeys(found["count"], window, found["keys"], listing, order, read_rows)
        return Paginator(keys, page_size).get_page(wanted)

    def _one_pass(
        self,
        inner: str,
        params: tuple[Any, ...],
        specs: list[FacetSpec],
        columns: dict[str, Any],
        order: Order,
        links: list[tuple[str, Any]],
        offset: int,
        limit: int,
        searched: bool,
        bounded: Bounded | None = None,
    ) -> dict[str, Any]:
        connection = connections[self.queryset.db]
        quote = connection.ops.quote_name
        # The CTE's columns: pk, the sort values (o<n>), then the facet values (f<n>), in the order of `columns`.
        names = ["pk", *(f"o{i}" for i in range(len(order)))]
        parts = ["SELECT -2, NULL, COUNT(*) FROM m"]
        for name in list(columns)[len(order) :]:
            column, i = f"f{len(names) - len(order) - 1}", int(name.removeprefix("_facet_"))
            names.append(column)
            parts.append(f"SELECT {i}, {column}::text, COUNT(*) FROM m GROUP BY {column}")  # noqa: S608
        for param, field in links:
            i = next(n for n, spec in enumerate(specs) if spec.param == param)
            through = field.remote_field.through
            source = quote(through._meta.get_field(field.m2m_field_name()).column)
            target = quote(through._meta.get_field(field.m2m_reverse_field_name()).column)
            table = quote(through._meta.db_table)
            parts.append(
                f"SELECT {i}, l.{target}::text, COUNT(*) FROM {table} l JOIN m ON m.pk = l.{source}"  # noqa: S608
                f" GROUP BY l.{target}"
            )
        sort = ", ".join(f"o{i} DESC NULLS LAST" if desc else f"o{i}" for i, (_, desc) in enumerate(order))
        parts.append(f"(SELECT -1, pk::text, NULL FROM m ORDER BY {sort}, m.pk LIMIT %s OFFSET %s)")  # noqa: S608
        # A search bound in SQL (SearchSource.bound_in_sql): its candidates first, and how many it matched.
        ctes, cte_params = "", ()
        if bounded is not None and bounded.ctes:
            ctes, cte_params = f"{bounded.ctes}, ", bounded.params
            parts.append(f"SELECT -3, NULL, COUNT(*) FROM {bounded.found}")  # noqa: S608
        # Only our own names and quoted table/column names go into the text; every value stays a parameter.
        sql = f"WITH {ctes}m({', '.join(names)}) AS MATERIALIZED ({inner}) " + " UNION ALL ".join(parts)  # noqa: S608
        pk_field = self._meta.model._meta.pk
        assert pk_field is not None
        result: dict[str, Any] = {"count": 0, "keys": [], "counts": {spec.param: {} for spec in specs}}
        with search_plan(connection.alias, searched=searched) as cursor:
            cursor.execute(sql, (*cte_params, *params, limit, offset))
            rows = cursor.fetchall()
        # One converter per facet: reading the option model from the filter costs a queryset per value.
        convert = {
            i: spec.group_key() if spec.group_by and spec.group_key else self._facet_key_converter(spec)
            for i, spec in enumerate(specs)
        }
        for part, value, count in rows:
            if part == -2:
                result["count"] = count
            elif part == -3:
                result["found"] = count
            elif part == -1:
                result["keys"].append(pk_field.to_python(value))
            elif value is not None and (key := convert[part](value)) is not None:
                counted = result["counts"][specs[part].param]
                counted[key] = counted.get(key, 0) + count
        return result

    def _facet_key_converter(self, spec: FacetSpec) -> Callable[[str], Any]:
        """How a facet value read back as text is keyed in the facet's counts: an option's pk, or the choice."""
        filter_ = self.filters[spec.param]
        if isinstance(filter_, ModelFilters):
            option_pk = self._option_model(spec.param)._meta.pk
            assert option_pk is not None
            return option_pk.to_python
        return str

    def _option_model(self, param: str) -> type[models.Model]:
        """The model of a facet's options: the same for every request, so asked of its queryset once per process
        (building the queryset costs more than the rest of reading a count)."""
        key = (type(self), param)
        if key not in _OPTION_MODELS:
            _OPTION_MODELS[key] = self.filters[param].get_queryset(self.request).model
        return _OPTION_MODELS[key]

    def _direct_foreign_key(self, spec: FacetSpec) -> str | None:
        """The field name when the facet is a foreign key on the model itself (kind, phase, municipality)."""
        filter_ = self.filters[spec.param]
        if not isinstance(filter_, ModelFilters) or "__" in filter_.field_name:
            return None
        field = self._meta.model._meta.get_field(filter_.field_name)
        return filter_.field_name if field.many_to_one else None

    def _counts_in_one_pass(self, skip: set[str]) -> dict[str, dict[Any, int]]:
        """Counts of the foreign-key facets that count in the same results, in one pass (GROUPING SETS).

        Facets that are not chosen all count within the same results (every other filter applies); reading those
        results once for all of them, instead of once per facet, saves a scan of the table per facet.
        """
        same_rows: dict[tuple[str, tuple[Any, ...]], list[tuple[str, str, QuerySet]]] = {}
        for spec in self.facet_specs:
            field_name = self._direct_foreign_key(spec)
            if field_name is None or spec.param in skip:
                continue
            rows = self._rows(spec.param).order_by()
            try:
                sql, params = rows.values("pk").query.sql_with_params()
            except EmptyResultSet:
                continue
            same_rows.setdefault((sql, tuple(params)), []).append((spec.param, field_name, rows))
        counts: dict[str, dict[Any, int]] = {}
        for members in same_rows.values():
            if len(members) > 1:
                counts.update(_grouping_sets(members))
        return counts

    def _facet(self, spec: FacetSpec) -> Facet:
        filter_ = self.filters[spec.param]
        selected = _chosen(self.cleaned.get(spec.param))
        multiple = isinstance(filter_, django_filters.MultipleChoiceFilter)
        if isinstance(filter_, ModelFilters):
            options = self._model_options(spec, filter_, selected)
        else:
            options = self._choice_options(spec, filter_, selected)
        raw = self.data.get(spec.param)
        uncounted = self.capped_at is not None
        items = [
            FacetItem(
                value,
                label,
                None if uncounted else count,
                is_selected,
                partial(self._choose_url, spec.param, value, is_selected, multiple),
            )
            for value, label, count, is_selected in options
        ]
        return Facet(
            spec.param,
            str(filter_.label),
            items,
            url_with(self.data, spec.param, None) if raw else None,
            spec.all_label,
            multiple,
            spec.select,
        )

    def _choose_url(self, param: str, value: str, is_selected: bool, multiple: bool) -> str:
        """The link of an option: a chosen one is taken away; another is added (several values) or replaces it."""
        if is_selected:
            return url_without(self.data, param, value) if multiple else url_with(self.data, param, None)
        return url_adding(self.data, param, value) if multiple else url_with(self.data, param, value)

    def _rows(self, skip: str) -> QuerySet:
        """The results a facet counts in, each once.

        Filters on the table's own columns and along foreign keys are grouped directly, so PostgreSQL can count
        from an index; when a filter joins a table that could repeat a result (a link table), the results are taken
        as a set of primary keys first.
        """
        queryset = self.filter_without(skip)
        query = queryset.query
        if not _repeats_rows(query) and not query.distinct and not query.annotations:
            return queryset
        return self._meta.model._default_manager.filter(pk__in=queryset.values("pk"))

    def _model_options(self, spec: FacetSpec, filter_: Any, selected: list[Any]) -> list[tuple[str, str, int, bool]]:
        """Counts in one grouped query over the matching results; the (small) option table is read apart.

        Grouping the results by the option's key costs one pass over the matching rows (or their link table);
        no COUNT(DISTINCT) and no join of every option with every result.
        """
        shared = getattr(self, "_shared_counts", {})
        if spec.param in shared:
            counts = shared[spec.param]
        else:
            counts = _counted(
                self._rows(spec.param)
                .order_by()
                .values_list(filter_.field_name)
                .annotate(n=Count("*"))
                .values_list(filter_.field_name, "n")
            )
        wanted: set[Any] | None = None
        if not spec.show_empty:
            # Thousands of partners on the national list: nlargest with the dict's own lookup as key, not a full sort
            # with a Python lambda per option. Same order: nlargest is sorted(reverse=True)[:n], and both are stable.
            present = {pk: n for pk, n in counts.items() if pk is not None and n}
            if spec.limit:
                shown = heapq.nlargest(spec.limit, present, key=present.__getitem__)
            else:
                shown = sorted(present, key=present.__getitem__, reverse=True)
            shown.extend(option.pk for option in selected)
            wanted = set(shown)
        options = self._option_list(spec, filter_, wanted)
        if wanted is not None:
            options = [option for option in options if option[0] in wanted]
        chosen = {option.pk for option in selected}
        return [(value, label, counts.get(pk, 0), pk in chosen) for pk, value, label in options]

    def _option_list(self, spec: FacetSpec, filter_: Any, wanted: set[Any] | None) -> list[tuple[Any, str, str]]:
        """Every option of a facet in its order, as (pk, value in the URL, label): the same for every request, so
        kept in this process's memory until the content changes (hundreds of municipalities or partners read
        as model objects on every request cost more than the counts). Without shared counts only the `wanted`
        options are read."""
        to_field = filter_.extra.get("to_field_name") or "pk"

        def build() -> list[tuple[Any, str, str]]:
            options = filter_.get_queryset(self.request)
            if not options.query.order_by:
                options = options.order_by(*options.model._meta.ordering)
            if not pagecache.shared_counts() and wanted is not None:
                options = options.filter(pk__in=wanted)
            return [(obj.pk, str(getattr(obj, to_field)), spec.option_label(obj)) for obj in options]

        name = ("facet-options", type(self).__qualname__, spec.param)
        kept: list[tuple[Any, str, str]] = pagecache.memo(name, build, in_process=True)
        return kept

    def _choice_options(
        self, spec: FacetSpec, filter_: django_filters.Filter, selected: list[Any]
    ) -> list[tuple[str, str, int, bool]]:
        """Options from the filter's choices, counted by grouping the matching results on their value."""
        key = spec.group_by() if spec.group_by else models.F(filter_.field_name)
        shared = getattr(self, "_shared_counts", {})
        counts = (
            shared[spec.param]
            if spec.param in shared
            else _counted(
                self._rows(spec.param)
                .order_by()
                .annotate(facet_key=key)
                .values("facet_key")
                .annotate(n=Count("*"))
                .values_list("facet_key", "n")
            )
        )
        if spec.group_by and spec.group_key and spec.param not in shared:
            option_of, grouped = spec.group_key(), counts
            counts = {}
            for value, n in grouped.items():
                if (key := option_of(value)) is not None:
                    counts[key] = counts.get(key, 0) + n
        rows = []
        for value, label in self.form.fields[spec.param].choices:
            count = counts.get(value, 0)
            if value != "" and (spec.show_empty or count or value in selected):
                rows.append((str(value), str(label), count, value in selected))
        return rows
