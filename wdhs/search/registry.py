"""The search sources: every kind of content that /zoeken/ and the list pages search registers itself here.

A source says which documents a visitor may see, where its search vector is (a column kept by a
trigger from `wdhs.search.triggers`, or an expression for tiny tables), how to rank freshness, which
list page searches it, and which template shows one result. Each app registers its sources in its
own `search.py`, called from its AppConfig.ready(); the base imports no app. See docs/search.md.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorExact
from django.core.exceptions import EmptyResultSet
from django.db import connections, transaction
from django.db.backends.utils import CursorWrapper
from django.db.models import (
    BooleanField,
    Case,
    Expression,
    ExpressionWrapper,
    F,
    FloatField,
    Func,
    IntegerField,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.urls import NoReverseMatch, reverse

from wdhs import pagecache
from wdhs.search.query import ExpandedQuery
from wdhs.search.triggers import TitleVector

# Documents that lack a word are looked for only when all words together find fewer than this.
PARTIAL_BELOW = 10
PARTIAL_LIMIT = 10


def wants_partial(expanded: ExpandedQuery, count: int) -> bool:
    """Whether to look for documents with only some of the words: too few have them all, and one can be left out."""
    return expanded.can_relax and count < PARTIAL_BELOW


# A common word matches tens of thousands of documents; ranking and counting them all reads every one. Above
# settings.SEARCH_EXACT_LIMIT matches a search ranks only candidates: the documents with a word in the title
# (TITLE_CANDIDATES at most, from a GIN index on the title's words) and the newest matches (NEWEST_CANDIDATES).
TITLE_CANDIDATES = 500
NEWEST_CANDIDATES = 200
# The newest matches are looked for among this many newest documents only: walking the date index tests every
# document's vector, and for a word in one document of a hundred an unbounded walk tested 20,000 of them.
NEWEST_WINDOW = 1000
# When every title match is a candidate (fewer than TITLE_CANDIDATES) and at least this many pass the whole query,
# the newest matches add only documents with the words in the body, which rank below the title matches (a hundred:
# five pages); so the walk for them (testing up to NEWEST_WINDOW documents, 5 ms for a common word) is skipped.
# With more title matches than TITLE_CANDIDATES the walk stays: it brings the newest title matches.
NEWEST_UNLESS_TITLES = 100
# Fewer candidates than a fifth of the limit (rare title words, a rare combination of words): matches already
# read make up the difference, so a page that says "meer dan 1000" has a few pages to show.
MIN_CANDIDATES_SHARE = 5


@dataclass(frozen=True)
class Depth:
    """How deep a search ranks a common word: up to `limit` matches all of them, beyond that `titles` title matches
    and the `newest` newest matches within the `window` newest documents (see `SearchSource.bound_in_sql`). None:
    settings.SEARCH_EXACT_LIMIT and the module's constants (read when the search runs)."""

    limit: int | None = None
    titles: int | None = None
    newest: int | None = None
    window: int | None = None
    unless_titles: int | None = None

    def resolved(self) -> tuple[int, int, int, int, int]:
        """(limit, titles, newest, window, unless_titles), each given or the default of now."""
        return (
            settings.SEARCH_EXACT_LIMIT if self.limit is None else self.limit,
            TITLE_CANDIDATES if self.titles is None else self.titles,
            NEWEST_CANDIDATES if self.newest is None else self.newest,
            NEWEST_WINDOW if self.window is None else self.window,
            NEWEST_UNLESS_TITLES if self.unless_titles is None else self.unless_titles,
        )


# The documents that lack a word are a few lines below the full matches (GROUP_SIZE on /zoeken/, PARTIAL_LIMIT on a
# list), never counted: for a common word they are ranked among fewer candidates than a search with every word,
# which reads and ranks the vectors of up to 700 documents (the larger part of a search that leaves a word out).
PARTIAL_DEPTH = Depth(limit=200, titles=100, newest=50, window=300, unless_titles=20)


