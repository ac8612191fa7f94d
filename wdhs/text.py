"""The one rule for text that comes in: no control characters.

A control character is one of the invisible codes of Unicode category Cc (NUL, vertical tab, escape, ...)
or one of the two non-characters U+FFFE and U+FFFF. None of them means anything in the portal's text, and
each can break a page: PostgreSQL cannot store NUL, and XML 1.0 (the feeds) cannot hold any C0 control
character but tab, line feed and carriage return. Those three are normal in a text box, so text keeps them.

Where the rule is applied:
- the request (wdhs.middleware.TextInputMiddleware): a path or query parameter with a C0 control
  character, or a form value with NUL, gets a 400 page; other control characters in form values are taken out before any
  form sees them (pasted text can carry a vertical tab or a form feed; the visitor keeps their text);
- the save path (`strip_on_save`, connected for every model): text fields are stripped before a row is
  written, whatever wrote it (the admin, an editor, a service, a command);
- the feeds (wdhs.feeds.PortalFeed): everything a feed writes is stripped, so older rows cannot break it.
"""

from __future__ import annotations

import re
from typing import Any

from django.db import models

# Cc is U+0000-U+001F and U+007F-U+009F.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ufffe\uffff]")
# The same, but tab, line feed and carriage return are allowed: the line breaks of a text box.
_CONTROL_IN_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")

# In a link (the path and the query string) only the C0 range counts: a link never holds one, while DEL and
# the C1 range are left to the pages, which strip them from a search like any other odd character.
_CONTROL_IN_LINK = re.compile(r"[\x00-\x1f]")

# The wording of the search pages' own message for unreadable characters.
CONTROL_MESSAGE = (
    "Het webadres of het formulier bevat onzichtbare tekens die we niet kunnen lezen, zoals een NUL-teken. "
    "Kopieer de link opnieuw of typ het adres zelf."
)


def has_control_characters(value: str, *, line_breaks: bool = False) -> bool:
    """Whether `value` holds a control character; with `line_breaks`, tab, LF and CR do not count."""
    return bool((_CONTROL_IN_TEXT if line_breaks else _CONTROL).search(value))


def has_control_characters_for_a_link(value: str) -> bool:
    """Whether `value` (a path or a query parameter) holds a C0 control character, tab and line breaks too."""
    return bool(_CONTROL_IN_LINK.search(value))


def strip_control_characters(value: str) -> str:
    """`value` without control characters; tab, line feed and carriage return stay."""
    return _CONTROL_IN_TEXT.sub("", value)


def strip_nested(value: Any) -> Any:
    """Strip every string in a value of dicts, lists and tuples (what a feed generator holds)."""
    if isinstance(value, str):
        return strip_control_characters(value)
    if isinstance(value, dict):
        return {key: strip_nested(item) for key, item in value.items()}
    if type(value) in (list, tuple):
        return type(value)(strip_nested(item) for item in value)
    return value


def strip_on_save(sender: type[models.Model], instance: models.Model, raw: bool = False, **kwargs: Any) -> None:
    """pre_save: take control characters out of every text field of the row about to be written."""
    if raw:  # loaddata writes fixtures exactly as they are
        return
    for field in sender._meta.concrete_fields:
        if isinstance(field, models.CharField | models.TextField):
            value = getattr(instance, field.attname)
            if isinstance(value, str) and _CONTROL_IN_TEXT.search(value):
                setattr(instance, field.attname, strip_control_characters(value))
