"""Which knowledge pages were read most (wdhs.reads), for the editors of their organisation.

An organisation's pages: its resources, the schemes it funds, its events and its own page. Its editors see the
most-read ones of the last 30 days on /mijn/kennis/ and in the monthly mail; staff see those of every partner.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import OuterRef, Subquery, Sum
from django.urls import reverse

from knowledge.events.models import Event
from knowledge.funding.models import FundingScheme
from knowledge.models import Organisation, Resource
from wdhs import reads
from wdhs.models import AnyUser, PageRead

DASHBOARD_ROWS = 10
MAIL_ROWS = 5
# Staff see every partner's pages: a sum over every page's daily rows, so kept for an hour, not made per request.
STAFF_CACHE_SECONDS = 3600

KINDS: dict[type[Any], str] = {
    Resource: "kennisitem",
    FundingScheme: "regeling",
    Event: "bijeenkomst",
    Organisation: "organisatiepagina",
}


@dataclass(frozen=True)
class MostRead:
    """One line of "meest gelezen": the page's title, what kind of page, its address and how often it was read."""

    title: str
    kind: str
    url: str
    edit_url: str
    count: int


def is_reader(user: AnyUser, organisation_id: int | None) -> bool:
    """Whether a view of a page of this organisation counts as a read: not by staff, not by its own editors."""
    if not user.is_authenticated:
        return True
    if user.is_staff:
        return False
    return organisation_id is None or not Organisation.objects.edited_by(user).filter(pk=organisation_id).exists()


def _line(page: Any, count: int) -> MostRead:
    if isinstance(page, Resource):
        title, edit_url = page.title, reverse("knowledge:editor_resource_edit", args=[page.slug])
    elif isinstance(page, Organisation):
        title, edit_url = page.name, reverse("knowledge:editor_organisation_edit", args=[page.slug])
    elif isinstance(page, FundingScheme):
        title, edit_url = page.name, ""
    else:
        title, edit_url = page.title, ""
    return MostRead(title=title, kind=KINDS[type(page)], url=page.get_absolute_url(), edit_url=edit_url, count=count)


def _pages_of(organisations: Any) -> list[reads.Pages]:
    """The pages of `organisations` (a queryset of their keys), per model."""
    return [
        reads.Pages(Resource, Resource.objects.filter(organisation__in=organisations).values("pk")),
        reads.Pages(FundingScheme, FundingScheme.objects.filter(funder__in=organisations).values("pk")),
        reads.Pages(Event, Event.objects.filter(organisation__in=organisations).values("pk")),
        reads.Pages(Organisation, organisations),
    ]


def most_read_for_editor(user: AnyUser, *, sees_all: bool = False) -> list[MostRead]:
    """The most-read pages of the last 30 days of the organisations `user` edits; for staff, of all of them."""
    if sees_all:
        key = f"most-read:all:{reads.since().isoformat()}"
        found: list[MostRead] | None = cache.get(key)
        if found is None:
            found = _most_read_everywhere()
            cache.set(key, found, STAFF_CACHE_SECONDS)
        return found
    organisations = Organisation.objects.edited_by(user).values("pk")
    return [_line(page, count) for page, count in reads.most_read(_pages_of(organisations), limit=DASHBOARD_ROWS)]


def _most_read_everywhere() -> list[MostRead]:
    return [
        _line(page, count)
        for page, count in reads.most_read(
            [reads.Pages(model, model._default_manager.values("pk")) for model in KINDS], limit=DASHBOARD_ROWS
        )
    ]


def most_read_per_organisation(organisation_ids: Iterable[int], *, limit: int = MAIL_ROWS) -> dict[int, list[MostRead]]:
    """For the monthly mail: per organisation its `limit` most-read pages of the last 30 days.

    One query per kind of page for all organisations at once (the sums, each with the page's organisation),
    then one per kind for the pages kept: bounded by the number of kinds, not of organisations.
    """
    wanted = set(organisation_ids)
    if not wanted:
        return {}
    owners: list[tuple[type[Any], Any]] = [
        (Resource, Subquery(Resource.objects.filter(pk=OuterRef("object_id")).values("organisation_id")[:1])),
        (FundingScheme, Subquery(FundingScheme.objects.filter(pk=OuterRef("object_id")).values("funder_id")[:1])),
        (Event, Subquery(Event.objects.filter(pk=OuterRef("object_id")).values("organisation_id")[:1])),
    ]
    ranked: dict[int, list[tuple[int, type[Any], int]]] = {}
    for model, owner in owners:
        sums = (
            PageRead.objects.filter(content_type=ContentType.objects.get_for_model(model), day__gte=reads.since())
            .values("object_id")
            .annotate(total=Sum("count"), owner=owner)
            .filter(owner__in=wanted)
            .values_list("owner", "object_id", "total")
        )
        for organisation_id, object_id, total in sums:
            ranked.setdefault(organisation_id, []).append((total, model, object_id))
    for organisation_id, total in (
        PageRead.objects.filter(
            content_type=ContentType.objects.get_for_model(Organisation),
            object_id__in=wanted,
            day__gte=reads.since(),
        )
        .values("object_id")
        .annotate(total=Sum("count"))
        .values_list("object_id", "total")
    ):
        ranked.setdefault(organisation_id, []).append((total, Organisation, organisation_id))
    kept: dict[int, list[tuple[int, type[Any], int]]] = {
        organisation_id: sorted(rows, key=lambda row: (-row[0], KINDS[row[1]], row[2]))[:limit]
        for organisation_id, rows in ranked.items()
    }
    keys: dict[type[Any], set[int]] = {}
    for rows in kept.values():
        for _, model, pk in rows:
            keys.setdefault(model, set()).add(pk)
    pages = {
        (model, page.pk): page for model, pks in keys.items() for page in model._default_manager.filter(pk__in=pks)
    }
    return {
        organisation_id: [_line(pages[(model, pk)], total) for total, model, pk in rows if (model, pk) in pages]
        for organisation_id, rows in kept.items()
    }
