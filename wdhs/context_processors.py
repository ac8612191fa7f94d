from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from wdhs.partners import COALITION_PARTNERS
from wdhs.portal import NAVIGATION, SEARCH_TARGETS, url_or_none


def portal(request: HttpRequest) -> dict[str, Any]:
    """Navigation, search target and partners for the shared layout."""
    path = getattr(request, "path", "")
    nav = []
    for item in sorted(NAVIGATION, key=lambda i: i.order):
        url = url_or_none(item.url_name)
        if url:
            nav.append({"label": item.label, "url": url, "current": path == url or path.startswith(url) and url != "/"})
    search_url = next((u for u in map(url_or_none, SEARCH_TARGETS) if u), None)
    return {"nav_items": nav, "search_url": search_url, "coalition_partners": COALITION_PARTNERS}
