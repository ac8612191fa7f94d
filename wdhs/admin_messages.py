"""Counts in messages in correct Dutch: "1 initiatief", "2 initiatieven", never "initiatief/initiatieven"."""

from __future__ import annotations

from django.utils.translation import ngettext


def counted(count: int, singular: str, plural: str) -> str:
    """The number with the right form of the noun; Dutch, like English, uses the singular for 1 only."""
    return f"{count} {ngettext(singular, plural, count)}"
