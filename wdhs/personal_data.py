"""The register of personal data (AVG): which fields hold data about a person, how to export and erase them.

Every app registers what it holds from its `AppConfig.ready()` (its `personal_data.py`), the base registers
the account itself below. `/mijn/gegevens.json` exports every registered section, deleting an account runs every
registered eraser before the user row goes, in one transaction. A test walks all models and fails when a field
that points at a user or holds an e-mail address is not in `covered_fields()`: a new model cannot be forgotten.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from auditlog.models import LogEntry as AuditLogEntry
from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from wdhs.audit import without_audit_log
from wdhs.models import User


@dataclass(frozen=True)
class PersonalDataSource:
    section: str  # the key of this part in the export, in Dutch ("vragen")
    fields: frozenset[str]  # "app_label.Model.field" of every field this source answers for
    export: Callable[[User], Any]
    erase: Callable[[User], None]  # removes or anonymises; runs before the user row is deleted


_SOURCES: dict[str, PersonalDataSource] = {}


def register_personal_data(
    section: str,
    *,
    fields: Iterable[str],
    export: Callable[[User], Any],
    erase: Callable[[User], None],
) -> None:
    """Register (or replace) one section; called from an app's `ready()`."""
    _SOURCES[section] = PersonalDataSource(section, frozenset(fields), export, erase)


def sources() -> list[PersonalDataSource]:
    return list(_SOURCES.values())


def covered_fields() -> set[str]:
    return {field for source in _SOURCES.values() for field in source.fields}


def addresses(user: User) -> list[str]:
    """The person's own addresses: the account's, and every other one they confirmed (allauth), lower case."""
    confirmed = EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    return sorted({address.lower() for address in [user.email, *confirmed] if address})


def matches(field: str, user: User) -> Q:
    """A filter for rows whose e-mail `field` is one of the person's addresses (any case); never everything."""
    condition = Q(pk__in=[])
    for address in addresses(user):
        condition |= Q(**{f"{field}__iexact": address})
    return condition


def export_person(user: User) -> dict[str, Any]:
    """Everything the portal holds about `user`, one section per source (AVG: right of access)."""
    return {source.section: source.export(user) for source in _SOURCES.values()}


@transaction.atomic
def delete_person(user: User) -> None:
    """Erase or anonymise everything about `user` (every source), then delete the account itself."""
    for source in _SOURCES.values():
        source.erase(user)
    # Without the audit log: its lines of the rows that go with the account (memberships) would name the person
    # again. That the account went is in Django's admin log when staff deleted it.
    with without_audit_log():
        user.delete()


ACTIONS = {ADDITION: "toegevoegd", CHANGE: "gewijzigd", DELETION: "verwijderd"}
AUDIT_ACTIONS = {0: "toegevoegd", 1: "gewijzigd", 2: "verwijderd", 3: "bekeken"}


def _export_account(user: User) -> dict[str, Any]:
    return {
        "e-mailadres": user.email,
        "naam": user.display_name,
        "aangemaakt": user.date_joined.isoformat(),
        "laatst ingelogd": user.last_login.isoformat() if user.last_login else None,
        "e-mailadressen": list(EmailAddress.objects.filter(user=user).values("email", "verified", "primary")),
        "groepen": list(user.groups.values_list("name", flat=True)),
        "rechten": sorted(f"{p.content_type.app_label}.{p.codename}" for p in user.user_permissions.all()),
        # Which second steps are on and when they were used; never the secret or the codes themselves.
        "inloggen in twee stappen": [
            {
                "soort": {"totp": "app op je telefoon", "recovery_codes": "herstelcodes"}.get(kind, kind),
                "aangezet": created.isoformat(),
                "laatst gebruikt": used.isoformat() if used else None,
            }
            for kind, created, used in Authenticator.objects.filter(user=user)
            .order_by("created_at")
            .values_list("type", "created_at", "last_used_at")
        ],
        # What they did in the admin, not to whom: the names of the rows they changed are other people's data.
        "beheeracties": [
            {"op": e.action_time.isoformat(), "soort": str(e.content_type or ""), "actie": ACTIONS.get(e.action_flag)}
            for e in LogEntry.objects.filter(user=user).select_related("content_type").order_by("action_time")
        ],
        # The audit log (wdhs/audit.py): the same, what kind of thing they changed and when, not whose.
        "auditlog": [
            {"op": e.timestamp.isoformat(), "soort": str(e.content_type or ""), "actie": AUDIT_ACTIONS.get(e.action)}
            for e in AuditLogEntry.objects.filter(actor=user).select_related("content_type").order_by("timestamp")
        ],
    }


def _erase_account(user: User) -> None:
    """The account's own rows (e-mail addresses, groups, rights, second log-in steps, admin log) go with the user
    row (CASCADE).

    Finished background tasks hold copies of sent mails; those that name the address go now rather than
    after their retention period. Waiting ones stay: they may be a mail to someone else about to be sent.
    Staff's admin log names the rows they changed ("persoon@example.org"): those lines lose the name."""
    finished = DBTaskResult.objects.filter(status__in=[TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED])
    mentions = Q(pk__in=[])
    for address in addresses(user):
        mentions |= Q(text__icontains=address)
    finished.annotate(text=Cast("args_kwargs", TextField())).filter(mentions).delete()
    named = Q(pk__in=[])
    for address in addresses(user):
        named |= Q(object_repr__icontains=address)
    named |= Q(content_type=ContentType.objects.get_for_model(User), object_id=str(user.pk))
    LogEntry.objects.exclude(user=user).filter(named).update(object_repr="(verwijderd account)")
    _erase_from_audit_log(user)


def _erase_from_audit_log(user: User) -> None:
    """docs/privacy.md: what the person changed stays (who changed public content is accountability), without
    their name: the actor goes (the key is SET_NULL with the account, the copied address here). Lines about
    their own account (its e-mail address and name before and after) go; lines that name their address
    (a membership "persoon@example.org bij ...") lose the name."""
    AuditLogEntry.objects.filter(actor=user).update(actor=None, actor_email=None)
    user_type = ContentType.objects.get_for_model(User)
    AuditLogEntry.objects.filter(content_type=user_type, object_pk=str(user.pk)).delete()
    named = Q(pk__in=[])
    for address in addresses(user):
        named |= Q(object_repr__icontains=address) | Q(actor_email__iexact=address)
    AuditLogEntry.objects.filter(named).update(object_repr="(verwijderd account)", actor_email=None)


def register_account() -> None:
    register_personal_data(
        "account",
        fields=[
            "wdhs.User.email",
            "wdhs.User_groups.user",
            "wdhs.User_user_permissions.user",
            "account.EmailAddress.user",
            "account.EmailAddress.email",
            "admin.LogEntry.user",
            # The audit log (and its proxy in /beheer/); its copy of the actor's address (actor_email, a text
            # field) is cleared with it in _erase_from_audit_log.
            "auditlog.LogEntry.actor",
            "wdhs.AuditEntry.actor",
            "mfa.Authenticator.user",
        ],
        export=_export_account,
        erase=_erase_account,
    )
