"""Reference data every installation needs: places, the taxonomy and the starting search synonyms.

Loaded after `migrate` (and after a test flush) by WdhsConfig.ready's post_migrate handler, like
Django's own content types; each loader fills an empty table and leaves staff edits alone. The
places loader also runs on its own (`manage.py load_places`) to follow CBS's yearly changes.
"""

from __future__ import annotations

from typing import Any

from django.db import connection

from wdhs.models import Province
from wdhs.places import load_places
from wdhs.search.synonyms import load_starting_synonyms
from wdhs.taxonomy import load_terms


def load_reference_data() -> None:
    if not Province.objects.exists():
        load_places()
    load_terms()
    load_starting_synonyms()


def tables_exist(*tables: str) -> bool:
    """After `migrate` to an earlier state the tables may be gone; then there is nothing to load into."""
    return set(tables) <= set(connection.introspection.table_names())


def after_migrate(using: str = "default", **kwargs: Any) -> None:
    if using == "default" and tables_exist("wdhs_province", "wdhs_municipality", "wdhs_term", "wdhs_searchsynonym"):
        load_reference_data()
