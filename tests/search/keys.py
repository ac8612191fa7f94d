"""The test set's view of a search: the first slugs per kind, as "<letter>:<slug>"."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser

from wdhs.search.query import expand_query, parse_query
from wdhs.search.registry import get_source, wants_partial

KINDS = {"r": "kennis", "i": "initiatieven", "o": "organisaties", "g": "doelen", "f": "financiering"}


def search_keys(text: str, *, limit: int = 10, user: Any = None, partial: bool = True) -> dict[str, list[str]]:
    """The first `limit` keys per kind as a page lists them; with `partial` off only the documents with every word."""
    expanded = expand_query(parse_query(text))
    result = {}
    for letter, key in KINDS.items():
        source = get_source(key)
        assert source is not None, key
        visitor = user or AnonymousUser()
        rows = list(source.search(visitor, expanded)[:limit])
        # As the pages do: documents that lack a word follow when too few have them all.
        if partial and wants_partial(expanded, len(rows)):
            rows += source.partial(visitor, expanded, limit=limit - len(rows))
        result[letter] = [f"{letter}:{getattr(obj, 'slug', obj.pk)}" for obj in rows]
    return result
