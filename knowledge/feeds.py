from __future__ import annotations

from datetime import datetime

from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed

from knowledge.models import Resource
from wdhs.feeds import PortalFeed


class ResourceRssFeed(PortalFeed):
    title = "Nieuwe kennis · We Doen Het Samen"
    link = reverse_lazy("knowledge:list")
    description = "Nieuwe artikelen, stappenplannen en voorbeelden van de partners van We Doen Het Samen."

    def items(self) -> list[Resource]:
        return list(Resource.objects.published().select_related("organisation", "kind").order_by("-published_at")[:30])

    def item_title(self, item: Resource) -> str:
        return item.title

    def item_description(self, item: Resource) -> str:
        return item.summary

    def item_pubdate(self, item: Resource) -> datetime | None:
        return item.published_at

    def item_updateddate(self, item: Resource) -> datetime | None:
        return item.updated_at

    def item_author_name(self, item: Resource) -> str:
        return item.organisation.name

    def item_categories(self, item: Resource) -> list[str]:
        return [item.kind.name]


class ResourceAtomFeed(ResourceRssFeed):
    feed_type = Atom1Feed
    subtitle = ResourceRssFeed.description
