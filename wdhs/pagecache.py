"""The page cache: a public page, rendered once, is served from the cache to every visitor without an account
until the content changes.

How it knows that the content changed: every table of the portal's content has a statement-level trigger that
writes a new number into the one-row table `wdhs_content_version`. A request reads that
row (one small query) and looks for the page under that version. The row changes in the same transaction as
the content, so a reader sees the new version only once the new content is visible too; every way of writing
counts (a form, the admin, a bulk `update()`, COPY, raw SQL, another app server), and the version is shared
by every server that uses the same database and cache.

Cached: GET and HEAD from a visitor without a session or message cookie, answered 200 with a complete body,
without a new cookie, without a CSRF token in the page (a form with a token stays personal), and not marked
private or no-cache. Everything else passes through untouched. Pages also expire after
WDHS_PAGE_CACHE_SECONDS, for texts that depend on the date.
"""

from __future__ import annotations

import functools
import hashlib
import time
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections
from django.http import HttpRequest, HttpResponse, HttpResponseBase

from wdhs.routers import reads_from

# The portal's own apps; their tables are content, except these (search bookkeeping, jobs, accounts).
CONTENT_APPS = ("wdhs", "knowledge", "initiatives", "goals")
NOT_CONTENT = {
    "wdhs.searchword",
    "wdhs.dailyjobrun",
    "wdhs.formsubmission",  # the key of each sent form (wdhs.forms.once); no page shows it
    "wdhs.pagefeedback",  # readers' reactions (wdhs.feedback): only editors and staff see them, never a cached page
    "wdhs.workerheartbeat",  # every task worker writes it every 30 s; only /healthz reads it, never cached
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
CREATE OR REPLACE FUNCTION wdhs_content_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO wdhs_content_version (id, version) VALUES (1, nextval('wdhs_content_version_seq'))
    ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version;
    RETURN NULL;
END
$$;
"""

TRIGGER_SQL = """
CREATE OR REPLACE TRIGGER wdhs_content_changed
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table}
    FOR EACH STATEMENT EXECUTE FUNCTION wdhs_content_changed()
"""

SKIP_COOKIES = (settings.SESSION_COOKIE_NAME, settings.MESSAGE_COOKIE_NAME)


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
        # A table that is no longer content (bookkeeping) loses a trigger an earlier release gave it.
        for table in sorted(_app_tables() - set(content)):
            if table in existing:
                cursor.execute(
                    f"DROP TRIGGER IF EXISTS wdhs_content_changed ON {connections[using].ops.quote_name(table)}"
                )


def mark_changed(cursor: Any) -> None:
    """Bumps the version by hand, for bulk loads that switch the triggers off."""
    cursor.execute(
        "INSERT INTO wdhs_content_version (id, version) VALUES (1, nextval('wdhs_content_version_seq')) "
        "ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version"
    )


def after_migrate(using: str = DEFAULT_DB_ALIAS, **kwargs: Any) -> None:
    install(using)


CODE_FOLDERS = ("wdhs", "knowledge", "initiatives", "goals", "api", "templates")

# During a GET or HEAD (which never writes) the version is read once and reused by every memo of the request.
_request_scope: ContextVar[dict[str, int] | None] = ContextVar("wdhs_content_version", default=None)


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


def content_version() -> int:
    """The number of the last change to the content (0 before the first change).

    Read from the database the page itself will be read from: with a lagging read replica (wdhs/routers.py), a
    number from the primary would file a page with the replica's older content under the new number.
    """
    scope = _request_scope.get()
    if scope is not None and "version" in scope:
        return scope["version"]
    with connections[reads_from()].cursor() as cursor:
        cursor.execute("SELECT version FROM wdhs_content_version WHERE id = 1")
        row = cursor.fetchone()
    version = int(row[0]) if row else 0
    if scope is not None:
        scope["version"] = version
    return version


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
            hit["X-Page-Cache"] = "hit"
            return hit
        response = self.get_response(request)
        if request.method == "GET" and _cacheable_response(request, response):
            assert isinstance(response, HttpResponse)
            headers = [(name, value) for name, value in response.items() if name.lower() != "set-cookie"]
            cache.set(key, {"content": response.content, "headers": headers}, settings.WDHS_PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response


def shared_counts() -> bool:
    """Whether `memo` keeps results (WDHS_SHARED_COUNTS, always with the page cache on)."""
    return bool(getattr(settings, "WDHS_SHARED_COUNTS", False) or getattr(settings, "WDHS_PAGE_CACHE", False))


_MISSING = object()
_in_process: dict[tuple[Any, ...], tuple[str, Any]] = {}


def memo(
    parts: tuple[Any, ...], compute: Callable[[], Any], *, version: int | None = None, in_process: bool = False
) -> Any:
    """The result of `compute`, kept in the cache until the content changes: for counts that many pages share.

    `parts` name the result (what it is and everything it depends on besides the content). Used where shared
    counts are on (WDHS_SHARED_COUNTS, or the page cache); otherwise computed each time. Independent of the page
    cache: a logged-in visitor, a page the page cache cannot keep, or a server with the page cache off still
    reads the counts once per content version. `in_process` keeps it in this process's
    memory instead of the shared cache (one value per `parts`, the newest version): for a large value of model
    objects that every request needs, where unpickling it from the cache costs more than the queries.
    """
    if not shared_counts():
        return compute()
    if version is None:
        version = content_version()
    key = f"memo:{code_version()}:{version}:{hashlib.sha256(repr(parts).encode()).hexdigest()}"
    if in_process:
        held = _in_process.get(parts)
        if held is not None and held[0] == key:
            return held[1]
        value = compute()
        _in_process[parts] = (key, value)  # replaces the value of an older version
        return value
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(key, value, settings.WDHS_PAGE_CACHE_SECONDS)
    return value
