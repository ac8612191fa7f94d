"""The page cache: a public page, rendered once, is served from the cache to every visitor without an account
until the content changes.

How it knows that the content changed: every table of the portal's content has a statement-level trigger that
writes a new number into the one-row table `wdhs_content_version` (the version of all content, for whole pages)
and the same number into that table's row of `wdhs_table_version` (the version per table, for `memo`). A
request reads both (one small query) and looks for the page under the version of all content. The rows change
in the same transaction as the content, so a reader sees the new version only once the new content is visible
too; every way of writing counts (a form, the admin, a bulk `update()`, COPY, raw SQL, another app server),
and the versions are shared by every server that uses the same database and cache.

Cached: GET and HEAD from a visitor without a session or message cookie, answered 200 with a complete body,
without a new cookie, without a CSRF token in the page (a form with a token stays personal), and not marked
private or no-cache. Everything else passes through untouched. Pages also expire after
WDHS_PAGE_CACHE_SECONDS, for texts that depend on the date.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import hashlib
import re
import time
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import ManyToManyField, Model
from django.http import HttpRequest, HttpResponse, HttpResponseBase

from wdhs.routers import reads_from

# The portal's own apps; their tables are content, except these (search bookkeeping, jobs, accounts).
CONTENT_APPS = ("wdhs", "knowledge", "initiatives", "goals")
NOT_CONTENT = {
    "wdhs.searchword",
    "wdhs.dailyjobrun",
    "wdhs.formsubmission",  # the key of each sent form (wdhs.forms.once); no page shows it
    "wdhs.pageread",  # read counts (wdhs/reads.py): a read must never empty the page cache
    "wdhs.pagefeedback",  # readers' reactions (wdhs.feedback): only editors and staff see them, never a cached page
    "wdhs.workerheartbeat",  # every task worker writes it every 30 s; only /healthz reads it, never cached
    "wdhs.contentcount",  # kept by triggers on the content tables themselves (wdhs/counts.py)
    "wdhs.user",
    "wdhs.user_groups",
    "wdhs.user_user_permissions",
}

# The version comes from a sequence that starts at the creation time in microseconds, so a database made
# anew never reuses a version that an old cache may still hold pages under.
VERSION_SQL = """
CREATE SEQUENCE IF NOT EXISTS wdhs_content_version_seq START WITH {start};
CREATE TABLE IF NOT EXISTS wdhs_content_version (
    id integer PRIMARY KEY CHECK (id = 1),
    version bigint NOT NULL
);
CREATE TABLE IF NOT EXISTS wdhs_table_version (
    name text PRIMARY KEY,
    version bigint NOT NULL
);
-- When the table last changed (NULL: not since this column came, or never): the last change of a dataset on
-- /open-data/ also after a row was deleted or unpublished, which the newest updated_at of the rows cannot tell.
ALTER TABLE wdhs_table_version ADD COLUMN IF NOT EXISTS changed_at timestamptz;
CREATE OR REPLACE FUNCTION wdhs_content_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- The row of all content first, then the table's own row: every writer takes the locks in this order.
    INSERT INTO wdhs_content_version (id, version) VALUES (1, nextval('wdhs_content_version_seq'))
    ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version;
    -- clock_timestamp(), not now(): the statement has run, so the moment is not before the rows' own updated_at.
    INSERT INTO wdhs_table_version (name, version, changed_at)
    VALUES (TG_TABLE_NAME, currval('wdhs_content_version_seq'), clock_timestamp())
    ON CONFLICT (name) DO UPDATE SET version = EXCLUDED.version, changed_at = EXCLUDED.changed_at;
    RETURN NULL;
END
$$;
"""

# Every content table gets its own row at once, numbered from the sequence: a table nobody has written to yet
# has a version no other database used (not 0), and `memo` need not fall back to the version of all content.
SEED_SQL = """
INSERT INTO wdhs_table_version (name, version)
SELECT name, nextval('wdhs_content_version_seq') FROM unnest(%s::text[]) AS name
ON CONFLICT (name) DO NOTHING
"""

TRIGGER_SQL = """
CREATE OR REPLACE TRIGGER wdhs_content_changed
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table}
    FOR EACH STATEMENT EXECUTE FUNCTION wdhs_content_changed()
