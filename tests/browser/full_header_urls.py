"""The portal's URLs plus a stand-in page under every URL name the header links to once the apps exist.

So the browser tests can check the full header (all menu items and the search box) before those apps land.
"""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, include, path

from wdhs import views
from wdhs.urls import urlpatterns as portal_urlpatterns

_STAND_IN = views.static_page("pages/over.html")


def _stand_in(prefix: str, namespace: str, name: str) -> URLResolver:
    return path(f"{prefix}/", include(([path("", _STAND_IN, name=name)], namespace)))


urlpatterns: list[URLPattern | URLResolver] = [
    _stand_in("kennis", "knowledge", "list"),
    _stand_in("initiatieven", "initiatives", "list"),
    _stand_in("geld", "funding", "finder"),
    _stand_in("vraag", "questions", "ask"),
    _stand_in("doelen", "goals", "index"),
    _stand_in("zoeken", "search", "results"),
    *portal_urlpatterns,
]
