"""Emptying the test database without a flush: every table but the reference data every installation has."""

from __future__ import annotations

from django.core.cache import cache
from django.db import connection, transaction

# Loaded after `migrate` (wdhs.reference, goals.reference) or by Django itself; only the demo changes them.
REFERENCE_TABLES = frozenset(
    [
        "django_migrations",
        "django_content_type",
        "auth_permission",
        "wdhs_province",
        "wdhs_municipality",
        "wdhs_municipalityneighbour",
        "wdhs_term",
        "wdhs_searchsynonym",
        "goals_goal",
        "goals_indicator",
        "goals_milestone",
    ]
)


def empty_content_tables() -> None:
    """Delete every row a test may have committed, in one transaction (foreign keys are checked at the commit)."""
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    with transaction.atomic(), connection.cursor() as cursor:
        for table in sorted(set(tables) - REFERENCE_TABLES):
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")  # noqa: S608 - Django's table names
        # The goals demo (goals.demo) sets example targets and a "Hoe verder" text on the reference goals,
        # which start without them (goals.reference): back to that start.
        cursor.execute("UPDATE goals_indicator SET target_value = NULL WHERE target_value IS NOT NULL")
        cursor.execute("UPDATE goals_goal SET after_target_year = '' WHERE after_target_year <> ''")
    # The rate limits of the public forms count in the database cache, which is not a model's table: without
    # this, the fifth run in an hour gets "te veel vragen" (429).
    cache.clear()
