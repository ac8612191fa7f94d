"""Reference data every installation needs: places, the neighbours of each municipality, the taxonomy
and the starting search synonyms.

Loaded after `migrate` (and after a test flush) by WdhsConfig.ready's post_migrate handler, like
Django's own content types; each loader fills an empty table and leaves staff edits alone. The
places loader also runs on its own (`manage.py load_places`) to follow CBS's yearly changes.
"""

from __future__ import annotations

from typing import Any

from django.db import connection

from wdhs.models import MunicipalityNeighbour, Province
from wdhs.nearby import load_neighbours
from wdhs.places import load_places
from wdhs.search.synonyms import load_starting_synonyms
from wdhs.taxonomy import load_terms


def load_reference_data() -> None:
    if not Province.objects.exists():
        load_places()
    if not MunicipalityNeighbour.objects.exists():
        load_neighbours()
    load_terms()
    load_starting_synonyms()


def tables_exist(*tables: str) -> bool:
    """After `migrate` to an earlier state the tables may be gone; then there is nothing to load into."""
    return set(tables) <= set(connection.introspection.table_names())


def after_migrate(using: str = "default", **kwargs: Any) -> None:
    tables = ("wdhs_province", "wdhs_municipality", "wdhs_municipalityneighbour", "wdhs_term", "wdhs_searchsynonym")
    if using == "default" and tables_exist(*tables):
        load_reference_data()
