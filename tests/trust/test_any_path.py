"""Property: whatever stands in the variable parts of a URL (a slug, a number, a token), no 5xx.

The URLs come from the URL configuration itself: every route of the portal with a variable part
(<slug:...>, <int:...>, <str:...>), outside the admin and allauth, gets each value in turn.
"""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from hypothesis import given

from tests.trust.conftest import Content
from tests.trust.hostile import CLASSIC, TRUST, assert_fair_answer, rolled_back, row_counts, text_values

_PART = re.compile(r"<(?:(\w+):)?\w+>")
SEGMENTS = [*CLASSIC, "99999999999999999999", "2147483648", "9223372036854775808", "x" * 300, "Ω", "a%2Fb", "."]


def routes(patterns: list[URLPattern | URLResolver] | None = None, prefix: str = "") -> list[str]:
    """Every route with a variable part, e.g. 'kennis/<slug:slug>/bijlagen/<int:pk>/'."""
    found: list[str] = []
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            if route.startswith(("beheer/", "accounts/")):
                continue  # Django's admin and allauth: their own URLs, not the portal's
            found += routes(entry.url_patterns, route)
        elif _PART.search(route):
            found.append(route)
    return sorted(set(found))


ROUTES = routes()


def test_the_routes_are_discovered():
    assert {"kennis/<slug:slug>/", "mijn/vragen/<int:pk>/", "initiatieven/uitnodiging/<str:token>/"} <= set(ROUTES)


def path_with(route: str, value: str) -> str:
    return "/" + _PART.sub(lambda _: quote(value, safe=""), route)


@pytest.mark.parametrize("route", ROUTES)
def test_each_route_with_each_classic_value(client: Client, content: Content, route: str):
    for signed_in in (False, True):
        if signed_in:
            client.force_login(content.member)
        for value in SEGMENTS:
            with rolled_back():
                before = row_counts()
                assert_fair_answer(client.get(path_with(route, value)), before)


@pytest.mark.parametrize("route", ROUTES)
@TRUST
@given(value=text_values().filter(bool).map(lambda v: v[:2000]))
def test_each_route_with_any_value(client: Client, content: Content, route: str, value: str):
    with rolled_back():
        before = row_counts()
        assert_fair_answer(client.get(path_with(route, value)), before)
