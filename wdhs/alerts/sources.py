"""The kinds of content an alert can follow; each app registers its own from `AppConfig.ready()`.

A source says which rows are public, which timestamp says "new since" (an indexed column), and how its rows
are tied to themes and places, so that the digest filters by theme and region in SQL.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import models


@dataclass(frozen=True)
class AlertSource:
    kind: str  # the stored code and the word in forms: "kennis", "initiatieven", "regelingen", "agenda"
    label: str  # what a visitor ticks: "Nieuwe kennis"
    heading: str  # the heading in the mail: "Nieuwe kennis"
    model: type[models.Model]
    public: Callable[[], models.QuerySet[Any]]  # the rows anyone may see
    since_field: str  # the indexed timestamp that says when a row became public ("published_at")
    themes_field: str  # the many-to-many to wdhs.Term themes
    municipality_field: str  # the path to a municipality ("municipality" or "municipalities")
    province_field: str = ""  # the path to a province for rows that hold a whole province; empty: none
    national: models.Q | None = None  # rows that hold for the whole country; None: none
    # The list page with the same filters, for "en N meer": (theme slugs, province slug, municipality slug) -> URL.
    list_url: Callable[[list[str], str, str], str] = lambda themes, province, municipality: ""
    position: int = 0


_SOURCES: dict[str, AlertSource] = {}


def register_alert_source(source: AlertSource) -> None:
    """Register (or replace) one kind of content; called from an app's `ready()`."""
    _SOURCES[source.kind] = source


def sources() -> list[AlertSource]:
    return sorted(_SOURCES.values(), key=lambda source: (source.position, source.kind))


def source(kind: str) -> AlertSource | None:
    return _SOURCES.get(kind)