class KeyIn(Expression):
    """`pk = ANY(%s)` with the keys as one array parameter: a filter on a thousand keys without a thousand
    placeholders for Django to build and the driver to bind (what `pk__in` does)."""

    output_field = BooleanField()
    conditional = True

    def __init__(self, keys: Iterable[int]) -> None:
        super().__init__()
        self.keys = [int(key) for key in keys]
        self.column: Any = F("pk")

    def get_source_expressions(self) -> list[Any]:
        return [self.column]

    def set_source_expressions(self, exprs: Sequence[Any]) -> None:
        (self.column,) = exprs

    def resolve_expression(self, *args: Any, **kwargs: Any) -> KeyIn:
        resolved = self.copy()
        resolved.column = self.column.resolve_expression(*args, **kwargs)
        return resolved

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, tuple[Any, ...]]:
        sql, params = compiler.compile(self.column)
        return f"{sql} = ANY(%s::bigint[])", (*params, self.keys)


class InCandidates(Expression):
    """`pk = ANY(ARRAY(SELECT k FROM <name>))`: the rows of a candidate CTE of `SearchSource.bound_in_sql`, read by
    key (an array from an init plan, as `KeyIn`, so the planner reads them through the primary key)."""

    output_field = BooleanField()
    conditional = True

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self.column: Any = F("pk")

    def get_source_expressions(self) -> list[Any]:
        return [self.column]

    def set_source_expressions(self, exprs: Sequence[Any]) -> None:
        (self.column,) = exprs

    def resolve_expression(self, *args: Any, **kwargs: Any) -> InCandidates:
        resolved = self.copy()
        resolved.column = self.column.resolve_expression(*args, **kwargs)
        return resolved

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, tuple[Any, ...]]:
        sql, params = compiler.compile(self.column)
        return f"{sql} = ANY(ARRAY(SELECT k FROM {self.name}))", tuple(params)  # noqa: S608 - our own CTE name


