"""At national size the digest reads each kind from an index on its timestamp, never the whole table."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import municipality, term
from wdhs.alerts import digest, sources
from wdhs.alerts.models import Frequency, Region, Subscription

pytestmark = pytest.mark.django_db

INDEXES = {
    "kennis": "resource_status_published",
    "initiatieven": "initiative_published_newest",
    "regelingen": "fundingscheme_active_created",
    "agenda": "event_published_created",
}


@pytest.mark.parametrize(("kind", "index"), sorted(INDEXES.items()))
def test_each_kind_is_read_from_an_index_never_the_whole_table(kind: str, index: str) -> None:
    """Which index the planner picks on the empty test tables is a tie (see tests/base/test_work_queue.py); the
    test checks that the timestamp index exists and that, with sequential scans priced out, the plan needs none."""
    subscription = Subscription.objects.create(
        email="lezer@example.org",
        kinds=[kind],
        region=Region.NEIGHBOURS,
        municipality=municipality("Utrecht"),
        frequency=Frequency.DAILY,
        confirmed_at=timezone.now(),
    )
    subscription.themes.set([term("theme", "wonen")])
    source = sources.source(kind)
    assert source is not None
    now = timezone.now()
    with CaptureQueriesContext(connection) as queries:
        digest.section_for(subscription, source, since=now - timedelta(days=1), until=now, theme_ids=[1])
    [query] = [q["sql"] for q in queries.captured_queries if "LIMIT 20" in q["sql"]]
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = %s", [index])
        (definition,) = cursor.fetchone()
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {query}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert source.since_field in definition, definition
    assert "Seq Scan" not in plan, plan
