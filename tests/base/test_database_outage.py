"""While the database is away the portal answers a Dutch 503 page with Retry-After, never the 500 page.

In-process with real connection errors (a socket folder that does not exist); tests/outage/ stops and starts a
real PostgreSQL under a running server.
"""

from __future__ import annotations

import psycopg
import pytest
from django.db import connection, connections
from django.db.utils import OperationalError
from django.test import Client, override_settings

from wdhs.errors import is_database_outage

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.base.failing_urls")]


def test_an_unreachable_server_is_an_outage():
    gone = type(connections["default"])({**connection.settings_dict, "HOST": "/nonexistent-wdhs-socket-folder"}, "gone")
    with pytest.raises(OperationalError) as raised:
        gone.ensure_connection()
    assert is_database_outage(raised.value)
    assert isinstance(raised.value.__cause__, psycopg.OperationalError)


def test_a_cancelled_query_is_no_outage():
    with pytest.raises(OperationalError) as raised, connection.cursor() as cursor:
        cursor.execute("SET LOCAL statement_timeout = 1")
        cursor.execute("SELECT pg_sleep(5)")
    assert not is_database_outage(raised.value)
    assert not is_database_outage(ZeroDivisionError())
    assert not is_database_outage(None)


def test_outage_answers_503_in_dutch_with_retry_after():
    response = Client(raise_request_exception=False).get("/test-fouten/database-weg/")
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    html = response.content.decode()
    assert "even niet bereikbaar" in html and "over een paar minuten" in html
    assert "Er ging iets mis" not in html


def test_other_database_errors_keep_the_500_page():
    response = Client(raise_request_exception=False).get("/test-fouten/trage-query/")
    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()
    assert "Retry-After" not in response


@override_settings(DEBUG=False)
def test_an_error_answers_the_500_page():
    response = Client(raise_request_exception=False).get("/test-fouten/kapot/")
    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()