@dataclass(frozen=True)
class Bounded:
    """The documents a search ranks: all matches, or (capped) the candidates among more than `limit` matches.

    From `bound_in_sql`, the choice is made by the statement that reads the rows: `ctes` (with `params`) go before
    it, `rows` refers to them, and `found` names the CTE with up to `limit` + 1 matches (more than `limit`: capped).
    `separate()` gives the same bound from separate queries, for a read outside that statement. `common`: more than
    `limit` matches were found (a common word), so the statement that reads the rows ranks candidates (costly, and
    shared by every search for that word): worth keeping (`pagecache.memo`) until the table changes.
    """

    rows: QuerySet
    capped: bool = False
    limit: int = 0
    keys: tuple[Any, ...] = ()  # when capped: the candidates' keys
    ctes: str = ""
    params: tuple[Any, ...] = ()
    found: str = ""
    separate: Callable[[], Bounded] | None = None
    common: bool = False


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
    # The date field of an index that walks the documents newest first (with `status`): candidates for a common word.
    newest: str | None = None
    list_url_name: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    # Columns a result never shows (the search vectors of the document and of what it selects with it, kilobytes
    # each): left out when the found documents are read.
    defer: tuple[str, ...] = ()

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
        return self.ranked(self.matching(user, expanded, queryset=queryset), expanded)

    def matching(self, user: Any, expanded: ExpandedQuery, *, queryset: QuerySet | None = None) -> QuerySet:
        """The matching documents, unranked: what facet counts group (no annotation, so from the table itself)."""
        query = expanded.query
        qs = self.queryset(user) if queryset is None else queryset
        if query is None:
            return qs.none()
        if isinstance(self.vector, str):
            return qs.filter(**{self.vector: query})
        return qs.annotate(_search_vector=self.vector()).filter(_search_vector=query)

    def partial(
        self, user: Any, expanded: ExpandedQuery, *, queryset: QuerySet | None = None, limit: int = PARTIAL_LIMIT
    ) -> list[Any]:
        """Up to `limit` documents that lack some of the words, most words first; each gets `missing_words`.

        First those with all words but one (a GIN lookup on the OR of the query without each word in
        turn); when those are fewer than `limit`, the others with any of the words (by how many they
        have when the query has more than three parts). Documents with every word are left out: the
        caller shows them already. Phrases and exclusions hold throughout. A last query over the rows
        found names the words each lacks, so the ranking queries evaluate no more than they must.
        """
        if not expanded.can_relax or expanded.query is None:
            return []
        found: list[Any] = []
        narrow = expanded.all_but_one()
        if narrow is not None:
            found = self._partial_level(user, expanded, narrow, queryset=queryset, limit=limit)
        broad = expanded.any_part()
        if len(found) < limit and broad is not None and (narrow is None or len(expanded.parts) > 2):
            found += self._partial_level(
                user,
                expanded,
                broad,
                queryset=queryset,
                skip=[item.pk for item in found],
                by_coverage=len(expanded.parts) > 3,
                limit=limit - len(found),
            )
        self._name_missing(expanded, found)
        return found

    def _vector_queryset(self, qs: QuerySet) -> tuple[QuerySet, str]:
        if isinstance(self.vector, str):
            return qs, self.vector
        return qs.annotate(_search_vector=self.vector()), "_search_vector"

    def _partial_level(
        self,
        user: Any,
        expanded: ExpandedQuery,
        query: SearchQuery,
        *,
        queryset: QuerySet | None,
        skip: list[Any] | None = None,
        by_coverage: bool = False,
        limit: int = PARTIAL_LIMIT,
    ) -> list[Any]:
        """Up to `limit` documents that match `query` (some of the words) but not the whole query, best first.

        Bound and ranked in one statement, as a full search (`bound_in_sql`, `first_and_count`): a query that
        leaves words out matches far more (for common words most of the table), so above the limit only
        candidates are ranked. Ranked by the words they have (`any_part`); with `by_coverage` first by how many
        parts of the query they cover."""
        assert expanded.query is not None
        documents = self.queryset(user) if queryset is None else queryset
        qs, name = self._vector_queryset(documents)
        rows = qs.filter(**{name: query}).exclude(**{name: expanded.query})
        if skip:
            rows = rows.exclude(pk__in=skip)
        rank = self.rank(replace(expanded, query=expanded.any_part()))
        if by_coverage:
            coverage = sum(
                (
                    Case(When(SearchVectorExact(F(name), part.query), then=Value(1)), default=Value(0))
                    for part in expanded.parts
                ),
                Value(0, output_field=IntegerField()),
            )
            # Every part covered counts for more than any rank (a rank stays far below 1000).
            rank = ExpressionWrapper(coverage * Value(1000.0) + rank, output_field=FloatField())
        bounded = self.bound_in_sql(rows, replace(expanded, query=query), prefix="p", depth=PARTIAL_DEPTH)
        keys, _count, _capped = first_and_count(bounded, rank, offset=0, limit=limit)
        if not keys:
            return []
        # The documents, each with the parts of the query it has (`_name_missing`), in the query that reads them.
        read, name = self._vector_queryset(documents.defer(*self.defer))
        found = read.annotate(**_part_flags(expanded, name)).in_bulk(keys)
        return [found[key] for key in keys if key in found]

    def _name_missing(self, expanded: ExpandedQuery, items: list[Any]) -> None:
        """Set `missing_words` on each item: the labels of the parts its document lacks, from the flags that
        `_partial_level` read with it."""
        for item in items:
            item.missing_words = [
                part.label for index, part in enumerate(expanded.parts) if not getattr(item, _part_flag(index))
            ]

    def rank(self, expanded: ExpandedQuery) -> Expression:
        """How well a document from `matching` fits: higher is better (order by it descending, then by pk)."""
        assert expanded.query is not None
        vector = F(self.vector) if isinstance(self.vector, str) else F("_search_vector")
        rank: Expression = SearchRank(vector, expanded.query)
        if self.freshness:
            fields = [F(name) for name in self.freshness]
            moment = Coalesce(*fields) if len(fields) > 1 else fields[0]
            rank = rank * Coalesce(Freshness(moment), 1.0, output_field=FloatField())
        return rank

    def bounded(self, rows: QuerySet, expanded: ExpandedQuery) -> Bounded:
        """What to rank of `rows` (matches of this search, any filters applied): all of them, or candidates.

        Up to settings.SEARCH_EXACT_LIMIT matches every one is ranked and counted. Beyond that, ranking and
        counting all would read every matching document (for a common word most of the table), so only the
        candidates are: those with a search word in the title (from the title index, TITLE_CANDIDATES in no
        particular order) and the newest matches (walking the date index, within the NEWEST_WINDOW newest
        documents), made up to a fifth of the limit from the matches read first. A title match outranks a body
        match, and newer documents are slightly ahead, so the best results are among them. The caller says "more
        than `limit`" instead of a count.
        """
        limit = settings.SEARCH_EXACT_LIMIT
        if expanded.query is None or not isinstance(self.vector, str) or self.newest is None:
            return Bounded(rows)
        rows = rows.order_by()
        table = rows.model._default_manager
        # The keys, not the query again: matching a common word through the GIN index is the costly part. Read
        # through the GIN index only (`found_keys`): with a LIMIT PostgreSQL walks a b-tree and tests each vector
        # (30 ms for the documents lacking a word of "dorp wolrode"), as it did for the ranked search.
        try:
            rows_sql, rows_params = rows.values_list("pk").query.sql_with_params()
        except EmptyResultSet:
            return Bounded(table.none())
        with search_plan(rows.db):
            first = f"SELECT r.k FROM ({rows_sql}) AS r(k) LIMIT {int(limit) + 1}"  # noqa: S608 - Django's own SQL
            keys = set(found_keys(rows.db, first, rows_params, keep_above=limit))
            if len(keys) <= limit:
                return Bounded(table.filter(KeyIn(sorted(keys))) if keys else table.none())
            titled = table.annotate(_title_vector=TitleVector(F(self.vector))).filter(_title_vector=expanded.query)
            # In no order: any order (the model's by name, say) would read every title match to sort them, for a
            # common word tens of thousands of rows; unordered, the scan stops after TITLE_CANDIDATES.
            title_keys = list(titled.order_by().values_list("pk", flat=True)[:TITLE_CANDIDATES])
        # The title matches that pass the filters and the whole query (a word left out may be in the body), read
        # by key; then newest first along the (status, date) index, testing each document until enough match,
        # among the NEWEST_WINDOW newest only (the order is exactly the index's, so the planner walks it).
        found = keys
        keys = set(rows.filter(KeyIn(title_keys)).values_list("pk", flat=True)) if title_keys else set()
        if len(title_keys) >= TITLE_CANDIDATES or len(keys) < NEWEST_UNLESS_TITLES:
            newest = rows.order_by(F(self.newest).desc())
            # The date of the NEWEST_WINDOW-th newest document this visitor may see (an index-only read) bounds
            # the walk.
            visible = self.queryset(None).order_by(F(self.newest).desc())
            since = next(iter(visible.values_list(self.newest, flat=True)[NEWEST_WINDOW - 1 : NEWEST_WINDOW]), None)
            if since is not None:
                newest = newest.filter(**{f"{self.newest}__gte": since})
            keys.update(newest.values_list("pk", flat=True)[:NEWEST_CANDIDATES])
        least = limit // MIN_CANDIDATES_SHARE
        if len(keys) < least:
            keys.update(sorted(found - keys)[: least - len(keys)])
        candidates = tuple(sorted(keys))
        return Bounded(table.filter(KeyIn(candidates)), capped=True, limit=limit, keys=candidates)

    def bound_in_sql(
        self, rows: QuerySet, expanded: ExpandedQuery, *, prefix: str = "c", depth: Depth = Depth()
    ) -> Bounded:
        """`bounded` as common table expressions for the statement that ranks the rows: no round trip per step and no
        keys through Python. The same steps and limits: up to SEARCH_EXACT_LIMIT + 1 matches (`found`); more than
        the limit, the title matches (TITLE_CANDIDATES, in no order) that pass the filters and the whole query, and
        the NEWEST_CANDIDATES newest matches within the NEWEST_WINDOW newest documents, made up to a fifth of the
        limit from the matches read first (by key). Each capped step is gated on the count (a one-time filter), so
        a search with few matches runs none of them. Returns a plain `Bounded` when there is nothing to bound.
        `depth` sets other limits (PARTIAL_DEPTH for the documents that lack a word)."""
        assert prefix.isidentifier(), prefix
        limit, titles, newest_count, window, unless_titles = depth.resolved()
        if expanded.query is None or not isinstance(self.vector, str) or self.newest is None:
            return Bounded(rows)
        rows = rows.order_by()
        table = rows.model._default_manager
        try:
            rows_sql, rows_params = rows.values_list("pk", self.newest).query.sql_with_params()
            titled = table.annotate(_title_vector=TitleVector(F(self.vector))).filter(_title_vector=expanded.query)
            title_sql, title_params = titled.order_by().values_list("pk").query.sql_with_params()
        except EmptyResultSet:
            return Bounded(table.none())
        since_sql, since_params = self._newest_window_sql(window)
        found, over, title, since, passed, picked, cand = (
            f"{prefix}_{name}" for name in ("found", "over", "titled", "since", "passed", "picked", "cand")
        )
        capped = f"(SELECT yes FROM {over})"  # noqa: S608 - our own CTE name
        # The newest matches unless every title match is a candidate and enough pass (NEWEST_UNLESS_TITLES).
        newest = (
            f"{capped} AND ((SELECT COUNT(*) FROM {title}) >= {int(titles)}"  # noqa: S608 - our own names
            f" OR (SELECT COUNT(*) FROM {passed}) < {int(unless_titles)})"
        )
        matches = f"({rows_sql}) AS r(k, d)"
        first_sql = f"SELECT r.k FROM {matches} LIMIT {int(limit) + 1}"  # noqa: S608 - Django's SQL, our own names
        first = found_keys(rows.db, first_sql, rows_params, keep_above=limit)
        if not first:  # nothing matches: no statement to rank, count or bound
            return Bounded(table.none())
        # Only our own names and Django's compiled SQL go into the text; every value stays a parameter.
        ctes = (
            f"{found} AS MATERIALIZED (SELECT unnest(%s::bigint[]) AS k), "  # noqa: S608
            f"{over} AS MATERIALIZED (SELECT COUNT(*) > {int(limit)} AS yes FROM {found}), "
            f"{title} AS MATERIALIZED (SELECT t.k FROM ({title_sql} LIMIT {int(titles)}) AS t(k)"
            f" WHERE {capped}), "
            f"{since} AS MATERIALIZED (SELECT v.d FROM ({since_sql}) AS v(d) WHERE {capped}), "
            f"{passed} AS MATERIALIZED ("
            f"SELECT r.k FROM {matches} WHERE {capped} AND r.k = ANY(ARRAY(SELECT k FROM {title}))), "
            f"{picked} AS MATERIALIZED ("
            f"SELECT k FROM {passed}"
            f" UNION (SELECT r.k FROM {matches} WHERE {newest} AND (SELECT d FROM {since}) IS NOT NULL"
            f" AND r.d >= (SELECT d FROM {since}) ORDER BY r.d DESC LIMIT {int(newest_count)})"
            f" UNION (SELECT r.k FROM {matches} WHERE {newest} AND (SELECT d FROM {since}) IS NULL"
            f" ORDER BY r.d DESC LIMIT {int(newest_count)})), "
            f"{cand} AS MATERIALIZED (SELECT k FROM {found} WHERE NOT {capped}"
            f" UNION ALL SELECT k FROM {picked}"
            f" UNION ALL (SELECT f.k FROM {found} f WHERE {capped} AND f.k NOT IN (SELECT k FROM {picked})"
            f" ORDER BY f.k LIMIT GREATEST({int(limit // MIN_CANDIDATES_SHARE)} - (SELECT COUNT(*) FROM {picked}), 0)))"
        )
        params = (
            first,
            *title_params,
            *since_params,
            *rows_params,
            *rows_params,
            *rows_params,
        )
        return Bounded(
            table.filter(InCandidates(cand)),
            limit=limit,
            ctes=ctes,
            params=tuple(params),
            found=found,
            separate=lambda: self.bounded(rows, expanded),
            common=len(first) > limit,
        )

    def _newest_window_sql(self, window: int) -> tuple[str, tuple[Any, ...]]:
        """The statement for the date of the `window`-th newest visible document. The same for every search (what
        anyone may see), so compiled once per process, source and window; a queryset with a date in its
        parameters (a "now") would be compiled each time."""
        key = (self.key, window)
        if key in _WINDOW_SQL:
            return _WINDOW_SQL[key]
        assert self.newest is not None
        visible = self.queryset(None).order_by(F(self.newest).desc()).values_list(self.newest)
        sql, params = visible[window - 1 : window].query.sql_with_params()
        if not any(isinstance(param, (datetime.date, datetime.time)) for param in params):
            _WINDOW_SQL[key] = (sql, params)
        return sql, params

    def found(self, user: Any, expanded: ExpandedQuery, *, offset: int = 0, limit: int = 20) -> tuple[list[Any], int]:
        """The matching documents from `offset` to `offset + limit`, best first, and how many match in all.

        One pass over the matches (see `first_and_count`) instead of one to rank and one to count. Above
        settings.SEARCH_EXACT_LIMIT matches only the candidates count (see `bounded`): `found_bounded` says so."""
        items, bounded_count = self.found_bounded(user, expanded, offset=offset, limit=limit)
        return items, bounded_count[0]

    def found_bounded(
        self, user: Any, expanded: ExpandedQuery, *, offset: int = 0, limit: int = 20
    ) -> tuple[list[Any], tuple[int, int | None]]:
        """`found`, with the count as (ranked documents, the limit they stand for when capped, else None)."""
        if expanded.query is None:
            return [], (0, None)
        bounded = self.bound_in_sql(self.matching(user, expanded), expanded)
        keys, count, capped = first_and_count(bounded, self.rank(expanded), offset=offset, limit=limit)
        documents = self.queryset(user).defer(*self.defer).in_bulk(keys) if keys else {}
        return [documents[key] for key in keys if key in documents], (count, bounded.limit if capped else None)

    def ranked[Q: QuerySet](self, qs: Q, expanded: ExpandedQuery) -> Q:
        """Documents from `matching`, best first."""
        if expanded.query is None:
            return qs.none()
        return qs.annotate(search_rank=self.rank(expanded)).order_by("-search_rank", "pk")


