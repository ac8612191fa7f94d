"""The base of the portal's feeds (/kennis/feed/, /initiatieven/feed/, ...): always valid XML, filtered as the pages."""

from __future__ import annotations

from typing import Any

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
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


FEED_SIZE = 30
FILTER_ERROR = (
    "Een van de filters in het webadres kennen we niet. Kies de filters op de pagina zelf en gebruik daar de link "
    "naar de feed."
)


def feed_query(params: QueryDict, leave_out: tuple[str, ...] = ("page", "sorteer")) -> str:
    """The filters of a list page as the query string of its feed ("?thema=wonen"), or "" without filters."""
    query = params.copy()
    for key in leave_out:
        query.pop(key, None)
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else ""


def refused(request: HttpRequest, message: str) -> HttpResponse:
    """The answer to a feed with a filter it does not know: the portal's Dutch 400 page, never an unfiltered feed."""
    return render(request, "400.html", {"reason": message}, status=400)
