"""Funding schemes and partners for a municipality and its neighbours, for the near-me page (/in-de-buurt/).

For the place itself: the regional schemes of the municipality and of its province, and the partners that
work there (in the municipality or the province); the national ones are counted and linked. For each
neighbour: the schemes and partners of that municipality only. A fixed number of queries.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from django.db.models import Q

from knowledge.funding.models import FundingScheme
from knowledge.models import Organisation
from wdhs.models import Municipality

SHOWN_HERE = 10
SHOWN_NEAR = 60


def schemes_near(place: Municipality, neighbour_ids: Sequence[int]) -> dict[str, Any]:
    """{"here": [...], "national_count": n, "by_neighbour": {municipality id: [...]}}."""
    active = FundingScheme.objects.active()
    here = list(
        active.filter(scope=FundingScheme.Scope.REGIONAL)
        .filter(Q(municipalities=place) | Q(provinces=place.province_id))
        .distinct()
        .select_related("kind", "funder")
        .order_by("name", "pk")[:SHOWN_HERE]
    )
    national_count = active.filter(scope=FundingScheme.Scope.NATIONAL).count()
    links = (
        FundingScheme.municipalities.through.objects.filter(
            municipality_id__in=neighbour_ids, fundingscheme__is_active=True
        )
        .select_related("fundingscheme")
        .only("municipality_id", "fundingscheme__name", "fundingscheme__slug")
        .order_by("fundingscheme__name")[:SHOWN_NEAR]
    )
    by_neighbour: dict[int, list[FundingScheme]] = defaultdict(list)
    for link in links:
        by_neighbour[link.municipality_id].append(link.fundingscheme)
    return {"here": here, "national_count": national_count, "by_neighbour": dict(by_neighbour)}


def partners_near(place: Municipality, neighbour_ids: Sequence[int]) -> dict[str, Any]:
    """{"here": [...], "national_count": n, "by_neighbour": {municipality id: [...]}}."""
    here = list(
        Organisation.objects.filter(is_national=False)
        .filter(Q(municipalities=place) | Q(provinces=place.province_id))
        .distinct()
        .only("name", "short_name", "slug", "kind", "description")
        .order_by("name", "pk")[:SHOWN_HERE]
    )
    national_count = Organisation.objects.filter(is_national=True).count()
    links = (
        Organisation.municipalities.through.objects.filter(municipality_id__in=neighbour_ids)
        .select_related("organisation")
        .only("municipality_id", "organisation__name", "organisation__short_name", "organisation__slug")
        .order_by("organisation__name")[:SHOWN_NEAR]
    )
    by_neighbour: dict[int, list[Organisation]] = defaultdict(list)
    for link in links:
        by_neighbour[link.municipality_id].append(link.organisation)
    return {"here": here, "national_count": national_count, "by_neighbour": dict(by_neighbour)}