def _part_flag(index: int) -> str:
    return f"_has_part_{index}"


def _part_flags(expanded: ExpandedQuery, vector: str) -> dict[str, Expression]:
    """One annotation per part of the query: whether the document's vector (field `vector`) has that part."""
    return {_part_flag(index): SearchVectorExact(F(vector), part.query) for index, part in enumerate(expanded.parts)}


@dataclass(frozen=True)
class ShorterQuery:
    """A shorter form of the visitor's query that finds something: the words left out, the text, its search page."""

    missing: tuple[str, ...]
    text: str
    url: str


def shorter_queries(
    expanded: ExpandedQuery, items: list[Any], url: Callable[[str], str], *, limit: int = 3
) -> list[ShorterQuery]:
    """The shorter queries that the documents from `SearchSource.partial` match, fewest words left out first.

    `url(text)` is the page that searches `text` (the same list with its filters, or /zoeken/).
    """
    found: dict[str, ShorterQuery] = {}
    for item in sorted(items, key=lambda item: len(item.missing_words)):
        text = expanded.shorter_text(item.missing_words)
        if text and text not in found:
            found[text] = ShorterQuery(tuple(item.missing_words), text, url(text))
    return list(found.values())[:limit]


_hinted: ContextVar[str | None] = ContextVar("wdhs_search_plan", default=None)
# Pricing sequential scans out adds a huge cost to a plan that cannot avoid one (the goals, searched by an expression);
# above `jit_above_cost` a server with JIT would then compile that small query (tens of ms). So JIT is off as well.
_HINT = "SELECT set_config('enable_seqscan', 'off', true), set_config('jit', 'off', true)"
_UNHINT = "SET LOCAL enable_seqscan TO DEFAULT; SET LOCAL jit TO DEFAULT"
_BITMAP_ONLY = "SELECT set_config('enable_indexscan', 'off', true)"
_UNBITMAP = "SET LOCAL enable_indexscan TO DEFAULT"


