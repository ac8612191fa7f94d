"""The audit log (wdhs/audit.py, django-auditlog): who changed what and when, before and after; read-only for all."""

from __future__ import annotations

import datetime

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from initiatives.models import Initiative, Status
from knowledge.models import Organisation
from tests.background import committed
from tests.factories import (
    InitiativeFactory,
    MembershipFactory,
    OrganisationFactory,
    StaffFactory,
    UserFactory,
)
from wdhs.audit import purge_before, without_audit_log
from wdhs.jobs import purge_accounts_work
from wdhs.models import AuditEntry, User
from wdhs.personal_data import delete_person, export_person

pytestmark = pytest.mark.django_db


def entries_for(obj) -> list[LogEntry]:
    content_type = ContentType.objects.get_for_model(type(obj))
    return list(LogEntry.objects.filter(content_type=content_type, object_pk=str(obj.pk)).order_by("pk"))


def test_a_staff_decision_is_logged_with_who_and_before_and_after(client):
    staff = StaffFactory()
    initiative = InitiativeFactory(status=Status.SUBMITTED, published_at=None)
    client.force_login(staff)
    with committed():
        client.post(reverse("admin:initiatives_initiative_approve", args=[initiative.pk]))
    entry = entries_for(initiative)[-1]
    assert entry.action == LogEntry.Action.UPDATE
    assert entry.actor == staff
    assert entry.changes_dict["status"] == ["ingediend", "gepubliceerd"]
    assert entry.timestamp <= timezone.now()
    # Derived fields stay out of the log.
    assert "search_vector" not in entry.changes_dict and "updated_at" not in entry.changes_dict


def test_an_editors_change_on_the_portal_is_logged_with_the_editor(client):
    editor = MembershipFactory().user
    organisation = Organisation.objects.get(memberships__user=editor)
    client.force_login(editor)
    url = reverse("knowledge:editor_organisation_edit", args=[organisation.slug])
    response = client.post(url, {"description": "Wij helpen buren die samen een plan maken.", "website": ""})
    assert response.status_code == 302
    entry = entries_for(organisation)[-1]
    assert entry.actor == editor
    assert entry.changes_dict["description"][1] == "Wij helpen buren die samen een plan maken."


def test_an_account_change_in_the_admin_is_logged_without_the_password(client):
    superuser = UserFactory(is_staff=True, is_superuser=True)
    person = UserFactory()
    person.set_password("een-heel-nieuw-wachtwoord-42")
    person.save()
    client.force_login(superuser)
    entry = entries_for(person)[-1]
    assert "een-heel-nieuw" not in str(entry.changes) and person.password not in str(entry.changes)
    assert "password" in entry.changes_dict  # that it changed is recorded, masked
    # A log-in is no change of the account (last_login stays out).
    count = len(entries_for(superuser))
    client.force_login(superuser)
    assert len(entries_for(superuser)) == count


def test_work_without_a_request_is_logged_without_a_person():
    initiative = InitiativeFactory()
    initiative.name = "Nieuwe naam"
    initiative.save()
    entry = entries_for(initiative)[-1]
    assert entry.actor is None and entry.changes_dict["name"][1] == "Nieuwe naam"


