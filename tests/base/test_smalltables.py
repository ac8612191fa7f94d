"""Rows of small tables kept per process and hung on list rows (wdhs.smalltables) instead of joined to every query."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from initiatives.models import Initiative
from knowledge.models import Resource
from tests.factories import InitiativeFactory, ResourceFactory, municipality, term
from wdhs.models import Term

pytestmark = pytest.mark.django_db


@pytest.fixture
def kept():
    cache.clear()
    with override_settings(WDHS_PAGE_CACHE=False, WDHS_SHARED_COUNTS=True):
        yield
    cache.clear()


def _listed() -> tuple[list[Initiative], list[str]]:
    with CaptureQueriesContext(connection) as queries:
        rows = list(Initiative.objects.published().with_relations().order_by("name"))
    return rows, [query["sql"] for query in queries.captured_queries]


def test_the_list_query_joins_no_small_table_and_the_rows_carry_them(kept, django_assert_num_queries):
    InitiativeFactory(name="Buurtkamer De Linde", municipality=municipality("Leeuwarden"))
    _listed()  # the kept rows are read once per process
    rows, sql = _listed()
    listing = next(query for query in sql if 'FROM "initiatives_initiative"' in query)
    assert "JOIN" not in listing
    with django_assert_num_queries(0):
        (row,) = rows
        assert row.municipality.name == "Leeuwarden"
        assert row.municipality.province.name == "Fryslân"
        assert row.kind.vocabulary == "initiative_kind"
        assert row.legal_form.vocabulary == "legal_form"
        assert row.phase.vocabulary == "phase"


def test_a_renamed_term_shows_at_once(kept):
    resource = ResourceFactory()
    first = list(Resource.objects.published().for_listing())
    assert first[0].kind.name == resource.kind.name
    Term.objects.filter(pk=resource.kind_id).update(name="Stappenplan voor iedereen")
    (again,) = Resource.objects.published().for_listing()
    assert again.kind.name == "Stappenplan voor iedereen"


def test_without_kept_values_the_small_tables_are_joined(django_assert_num_queries):
    InitiativeFactory(themes=[term("theme", "wonen")])
    rows, sql = _listed()
    assert 'INNER JOIN "wdhs_term"' in next(query for query in sql if 'FROM "initiatives_initiative"' in query)
    with django_assert_num_queries(0):
        assert rows[0].municipality.province.name
        assert rows[0].kind.name


def test_a_new_term_shows_at_once(kept):
    InitiativeFactory()
    _listed()
    fresh = Term.objects.create(vocabulary="initiative_kind", name="Buurtbus", slug="buurtbus-test")
    Initiative.objects.update(kind=fresh)
    (row,) = Initiative.objects.published().with_relations()
    assert row.kind.name == "Buurtbus"


def test_links_to_small_tables_come_from_the_kept_rows_in_their_order(kept, django_assert_num_queries):
    themes = [term("theme", "wonen"), term("theme", "zorg-en-welzijn"), term("theme", "energie-en-klimaat")]
    InitiativeFactory(themes=themes)
    InitiativeFactory(themes=[])
    _listed()
    with CaptureQueriesContext(connection) as queries:
        rows = list(Initiative.objects.published().with_relations().order_by("name"))
    # The initiatives and one query per link table (themes, needs); besides these only the table versions, which a
    # request reads once for all its kept values.
    read = [query["sql"] for query in queries.captured_queries if "wdhs_table_version" not in query["sql"]]
    assert len(read) == 3, read
    assert all("JOIN" not in query for query in read)
    with django_assert_num_queries(0):
        listed = [list(row.themes.all()) for row in rows]
    expected = sorted(themes, key=lambda t: (t.vocabulary, t.position, t.name))
    assert sorted(listed, key=len) == [[], expected]


def test_links_without_kept_values_are_prefetched(django_assert_num_queries):
    InitiativeFactory(themes=[term("theme", "wonen")])
    rows = list(Initiative.objects.published().with_relations())
    with django_assert_num_queries(0):
        assert [t.slug for t in rows[0].themes.all()] == ["wonen"]


def test_list_pages_read_the_provinces_from_the_kept_rows(kept, client):
    """The region choices of /kennis/ and the province map of /initiatieven/ come from the kept provinces, in the
    order of their names: no query on the province table once they are kept, and a renamed province shows at once."""
    from wdhs.models import Province

    for url in ("/kennis/", "/initiatieven/"):
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        assert [q["sql"] for q in queries.captured_queries if 'FROM "wdhs_province"' in q["sql"]] == []
    from knowledge.filters import region_choices

    names = list(Province.objects.order_by("name").values_list("name", flat=True))
    assert [name for _, name in region_choices()] == ["Heel Nederland", *names]
    Province.objects.filter(slug="fryslan").update(name="Friesland (Fryslân)")
    assert ("fryslan", "Friesland (Fryslân)") in region_choices()
    assert "Friesland (Fryslân)" in client.get("/initiatieven/").content.decode()  # the map's table of provinces
