from __future__ import annotations

from django.db.models import QuerySet

from knowledge.events.models import Event
from wdhs.sitemaps import ModelSitemap


class EventSitemap(ModelSitemap):
    priority = 0.5
    url_name = "events:detail"

    def queryset(self) -> QuerySet[Event]:
        return Event.objects.published().only("slug", "updated_at")