def found_keys(alias: str, sql: str, params: Sequence[Any], *, keep_above: int) -> list[int]:
    """The keys of the first matches (`sql`: a limited select of keys), read through the GIN index only.

    With a LIMIT, PostgreSQL prefers to walk a b-tree index (on status, on the date) and test each document's vector
    until it has enough: it prices the test as cheap, but every test unpacks a vector of kilobytes from TOAST (for a
    word in one document of ten, 45 ms for a thousand matches among 50,000 resources). The GIN index gives the
    matches without unpacking one (5 ms), and a bitmap scan is the only way to read it: so no index scans for this
    one query (bitmap scans stay; the b-tree indexes still narrow by filter through a bitmap). Its own statement,
    because the ranking statement that follows needs an ordered index scan (the newest documents).

    More than `keep_above` keys (the search's limit: a common word, which most searches that hold it share, and the
    costliest read) are kept until a table read changes (`pagecache.memo`, where shared counts are on).
    """

    def read() -> list[int]:
        # One round trip: the statements of one simple query are planned one by one, each after the one before ran.
        with search_plan(alias) as cursor:
            cursor.execute(f"{_BITMAP_ONLY}; {sql}; {_UNBITMAP}", params)
            cursor.nextset()
            return [key for (key,) in cursor.fetchall()]

    keys: list[int] = pagecache.memo(
        ("search-found", alias, sql, tuple(params)), read, keep=lambda keys: len(keys) > keep_above
    )
    return keys


