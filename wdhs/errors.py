"""How the portal answers and reports its own failures (OWASP ASVS 5.0 level 1, #17).

A database that is away answers 503 with Retry-After instead of the 500 page (`is_database_outage`, used by
`wdhs.views.server_error`, Django's handler500: every middleware layer turns an exception into a response through
that handler, so it also catches the queries of the session, auth and page-cache middleware before any view).
"""

from __future__ import annotations

import psycopg
from django.db import utils as db_utils

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
