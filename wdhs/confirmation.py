"""The confirmation panel after every form: a reference, what happens next and when, a copy of what was sent and
where to go on (templates/includes/confirmation.html, shown once by `{% confirmation_panel %}` in base.html).

The panel lives in the sender's own session and is taken out when it is shown: no URL leads to it, so nobody
else can see what someone sent, and a reload shows the page without it. A visitor without a session cookie
(everyone the page cache serves) never has one, and the tag does not touch the session for them.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from django.conf import settings
from django.http import HttpRequest

SESSION_KEY = "wdhs_confirmation"
# A copy of what was sent, cut to this many characters per field: enough to recognise it, never a whole essay.
MAX_COPY = 1000
_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: read aloud on the phone without mistakes


def reference(prefix: str, pk: int | None) -> str:
    """A short reference for a saved row ("VR-00123-K"): the row's number and a check letter against typos.

    It only names the row for a phone call or an e-mail to the editors; it opens nothing, so it may be guessed.
    """
    if pk is None:
        return random_reference(prefix)
    check = _ALPHABET[(pk * 7 + sum(map(ord, prefix))) % len(_ALPHABET)]
    return f"{prefix}-{pk:05d}-{check}"


def random_reference(prefix: str) -> str:
    """A reference for something that leaves no row (a message passed on by e-mail)."""
    return f"{prefix}-{''.join(secrets.choice(_ALPHABET) for _ in range(6))}"


@dataclass(frozen=True)
class Confirmation:
    title: str  # "Je vraag is verstuurd"
    reference: str
    next_steps: str  # what happens next and when, in one or two sentences
    sent: list[tuple[str, str]] = field(default_factory=list)  # (label, what the visitor typed)
    links: list[tuple[str, str]] = field(default_factory=list)  # (text, url): where to go on


def copy_of(items: Iterable[tuple[str, Any]]) -> list[tuple[str, str]]:
    """What was sent, as (label, text) pairs for the panel: empty answers left out, long ones cut."""
    copy = []
    for label, value in items:
        text = "" if value is None else str(value).strip()
        if not text:
            continue
        if len(text) > MAX_COPY:
            text = text[:MAX_COPY].rstrip() + " …"
        copy.append((label, text))
    return copy


def remember(request: HttpRequest, confirmation: Confirmation) -> None:
    """Keep the panel for the next page this visitor sees (after the redirect)."""
    request.session[SESSION_KEY] = asdict(confirmation)


def take(request: HttpRequest) -> Confirmation | None:
    """The panel waiting for this visitor, removed from the session: it is shown once."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES or not hasattr(request, "session"):
        return None
    data = request.session.pop(SESSION_KEY, None)
    if not isinstance(data, dict):
        return None
    try:
        return Confirmation(
            title=str(data["title"]),
            reference=str(data["reference"]),
            next_steps=str(data["next_steps"]),
            sent=[(str(label), str(text)) for label, text in data.get("sent", [])],
            links=[(str(text), str(url)) for text, url in data.get("links", [])],
        )
    except (KeyError, TypeError, ValueError):
        return None