@contextmanager
def search_plan(alias: str, *, searched: bool = True) -> Iterator[CursorWrapper]:
    """A cursor for one query over search matches, with the planner hint it needs, inside one transaction.

    PostgreSQL prices a full-text match as cheap, so for a common word it reads the whole table and unpacks
    every document's vector to test it; the GIN index answers the match without unpacking, and only the rank
    then unpacks the vectors of the matches. The hint holds for this query only: SET LOCAL inside a transaction
    (also safe behind a connection pooler in transaction mode), put back right after. A page that runs several
    such queries (one per kind on /zoeken/) wraps them in one block: the hint is set once.
    """
    connection = connections[alias]
    if not searched or _hinted.get() == alias:  # no hint wanted, or inside a block that set it already
        with connection.cursor() as cursor:
            yield cursor
        return
    with transaction.atomic(using=alias), connection.cursor() as cursor:
        cursor.execute(_HINT)
        token = _hinted.set(alias)
        try:
            yield cursor
        finally:
            _hinted.reset(token)
        cursor.execute(_UNHINT)


def first_and_count(bounded: Bounded, rank: Expression, *, offset: int, limit: int) -> tuple[list[Any], int, bool]:
    """The keys of the rows of `bounded` from `offset` to `offset + limit` by `rank` (higher first, then key), how
    many rows it ranks, and whether it is capped (more matches than it ranks).

    One statement: the candidates (`Bounded.ctes`, when bound in SQL), then the matches (key and rank) collected once
    in a materialized CTE that the count and the page both read.
    """
    matching = bounded.rows
    try:
        inner, params = matching.order_by().annotate(_rank=rank).values_list("pk", "_rank").query.sql_with_params()
    except EmptyResultSet:  # a search that can match nothing
        return [], 0, False
    ctes = f"{bounded.ctes}, " if bounded.ctes else ""
    over = f" UNION ALL SELECT 2, NULL, COUNT(*) FROM {bounded.found}" if bounded.found else ""  # noqa: S608
    # Only our own names go into the text; every value stays a parameter.
    sql = (
        f"WITH {ctes}m(pk, score) AS MATERIALIZED ({inner}) SELECT 0, NULL, COUNT(*) FROM m"  # noqa: S608
        " UNION ALL (SELECT 1, pk, NULL FROM m ORDER BY score DESC NULLS LAST, m.pk LIMIT %s OFFSET %s)" + over
    )
    values = (*bounded.params, *params, max(limit, 0), max(offset, 0))

    def read() -> list[tuple[Any, ...]]:
        with search_plan(matching.db) as cursor:
            cursor.execute(sql, values)
            return [tuple(row) for row in cursor.fetchall()]

    # A common word's ranking (candidates among more than the limit) is shared by every search for it: kept until a
    # table read changes. A rare word's is cheap, and seldom asked again: keeping it would only add writes.
    rows = pagecache.memo(("search-ranked", matching.db, sql, values), read) if bounded.common else read()
    count = next(n for kind, _, n in rows if kind == 0)
    found = next((n for kind, _, n in rows if kind == 2), 0)
    capped = bool(bounded.found) and found > bounded.limit or bounded.capped
    return [key for kind, key, _ in rows if kind == 1], count, capped


_SOURCES: dict[str, SearchSource] = {}
_WINDOW_SQL: dict[tuple[str, int], tuple[str, tuple[Any, ...]]] = {}


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
