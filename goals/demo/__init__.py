"""Demo progress updates about the programme and the portal (no made-up figures), one Markdown file each.

The file name is the slug, the text the body. Dates are relative: demo news should not claim a real
day in the programme's history. An update is created once, so a second run changes nothing.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from goals.models import Goal, Update
from wdhs.demo import Record, apply_all, days_from_today, read

FOLDER = Path(__file__).resolve().parent
FIELDS = {"goal", "title", "published_days_ago"}


def load() -> str:
    """Add the updates that do not exist yet, each under its goal (by number)."""
    records = read(FOLDER, fields=FIELDS)
    goals = Goal.objects.in_bulk(field_name="number")
    existing = set(Update.objects.filter(slug__in=[r.slug for r in records]).values_list("slug", flat=True))
    created = sum(apply_all(records, partial(_apply, goals=goals, existing=existing)))
    return f"{created} voortgangsbericht(en) toegevoegd."


def _apply(record: Record, *, goals: dict[int, Goal], existing: set[str]) -> bool:
    goal = goals.get(record.data["goal"])
    # The goals are reference data; without them (a bare test database) there is nothing to report on.
    if goal is None or record.slug in existing:
        return False
    Update.objects.create(
        goal=goal,
        slug=record.slug,
        title=record.data["title"],
        body=record.body,
        published_at=days_from_today(-record.data["published_days_ago"]),
        is_published=True,
    )
    return True
