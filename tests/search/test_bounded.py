"""A search with more matches than settings.SEARCH_EXACT_LIMIT ranks candidates only, and says so.

Candidates: the documents with a search word in the title and the newest matches. The list pages and /zoeken/
rank the same candidates in the same order; counts read "meer dan ..."; facets show their options uncounted.
"""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import InitiativeFactory, ResourceFactory
from tests.search.test_one_ranking import PLACES, QUERY
from wdhs.search import registry
from wdhs.search.index import refresh_pending

pytestmark = pytest.mark.django_db

# "buurt" as a word of the title: certainly a title match; as part of a compound ("Buurtbus") only when the
# lexicon splits it. Body and summary matches are candidates only when among the newest.
TITLE_WORD = {title for title, _, _ in PLACES if "buurt" in title.lower().split()}
IN_TITLE = {title for title, _, _ in PLACES if "buurt" in title.lower()}
NOT_IN_TITLE = {title for title, _, _ in PLACES if "buurt" not in title.lower()}


@pytest.fixture
def small_bound(settings, monkeypatch):
    settings.SEARCH_EXACT_LIMIT = 5
    monkeypatch.setattr(registry, "TITLE_CANDIDATES", 100)
    monkeypatch.setattr(registry, "NEWEST_CANDIDATES", 2)


def _resources() -> list[str]:
    """The documents of PLACES as resources, newest first; returns the titles of the two newest."""
    for n, (title, summary, body) in enumerate(PLACES):
        ResourceFactory(
            title=title,
            summary=summary,
            body=body,
            published_at=timezone.now() - datetime.timedelta(days=40 * n),
            last_reviewed_at=None,
        )
    refresh_pending()
    return [PLACES[0][0], PLACES[1][0]]


def test_a_common_word_ranks_the_title_matches_and_the_newest_only(client, small_bound):
    newest = _resources()
    response = client.get(reverse("knowledge:list"), {"q": QUERY})
    assert response.status_code == 200
    assert response.context["capped_at"] == 5
    listed = [item.title for item in response.context["items"]]
    assert TITLE_WORD <= set(listed) <= IN_TITLE | set(newest)
    assert not set(listed) & NOT_IN_TITLE  # "Groen", "Zorg": the word in the body only, and older
    html = response.content.decode()
    assert "Meer dan 5 resultaten" in html
    assert "Je zoekwoorden staan in meer dan 5 kennisitems" in html
    # Facets list the options found, without counts that would only count the candidates.
    for facet in response.context["facets"]:
        assert all(item.count is None for item in facet.items)
    # /zoeken/ ranks the same candidates in the same order and says "meer dan".
    search = client.get(reverse("search:results"), {"q": QUERY, "soort": "kennis"})
    group = search.context["groups"][0]
    assert group.capped_at == 5
    assert [result.title for result in group.results] == listed[: len(group.results)]
    assert 'Kennis <span class="zk-count">(meer dan 5)</span>' in search.content.decode()


def test_under_the_limit_every_match_is_ranked_and_counted(client, settings):
    settings.SEARCH_EXACT_LIMIT = len(PLACES)
    _resources()
    response = client.get(reverse("knowledge:list"), {"q": QUERY})
    assert response.context["capped_at"] is None
    assert response.context["total"] == len(PLACES)
    assert "Groen" in [item.title for item in response.context["items"]]
    assert all(item.count is not None for facet in response.context["facets"] for item in facet.items)


def test_the_initiatives_list_bounds_a_ranked_search_but_not_an_order_by_name(client, small_bound):
    for n, (title, _summary, body) in enumerate(PLACES):
        initiative = InitiativeFactory(name=title, area="", description=body)
        initiative.confirmed_at = timezone.now() - datetime.timedelta(days=40 * n)
        initiative.save(update_fields=["confirmed_at"])
    refresh_pending()
    ranked = client.get(reverse("initiatives:list"), {"q": QUERY})
    assert ranked.context["capped_at"] == 5
    names = [i.name for i in ranked.context["page_obj"].object_list]
    assert TITLE_WORD <= set(names) <= IN_TITLE | {PLACES[0][0], PLACES[1][0]}
    assert not set(names) & NOT_IN_TITLE
    assert "Meer dan 5 initiatieven" in ranked.content.decode()
    search = client.get(reverse("search:results"), {"q": QUERY, "soort": "initiatieven"})
    assert [r.title for r in search.context["groups"][0].results] == names[:10]
    by_name = client.get(reverse("initiatives:list"), {"q": QUERY, "sorteer": "naam"})
    assert by_name.context["capped_at"] is None
    assert by_name.context["page_obj"].paginator.count > 5  # every match counted (the summaries are not searched)


def test_all_kinds_on_the_search_page_say_more_than(client, small_bound):
    _resources()
    response = client.get(reverse("search:results"), {"q": QUERY})
    assert response.context["total_capped"] is True
    assert "Meer dan " in response.content.decode().split('id="resultaten-titel"')[1].split("</h2>")[0]


def test_enough_title_matches_leave_the_newest_body_matches_out(client, small_bound, monkeypatch):
    """Every title match a candidate and at least NEWEST_UNLESS_TITLES of them: the newest matches would add only
    documents with the word in the body, which rank below them, so the walk for them is skipped. Not when the
    title matches were cut at TITLE_CANDIDATES: then the walk brings the newest title matches."""
    _resources()
    ResourceFactory(title="Samen tuinieren", summary="Nieuw in de buurt.", published_at=timezone.now())
    refresh_pending()
    body_only = {"Samen tuinieren"}  # the newest document, with the word in its summary only
    monkeypatch.setattr(registry, "NEWEST_UNLESS_TITLES", len(TITLE_WORD))
    listed = {item.title for item in client.get(reverse("knowledge:list"), {"q": QUERY}).context["items"]}
    assert listed >= TITLE_WORD and not listed & body_only
    monkeypatch.setattr(registry, "TITLE_CANDIDATES", len(TITLE_WORD))  # the title matches cut: walk again
    listed = {item.title for item in client.get(reverse("knowledge:list"), {"q": QUERY}).context["items"]}
    assert body_only <= listed
    monkeypatch.setattr(registry, "TITLE_CANDIDATES", 100)
    monkeypatch.setattr(registry, "NEWEST_UNLESS_TITLES", 1000)  # too few title matches: walk
    listed = {item.title for item in client.get(reverse("knowledge:list"), {"q": QUERY}).context["items"]}
    assert body_only <= listed
