"""Every page type with the demo content of `make run`, at 360 and 1280 px: axe-core and the HTML checker (issue #13).
At 320 and 360 px no page scrolls sideways, nor the main menu (folded or open), nor /mijn/.

The scans of test_pages.py see the small data of the factories; real texts bring what those do not have: a
Markdown table wider than a phone, a home page with every block filled, long names. Each knowledge item is
scanned (the texts differ most), and one page of every other kind. All problems are collected, then reported
together.
"""

from __future__ import annotations

import io
from typing import Any

from django.core.management import call_command
from django.urls import reverse

from tests.browser import harness

WIDTHS = {"360": harness.PHONE, "1280": harness.DESKTOP}
NARROW = {"320": {"width": 320, "height": 640}, "360": harness.PHONE}


def demo_paths() -> list[str]:
    """The URL of every page type, filled with demo content; every knowledge item."""
    from goals.models import Update
    from initiatives.models import Initiative
    from knowledge.events.models import Event
    from knowledge.funding.models import FundingScheme
    from knowledge.models import Organisation, Resource
    from knowledge.routes.models import Route

    paths = [
        reverse("home"),
        reverse("knowledge:list"),
        reverse("knowledge:list") + "?fase=starten",
        reverse("knowledge:organisation_list"),
        reverse("funding:finder"),
        reverse("initiatives:list"),
        reverse("initiatives:map"),
        reverse("initiatives:register"),
        reverse("goals:index"),
        reverse("goals:detail", args=[1]),
        reverse("search:results") + "?q=buurt",
        reverse("questions:ask"),
        reverse("about"),
        reverse("contact"),
        reverse("open_data"),
        reverse("routes:list"),
        reverse("events:list"),
        reverse("events:past"),
        reverse("alerts:subscribe"),
        reverse("embed:builder"),
        reverse("embed:initiatives"),
        reverse("embed:knowledge"),
        reverse("embed:events"),
        reverse("api_v1:docs"),
    ]
    paths += [resource.get_absolute_url() for resource in Resource.objects.published().order_by("slug")]
    for queryset in (
        Route.objects.order_by("slug"),
        Event.objects.order_by("slug"),
        Organisation.objects.order_by("slug"),
        FundingScheme.objects.active().order_by("slug"),
        Initiative.objects.published().order_by("slug"),
        Update.objects.published().order_by("slug"),
    ):
        first = queryset.first()
        assert first is not None, f"De voorbeeldinhoud heeft geen {queryset.model._meta.verbose_name}."
        paths.append(first.get_absolute_url())
    return paths


def test_every_page_type_with_the_demo_content_at_360_and_1280(open_page: Any, check_page: Any) -> None:
    call_command("load_demo", stdout=io.StringIO())
    paths = demo_paths()
    assert len(paths) > 25
    problems: list[str] = []
    for width, viewport in WIDTHS.items():
        page = open_page(viewport=viewport)
        for path in paths:
            response = page.goto(path)
            assert response is not None
            if response.status != 200:
                problems.append(f"{path} bij {width} px: status {response.status}")
                continue
            try:
                check_page(page, f"demo-{width}-{path.strip('/').replace('/', '-') or 'home'}")
            except AssertionError as error:
                problems.append(f"{path} bij {width} px:\n{error}")
    assert not problems, "\n\n".join(problems)


def test_nothing_scrolls_sideways_at_320_and_360_with_the_demo_content(
    open_page: Any, check_page: Any, log_in: Any
) -> None:
    """Every demo page, the home page with the main menu opened, and /mijn/ of a person who manages an initiative
    and edits for a partner (that one scanned by axe and the HTML checker too): no sideways scrolling of the page
    (document.scrollingElement.scrollWidth <= clientWidth) nor of the main menu."""
    from initiatives.models import Initiative
    from initiatives.models import Membership as InitiativeMembership
    from knowledge.models import Organisation
    from tests.factories import MembershipFactory, UserFactory

    call_command("load_demo", stdout=io.StringIO())
    paths = demo_paths()
    problems = []
    person = UserFactory(display_name="Fatima")
    InitiativeMembership.objects.create(initiative=Initiative.objects.published().order_by("slug")[0], user=person)
    MembershipFactory(user=person, organisation=Organisation.objects.order_by("slug").first())
    for width, viewport in NARROW.items():
        page = open_page(viewport=viewport)
        for path in paths:
            page.goto(path)
            if found := harness.sideways_scroll(page):
                problems.append(f"{path} bij {width} px: {found}")
        page.goto("/")
        page.evaluate("() => { document.querySelector('.wdhs-nav__fold').open = true; }")
        if found := harness.sideways_scroll(page):
            problems.append(f"/ met het menu open bij {width} px: {found}")
        log_in(page, person)
        page.goto("/mijn/")
        if found := harness.sideways_scroll(page):
            problems.append(f"/mijn/ bij {width} px: {found}")
        try:
            check_page(page, f"demo-{width}-mijn")
        except AssertionError as error:
            problems.append(f"/mijn/ bij {width} px:\n{error}")
    assert not problems, "\n\n".join(problems)
