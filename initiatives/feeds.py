"""The Atom feed of /initiatieven/: the newest published initiatives, filtered by the same filters as the list.

The newest FEED_SIZE from the index initiative_published_newest, whatever the size of the register. A filter value
the list does not know gives a 400 with a Dutch sentence, as the list itself answers 400.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import Truncator

from initiatives.filters import InitiativeFilter
from initiatives.models import Initiative
from wdhs.feeds import FEED_SIZE, FILTER_ERROR, PortalFeed, feed_query, refused


def _filtered(request: HttpRequest) -> InitiativeFilter:
    return InitiativeFilter(request.GET or None, queryset=Initiative.objects.published())


class InitiativeAtomFeed(PortalFeed):
    feed_type = Atom1Feed
    subtitle = "Nieuwe initiatieven van bewoners op het kennisplatform We Doen Het Samen."

    def __call__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if _filtered(request).error_messages():
            return refused(request, FILTER_ERROR)
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> InitiativeFilter:
        return _filtered(request)

    def title(self, obj: InitiativeFilter) -> str:
        labels = [obj.search_text] if obj.search_text else []
        for name, value in obj.cleaned.items():
            if name in ("q", "sorteer") or not value:
                continue
            labels += [str(v) for v in (value if hasattr(value, "model") else [value])]
        return f"Nieuwe initiatieven{': ' + ', '.join(labels) if labels else ''} · We Doen Het Samen"

    def link(self, obj: InitiativeFilter) -> str:
        return reverse("initiatives:list") + feed_query(obj.data)

    def items(self, obj: InitiativeFilter) -> list[Initiative]:
        rows = obj.qs.select_related("kind", "municipality").order_by(F("published_at").desc(nulls_last=True), "pk")
        return list(rows[:FEED_SIZE])

    def item_title(self, item: Initiative) -> str:
        return f"{item.name} ({item.municipality.name})"

    def item_description(self, item: Initiative) -> str:
        return Truncator(item.description).chars(400)

    def item_pubdate(self, item: Initiative) -> datetime | None:
        return item.published_at

    def item_updateddate(self, item: Initiative) -> datetime:
        return item.updated_at

    def item_categories(self, item: Initiative) -> list[str]:
        return [item.kind.name]
