from __future__ import annotations

import importlib
import os

import pytest
from django.apps import apps
from django.core.management import call_command

# Rows that data migrations create. A live-server test flushes the database, and --reuse-db keeps
# that flushed database for the next run, so every session puts these rows back (all idempotent).
DATA_MIGRATIONS = [
    ("wdhs.migrations.0002_extensions_and_taxonomy", "load_starting_terms"),
    ("wdhs.migrations.0005_starting_synonyms", "load"),
    ("goals.migrations.0002_five_goals", "load"),
]


def pytest_configure(config: pytest.Config) -> None:
    # Tests always run on PostgreSQL: start the embedded server when no DATABASE_URL is given.
    if not os.environ.get("DATABASE_URL"):
        from wdhs.pgembed import start

        start()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):  # noqa: ANN001, ANN201
    with django_db_blocker.unblock():
        call_command("load_places", verbosity=0)
        for module, function in DATA_MIGRATIONS:
            getattr(importlib.import_module(module), function)(apps, None)
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