def test_staff_read_the_log_in_dutch(client):
    staff = StaffFactory()
    initiative = InitiativeFactory(name="Buurttuin Noord")
    client.force_login(staff)
    initiative.name = "Buurttuin Noord-Oost"
    initiative.save()
    response = client.get(reverse("admin:wdhs_auditentry_changelist"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Buurttuin Noord-Oost" in body and "gewijzigd" in body and "Wanneer" in body and "Wie" in body
    # Only fields of the model, never the names of reverse relations (a new account lists no "goal_updates").
    assert "goal_updates" not in body
    entry = entries_for(initiative)[-1]
    detail = client.get(reverse("admin:wdhs_auditentry_change", args=[entry.pk]))
    assert detail.status_code == 200
    assert '<th scope="row">naam</th><td>Buurttuin Noord</td><td>Buurttuin Noord-Oost</td>' in detail.content.decode()
    # Filters by action and kind.
    url = reverse("admin:wdhs_auditentry_changelist")
    assert client.get(url, {"actie": "1", "soort": "initiatives.initiative"}).status_code == 200
    assert client.get(url, {"actie": "hack", "soort": "x"}).status_code == 200


def test_nobody_can_add_change_or_delete_a_line_not_even_a_superuser(client):
    initiative = InitiativeFactory()
    entry = entries_for(initiative)[-1]
    for person in (StaffFactory(), UserFactory(is_staff=True, is_superuser=True)):
        client.force_login(person)
        assert client.get(reverse("admin:wdhs_auditentry_add")).status_code == 403
        assert client.get(reverse("admin:wdhs_auditentry_delete", args=[entry.pk])).status_code == 403
        assert client.post(reverse("admin:wdhs_auditentry_delete", args=[entry.pk]), {"post": "yes"}).status_code == 403
        response = client.post(reverse("admin:wdhs_auditentry_change", args=[entry.pk]), {"object_repr": "weg"})
        assert response.status_code == 403
        changelist = reverse("admin:wdhs_auditentry_changelist")
        client.post(changelist, {"action": "delete_selected", "_selected_action": [entry.pk], "post": "yes"})
        assert LogEntry.objects.filter(pk=entry.pk, object_repr=initiative.name).exists()
    # The library's own admin of the log (English, deletable) is not in /beheer/.
    assert client.get("/beheer/auditlog/logentry/").status_code == 404


def test_editors_and_staff_without_the_right_do_not_see_the_log(client):
    client.force_login(StaffFactory(groups=["Redactie"]))
    assert client.get(reverse("admin:wdhs_auditentry_changelist")).status_code == 403
    client.force_login(MembershipFactory().user)
    assert client.get(reverse("admin:wdhs_auditentry_changelist")).status_code == 302


def test_bulk_loading_writes_no_log_lines():
    before = LogEntry.objects.count()
    with without_audit_log():
        InitiativeFactory()
        OrganisationFactory()
    assert LogEntry.objects.count() == before


def test_seed_bulk_writes_no_log_lines(settings):
    call_command("load_places", verbosity=0)
    before = LogEntry.objects.count()
    call_command("seed_bulk", "--initiatives", "20", "--organisations", "2", "--resources", "5", verbosity=0)
    assert Initiative.objects.count() >= 20
    assert LogEntry.objects.count() == before


def test_old_lines_go_after_the_retention_period():
    initiative = InitiativeFactory()
    old = entries_for(initiative)[0]
    LogEntry.objects.filter(pk=old.pk).update(timestamp=timezone.now() - datetime.timedelta(days=400))
    recent = InitiativeFactory()
    assert "uit het auditlog verwijderd" in purge_accounts_work()
    assert not LogEntry.objects.filter(pk=old.pk).exists()
    assert entries_for(recent)
    assert purge_before(timezone.now() - datetime.timedelta(days=365)) == 0


def test_the_export_says_what_someone_changed_and_erasure_removes_their_name(client):
    editor = UserFactory(email="redacteur@example.org")
    membership = MembershipFactory(user=editor)
    organisation = membership.organisation
    client.force_login(editor)
    url = reverse("knowledge:editor_organisation_edit", args=[organisation.slug])
    client.post(url, {"description": "Wij helpen buren met hun plannen.", "website": ""})
    exported = export_person(editor)["account"]["auditlog"]
    assert exported and exported[-1]["actie"] == "gewijzigd" and "soort" in exported[-1]
    changed_by_editor = entries_for(organisation)[-1].pk
    editor_pk = editor.pk
    delete_person(editor)
    line = LogEntry.objects.get(pk=changed_by_editor)
    assert line.actor is None and not line.actor_email  # what changed stays, without who
    user_type = ContentType.objects.get_for_model(User)
    assert not LogEntry.objects.filter(content_type=user_type, object_pk=str(editor_pk)).exists()
    assert not LogEntry.objects.filter(object_repr__icontains="redacteur@example.org").exists()
    assert not LogEntry.objects.filter(changes_text__icontains="redacteur@example.org").exists()
    assert AuditEntry.objects.filter(pk=changed_by_editor).exists()


# Every model in /beheer/ is in the audit log, except these; each with the reason it is not. A new model in the
# admin must be added to AUDITLOG_INCLUDE_TRACKING_MODELS (wdhs/settings.py) or here, with its reason.
NOT_IN_THE_AUDIT_LOG = {
    "wdhs.province": "reference data from CBS/Kadaster, loaded by load_places, not edited by staff",
    "wdhs.municipality": "reference data from CBS/Kadaster, loaded by load_places, not edited by staff",
    "wdhs.municipalityneighbour": "derived from the shapes by load_places",
    "wdhs.searchword": "search bookkeeping, computed from the content",
    "django_tasks_database.dbtaskresult": "the task queue; its rows are the work, not a change by a person",
    "wdhs.dailyjobrun": "bookkeeping of the daily jobs",
    "wdhs.workerheartbeat": "bookkeeping of the task workers",
    "wdhs.formsubmission": "the keys of sent forms, against sending twice",
    "wdhs.auditentry": "the audit log itself, read-only",
    "wdhs.pageread": "read counts per page per day, written by the portal, read-only in the admin",
    "knowledge.questiontransfer": "itself the history of a question passed on: who, from, to, when, the note",
    "knowledge.statuschange": "itself the history of a resource's status: who, when, the reviewer's note",
    "initiatives.invitation": "its name is the invitee's e-mail address; its one staff action (revoke) is logged by "
    "wdhs.audit.update_logged without the name",
    "mfa.authenticator": "holds the secrets of two-step log-in, which must never be copied into a log",
    "alerts.subscription": "a person's own alert with their e-mail address: a log entry would keep the address "
    "after they unsubscribe (AVG); staff switching alerts off or on is logged by wdhs.audit.update_logged without it",
    "alerts.sentitem": "bookkeeping of the digests: which item went to which alert",
}


def test_every_model_in_the_admin_is_in_the_audit_log_or_has_a_reason_not_to_be():
    from auditlog.registry import auditlog
    from django.contrib import admin

    untracked = {model._meta.label_lower for model in admin.site._registry if not auditlog.contains(model)}
    assert untracked == set(NOT_IN_THE_AUDIT_LOG)
