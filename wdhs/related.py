"""Links onward from a page to the other kinds of content: "Verder op het portaal" and "Aanbevolen voor jullie".

Every detail page (a knowledge item, a funding scheme, an organisation, an initiative) and an initiative's own
page on /mijn/ show links to schemes, initiatives, knowledge and partners. Those links cross the apps, and
initiatives may not import knowledge, so the pages ask this register instead: the knowledge app registers its
providers here from its AppConfig.ready() (knowledge/related.py), keyed by the model label of the page's subject
("initiatives.initiative"). Templates reach them through `templates/includes/_related.html` and
`_recommended.html`, which use the tags in `wdhs/templatetags/related.py`. The base imports no app.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest

# A provider gets the request and the page's subject, and returns the template context of the block (or None).
Provider = Callable[[HttpRequest | None, Any], dict[str, Any] | None]

RELATED: dict[str, Provider] = {}
RECOMMENDED: dict[str, Provider] = {}


def _label(subject: Any) -> str:
    meta = getattr(subject, "_meta", None)
    return meta.label_lower if meta is not None else ""


def register_related(label: str, provider: Provider) -> None:
    """`label` is a model's `app_label.modelname`; the provider gives "Verder op het portaal" for its pages."""
    RELATED[label] = provider


def register_recommended(label: str, provider: Provider) -> None:
    """The provider gives "Aanbevolen voor jullie" on the private page of a subject of this model."""
    RECOMMENDED[label] = provider


def related_for(request: HttpRequest | None, subject: Any) -> dict[str, Any] | None:
    provider = RELATED.get(_label(subject))
    return provider(request, subject) if provider is not None else None


def recommended_for(request: HttpRequest | None, subject: Any) -> dict[str, Any] | None:
    provider = RECOMMENDED.get(_label(subject))
    return provider(request, subject) if provider is not None else None
