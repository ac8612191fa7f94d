"""Shared fixtures. The database comes from DATABASE_URL, which `make test` sets (see wdhs/settings.py)."""

from __future__ import annotations

import pytest
from django.core.management import call_command


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
    from tests.factories import UserFactory

    return UserFactory(is_staff=True, is_superuser=True)
