"""The search-source registry: every kind of content that /zoeken/ searches registers itself here.

A source says which documents a visitor may see, where its search vector is (a column kept by a
trigger built on `wdhs_search_vector()`, or an expression for tiny tables), how to rank freshness,
how its list page filters on the same query, and which template shows one result. Adding a kind
(for example "financiering") is one `register_search_source(...)` call in an AppConfig.ready().
See docs/search.md.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django.contrib.postgres.search import SearchRank, SearchVector
from django.db.models import Expression, F, FloatField, Func, QuerySet
from django.db.models.functions import Coalesce
from django.urls import NoReverseMatch, reverse

from wdhs.search import SEARCH_CONFIG, ExpandedQuery, expand_query, parse_query, plain_markdown


class Freshness(Func):
    """1.25 for something published or reviewed today, sliding towards 1.0 over the years: newer slightly ahead."""

    template = "(1.0 + 0.25 / (1.0 + GREATEST(EXTRACT(EPOCH FROM (now() - %(expressions)s)), 0) / 31536000.0))"
    output_field = FloatField()


@dataclass(frozen=True)
class SearchSource:
    """One kind of result on /zoeken/.

    key: URL value of `soort` and group id ("kennis"); label: Dutch group heading; order: position.
    queryset(user): the documents this visitor may see. vector: name of the tsvector column (kept by
    a trigger that uses wdhs_search_vector) or an expression. table: the database table to re-index
    when word forms change (None for an expression). freshness: field(s) with the date that counts
    for "newer slightly ahead" (first non-empty wins). list_url_name: URL name of the kind's own list
    that accepts ?q= (None: /zoeken/?soort=<key>). template: renders one result (gets `item`,
    `snippet`). title(obj) and text(obj): what the snippet is made from.
    """

    key: str
    label: str
    order: int
    queryset: Callable[[Any], QuerySet]
    template: str
    title: Callable[[Any], str]
    text: Callable[[Any], str]
    vector: str | Callable[[], Expression] = "search_vector"
    table: str | None = None
    freshness: tuple[str, ...] = ()
    list_url_name: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def list_url(self, text: str) -> str:
        if self.list_url_name:
            try:
                return f"{reverse(self.list_url_name)}?{urlencode({'q': text})}"
            except NoReverseMatch:
                pass
        return f"{reverse('search:results')}?{urlencode({'q': text, 'soort': self.key})}"

    def vector_expression(self) -> Any:
        return F(self.vector) if isinstance(self.vector, str) else self.vector()

    def search(self, user: Any, expanded: ExpandedQuery, *, queryset: QuerySet | None = None) -> QuerySet:
        """Matching documents for this visitor, best first: title > summary > body, newer slightly ahead.

        `queryset` narrows the documents further (a list page's filters); it replaces `queryset(user)`,
        so the caller is responsible for visibility then.
        """
        query = expanded.query
        qs = self.queryset(user) if queryset is None else queryset
        if query is None:
            return qs.none()
        if isinstance(self.vector, str):
            qs = qs.filter(**{self.vector: query})
            vector = F(self.vector)
        else:
            qs = qs.annotate(_search_vector=self.vector()).filter(_search_vector=query)
            vector = F("_search_vector")
        rank = SearchRank(vector, query)
        if self.freshness:
            fields = [F(name) for name in self.freshness]
            moment = Coalesce(*fields) if len(fields) > 1 else fields[0]
            rank = rank * Coalesce(Freshness(moment), 1.0, output_field=FloatField())
        return qs.annotate(search_rank=rank).order_by("-search_rank", "pk")


def search_trigger_sql(table: str, weighted: dict[str, str]) -> tuple[str, str]:
    """(create, drop) SQL for a BEFORE INSERT OR UPDATE trigger that fills `table.search_vector`.

    `weighted` maps column names to weights A-D, for example {"title": "A", "summary": "B",
    "description": "C"}. Use in a migration: `migrations.RunSQL(*search_trigger_sql(...))`, after
    adding `search_vector = SearchVectorField(null=True, editable=False)` with a GinIndex. The
    trigger goes through wdhs_search_vector(), so the documents get the same Dutch word forms.
    """
    for name in (table, *weighted):
        if not name.replace("_", "").isalnum():
            raise ValueError(f"Not a plain SQL name: {name!r}")
    if not weighted or any(weight not in "ABCD" or len(weight) != 1 for weight in weighted.values()):
        raise ValueError("Give at least one column, each with a weight A, B, C or D.")
    parts = "\n        || ".join(
        f"wdhs_search_vector(NEW.{column}::text, '{weight}')" for column, weight in weighted.items()
    )
    function = f"{table}_search_vector"
    # Names are checked above and come from a developer's migration, never from a visitor.
    create = f"""
CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_vector := {parts};
    RETURN NEW;
END
$$;
CREATE TRIGGER {function} BEFORE INSERT OR UPDATE ON {table} FOR EACH ROW EXECUTE FUNCTION {function}();
UPDATE {table} SET search_vector = NULL;
"""  # noqa: S608
    drop = f"DROP TRIGGER IF EXISTS {function} ON {table}; DROP FUNCTION IF EXISTS {function}();"
    return create, drop


_SOURCES: dict[str, SearchSource] = {}


def register_search_source(source: SearchSource) -> None:
    _SOURCES[source.key] = source


def search_sources() -> list[SearchSource]:
    return sorted(_SOURCES.values(), key=lambda s: s.order)


def get_source(key: str) -> SearchSource | None:
    return _SOURCES.get(key)


def search_source(key: str) -> SearchSource:
    return _SOURCES[key]


def indexed_tables() -> list[str]:
    return [s.table for s in search_sources() if s.table]


# --- the built-in sources (knowledge, organisations, initiatives, goals) ---


def _resources(user: Any) -> QuerySet:
    from knowledge.models import Resource

    return Resource.objects.published().select_related("kind", "organisation")


def _organisations(user: Any) -> QuerySet:
    from knowledge.models import Organisation

    return Organisation.objects.all()


def _initiatives(user: Any) -> QuerySet:
    from initiatives.models import Initiative

    return Initiative.objects.published().select_related("municipality__province", "kind")


def _goals(user: Any) -> QuerySet:
    from goals.models import Goal

    return Goal.objects.all()


def _goal_vector() -> Expression:
    return SearchVector("short_title", weight="A", config=SEARCH_CONFIG) + SearchVector(
        "statement", "explanation", weight="B", config=SEARCH_CONFIG
    )


def register_builtin_sources() -> None:
    from django.apps import apps

    if apps.is_installed("knowledge"):
        register_search_source(
            SearchSource(
                key="kennis",
                label="Kennis",
                order=10,
                queryset=_resources,
                template="search/result_resource.html",
                title=lambda o: o.title,
                text=lambda o: f"{o.summary} … {plain_markdown(o.body)}",
                table="knowledge_resource",
                freshness=("last_reviewed_at", "published_at"),
                list_url_name="knowledge:list",
            )
        )
        register_search_source(
            SearchSource(
                key="organisaties",
                label="Organisaties",
                order=30,
                queryset=_organisations,
                template="search/result_organisation.html",
                title=lambda o: o.name,
                text=lambda o: f"{o.description} {o.services}",
                table="knowledge_organisation",
            )
        )
    if apps.is_installed("initiatives"):
        register_search_source(
            SearchSource(
                key="initiatieven",
                label="Initiatieven",
                order=20,
                queryset=_initiatives,
                template="search/result_initiative.html",
                title=lambda o: o.name,
                text=lambda o: plain_markdown(o.description),
                table="initiatives_initiative",
                freshness=("confirmed_at",),
                list_url_name="initiatives:list",
            )
        )
    if apps.is_installed("goals"):
        register_search_source(
            SearchSource(
                key="doelen",
                label="Doelen",
                order=50,
                queryset=_goals,
                template="search/result_goal.html",
                title=lambda o: str(o),
                text=lambda o: f"{o.statement} {o.explanation}",
                vector=_goal_vector,
            )
        )


# Short keys used by the test set (tests/search): kind letter -> source key.
TEST_KINDS = {"r": "kennis", "i": "initiatieven", "o": "organisaties", "g": "doelen", "f": "financiering"}


def search_keys(text: str, *, limit: int = 10, user: Any = None) -> dict[str, list[str]]:
    """The first `limit` slugs per kind as "<letter>:<slug>", for the test set."""
    from django.contrib.auth.models import AnonymousUser

    expanded = expand_query(parse_query(text))
    result = {}
    for letter, key in TEST_KINDS.items():
        source = get_source(key)
        if source is None:
            continue
        rows = source.search(user or AnonymousUser(), expanded)[:limit]
        result[letter] = [f"{letter}:{getattr(obj, 'slug', obj.pk)}" for obj in rows]
    return result
