"""List pages read the columns their cards show, not the body, its HTML or the search vector of every row."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import InitiativeFactory, ResourceFactory

pytestmark = pytest.mark.django_db

HEAVY = {
    "knowledge_resource": ('"knowledge_resource"."body",', '"knowledge_resource"."body_html"', "search_vector"),
    "initiatives_initiative": ('"initiatives_initiative"."description",', "search_vector", "pending_changes"),
}
# A search result's snippet is cut from the body: a search still reads it, and only it.
SEARCHED = {"knowledge_resource": ('"knowledge_resource"."body_html"', "search_vector")}


def _list_queries(client, url: str, table: str) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    selects = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("SELECT")]
    found = [sql for sql in selects if f'FROM "{table}"' in sql]
    assert found, f"no list query on {table} for {url}"
    return found


@pytest.mark.parametrize(
    ("url", "table", "text"),
    [
        ("/kennis/", "knowledge_resource", "Zo start je een repaircafé"),
        ("/kennis/?thema=zorg-en-welzijn", "knowledge_resource", "Zo start je een repaircafé"),
        ("/kennis/?q=repaircafé", "knowledge_resource", "Zo start je een repaircafé"),
        ("/initiatieven/", "initiatives_initiative", "Repaircafé De Schroef"),
        ("/initiatieven/?q=repaircafé", "initiatives_initiative", "Repaircafé De Schroef"),
    ],
)
def test_a_list_page_does_not_read_what_its_cards_do_not_show(client, url, table, text):
    ResourceFactory(title="Zo start je een repaircafé", body="Een heel lang verhaal. " * 400)
    InitiativeFactory(name="Repaircafé De Schroef", description="Elke zaterdag open. " * 400)
    response = client.get(url)
    assert text in response.content.decode()
    for sql in _list_queries(client, url, table):
        columns = sql.split(" FROM ", 1)[0]
        for heavy in SEARCHED.get(table, HEAVY[table]) if "q=" in url else HEAVY[table]:
            assert heavy not in columns, (url, heavy)
