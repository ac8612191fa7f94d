"""The portal's URLs plus a stand-in page for every URL name the header links to that does not exist yet.

So the browser tests check the full header (all menu items and the search box) before the apps that own
those pages land; once an app is merged, its real page is used instead of the stand-in.
"""

from __future__ import annotations

from django.urls import NoReverseMatch, URLPattern, URLResolver, include, path, reverse

from wdhs import views
from wdhs.urls import urlpatterns as portal_urlpatterns

_STAND_IN = views.static_page("pages/over.html")
_HEADER_TARGETS = [
    ("kennis", "knowledge", "list"),
    ("initiatieven", "initiatives", "list"),
    ("geld", "funding", "finder"),
    ("vraag", "questions", "ask"),
    ("doelen", "goals", "index"),
    ("zoeken", "search", "results"),
]


def _exists(name: str) -> bool:
    try:
        reverse(name, urlconf="wdhs.urls")
    except NoReverseMatch:
        return False
    return True


urlpatterns: list[URLPattern | URLResolver] = [
    path(f"{prefix}/", include(([path("", _STAND_IN, name=name)], namespace)))
    for prefix, namespace, name in _HEADER_TARGETS
    if not _exists(f"{namespace}:{name}")
]
urlpatterns += portal_urlpatterns
