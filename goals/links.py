"""Which linked content a visitor may see on a goal's page (the protocol is described in goals.admin)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import Model

from goals.models import Goal, GoalLink


@dataclass(frozen=True)
class LinkedGroup:
    label: str
    objects: list[Any]


def _public_objects(model: type[Model], ids: list[int]) -> list[Any]:
    manager = model._default_manager
    queryset = manager.filter(pk__in=ids)
    published = getattr(queryset, "published", None)
    if callable(published):
        return list(published())
    # Without a published() queryset the object must say so itself; anything else stays hidden.
    return [obj for obj in queryset if getattr(obj, "is_public", False) is True]


def public_linked_objects(goal: Goal) -> list[LinkedGroup]:
    """Linked objects grouped by kind, only those that report themselves public; one query per kind."""
    ids_by_type: dict[Any, list[int]] = defaultdict(list)
    for link in GoalLink.objects.filter(goal=goal).select_related("content_type"):
        ids_by_type[link.content_type].append(link.object_id)
    groups = []
    for content_type, ids in sorted(ids_by_type.items(), key=lambda item: (item[0].app_label, item[0].model)):
        model = content_type.model_class()
        if model is None:
            continue
        objects = _public_objects(model, ids)
        if objects:
            groups.append(LinkedGroup(label=str(model._meta.verbose_name_plural).capitalize(), objects=objects))
    return groups
