from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(autouse=True)
def _clear_cache(empty_cache: Any) -> None:
    """Rate limits of the public forms: each test starts with a clean slate."""
