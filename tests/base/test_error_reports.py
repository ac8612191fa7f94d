"""Errors are logged as one JSON line each and mailed to ADMINS with the traceback (wdhs/errors.py, LOGGING)."""

from __future__ import annotations

import io
import json
import logging
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core import mail
from django.test import Client

from wdhs.errors import OutageMailFilter

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.base.failing_urls")]

ROOT = Path(__file__).resolve().parents[2]
ADMIN = "Beheer WDHS <beheer@example.nl>"
REQUEST_ID = "7f3c9a1e-4b2d"


@pytest.fixture
def log() -> Iterator[Callable[[], list[dict[str, Any]]]]:
    """The entries the portal's own console handler (settings.LOGGING) wrote; every line must be JSON."""
    handler = next(h for h in logging.getLogger().handlers if h.name == "console")
    assert isinstance(handler, logging.StreamHandler)
    stream = io.StringIO()
    previous = handler.setStream(stream)
    try:
        yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    finally:
        handler.setStream(previous)


@pytest.fixture(autouse=True)
def _no_outage_mail_sent_yet() -> Iterator[None]:
    OutageMailFilter._last_sent = None
    yield
    OutageMailFilter._last_sent = None


def client() -> Client:
    return Client(raise_request_exception=False)


def test_an_error_is_one_json_line_with_path_status_and_traceback(log):
    response = client().get("/test-fouten/kapot/?x=1", HTTP_X_REQUEST_ID=REQUEST_ID)
    assert response.status_code == 500
    [entry] = log()
    assert entry["level"] == "ERROR" and entry["logger"] == "django.request"
    assert entry["path"] == "/test-fouten/kapot/" and entry["method"] == "GET" and entry["status"] == 500
    assert entry["request_id"] == REQUEST_ID
    assert "Traceback" in entry["exception"] and "ZeroDivisionError: kapot op purpose" in entry["exception"]
    assert entry["time"].endswith("+00:00")


def test_an_error_is_mailed_to_admins_with_the_traceback(settings, log):
    settings.ADMINS = [ADMIN]
    response = client().get("/test-fouten/kapot/")
    assert "We krijgen er een melding van" in response.content.decode()
    assert len(mail.outbox) == 1
    report = mail.outbox[0]
    assert report.to == [ADMIN]
    assert "/test-fouten/kapot/" in report.subject
    assert "Traceback (most recent call last)" in report.body
    assert 'raise ZeroDivisionError("kapot op purpose")' in report.body
    assert len(log()) == 1


def test_without_admins_the_500_page_promises_no_alert(settings, log):
    settings.ADMINS = []
    html = client().get("/test-fouten/kapot/").content.decode()
    assert "We krijgen er een melding van" not in html
    assert "vastgelegd in ons logboek" in html and "/contact/" in html
    assert mail.outbox == []


def test_a_database_outage_is_mailed_once_and_logged_every_time(settings, log):
    settings.ADMINS = [ADMIN]
    for _ in range(3):
        assert client().get("/test-fouten/database-weg/").status_code == 503
    assert len(mail.outbox) == 1 and "database-weg" in mail.outbox[0].subject
    logged = log()
    assert [entry["status"] for entry in logged] == [503, 503, 503]
    assert all("nonexistent-wdhs-socket-folder" in entry["exception"] for entry in logged)


def test_a_made_up_request_id_is_not_logged(log):
    client().get("/test-fouten/kapot/", HTTP_X_REQUEST_ID="x\n{} fake")
    [entry] = log()
    assert "request_id" not in entry


def test_log_lines_of_our_own_code_name_the_request(log):
    logging.getLogger("wdhs.test").warning("let op")  # outside a request: no path
    client().get("/test-fouten/kapot/")
    own, error = log()
    assert own == {"time": own["time"], "level": "WARNING", "logger": "wdhs.test", "message": "let op"}
    assert error["path"] == "/test-fouten/kapot/"


def test_admins_come_from_the_environment():
    def admins(value: str) -> subprocess.CompletedProcess[str]:
        code = "from django.conf import settings; print(settings.ADMINS)"
        env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
        return subprocess.run(
            [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
            cwd=ROOT,
            env={**env, "DJANGO_ENV": "test", "DJANGO_ADMINS": value},
            capture_output=True,
            text=True,
            timeout=120,
        )

    found = admins("Beheer WDHS <beheer@example.nl>, ander@example.nl")
    assert found.stdout.strip() == "['Beheer WDHS <beheer@example.nl>', 'ander@example.nl']", found.stderr
    wrong = admins("beheer")
    assert wrong.returncode != 0 and "DJANGO_ADMINS: 'beheer' is geen e-mailadres" in wrong.stderr
