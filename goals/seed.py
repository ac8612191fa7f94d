"""Links from seeded content to the five goals, for `manage.py seed_bulk` (a few, as the editors would pick)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import connection, models

from goals.models import Goal, GoalLink
from wdhs.seed import Seeder, column

NOTES = ("Een goed voorbeeld voor dit doel.", "Helpt bewoners om zelf de regie te nemen.", "")
MOST = 150  # links per kind of content: a goal's page lists them all


def link(seeder: Seeder, model: type[models.Model], ids: Sequence[int]) -> int:
    """Link a few of the seeded objects (one in 500, at least one, at most MOST) to one or two goals."""
    if not ids:
        return 0
    content_type = ContentType.objects.get_for_model(model)
    goals = list(Goal.objects.values_list("pk", flat=True))
    rng = seeder.rng
    rows = [
        (goal, content_type.pk, object_id, rng.choice(NOTES))
        for object_id in rng.sample(list(ids), min(len(ids) // 500 + 1, MOST, len(ids)))
        for goal in rng.sample(goals, min(len(goals), rng.randint(1, 2)))
    ]
    return seeder.copy(GoalLink, ["goal", "content_type", "object_id", "note"], rows)


def unlink(cursor: Any, model: type[models.Model], where: str, params: Sequence[Any]) -> int:
    """Delete the links to the objects of `model` that `where` selects (an initiative has no GenericRelation)."""
    content_type = ContentType.objects.get_for_model(model)
    quote = connection.ops.quote_name
    cursor.execute(
        f"DELETE FROM {quote(GoalLink._meta.db_table)} WHERE content_type_id = %s AND object_id IN "  # noqa: S608
        f"(SELECT {quote(column(model, 'pk'))} FROM {quote(model._meta.db_table)} WHERE {where})",
        [content_type.pk, *params],
    )
    return cursor.rowcount
