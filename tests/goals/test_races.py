"""Two progress updates with the same title saved at the same moment (two threads, each with its own connection)."""

from __future__ import annotations

import pytest

from goals import models as goal_models
from goals.models import Update
from tests.concurrency import at_once, meet_after_first_call
from tests.factories import UpdateFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_same_title_at_the_same_moment_gives_two_addresses(monkeypatch):
    meet_after_first_call(monkeypatch, goal_models, "_unique_slug")
    at_once(lambda: UpdateFactory(title="Samen verder in 2026"), lambda: UpdateFactory(title="Samen verder in 2026"))
    assert sorted(Update.objects.values_list("slug", flat=True)) == ["samen-verder-in-2026", "samen-verder-in-2026-2"]