"""

SKIP_COOKIES = (settings.SESSION_COOKIE_NAME, settings.MESSAGE_COOKIE_NAME)
# What a view tells the middleware outside this one besides headers: a policy of its own
# (django.views.decorators.csp, the embeds of wdhs/embed/). Kept with the page, or a page from the cache would
# get the site-wide Content-Security-Policy instead.
KEPT_ATTRIBUTES = ("_csp_config", "_csp_ro_config")


def content_tables() -> list[str]:
    tables = []
    for label in CONTENT_APPS:
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            if model._meta.label_lower not in NOT_CONTENT and model._meta.managed and not model._meta.proxy:
                tables.append(model._meta.db_table)
    return sorted(set(tables))


def _app_tables() -> set[str]:
    return {
        model._meta.db_table
        for label in CONTENT_APPS
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    }


def install(using: str = DEFAULT_DB_ALIAS) -> None:
    """Create the version table and a trigger on every content table (after migrate; safe to repeat)."""
    with connections[using].cursor() as cursor:
        cursor.execute(VERSION_SQL.format(start=int(time.time() * 1_000_000)))
        existing = set(connections[using].introspection.table_names(cursor))
        content = content_tables()
        for table in content:
            if table in existing:
                cursor.execute(TRIGGER_SQL.format(table=connections[using].ops.quote_name(table)))
        cursor.execute(SEED_SQL, [[table for table in content if table in existing]])
        # A table that is no longer content (bookkeeping) loses a trigger an earlier release gave it.
        for table in sorted(_app_tables() - set(content)):
            if table in existing:
                cursor.execute(
                    f"DROP TRIGGER IF EXISTS wdhs_content_changed ON {connections[using].ops.quote_name(table)}"
                )


def mark_changed(cursor: Any) -> None:
    """Bumps the version of all content and of every table by hand, for bulk loads that switch the triggers off."""
    cursor.execute(
        "INSERT INTO wdhs_content_version (id, version) VALUES (1, nextval('wdhs_content_version_seq')) "
        "ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version"
    )
    cursor.execute(
        "UPDATE wdhs_table_version SET version = currval('wdhs_content_version_seq'), changed_at = clock_timestamp()"
    )


def after_migrate(using: str = DEFAULT_DB_ALIAS, **kwargs: Any) -> None:
    install(using)


CODE_FOLDERS = ("wdhs", "knowledge", "initiatives", "goals", "api", "templates")

# During a GET or HEAD (which never writes) the version is read once and reused by every memo of the request.
_request_scope: ContextVar[dict[str, Any] | None] = ContextVar("wdhs_content_version", default=None)


@functools.cache
def code_version() -> str:
    """A fingerprint of the portal's code and templates, part of every key: after a deploy no server reads a page
    from the old templates, or a memo whose value has a shape the new code does not expect. The same code gives
    the same fingerprint on every server, so they keep sharing the cache. Computed once per process."""
    digest = hashlib.sha256()
    for folder in CODE_FOLDERS:
        for path in sorted((settings.BASE_DIR / folder).rglob("*")):
            if path.suffix in (".py", ".html", ".txt") and path.is_file():
                digest.update(str(path.relative_to(settings.BASE_DIR)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


ALL_CONTENT = ""  # the name of the version of all content in `versions()`


def versions() -> dict[str, int]:
    """{table: number of its last change}, and under ALL_CONTENT the number of the last change to any content
    (0 before the first change). One query for all of them; during a GET or HEAD read once per request.

    Read from the database the page itself will be read from: with a lagging read replica (wdhs/routers.py), a
    number from the primary would file a page with the replica's older content under the new number.
    """
    scope = _request_scope.get()
    if scope is not None and "versions" in scope:
        return scope["versions"]
    with connections[reads_from()].cursor() as cursor:
        cursor.execute(
            "SELECT '', version FROM wdhs_content_version WHERE id = 1 "
            "UNION ALL SELECT name, version FROM wdhs_table_version"
        )
        found = {str(name): int(version) for name, version in cursor.fetchall()}
    found.setdefault(ALL_CONTENT, 0)
    if scope is not None:
        scope["versions"] = found
    return found


def model_tables(model: type[Model], *, related: bool = False) -> tuple[str, ...]:
    """The tables of `model`: its own and those of its many-to-many links; with `related` also the tables of the
    models its foreign keys and links point to (the names an export shows, such as a municipality or a theme)."""
    tables = {model._meta.db_table}
    for field in model._meta.get_fields():
        if isinstance(field, ManyToManyField):
            through = field.remote_field.through
            assert through is not None
            tables.add(through._meta.db_table)
        target = field.related_model
        if related and field.concrete and isinstance(target, type) and target is not model:
            tables.add(target._meta.db_table)
    return tuple(sorted(tables))


def etag_of(tables: tuple[str, ...]) -> str:
    """A strong ETag that changes with every write to one of `tables` (insert, update, delete, truncate), from the
    versions read once per request: no query over the rows, whatever their number. Tables that are no content
    (accounts) are left out: no export shows them, and without a row of their own they would follow every change."""
    content = _table_pattern()[1]
    signature = _signature(frozenset(table for table in tables if table in content), versions())
    return f'"{hashlib.sha256(signature.encode()).hexdigest()[:32]}"'


def last_changed(tables: tuple[str, ...]) -> dict[str, datetime.datetime | None]:
    """{table: the moment of its last write}, None when not known (before the first write since the column came).
    One query on the primary key of wdhs_table_version."""
    with connections[reads_from()].cursor() as cursor:
        cursor.execute("SELECT name, changed_at FROM wdhs_table_version WHERE name = ANY(%s)", [list(tables)])
        found: dict[str, datetime.datetime | None] = dict(cursor.fetchall())
    return {table: found.get(table) for table in tables}


def per_request(name: str, compute: Callable[[], Any]) -> Any:
    """compute(), once per GET or HEAD request (which never writes); elsewhere every time."""
    scope: dict[str, Any] | None = _request_scope.get()
    if scope is None:
        return compute()
    if name not in scope:
        scope[name] = compute()
    return scope[name]


def content_version() -> int:
    """The number of the last change to any content (0 before the first change)."""
    return versions()[ALL_CONTENT]


def _cacheable_request(request: HttpRequest) -> bool:
    if not getattr(settings, "WDHS_PAGE_CACHE", False):  # only GET and HEAD get here
        return False
    if any(name in request.COOKIES for name in SKIP_COOKIES):
        return False
    return not request.path.startswith(settings.WDHS_PAGE_CACHE_SKIP)


def _cacheable_response(request: HttpRequest, response: HttpResponseBase) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False  # the page holds a CSRF token for this visitor
    control = response.get("Cache-Control", "").lower()
    return not any(word in control for word in ("private", "no-cache", "no-store"))


class PageCacheMiddleware:
    """Serves public pages from the cache (see the module docstring). Sits outside the session middleware."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        token = _request_scope.set({})
        try:
            return self._get(request)
        finally:
            _request_scope.reset(token)

    def _get(self, request: HttpRequest) -> HttpResponseBase:
        if not _cacheable_request(request):
            return self.get_response(request)
        page = f"{request.get_host()}{request.get_full_path()}".encode()
        key = f"page:{code_version()}:{content_version()}:{hashlib.sha256(page).hexdigest()}"
        stored: dict[str, Any] | None = cache.get(key)
        if stored is not None:
            hit = HttpResponse(stored["content"], status=200)
            for name, value in stored["headers"]:
                hit[name] = value
            for name, value in stored.get("attributes", {}).items():
                setattr(hit, name, value)
            hit["X-Page-Cache"] = "hit"
            return hit
        response = self.get_response(request)
        if request.method == "GET" and _cacheable_response(request, response):
            assert isinstance(response, HttpResponse)
            headers = [(name, value) for name, value in response.items() if name.lower() != "set-cookie"]
            attributes = {name: getattr(response, name) for name in KEPT_ATTRIBUTES if hasattr(response, name)}
            cache.set(
                key,
                {"content": response.content, "headers": headers, "attributes": attributes},
                settings.WDHS_PAGE_CACHE_SECONDS,
            )
            response["X-Page-Cache"] = "miss"
        return response


