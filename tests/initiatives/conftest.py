from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _clear_cache(db: Any) -> None:
    # Rate limits live in the shared cache; each test starts with a clean slate.
    cache.clear()


@pytest.fixture(autouse=True)
def _cache_table(django_db_setup: Any, django_db_blocker: Any) -> None:
    from django.core.management import call_command

    with django_db_blocker.unblock():
        call_command("createcachetable", verbosity=0)
