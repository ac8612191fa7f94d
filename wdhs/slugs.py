"""Saving a new row with a free address (slug) when others may be saving one with the same name right now.

The free slug is looked up before the insert, so two rows with the same name saved at the same moment can
both pick it; the second insert then waits on the unique index until the first commits, and fails. It is
tried again in a savepoint with a slug looked up anew, which now counts the first row.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import IntegrityError, models, transaction

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
