"""The base of the portal's feeds (/kennis/feed/, /doelen/feed/): what they write is always valid XML."""

from __future__ import annotations

from typing import Any

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.utils.feedgenerator import SyndicationFeed

from wdhs.text import strip_nested


class PortalFeed(Feed):
    """A Feed that takes control characters out of every text it writes (see wdhs.text).

    XML 1.0 cannot hold them, and Django's feed writer raises on one: a single old title with a vertical
    tab would otherwise break the whole feed.
    """

    def get_feed(self, obj: Any, request: HttpRequest) -> SyndicationFeed:
        feed = super().get_feed(obj, request)
        feed.feed = strip_nested(feed.feed)
        feed.items = strip_nested(feed.items)
        return feed