def shared_counts() -> bool:
    """Whether `memo` keeps results (WDHS_SHARED_COUNTS, always with the page cache on)."""
    return bool(getattr(settings, "WDHS_SHARED_COUNTS", False) or getattr(settings, "WDHS_PAGE_CACHE", False))


_MISSING = object()
_in_process: dict[tuple[Any, ...], tuple[frozenset[str], str, Any]] = {}
# The tables read by the computations running now (a memo inside another one adds its tables to the outer one).
_reading: ContextVar[set[str] | None] = ContextVar("wdhs_memo_reading", default=None)


@functools.cache
def _table_pattern() -> tuple[re.Pattern[str], frozenset[str]]:
    """A pattern for the name of every table of every model, and the content tables among them."""
    content = frozenset(content_tables())
    every = {model._meta.db_table for model in apps.get_models(include_auto_created=True)} | content
    names = sorted(every, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(name) for name in names) + r")\b"), content


def _tables_in(sql: str) -> set[str]:
    """The content tables named in `sql`; a table without a trigger (accounts, bookkeeping) counts as ALL_CONTENT:
    such a value follows every change to the content, as all values did before there were versions per table."""
    pattern, content = _table_pattern()
    return {name if name in content else ALL_CONTENT for name in pattern.findall(sql)}


