"""No English, no framework words and one date style on the pages people read, admin included (issue #13).

With the demo content of `make run` loaded, three people walk the portal by following its links: a visitor
(every public page type), someone with an account who manages an initiative and edits for an organisation
(/mijn/ and allauth's pages) and a superuser in /beheer/ (the list, the form and the history of every model).
Of every page the text a person reads (tests/words.py) is checked.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import Resolver404, resolve, reverse

from initiatives.models import Initiative
from initiatives.models import Membership as InitiativeMembership
from knowledge.models import Organisation
from tests import words
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

# Not pages: files, feeds, exports, and links that change something or end the session.
SKIP = re.compile(
    r"^/(static|media)/|\.(xml|csv|json|ics|txt|odt|pdf|png|svg|ico|geojson)(\?|$)|/feed/|/export|/download"
    r"|logout|/uitloggen|/delete/$|/verwijderen/$|/gegevens\.json"
)
PER_ROUTE = 3  # pages of one URL pattern: the second and third show what differs per object, more add little


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(href)


def _route(path: str) -> str:
    try:
        match = resolve(urlsplit(path).path)
    except Resolver404:
        return ""
    return match.view_name


def crawl(client: Client, start: Iterable[str], keep: Callable[[str], bool], limit: int = 400) -> dict[str, str]:
    """The HTML of the pages reachable from `start` through links that `keep` accepts, PER_ROUTE per pattern."""
    queue = list(start)
    seen: set[str] = set()
    per_route: Counter[str] = Counter()
    pages: dict[str, str] = {}
    while queue and len(pages) < limit:
        path = urldefrag(queue.pop(0))[0]
        if path in seen or not path.startswith("/") or path.startswith("//") or SKIP.search(path) or not keep(path):
            continue
        seen.add(path)
        route = _route(path)
        if not route or per_route[route] >= PER_ROUTE:
            continue
        response = client.get(path)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        per_route[route] += 1
        html = response.content.decode()
        pages[path] = html
        links = _Links()
        links.feed(html)
        queue += links.hrefs
    return pages


def problems(pages: dict[str, str]) -> list[str]:
    found = []
    for path, html in pages.items():
        text = words.readable_text(html)
        for kind, hits in (
            ("Engels", words.english(text)),
            ("woord van het framework", words.framework_words(text)),
            ("andere datumstijl", words.other_date_styles(text)),
        ):
            found += [f"{path}: {kind}: {hit}" for hit in hits]
    return found


def _report(found: list[str]) -> str:
    return f"{len(found)} plekken:\n" + "\n".join(sorted(set(found)))


def test_public_pages_have_no_english_and_one_date_style(client, demo):
    pages = crawl(
        client,
        ["/", reverse("account_login"), reverse("account_signup"), reverse("account_reset_password")],
        keep=lambda path: not path.startswith(("/beheer/", "/mijn/")),
    )
    routes = {_route(path) for path in pages}
    # The walk reaches every kind of public page, not just the home page.
    for name in ("home", "knowledge:list", "knowledge:detail", "funding:finder", "initiatives:list", "goals:index"):
        assert name in routes, sorted(routes)
    assert len(pages) > 40
    # The states a walk along links never sees: a form sent empty (Django's and allauth's error messages), a 404.
    initiative = Initiative.objects.published().order_by("slug").first()
    assert initiative is not None
    for name, args in (
        ("account_login", []),
        ("account_signup", []),
        ("account_reset_password", []),
        ("questions:ask", []),
        ("alerts:subscribe", []),
        ("initiatives:contact", [initiative.slug]),
        ("initiatives:report", [initiative.slug]),
    ):
        response = client.post(reverse(name, args=args), {"email": "geen-adres", "password1": "kort"})
        assert response.status_code == 400, (name, response.status_code)
        pages[f"POST {reverse(name, args=args)}"] = response.content.decode()
    missing = client.get("/bestaat-niet/")
    assert missing.status_code == 404
    pages["/bestaat-niet/"] = missing.content.decode()
    found = problems(pages)
    assert not found, _report(found)


def test_pages_of_someone_with_an_account_have_no_english(client, demo):
    person = UserFactory()
    initiative = Initiative.objects.published().first()
    assert initiative is not None
    InitiativeMembership.objects.create(initiative=initiative, user=person)
    MembershipFactory(user=person, organisation=Organisation.objects.first(), can_publish=True)
    client.force_login(person)
    start = [reverse("mijn"), reverse("account_email"), reverse("account_change_password"), reverse("mfa_index")]
    pages = crawl(
        client, start, keep=lambda path: path.startswith(("/mijn/", "/accounts/", "/kennis/", "/initiatieven/"))
    )
    assert len(pages) > 8
    found = problems(pages)
    assert not found, _report(found)


def test_admin_pages_have_no_english_and_say_inloggen(client, demo):
    superuser = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(superuser)
    start = ["/beheer/"]
    for model in admin.site._registry:
        meta = model._meta
        start += [
            reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"),
            reverse(f"admin:{meta.app_label}_{meta.model_name}_add"),
        ]
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            start.append(reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[first.pk]))
    pages = crawl(client, start, keep=lambda path: path.startswith("/beheer/"), limit=600)
    assert len(pages) > len(admin.site._registry) * 2
    found = problems(pages)
    assert not found, _report(found)


def test_django_default_rights_get_dutch_names():
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType

    from wdhs.adminsite import dutch_permission_names

    assert not Permission.objects.filter(name__startswith="Can ").exists()
    Permission.objects.filter(codename="view_initiative").update(name="Can view initiative")
    content_type = ContentType.objects.get_for_model(Initiative)
    custom = Permission.objects.create(codename="feature_initiative", name="Can feature", content_type=content_type)
    dutch_permission_names()
    assert Permission.objects.get(codename="view_initiative").name == "Mag initiatief bekijken"
    custom.refresh_from_db()
    assert custom.name == "Can feature"  # not one of Django's four: left as its model names it


def test_the_date_check_knows_months_spelled_the_same_in_both_languages():
    """ "November 2026" at the start of a label is Dutch as well (the admin's date navigation); "November 30" and
    "October 2026" are English, "30-11-2026" another style; "30 november 2026" is ours."""
    from tests import words

    assert words.other_date_styles("Alle datums November 2026 December 2026") == []
    assert words.other_date_styles("Gesteld op 30 november 2026") == []
    assert len(words.other_date_styles("Asked November 30, 2026")) == 1
    assert len(words.other_date_styles("Sinds October 2026")) == 1
    assert len(words.other_date_styles("Op 30-11-2026")) == 1
