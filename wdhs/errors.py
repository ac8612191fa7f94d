"""How the portal answers and reports its own failures (OWASP ASVS 5.0 level 1, #17).

A database that is away answers 503 with Retry-After instead of the 500 page (`is_database_outage`, used by
`wdhs.views.server_error`, Django's handler500: every middleware layer turns an exception into a response through
that handler, so it also catches the queries of the session, auth and page-cache middleware before any view).

Every log line is a JSON object (`JsonFormatter`, with the request's path and id from
`RequestLogContextMiddleware`), and errors are mailed to ADMINS (settings.LOGGING); a database outage once per
process per ten minutes, not once per request (`OutageMailFilter`).
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
from collections.abc import Callable
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

import psycopg
from django.conf import settings
from django.db import utils as db_utils
from django.http import HttpRequest, HttpResponseBase

# SQLSTATEs that mean "the server cannot be reached or is going away", not "this query is wrong": connection
# exceptions (class 08), the server shutting down or crashing or still starting (57P01-57P03), no free slots.
OUTAGE_SQLSTATES = ("57P01", "57P02", "57P03", "53300")

_CONNECTION_ERRORS = (
    db_utils.OperationalError,
    db_utils.InterfaceError,
    psycopg.OperationalError,
    psycopg.InterfaceError,
)


def is_database_outage(exc: BaseException | None) -> bool:
    """True when `exc` (or what it wraps) says the database is unreachable.

    Django wraps psycopg's errors in its own classes (the original is `__cause__`). A psycopg error without a
    SQLSTATE comes from the client side: no connection, a broken one, a connection pool that waited in vain
    (psycopg_pool.PoolTimeout is a psycopg.OperationalError). An OperationalError with another SQLSTATE, such
    as a statement timeout (57014) or a deadlock, is a fault of this request and stays a 500.
    """
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, psycopg.InterfaceError):
            return True
        if isinstance(exc, psycopg.OperationalError):
            sqlstate = exc.sqlstate
            return sqlstate is None or sqlstate.startswith("08") or sqlstate in OUTAGE_SQLSTATES
        if not isinstance(exc, _CONNECTION_ERRORS):
            return False
        if exc.__cause__ is None:
            # Django's own error without a psycopg cause: "connection already closed" and the like.
            return isinstance(exc, db_utils.InterfaceError)
        exc = exc.__cause__
    return False


# ---- Error reports: JSON log lines and a mail to ADMINS --------------------------------------------------------
# Twenty lines of our own rather than python-json-logger: the fields that matter here (path, status, request id)
# come from Django's request and our request context, which such a library would need the same code for.

_request_context: ContextVar[dict[str, str] | None] = ContextVar("wdhs_log_request", default=None)
_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,100}")


def _request_fields(request: HttpRequest) -> dict[str, str]:
    fields = {"method": request.method or "", "path": request.path}
    # Set by the reverse proxy (nginx: $request_id, Caddy: {http.request.uuid}); anything else is not an id.
    request_id = request.META.get("HTTP_X_REQUEST_ID", "")
    if _REQUEST_ID.fullmatch(request_id):
        fields["request_id"] = request_id
    return fields


class RequestLogContextMiddleware:
    """Gives every log line written while a request runs its method, path and request id (not only Django's)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        token = _request_context.set(_request_fields(request))
        try:
            return self.get_response(request)
        finally:
            _request_context.reset(token)


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time (UTC), level, logger, message, and where known method, path, status,
    request_id and the exception with its traceback. Log collectors (Loki, CloudWatch, journald) read it as is."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request = getattr(record, "request", None)  # django.request passes it; django.server passes a socket
        entry.update(_request_fields(request) if isinstance(request, HttpRequest) else _request_context.get() or {})
        status = getattr(record, "status_code", None)
        if isinstance(status, int):
            entry["status"] = status
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


class OutageMailFilter(logging.Filter):
    """Lets one mail about a database outage through per process per OUTAGE_MAIL_SECONDS.

    Every request during an outage logs an error; the log keeps them all, ADMINS get the first (the mail itself
    does not need the database: AdminEmailHandler sends it directly, not through the task queue).
    """

    OUTAGE_MAIL_SECONDS = 600
    _lock = threading.Lock()
    _last_sent: float | None = None

    def filter(self, record: logging.LogRecord) -> bool:
        if not record.exc_info or not is_database_outage(record.exc_info[1]):
            return True
        now = time.monotonic()
        with self._lock:
            cls = type(self)
            if cls._last_sent is not None and now - cls._last_sent < self.OUTAGE_MAIL_SECONDS:
                return False
            cls._last_sent = now
            return True


def errors_are_reported() -> bool:
    """Whether someone hears of an error: the 500 page may only say so when it is true."""
    return bool(settings.ADMINS)
