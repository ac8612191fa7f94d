"""The portal's URLs plus `/bench/floor`, a trivial view to measure the server stack against (see settings.py)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import path

from wdhs.urls import handler400, handler403, handler404
from wdhs.urls import urlpatterns as portal_urlpatterns

__all__ = ["handler400", "handler403", "handler404", "urlpatterns"]


def floor(request: HttpRequest) -> HttpResponse:
    return HttpResponse(b"ok\n", content_type="text/plain")


urlpatterns = [path("bench/floor", floor, name="bench_floor"), *portal_urlpatterns]
