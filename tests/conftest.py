from __future__ import annotations

import os

import pytest
from django.core.management import call_command


def pytest_configure(config: pytest.Config) -> None:
    # Tests always run on PostgreSQL: start the embedded server when no DATABASE_URL is given.
    if not os.environ.get("DATABASE_URL"):
        from wdhs.pgembed import start

        start()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):  # noqa: ANN001, ANN201
    with django_db_blocker.unblock():
        from tests.reference_data import load_reference_data

        call_command("load_places", verbosity=0)  # also updates places changed since the last run
        load_reference_data()
    yield


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(settings, tmp_path):  # noqa: ANN001, ANN202
    # Uploads in tests must not land in the checkout's media/ folder.
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def user(db):  # noqa: ANN001, ANN201
    from tests.factories import UserFactory

    return UserFactory()


@pytest.fixture
def staff(db):  # noqa: ANN001, ANN201
    from tests.factories import UserFactory

    return UserFactory(is_staff=True, is_superuser=True)


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
