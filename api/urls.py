"""/api/v1/...: the ninja views, each wrapped in api.http.guarded, an index and a readable page about the API."""

from __future__ import annotations

import functools
import json
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, URLResolver, path, reverse

from api.http import guarded
from api.v1 import api


def _wrapped(patterns: list[Any]) -> list[URLPattern | URLResolver]:
    for pattern in patterns:
        pattern.callback = guarded(pattern.callback)
    return patterns


def docs(request: HttpRequest) -> HttpResponse:
    """The OpenAPI document as a page in Dutch, rendered on the server (no script, no CDN)."""
    schema = api.get_openapi_schema(path_prefix="/api/v1")
    endpoints = []
    for route, methods in schema["paths"].items():
        operation = methods["get"]
        endpoints.append(
            {
                "path": route,
                "summary": operation.get("summary", ""),
                "description": operation.get("description", ""),
                "parameters": [
                    {"name": p["name"], "description": p.get("description", p["schema"].get("description", ""))}
                    for p in operation.get("parameters", [])
                ],
            }
        )
    return render(request, "api/docs.html", {"schema": schema, "endpoints": endpoints})


@functools.cache
def _index() -> tuple[str, str, tuple[tuple[str, str], ...]]:
    """Title, version and the collections, read once per process from the ninja schema.

    A collection is every GET path without a path parameter (so /agenda, not /agenda/{slug}).
    """
    schema = api.get_openapi_schema(path_prefix=reverse("api_v1:index").rstrip("/"))
    collections = tuple(
        (methods["get"].get("summary", route), route)
        for route, methods in schema["paths"].items()
        if "get" in methods and "{" not in route
    )
    return schema["info"]["title"], schema["info"]["version"], collections


def index(request: HttpRequest) -> HttpResponse:
    """/api/v1/: what the API is and where its lists, its OpenAPI document and its readable page are."""
    title, version, collections = _index()
    body = {
        "naam": title,
        "versie": version,
        "openapi": request.build_absolute_uri(reverse("api_v1:openapi-json")),
        "uitleg": request.build_absolute_uri(reverse("api_v1:docs")),
        "lijsten": [{"naam": name, "url": request.build_absolute_uri(route)} for name, route in collections],
    }
    return HttpResponse(json.dumps(body, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8")


patterns, app_name, namespace = api.urls
urlpatterns: list[URLPattern | URLResolver] = [
    path("", guarded(index), name="index"),
    path("docs", guarded(docs), name="docs"),
    # ninja's own root ("api-root") only raises a 404; our index above takes its place
    *_wrapped([pattern for pattern in patterns if getattr(pattern, "name", None) != "api-root"]),
]
