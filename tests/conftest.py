"""Shared fixtures. The database comes from DATABASE_URL, which `make test` sets (see wdhs/settings.py)."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.management import call_command
from django.test import override_settings

from tests import summary
from tests.database import empty_content_tables


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Every test under tests/browser/ drives Chromium: `pytest -m "not browser"` is the fast loop.
    for item in items:
        if "browser" in item.path.parts[-3:-1]:
            item.add_marker(pytest.mark.browser)
            # With pytest-xdist (--dist loadgroup) all browser tests share one worker, one Chromium and one
            # live server, while the other worker runs the rest.
            item.add_marker(pytest.mark.xdist_group("browser"))
        elif "demo" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.xdist_group("demo"))
    # The tests that read the demo content (loaded once, see `demo`) come last, so no other test sees it.
    items.sort(key=lambda item: "demo" in getattr(item, "fixturenames", ()))


def pytest_sessionfinish(session: pytest.Session) -> None:
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:  # a pytest-xdist worker: hand the lines to the main process
        workeroutput["wdhs_summary"] = [(s.title, list(s.lines), s.loud) for s in summary.SECTIONS.values()]


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: Any) -> None:
    for title, lines, loud in getattr(node, "workeroutput", {}).get("wdhs_summary", []):
        summary.report(title, lines, loud=loud)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for section in summary.SECTIONS.values():
        if section.loud:
            banner = "!" * 100
            for line in (banner, *section.lines, banner):
                terminalreporter.write_line(line, red=True, bold=True)
        else:
            terminalreporter.section(section.title)
            for line in section.lines:
                terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):  # noqa: ANN001, ANN201
    with django_db_blocker.unblock():
        from initiatives.models import Initiative
        from knowledge.models import Organisation, Resource
        from tests.reference_data import load_reference_data
        from wdhs.models import User

        # --reuse-db keeps the test database between runs; a run that was killed halfway through a
        # live-server test leaves its rows behind, and later tests would count them.
        if any(model.objects.exists() for model in (User, Organisation, Resource, Initiative)):
            call_command("flush", interactive=False, verbosity=0)
        call_command("load_places", verbosity=0)  # also updates places changed since the last run
        load_reference_data()
    yield


@pytest.fixture(scope="session")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):  # noqa: ANN001, ANN201
    """The demo content of `make run`, loaded once for the whole run and committed; returns its upload folder.

    The tests that ask for it run last (see pytest_collection_modifyitems), each in its own transaction on top
    of it, so no other test sees it; at the end of the run it is deleted again.
    """
    media = tmp_path_factory.mktemp("demo-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media):
        call_command("load_demo", stdout=io.StringIO())
    yield media
    with django_db_blocker.unblock():
        empty_content_tables()


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(request, settings, tmp_path):  # noqa: ANN001, ANN202
    # Uploads in tests must not land in the checkout's media/ folder; the demo's uploads are in their own.
    settings.MEDIA_ROOT = request.getfixturevalue("demo") if "demo" in request.fixturenames else tmp_path / "media"


@pytest.fixture
def empty_cache(django_db_setup, django_db_blocker):  # noqa: ANN001, ANN201
    """Rate limits live in the shared cache (a database table): each test that uses one starts with a clean slate."""
    from django.core.cache import cache

    with django_db_blocker.unblock():
        call_command("createcachetable", verbosity=0)
        cache.clear()
    yield cache


@pytest.fixture
def user(db):  # noqa: ANN001, ANN201
    from tests.factories import UserFactory

    return UserFactory()


@pytest.fixture
def staff(db):  # noqa: ANN001, ANN201
    from tests.factories import StaffFactory

    return StaffFactory()


@pytest.fixture
def mail_down(settings):  # noqa: ANN001, ANN201
    """The mail server is down, until the test sets `settings.MAILERS = MAIL_UP` (tests.background)."""
    from tests.background import MAIL_DOWN

    settings.MAILERS = MAIL_DOWN


@pytest.fixture
def task_queue(settings):  # noqa: ANN001, ANN201
    """Tasks wait in the database queue, as in production, until `run_queued_tasks()` (tests.background)."""
    from tests.background import DATABASE_QUEUE

    settings.TASKS = DATABASE_QUEUE
