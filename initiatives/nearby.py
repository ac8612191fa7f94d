"""Initiatives in a municipality and in its neighbours, for the near-me page (/in-de-buurt/).

A fixed number of queries whatever the number of initiatives: the first few of the place itself with their
relations, the first few per neighbour in one query (a window function), and the counts per municipality
in one query over the index (status, municipality).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber

from initiatives.models import Initiative

SHOWN_HERE = 12
SHOWN_PER_NEIGHBOUR = 4


def initiatives_near(place_id: int, neighbour_ids: Sequence[int]) -> dict[str, Any]:
    """{"here": [...], "counts": {municipality id: n}, "by_neighbour": {municipality id: [...]}}."""
    published = Initiative.objects.published()
    here = list(published.filter(municipality_id=place_id).for_cards().order_by("name", "pk")[:SHOWN_HERE])
    counts = dict(
        published.filter(municipality_id__in=[place_id, *neighbour_ids])
        .order_by()
        .values("municipality_id")
        .annotate(n=Count("pk"))
        .values_list("municipality_id", "n")
    )
    by_neighbour: dict[int, list[Initiative]] = defaultdict(list)
    if neighbour_ids:
        first = (
            published.filter(municipality_id__in=neighbour_ids)
            .annotate(rank=Window(RowNumber(), partition_by=F("municipality_id"), order_by=[F("name"), F("pk")]))
            .filter(rank__lte=SHOWN_PER_NEIGHBOUR)
            .select_related("kind")
            .only("name", "slug", "area", "municipality_id", "kind__name")
            .order_by("municipality_id", "rank")
        )
        for initiative in first:
            by_neighbour[initiative.municipality_id].append(initiative)
    return {"here": here, "counts": counts, "by_neighbour": dict(by_neighbour)}
