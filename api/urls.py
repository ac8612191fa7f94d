"""/api/v1/...: the ninja views, each wrapped in api.http.guarded, and a readable page about the API."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, URLResolver, path

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


patterns, app_name, namespace = api.urls
urlpatterns: list[URLPattern | URLResolver] = [
    path("docs", guarded(docs), name="docs"),
    *_wrapped(list(patterns)),
]
