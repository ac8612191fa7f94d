"""A common word (more matches than settings.SEARCH_EXACT_LIMIT) is read and ranked once per change of its table and
then shared by every search for it (`wdhs.pagecache.memo`, where shared counts are on): the costliest searches are
also the ones asked most. A rare word is searched each time: cheap, and keeping it would only add writes.
"""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from initiatives.models import Initiative, Status
from knowledge.models import Resource
from tests.factories import InitiativeFactory, ResourceFactory
from wdhs.search.index import refresh_pending

pytestmark = pytest.mark.django_db

PAGES = ["/zoeken/", "/kennis/", "/initiatieven/"]


@pytest.fixture(autouse=True)
def shared_counts():
    cache.clear()
    with override_settings(WDHS_PAGE_CACHE=False, WDHS_SHARED_COUNTS=True, SEARCH_EXACT_LIMIT=5):
        yield
    cache.clear()


def _documents(count: int) -> None:
    for n in range(count):
        ResourceFactory(summary=f"Samen in de buurt, deel {n}.")
        InitiativeFactory(description=f"We maken de buurt groener, stap {n}.")
    refresh_pending()


def _matched(url: str, query: str, client) -> tuple[list[str], list[str]]:  # noqa: ANN001
    """The titles or names found, and the statements that matched the resources or initiatives by their words."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, {"q": query})
    assert response.status_code == 200
    context = response.context
    if "groups" in context:
        names = [result.title for group in context["groups"] for result in group.results]
    else:
        items = context["items"] if "items" in context else context["page_obj"].object_list
        names = [getattr(item, "title", None) or item.name for item in items]
    searches = [
        q["sql"]
        for q in captured.captured_queries
        if "@@" in q["sql"] and ("knowledge_resource" in q["sql"] or "initiatives_initiative" in q["sql"])
    ]
    return names, searches


@pytest.mark.parametrize("url", PAGES)
def test_a_common_word_is_searched_once_and_follows_every_change(client, url):
    _documents(8)
    first, searched = _matched(url, "buurt", client)
    assert searched and first
    again, searched_again = _matched(url, "buurt", client)
    assert again == first
    assert searched_again == []  # the matches, the candidates and their ranking: all kept
    # A new document with the word in its title ranks first: a write to the table makes the kept search stale.
    ResourceFactory(title="Buurt voorop", summary="Nieuw in de buurt.")
    InitiativeFactory(name="Buurt voorop", description="Nieuw in de buurt.")
    refresh_pending()
    after, searched_after = _matched(url, "buurt", client)
    assert searched_after
    assert "Buurt voorop" in after
    # A bulk change counts as well (a trigger per statement, not a signal).
    Resource.objects.filter(title="Buurt voorop").update(status=Resource.Status.ARCHIVED)
    Initiative.objects.filter(name="Buurt voorop").update(status=Status.ARCHIVED)
    gone, _ = _matched(url, "buurt", client)
    assert "Buurt voorop" not in gone


@pytest.mark.parametrize("url", PAGES)
def test_a_rare_word_is_searched_every_time(client, url):
    _documents(2)
    first, searched = _matched(url, "groener", client)
    assert searched
    again, searched_again = _matched(url, "groener", client)
    assert again == first
    assert len(searched_again) == len(searched)


def test_a_kept_search_differs_per_query_and_per_filter(client):
    _documents(8)
    ResourceFactory(title="Dorpshuis open", summary="Het dorp en de buurt samen.")
    refresh_pending()
    plain, _ = _matched("/kennis/", "buurt", client)
    other, searched = _matched("/kennis/", "dorp", client)
    assert searched and other == ["Dorpshuis open"]
    assert "Dorpshuis open" in plain
    assert len(plain) > 1
