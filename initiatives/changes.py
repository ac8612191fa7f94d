"""A manager's change to an initiative: applied at once, or held for review while the initiative is public.

The fields are those of InitiativeForm (its Meta.fields). A held change is stored on the initiative
as JSON, in the shape the form takes as initial data: field name -> value, related objects as
primary keys. This module is the one place that writes, reads, applies and describes it; the edit
view, the review services and the admin overview all go through it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.text import capfirst

from initiatives.forms import InitiativeForm
from initiatives.models import Initiative

FIELDS: tuple[str, ...] = tuple(InitiativeForm.Meta.fields)


def _field(name: str) -> Any:
    return Initiative._meta.get_field(name)


def apply(initiative: Initiative, data: dict[str, Any]) -> None:
    """Set the fields present in `data` (cleaned form data: model instances) and save, many-to-many included."""
    for name in FIELDS:
        if name in data and not _field(name).many_to_many:
            setattr(initiative, name, data[name])
    initiative.save()
    for name in FIELDS:
        if name in data and _field(name).many_to_many:
            getattr(initiative, name).set(data[name])


def hold(initiative: Initiative, data: dict[str, Any]) -> None:
    """Store the change for review; the public page keeps the current data until staff approve it."""
    initiative.pending_changes = _to_json(data)
    initiative.pending_since = timezone.now()
    initiative.save(update_fields=["pending_changes", "pending_since", "updated_at"])


def held(initiative: Initiative) -> dict[str, Any]:
    """The held change as model instances, ready for `apply`; terms or places removed since are left out."""
    data: dict[str, Any] = {}
    for name, value in (initiative.pending_changes or {}).items():
        if name not in FIELDS:
            continue
        field = _field(name)
        if not field.is_relation:
            data[name] = value
            continue
        related = field.related_model._default_manager
        if field.many_to_many:
            data[name] = list(related.filter(pk__in=value))
        else:
            obj = related.filter(pk=value).first()
            if obj is not None:
                data[name] = obj
    return data


def form_initial(initiative: Initiative) -> dict[str, Any] | None:
    """Initial data for the edit form: a second edit starts from the held change, not from the public version."""
    return initiative.pending_changes


@dataclass(frozen=True)
class Difference:
    """One field of a held change, as staff read it: the public value and the new one."""

    label: str
    current: str
    new: str


def differences(initiative: Initiative) -> list[Difference]:
    """The fields whose held value differs from the public one, labelled with the model's field names."""
    rows = []
    for name, value in held(initiative).items():
        field = _field(name)
        current = getattr(initiative, name)
        if field.many_to_many:
            current_text, new_text = _text(field, list(current.all())), _text(field, value)
        else:
            current_text, new_text = _text(field, current), _text(field, value)
        if current_text != new_text:
            rows.append(Difference(capfirst(field.verbose_name), current_text, new_text))
    return rows


def _text(field: models.Field, value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    return "" if value is None else str(value)


def _to_json(data: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in FIELDS:
        if name not in data:
            continue
        field, value = _field(name), data[name]
        if field.many_to_many:
            out[name] = sorted(item.pk for item in value)
        elif field.is_relation:
            out[name] = value.pk if value is not None else None
        else:
            out[name] = value
    return out
