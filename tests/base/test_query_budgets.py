"""Query budgets of the key pages: a fixed number of SQL queries, however many rows the portal holds.

Each page is requested with a little content and again with four times as much; the number of queries must
stay the same (no query per row) and within the page's budget. Timings are in `make bench`, never here.
"""

from __future__ import annotations

import pytest
from django.core.cache import caches

from tests.factories import (
    EventFactory,
    InitiativeFactory,
    OrganisationFactory,
    ResourceFactory,
    UpdateFactory,
    municipality,
    term,
)

pytestmark = pytest.mark.django_db

# page -> the most queries it may use (measured when the budget was set, plus a little room).
BUDGETS = {
    "/": 20,
    "/kennis/": 18,
    "/kennis/?q=buurthuis": 22,
    "/kennis/?thema=wonen": 18,
    "/organisaties/": 8,
    "/initiatieven/": 24,
    "/initiatieven/?provincie=utrecht&thema=wonen": 24,
    "/initiatieven/kaart/": 6,
    "/in-de-buurt/?plaats=Zwolle": 16,
    "/doelen/": 16,
    "/doelen/2/": 16,
    # +2: each kind whose search is capped reads its first matches through the GIN index in a statement of its
    # own (wdhs.search.registry.found_keys; initiatives and knowledge).
    "/zoeken/?q=buurthuis": 18,
    # Too few have every word, so these also look for what lacks one (wdhs.search.registry.PARTIAL_BELOW),
    # inside one search_plan block (its SET LOCAL statements count here too), and look up words typed apart.
    # +1: each level of "lacks a word" ranks its keys in one statement and then reads the rows (it was one query
    # that ranked and read at once, after four separate ones to choose the candidates when capped).
    # +1: the expanded query becomes its tsquery text in one statement (wdhs.search.query.TsQuery), so the statements
    # after it neither compile nor evaluate the tree of word forms again (every searched page has it).
    "/kennis/?q=waar+kan+ik+een+buurthuis+openhouden+in+zwolle": 26,
    # +1: the province map reads the kept counts and the municipalities' provinces (wdhs/counts.py; both kept in
    # the process with shared counts on, as in production) where it counted the initiatives in one query.
    # +1: a capped search reads its first matches through the GIN index in a statement of its own
    # (wdhs.search.registry.found_keys): a b-tree walk unpacked a vector per document tested.
    # +1: the partial search ranks its keys in one statement, then reads the rows (as for /kennis/ above).
    # +1: the tsquery text, as for /kennis/ above.
    "/initiatieven/?q=buurthuis+zwolle": 30,
    # +2: found_keys, as above; +2: the partial search of initiatives and knowledge ranks, then reads the rows.
    # +1: the tsquery text, as for /kennis/ above.
    "/zoeken/?q=buurthuis+zwolle": 27,
    "/kennis/feed/": 4,
    "/doelen/updates/feed/": 4,
    "/sitemap.xml": 15,  # one newest date per section; the agenda is the ninth
    "/agenda/": 10,
    "/agenda/agenda.ics": 6,
    "/sitemap-initiatieven.xml": 4,
    "/sitemap-kennis.xml": 4,
    "/initiatieven/export.csv": 4,
}


def _content(times: int) -> None:
    wonen = term("theme", "wonen")
    for n in range(times):
        organisation = OrganisationFactory()
        ResourceFactory(organisation=organisation, title=f"Buurthuis openhouden {n}", themes=[wonen])
        InitiativeFactory(name=f"Buurthuis De Linde {n}", themes=[wonen])
        InitiativeFactory(name=f"Energie Zwolle {n}", municipality=municipality("Zwolle"))
        UpdateFactory()
        EventFactory(organisation=organisation, municipality=municipality("Zwolle")).themes.add(wonen)


def _queries(client, url: str, django_assert_max_num_queries) -> int:
    # Every page with nothing kept: a kept filter form reads its choices once, a new one twice (wdhs/settings.py).
    caches["forms"].clear()
    with django_assert_max_num_queries(BUDGETS[url]) as captured:
        response = client.get(url)
        if getattr(response, "streaming", False):
            b"".join(response.streaming_content)
    assert response.status_code == 200, url
    return len(captured.captured_queries)


def test_key_pages_stay_within_their_budget_at_any_size(client, django_assert_max_num_queries):
    _content(2)
    small = {url: _queries(client, url, django_assert_max_num_queries) for url in BUDGETS}
    _content(6)
    large = {url: _queries(client, url, django_assert_max_num_queries) for url in BUDGETS}
    # /zoeken/ may add a query for each kind of result that has more than fits in its group; that is bounded by
    # the number of kinds (its budget), not by the number of rows.
    small.pop("/zoeken/?q=buurthuis")
    large.pop("/zoeken/?q=buurthuis")
    assert large == small
