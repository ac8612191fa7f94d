"""The audit log: every change to content and accounts, who made it, when, and the values before and after.

Library: django-auditlog (one table, the changes as JSON, a signal per save of a registered model). The models
it follows and the fields it leaves out are in settings (AUDITLOG_INCLUDE_TRACKING_MODELS), so the base names
no app. Chosen over django-simple-history, which keeps a full copy of every row per change in one history
table per model: at national size (100,000 initiatives) that doubles the biggest tables and their migrations,
while staff need "who changed what, from what to what", which one JSON row says.

- Who: AuditActorMiddleware hands the request's user to the log, read only when a change is logged (a public
  page that changes nothing does not load the session for it). Management commands and background tasks log
  without a person ("systeem").
- Not editable: the admin (wdhs/admin.py, AuditEntryAdmin) only shows it; nobody may add, change or delete a
  line there, superusers included. Only the daily job removes lines after the retention period.
- Bulk loading (seed_bulk, load_demo) runs inside `without_audit_log()`: test data at national size would
  otherwise write a log row per row.
- Admin actions and buttons that change many rows at once use `update_logged(queryset, **values)`, not
  `queryset.update()`: an UPDATE in SQL sends no signal, so the library would not see it. It writes the same line
  per changed row as a save does (who, before, after), in a few queries per thousand rows, not per row.
  tests/base/test_admin_audit.py makes sure every action and custom view of /beheer/ is logged.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from itertools import batched
from typing import Any

from auditlog.cid import get_cid
from auditlog.context import auditlog_disabled, auditlog_value, disable_auditlog, set_actor
from auditlog.diff import get_field_value, is_primitive, model_instance_diff
from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models, transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.encoding import smart_str
from django.utils.formats import date_format

ACTIONS = {
    LogEntry.Action.CREATE: "toegevoegd",
    LogEntry.Action.UPDATE: "gewijzigd",
    LogEntry.Action.DELETE: "verwijderd",
    LogEntry.Action.ACCESS: "bekeken",
}


class AuditActorMiddleware:
    """The person behind the changes of this request: `request.user`, still lazy (evaluated only when logging)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        actor = getattr(request, "user", None)
        if actor is None:
            return self.get_response(request)
        with set_actor(actor):
            return self.get_response(request)


@contextlib.contextmanager
def without_audit_log() -> Iterator[None]:
    """No log rows for what happens inside (bulk test data and demo content, not people's work)."""
    with disable_auditlog():
        yield


UPDATE_BATCH = 1000


def update_logged(queryset: models.QuerySet[Any], **values: Any) -> int:
    """`queryset.update(**values)` with a log line per changed row, as if each row had been saved; returns the count.

    Per batch of rows: read them, update them, read them again (so expressions such as F("sequence") + 1 and
    the database's own values are logged as stored), and write the lines in one insert. The actor is the person
    of the request (AuditActorMiddleware), as for a save. A model the library follows is logged with its fields
    as configured (AUDITLOG_INCLUDE_TRACKING_MODELS: left-out and masked fields stay out). A model it does not
    follow, because its name holds someone's e-mail address (an alert, an invitation), is logged by kind and
    number instead of its name, and only the fields in `values`.
    """
    model = queryset.model
    if auditlog_disabled.get():
        return queryset.update(**values)
    tracked = auditlog.contains(model)
    fields = set(values)
    reread = model._base_manager.all()
    reread.query.select_related = queryset.query.select_related
    actor = auditlog_value.get({}).get("actor")
    actor = actor if actor is not None and getattr(actor, "is_authenticated", False) else None
    content_type = ContentType.objects.get_for_model(model)
    cid = get_cid()
    done = 0
    with transaction.atomic():
        pks = list(queryset.order_by("pk").values_list("pk", flat=True))
        for batch in batched(pks, UPDATE_BATCH):
            before = {row.pk: row for row in reread.filter(pk__in=batch)}
            done += model._base_manager.filter(pk__in=batch).update(**values)
            lines = []
            for row in reread.filter(pk__in=batch).order_by("pk"):
                old = before.get(row.pk)
                if old is None:
                    continue
                if tracked:
                    changes = model_instance_diff(old, row, fields_to_check=fields, use_json_for_changes=True)
                    name = smart_str(row)
                else:
                    changes = _plain_diff(old, row, fields)
                    name = f"{model._meta.verbose_name} {row.pk}"
                if not changes:
                    continue
                lines.append(
                    LogEntry(
                        content_type=content_type,
                        object_pk=str(row.pk),
                        object_id=row.pk if isinstance(row.pk, int) else None,
                        object_repr=name[:255],
                        action=LogEntry.Action.UPDATE,
                        changes=changes,
                        actor_id=actor.pk if actor is not None else None,
                        actor_email=getattr(actor, "email", None),
                        cid=cid,
                    )
                )
            LogEntry.objects.bulk_create(lines)
    return done


def _plain_diff(old: models.Model, new: models.Model, fields: set[str]) -> dict[str, list[Any]] | None:
    """The changed `fields` of a model the library does not follow, in the library's format."""
    changes: dict[str, list[Any]] = {}
    for field in old._meta.concrete_fields:
        if field.name not in fields and field.attname not in fields:
            continue
        before, after = get_field_value(old, field, True), get_field_value(new, field, True)
        if before != after:
            changes[field.name] = [v if is_primitive(v) else smart_str(v) for v in (before, after)]
    return changes or None


def purge_before(moment: datetime) -> int:
    """Delete log lines older than `moment` (the retention period); returns how many went."""
    deleted, _ = LogEntry.objects.filter(timestamp__lt=moment).delete()
    return deleted


def changes_of(entry: Any) -> list[tuple[str, str, str]]:
    """(field, before, after) of one log line, fields by their Dutch label where the model still has them."""
    rows = []
    model = entry.content_type.model_class() if entry.content_type_id else None
    for name, values in (entry.changes_dict or {}).items():
        label = name
        if model is not None:
            try:
                field = model._meta.get_field(name)
            except FieldDoesNotExist:  # a field removed since: its name is all there is
                field = None
            if field is not None and not (field.concrete or field.many_to_many):
                continue  # a reverse relation (the library lists them for a new row, always empty)
            if field is not None:
                label = str(field.verbose_name)
        if isinstance(values, dict):  # a many-to-many change: {"type": "add", "objects": [...]}
            kind = {"add": "toegevoegd", "delete": "weggehaald"}.get(values.get("type", ""), values.get("type", ""))
            rows.append((label, "", f"{kind}: {', '.join(str(o) for o in values.get('objects', []))}"))
            continue
        before, after = (values + [None, None])[:2] if isinstance(values, list) else (None, values)
        rows.append((label, _text(before), _text(after)))
    return rows


def _text(value: Any) -> str:
    """A logged value as staff read it: "ja"/"nee" for yes and no, dates in the portal's one Dutch style."""
    if value is None or value == "None":
        return ""
    text = str(value)
    if text in {"True", "False"}:
        return "ja" if text == "True" else "nee"
    if len(text) >= 10 and text[4:5] == "-" and text[7:8] == "-" and text[:4].isdigit():
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            return text
        if len(text) == 10:
            return date_format(moment.date(), "DATE_FORMAT")
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment, UTC)
        return date_format(timezone.localtime(moment), "DATETIME_FORMAT")
    return text