def _signature(tables: frozenset[str], current: dict[str, int]) -> str:
    """The versions of `tables` as one text; a table without a row of its own counts with the version of all
    content (it changes at least as often)."""
    fallback = current[ALL_CONTENT]
    return ",".join(f"{name}={current.get(name, fallback)}" for name in sorted(tables))


def _compute_reading(compute: Callable[[], Any], depends_on: tuple[str, ...] | None) -> tuple[Any, frozenset[str]]:
    """compute() and the content tables it read: every query it sends (on any database) is searched for the
    names of content tables. With `depends_on` those tables are taken as given instead."""
    read: set[str] = set()
    token = _reading.set(read)
    try:
        with contextlib.ExitStack() as stack:
            if depends_on is None:

                def watch(execute: Any, sql: Any, params: Any, many: bool, context: Any) -> Any:
                    read.update(_tables_in(str(sql)))
                    return execute(sql, params, many, context)

                for alias in connections:
                    stack.enter_context(connections[alias].execute_wrapper(watch))
            value = compute()
    finally:
        _reading.reset(token)
    return value, frozenset(depends_on) if depends_on is not None else frozenset(read)


def note_read(tables: tuple[str, ...]) -> None:
    """Tell the computations running now (an outer `memo`) that their value depends on `tables`: for a value read
    outside `memo`, e.g. kept for the request by `per_request`."""
    outer = _reading.get()
    if outer is not None:
        outer.update(tables)


def memo(
    parts: tuple[Any, ...],
    compute: Callable[[], Any],
    *,
    depends_on: tuple[str, ...] | None = None,
    in_process: bool = False,
    keep: Callable[[Any], bool] | None = None,
) -> Any:
    """The result of `compute`, kept in the cache until a table it read changes: for counts that many pages share.

    `parts` name the result (what it is and everything it depends on besides the content). The content tables
    the value depends on are learnt from the queries `compute` sends (every table whose name is in their SQL,
    and the tables of a memo used inside it); the value is kept under the versions of exactly those tables, so a
    change to initiatives leaves the counts of knowledge resources warm. This is right because a computation
    whose tables did not change sends the same queries and gets the same answers. `depends_on` names the tables
    by hand instead (for a value that reads content in a way no query shows; `(ALL_CONTENT,)` for model objects
    kept `in_process` whose relations load later, outside `compute`).

    Used where shared counts are on (WDHS_SHARED_COUNTS, or the page cache); otherwise computed each time.
    Independent of the page cache: a logged-in visitor, a page the page cache cannot keep, or a server with the
    page cache off still reads the counts once per version. `in_process` keeps it in this process's memory
    instead of the shared cache (one value per `parts`, the newest version): for a large value of model objects
    that every request needs, where unpickling it from the cache costs more than the queries. `keep(value)` says
    whether a computed value is worth keeping (the reads of a common search word, not those of a rare one, which
    are cheap and seldom asked again); without it every value is kept.
    """
    if not shared_counts():
        return compute()
    outer = _reading.get()
    # Read before computing (once per request): a change during the computation files the value under the older
    # version, never an older value under the newer version.
    current = versions()
    if in_process:
        held = _in_process.get(parts)
        if held is not None and held[1] == _signature(held[0], current):
            if outer is not None:
                outer.update(held[0])
            return held[2]
        value, read = _compute_reading(compute, depends_on)
        if outer is not None:
            outer.update(read)
        _in_process[parts] = (read, _signature(read, current), value)  # replaces the value of an older version
        return value
    # One entry per name: the value with the tables it read and their versions then. It is used only while those
    # versions are still the current ones (a newer computation, here or on another server, replaces it).
    key = f"memo:{code_version()}:{hashlib.sha256(repr(parts).encode()).hexdigest()}"
    stored = cache.get(key)
    if stored is not None and stored[1] == _signature(stored[0], current):
        if outer is not None:
            outer.update(stored[0])
        return stored[2]
    value, read = _compute_reading(compute, depends_on)
    if outer is not None:
        outer.update(read)
    if keep is None or keep(value):
        cache.set(key, (read, _signature(read, current), value), settings.WDHS_PAGE_CACHE_SECONDS)
    return value
