"""Saving a new row with a free address (slug) when others may be saving one with the same name right now,
and keeping slugs clear of the fixed pages next to them (/kennis/feed/ and /kennis/<slug>/).

The free slug is looked up before the insert, so two rows with the same name saved at the same moment can
both pick it; the second insert then waits on the unique index until the first commits, and fails. It is
tried again in a savepoint with a slug looked up anew, which now counts the first row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.urls import NoReverseMatch, Resolver404, get_script_prefix, resolve, reverse

ATTEMPTS = 5  # rows with the same name saved at the very same moment


def save_with_free_slug(
    instance: models.Model, free_slug: Callable[[], str], save: Callable[[], None], *, field: str = "slug"
) -> None:
    """Set `field` to `free_slug()` and `save()`; when another row took that slug meanwhile, try the next one.

    Any other IntegrityError (another constraint) is raised as it is, as is a slug still taken after ATTEMPTS.
    """
    manager = type(instance)._default_manager
    for attempt in range(1, ATTEMPTS + 1):
        setattr(instance, field, free_slug())
        try:
            with transaction.atomic(using=instance._state.db):
                save()
            return
        except IntegrityError:
            taken = getattr(instance, field)
            setattr(instance, field, "")
            if attempt == ATTEMPTS or not manager.filter(**{field: taken}).exists():
                raise


def shadowed(slug: str, url_names: Sequence[str]) -> str:
    """The fixed page that takes this slug's address under one of these URLs, or "" when the slug is free.

    A page like /kennis/feed/ is listed before /kennis/<slug>/, so a knowledge item with the slug "feed"
    could never be reached. The URLs themselves say which words are taken, so a new fixed page is counted
    without a list to keep up to date. Each name is a URL with one `slug` parameter.
    """
    for name in url_names:
        try:
            address = reverse(name, kwargs={"slug": slug})
        except NoReverseMatch:
            return ""  # not a slug at all; the field's own validation says so
        try:
            match = resolve("/" + address.removeprefix(get_script_prefix()))
        except Resolver404:  # pragma: no cover - reverse and resolve read the same URLs
            continue
        if match.view_name != name:
            return address
    return ""


def first_free_slug(base: str, taken: Callable[[str], bool], url_names: Sequence[str]) -> str:
    """`base`, or `base-2`, `base-3`, ...: the first slug that no row has and no fixed page shadows."""
    slug, n = base, 2
    while shadowed(slug, url_names) or taken(slug):
        slug, n = f"{base}-{n}", n + 1
    return slug


def shadowed_message(slug: str, url_names: Sequence[str]) -> str:
    """For a model's clean(): the Dutch message for a slug typed in the admin that a fixed page shadows, or ""."""
    address = shadowed(slug, url_names) if slug else ""
    if not address:
        return ""
    return f"Dit adres hoort al bij een vaste pagina ({address}). Kies een ander adres, bijvoorbeeld {slug}-2."


def check_not_shadowed(slug: str, url_names: Sequence[str], *, field: str = "slug") -> None:
    """Raise the message above on `field` (for a clean() that has no other checks)."""
    message = shadowed_message(slug, url_names)
    if message:
        raise ValidationError({field: message})
