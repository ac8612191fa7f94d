"""The portal's URLs plus views that fail on purpose, for the tests of the error pages and error reports."""

from __future__ import annotations

from django.db import connection, connections, transaction
from django.http import HttpRequest, HttpResponse
from django.urls import path

from wdhs import urls as portal_urls


def unreachable_database(request: HttpRequest) -> HttpResponse:
    """Connects to a PostgreSQL that is not there: the error the portal gets while its database is away."""
    gone = type(connections["default"])({**connection.settings_dict, "HOST": "/nonexistent-wdhs-socket-folder"}, "gone")
    gone.ensure_connection()
    return HttpResponse("unreachable")


def slow_query(request: HttpRequest) -> HttpResponse:
    """A query that PostgreSQL cancels (statement timeout): an OperationalError that is no outage."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL statement_timeout = 1")
        cursor.execute("SELECT pg_sleep(5)")
    return HttpResponse("slow")


def broken_view(request: HttpRequest) -> HttpResponse:
    raise ZeroDivisionError("kapot op purpose")


urlpatterns = [
    path("test-fouten/database-weg/", unreachable_database),
    path("test-fouten/trage-query/", slow_query),
    path("test-fouten/kapot/", broken_view),
    *portal_urls.urlpatterns,
]
handler500 = portal_urls.handler500
