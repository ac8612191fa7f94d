"""Counts kept for many pages (WDHS_SHARED_COUNTS, wdhs.pagecache.memo) with the page cache off: every page still
shows the numbers of the current content, right after any write, and a second request does not count again."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.test import override_settings

from initiatives.models import Initiative, Status
from initiatives.sitemaps import InitiativeSitemap
from tests.factories import InitiativeFactory, ResourceFactory, municipality, term
from wdhs.models import Term

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def shared_counts():
    cache.clear()
    with override_settings(WDHS_PAGE_CACHE=False, WDHS_SHARED_COUNTS=True):
        yield
    cache.clear()


def _counting(queries) -> list[str]:
    """The queries that count or group rows of a content table (not the cache's own table)."""
    return [
        q["sql"] for q in queries if ("COUNT(" in q["sql"] or "GROUP BY" in q["sql"]) and "wdhs_cache" not in q["sql"]
    ]


def _facet(response, param: str) -> dict[str, int | None]:
    facet = next(f for f in response.context["facets"] if f.param == param)
    return {item.value: item.count for item in facet.items}


def test_the_initiative_list_counts_once_and_follows_every_change(client, django_assert_max_num_queries):
    InitiativeFactory.create_batch(2)
    first = client.get("/initiatieven/")
    assert first.context["page_obj"].paginator.count == 2
    with django_assert_max_num_queries(20) as warm:
        client.get("/initiatieven/")
    assert _counting(warm.captured_queries) == []
    InitiativeFactory(municipality=municipality("Zwolle"))
    after = client.get("/initiatieven/")
    assert after.context["page_obj"].paginator.count == 3
    assert _facet(after, "provincie")["overijssel"] == 1
    Initiative.objects.filter(municipality__name="Zwolle").update(status=Status.ARCHIVED)  # a bulk update counts too
    assert client.get("/initiatieven/").context["page_obj"].paginator.count == 2


def test_filtered_lists_from_one_pass_follow_every_change(client):
    wonen = term("theme", "wonen")
    InitiativeFactory(themes=[wonen], municipality=municipality("Utrecht"))
    url = "/initiatieven/?provincie=utrecht&thema=wonen"
    assert client.get(url).context["page_obj"].paginator.count == 1
    InitiativeFactory(themes=[wonen], municipality=municipality("Amersfoort"))
    response = client.get(url)
    assert response.context["page_obj"].paginator.count == 2
    assert sum(n or 0 for n in _facet(response, "gemeente").values()) == 2


def test_knowledge_counts_follow_every_change(client, django_assert_max_num_queries):
    ResourceFactory()
    url = "/kennis/?thema=zorg-en-welzijn&fase=starten"
    assert client.get("/kennis/").context["total"] == 1
    assert client.get(url).context["total"] == 1
    with django_assert_max_num_queries(20) as warm:
        client.get(url)
    assert _counting(warm.captured_queries) == []
    ResourceFactory.create_batch(2)
    assert client.get("/kennis/").context["total"] == 3
    assert client.get(url).context["total"] == 3
    assert _facet(client.get("/kennis/"), "thema")["zorg-en-welzijn"] == 3


def test_a_renamed_option_shows_its_new_name_at_once(client):
    """Facet options are kept in each process until the content changes; a new name is a change."""
    InitiativeFactory(themes=[term("theme", "wonen")])

    def labels() -> list[str]:
        facet = next(f for f in client.get("/initiatieven/").context["facets"] if f.param == "thema")
        return [item.label for item in facet.items]

    assert "Wonen" in labels()
    Term.objects.filter(vocabulary="theme", slug="wonen").update(name="Wonen en woonruimte")
    assert "Wonen en woonruimte" in labels() and "Wonen" not in labels()


def test_maps_and_the_home_page_follow_every_change(client):
    InitiativeFactory(municipality=municipality("Zwolle"))
    assert re.search(r"Zwolle</a></th><td class=\"wdhs-num\">1<", client.get("/initiatieven/kaart/").content.decode())
    assert "1 initiatief in heel Nederland" in client.get("/").content.decode()
    InitiativeFactory(municipality=municipality("Zwolle"))
    assert re.search(r"Zwolle</a></th><td class=\"wdhs-num\">2<", client.get("/initiatieven/kaart/").content.decode())
    assert "2 initiatieven in heel Nederland" in client.get("/").content.decode()


def test_the_sitemap_index_and_files_follow_every_change(client, monkeypatch):
    monkeypatch.setattr(InitiativeSitemap, "limit", 2)
    first = InitiativeFactory.create_batch(2)
    assert "/sitemap-initiatieven.xml?p=2" not in client.get("/sitemap.xml").content.decode()
    added = InitiativeFactory()
    index = client.get("/sitemap.xml").content.decode()
    assert "/sitemap-initiatieven.xml?p=2" in index
    page2 = client.get("/sitemap-initiatieven.xml", {"p": 2}).content.decode()
    assert added.get_absolute_url() in page2 and page2.count("<url>") == 1
    Initiative.objects.filter(pk=first[0].pk).update(status=Status.ARCHIVED)
    pages = [client.get("/sitemap-initiatieven.xml", {"p": p}) for p in (1, 2)]
    assert [p.content.decode().count("<url>") for p in pages] == [2, 0] or pages[1].status_code == 404
    assert first[0].get_absolute_url() not in pages[0].content.decode()


def test_without_shared_counts_every_request_counts(client, django_assert_max_num_queries):
    # A filtered list (the unfiltered one reads the counts the database keeps, wdhs/counts.py).
    InitiativeFactory()
    url = "/initiatieven/?provincie=utrecht&thema=wonen"
    client.get(url)
    with override_settings(WDHS_SHARED_COUNTS=False), django_assert_max_num_queries(30) as cold:
        client.get(url)
    assert _counting(cold.captured_queries)


WARM_PAGES = [
    "/",
    "/kennis/",
    "/kennis/?thema=zorg-en-welzijn&fase=starten",
    "/initiatieven/",
    "/initiatieven/?provincie=utrecht&thema=wonen",
    "/initiatieven/kaart/",
    "/doelen/",
    "/financiering/?gemeente=Utrecht&rechtsvorm=stichting&bedrag=500",
    "/sitemap.xml",
    "/sitemap-initiatieven.xml",
    "/sitemap-kennis.xml",
]


@pytest.mark.parametrize("url", WARM_PAGES)
def test_a_second_request_counts_nothing_again(client, url, django_assert_max_num_queries):
    """With the content unchanged, a list page reads its counts from the cache: no COUNT or GROUP BY over the
    content tables, and at most a handful of small queries (the page's own rows, the content version, the cache)."""
    wonen = term("theme", "wonen")
    for _ in range(3):
        InitiativeFactory(themes=[wonen], municipality=municipality("Utrecht"))
        ResourceFactory()
    assert client.get(url).status_code == 200
    with django_assert_max_num_queries(20) as warm:
        response = client.get(url)
        if getattr(response, "streaming", False):
            b"".join(response.streaming_content)
    assert response.status_code == 200
    assert _counting(warm.captured_queries) == []
