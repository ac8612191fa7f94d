from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from wdhs.metrics import BREAKDOWNS, METRICS, Breakdown, Metric


@pytest.fixture
def register() -> Iterator[Callable[..., Any]]:
    """Registers test metrics and breakdowns, and removes them (or restores the real ones) afterwards."""
    saved_metrics, saved_breakdowns = dict(METRICS), dict(BREAKDOWNS)

    def add(item: Metric | Breakdown) -> Metric | Breakdown:
        if isinstance(item, Metric):
            METRICS[item.code] = item
        else:
            BREAKDOWNS[item.code] = item
        return item

    yield add
    METRICS.clear()
    METRICS.update(saved_metrics)
    BREAKDOWNS.clear()
    BREAKDOWNS.update(saved_breakdowns)
