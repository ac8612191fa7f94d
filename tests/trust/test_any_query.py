"""Property: whatever a link holds, every list, search, feed, export and sitemap page answers without a 5xx.

The parameters come from the code (tests.trust.hostile.query_parameters): every FilterSet's filters,
every form's fields and every name a view reads; each example sends some of them, repeated or not,
with any value, or a raw hand-made query string. A 4xx must be the portal's Dutch page and write nothing.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from tests.trust.conftest import Content
from tests.trust.hostile import (
    CLASSIC,
    TRUST,
    assert_fair_answer,
    parameters_of_page,
    query_parameters,
    query_strings,
    rolled_back,
    row_counts,
)

PARAMETERS = query_parameters()

# (who, the page): "anon" is a visitor, "member" edits the organisation, manages the initiative and
# answers the question, "staff" is the editorial staff.
PAGES: list[tuple[str, Callable[[Content], str]]] = [
    ("anon", lambda c: "/"),
    ("anon", lambda c: "/kennis/"),
    ("anon", lambda c: f"/kennis/{c.resource.slug}/"),
    ("anon", lambda c: "/kennis/feed/"),
    ("anon", lambda c: "/kennis/feed/rss/"),
    ("anon", lambda c: "/organisaties/"),
    ("anon", lambda c: f"/organisaties/{c.organisation.slug}/"),
    ("anon", lambda c: "/initiatieven/"),
    ("anon", lambda c: "/initiatieven/kaart/"),
    ("anon", lambda c: f"/initiatieven/{c.initiative.slug}/"),
    ("anon", lambda c: "/initiatieven/export.csv"),
    ("anon", lambda c: "/initiatieven/export.json"),
    ("anon", lambda c: "/financiering/"),
    ("member", lambda c: "/financiering/"),  # ?initiatief= fills in the member's own initiative
    ("anon", lambda c: f"/financiering/{c.scheme.slug}/"),
    ("anon", lambda c: "/zoeken/"),
    ("anon", lambda c: "/in-de-buurt/"),
    ("anon", lambda c: "/doelen/"),
    ("anon", lambda c: f"/doelen/{c.update.goal.number}/"),
    ("anon", lambda c: "/doelen/updates/feed/"),
    ("anon", lambda c: f"/doelen/{c.update.goal.number}/updates/feed/"),
    ("staff", lambda c: "/doelen/dashboard/"),
    ("anon", lambda c: "/sitemap.xml"),
    ("anon", lambda c: "/sitemap-kennis.xml"),
    ("anon", lambda c: "/sitemap-initiatieven.xml"),
    ("anon", lambda c: "/vraag/"),
    ("member", lambda c: "/mijn/"),
    ("member", lambda c: "/mijn/kennis/"),
    ("member", lambda c: "/mijn/vragen/"),
    ("member", lambda c: f"/mijn/initiatieven/{c.initiative.slug}/"),
    ("member", lambda c: "/mijn/gegevens.json"),
    ("staff", lambda c: "/mijn/vragen/"),
]


def test_the_parameters_are_discovered_from_the_code():
    # The known ones are among them, so the discovery works; new ones join by themselves.
    assert {"q", "page", "provincie", "gemeente", "thema", "sorteer", "initiatief", "vraag", "toon", "doel"} <= set(
        PARAMETERS
    )
    assert {"q", "page", "provincie", "thema", "regio", "organisatie"} <= set(parameters_of_page("/kennis/"))
    assert {"q", "initiatief", "doel", "bedrag", "gemeente"} <= set(parameters_of_page("/financiering/"))
    assert {"q", "soort", "page"} <= set(parameters_of_page("/zoeken/"))
    assert "p" in parameters_of_page("/sitemap.xml")


@pytest.mark.parametrize(("who", "page"), PAGES, ids=[f"{who}-{i}" for i, (who, _) in enumerate(PAGES)])
@TRUST
@given(data=st.data())
def test_any_query_string_gets_a_fair_answer(client: Client, content: Content, who: str, page, data: st.DataObject):
    url = page(content)
    query = data.draw(query_strings(PARAMETERS, parameters_of_page(url)), label="query")
    with rolled_back():
        if who != "anon":
            client.force_login(content.member if who == "member" else content.staff)
        before = row_counts()
        response = client.get(f"{url}?{query}")
        assert_fair_answer(response, before)


@pytest.mark.parametrize(("who", "page"), PAGES, ids=[f"{who}-{i}" for i, (who, _) in enumerate(PAGES)])
def test_every_parameter_of_every_page_with_each_classic_value(client: Client, content: Content, who: str, page):
    # The floor under the random examples above: each parameter the page reads, alone, with each classic value.
    url = page(content)
    if who != "anon":
        client.force_login(content.member if who == "member" else content.staff)
    for name in parameters_of_page(url):
        for value in CLASSIC:
            with rolled_back():
                before = row_counts()
                assert_fair_answer(client.get(url, {name: value}), before)
