"""AVG: the export holds everything about a person, and no model with personal data escapes the register."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from initiatives.models import Initiative, Invitation, ProblemReason, ProblemReport, Status
from knowledge.models import Question
from tests.background import committed, run_queued_tasks
from tests.factories import PASSWORD, InitiativeFactory, MembershipFactory, QuestionFactory, UserFactory
from wdhs.emails import deliver
from wdhs.models import User
from wdhs.personal_data import covered_fields

pytestmark = pytest.mark.django_db


def person_fields() -> set[str]:
    """Every concrete field of every model (through tables too) that points at a user or holds an e-mail address."""
    user_model = get_user_model()
    found = set()
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.get_fields():
            if not getattr(field, "concrete", False):
                continue
            points_at_user = field.is_relation and field.related_model is user_model
            if points_at_user or isinstance(field, models.EmailField):
                found.add(f"{model._meta.label}.{field.name}")
    return found


def test_every_field_about_a_person_is_in_the_export_and_deletion_register():
    missing = person_fields() - covered_fields()
    assert not missing, (
        "Deze velden bevatten persoonsgegevens maar staan niet in het register (wdhs/personal_data.py): "
        f"{sorted(missing)}. Meld ze aan in de personal_data.py van de app, met export en verwijderen."
    )
    # And the register names no field that does not exist (a renamed field would otherwise hide).
    assert covered_fields() <= person_fields()


def test_the_walk_finds_the_kinds_of_fields_it_must_find():
    fields = person_fields()
    assert "initiatives.ProblemReport.reporter_email" in fields  # an EmailField
    assert "knowledge.Question.answered_by" in fields  # a ForeignKey to the user
    assert "wdhs.User_groups.user" in fields  # the through table of a many-to-many


def test_the_export_holds_reports_answers_and_everything_else(client):
    me = UserFactory(email="ik@example.org")
    initiative = InitiativeFactory(managers=[me], public_email="IK@example.org")
    other = InitiativeFactory(name="Andermans tuin")
    ProblemReport.objects.create(
        initiative=other,
        reason=ProblemReason.WRONG,
        message="Het adres klopt niet meer.",
        reporter_email="Ik@Example.org",
    )
    ProblemReport.objects.create(initiative=other, reason=ProblemReason.OTHER, message="Van iemand anders.")
    QuestionFactory(email="ik@example.org", text="Mijn eigen vraag over een buurtfeest organiseren.")
    asked_by_someone = QuestionFactory(email="ander@example.org", name="Bea Ander")
    asked_by_someone.answer, asked_by_someone.answered_at, asked_by_someone.answered_by = (
        "Kijk bij de gemeente voor een vergunning.",
        timezone.now(),
        me,
    )
    asked_by_someone.save()
    MembershipFactory(user=me)
    Invitation.objects.create(
        initiative=initiative,
        email="mede@example.org",
        token_hash="a" * 64,
        invited_by=me,
        expires_at=timezone.now() + timedelta(days=14),
    )
    Invitation.objects.create(
        initiative=other, email="ik@example.org", token_hash="b" * 64, expires_at=timezone.now() + timedelta(days=14)
    )

    client.force_login(me)
    response = client.get(reverse("my_data_export"))
    assert response.status_code == 200
    data = json.loads(response.content)
    text = response.content.decode()

    reports = data["initiatieven"]["meldingen"]
    assert [r["toelichting"] for r in reports] == ["Het adres klopt niet meer."]
    answers = data["vragen"]["geschreven antwoorden"]
    assert [a["antwoord"] for a in answers] == ["Kijk bij de gemeente voor een vergunning."]
    assert "Bea Ander" not in text and "ander@example.org" not in text  # the asker's data is not the editor's
    assert data["vragen"]["gestelde vragen"][0]["vraag"] == "Mijn eigen vraag over een buurtfeest organiseren."
    assert data["initiatieven"]["jouw e-mailadres als contactadres"][0]["initiatief"] == initiative.name
    assert data["initiatieven"]["verstuurde uitnodigingen"][0]["aan"] == "mede@example.org"
    assert data["initiatieven"]["ontvangen uitnodigingen"][0]["initiatief"] == "Andermans tuin"
    assert len(data["kennis"]["redacteur van"]) == 1
    assert data["account"]["e-mailadres"] == "ik@example.org"
    assert sorted(data) == [
        "account",
        "doelen",
        "initiatieven",
        "kennis",
        "meldingen per e-mail",
        "reacties op pagina's",
        "vragen",
    ]


def person_with_everything(me: User) -> dict[str, Any]:
    """Rows of every kind that name `me`: asked, reported, invited, invited by, contact address, managed alone."""
    alone = InitiativeFactory(name="Alleen van mij", managers=[me])
    co_manager = UserFactory(email="mede@example.org")
    shared = InitiativeFactory(name="Samen beheerd", managers=[me, co_manager], public_email=me.email.upper())
    other = InitiativeFactory(name="Andermans tuin")
    report = ProblemReport.objects.create(
        initiative=other, reason=ProblemReason.WRONG, message="Klopt niet.", reporter_email=me.email
    )
    question = QuestionFactory(email=me.email.title(), name="Ik Zelf")
    sent = Invitation.objects.create(
        initiative=shared,
        email="nieuw@example.org",
        token_hash="c" * 64,
        invited_by=me,
        expires_at=timezone.now() + timedelta(days=14),
    )
    received = Invitation.objects.create(
        initiative=other, email=me.email, token_hash="d" * 64, expires_at=timezone.now() + timedelta(days=14)
    )
    return {
        "alone": alone,
        "shared": shared,
        "co_manager": co_manager,
        "report": report,
        "question": question,
        "sent": sent,
        "received": received,
    }


def test_the_delete_page_lists_initiatives_managed_alone_before_deleting(client):
    me = UserFactory(email="ik@example.org")
    rows = person_with_everything(me)
    client.force_login(me)
    page = client.get(reverse("account_delete")).content.decode()
    assert "je bent de enige beheerder" in page
    assert "Alleen van mij" in page and rows["alone"].get_manage_url() in page
    assert "Samen beheerd" not in page  # the co-manager keeps that one
    response = client.post(reverse("account_delete"), {"password": "fout"})
    assert response.status_code == 400 and "Alleen van mij" in response.content.decode()


def test_deleting_the_account_leaves_nothing_that_names_the_person(client, settings):
    settings.STAFF_NOTIFICATION_EMAILS = ["redactie@example.org"]
    me = UserFactory(email="ik@example.org")
    rows = person_with_everything(me)
    client.force_login(me)
    with committed():
        response = client.post(reverse("account_delete"), {"password": PASSWORD})
    assert response.status_code == 302
    assert not User.objects.filter(pk=me.pk).exists()

    # No e-mail field anywhere still holds the address, and no invitation the person sent is left.
    for label in sorted(person_fields()):
        app_model, field = label.rsplit(".", 1)
        model = apps.get_model(app_model)
        if isinstance(model._meta.get_field(field), models.EmailField):
            assert not model.objects.filter(**{f"{field}__iexact": "ik@example.org"}).exists(), label
    question = Question.objects.get(pk=rows["question"].pk)
    assert (question.name, question.email) == ("", "") and question.personal_data_removed_at is not None
    assert ProblemReport.objects.get(pk=rows["report"].pk).reporter_email == ""
    assert not Invitation.objects.filter(pk__in=[rows["sent"].pk, rows["received"].pk]).exists()

    # Shared: handed over to the co-manager, still public, without the person's address as contact.
    shared = Initiative.objects.get(pk=rows["shared"].pk)
    assert list(shared.memberships.values_list("user", flat=True)) == [rows["co_manager"].pk]
    assert shared.status == Status.PUBLISHED and shared.public_email == ""
    # Managed alone: offline for review, with a report for staff and a mail; not silently orphaned.
    alone = Initiative.objects.get(pk=rows["alone"].pk)
    assert alone.status == Status.SUBMITTED and not alone.memberships.exists()
    flag = ProblemReport.objects.get(initiative=alone)
    assert flag.handled_at is None and "geen beheerder" in flag.message
    assert [m.to for m in mail.outbox] == [["redactie@example.org"]]
    assert "Alleen van mij" in mail.outbox[0].body


def test_finished_mails_to_the_person_go_with_the_account(client, task_queue):
    me = UserFactory(email="ik@example.org")
    deliver.enqueue(subject="Je vraag", body="Hallo", to=["Ik@example.org"], reply_to=[])
    deliver.enqueue(subject="Andere vraag", body="Hallo", to=["ander@example.org"], reply_to=[])
    assert run_queued_tasks() == 2
    client.force_login(me)
    with committed():
        client.post(reverse("account_delete"), {"password": PASSWORD})
    assert [t.args_kwargs["kwargs"]["to"] for t in DBTaskResult.objects.all()] == [["ander@example.org"]]


def test_a_second_confirmed_address_counts_an_unconfirmed_one_does_not(client):
    me = UserFactory(email="ik@example.org")
    EmailAddress.objects.create(user=me, email="werk@example.org", verified=True, primary=False)
    EmailAddress.objects.create(user=me, email="niet-van-mij@example.org", verified=False, primary=False)
    mine = QuestionFactory(email="Werk@example.org", text="Een vraag vanaf mijn werkadres over een subsidie.")
    not_mine = QuestionFactory(email="niet-van-mij@example.org", text="Een vraag van iemand anders over de buurt.")
    client.force_login(me)
    data = client.get(reverse("my_data_export")).json()
    assert [q["vraag"] for q in data["vragen"]["gestelde vragen"]] == [mine.text]
    with committed():
        client.post(reverse("account_delete"), {"password": PASSWORD})
    assert Question.objects.get(pk=mine.pk).email == ""
    assert Question.objects.get(pk=not_mine.pk).email == "niet-van-mij@example.org"


def test_the_admin_log_exports_what_staff_did_not_to_whom_and_forgets_a_deleted_person(client):
    staff = UserFactory(is_staff=True)
    me = UserFactory(email="ik@example.org")
    LogEntry.objects.log_actions(
        user_id=staff.pk, queryset=[me], action_flag=CHANGE, change_message="", single_object=True
    )
    client.force_login(staff)
    data = client.get(reverse("my_data_export")).json()
    assert data["account"]["beheeracties"][0]["actie"] == "gewijzigd"
    assert "ik@example.org" not in json.dumps(data)

    client.force_login(me)
    with committed():
        client.post(reverse("account_delete"), {"password": PASSWORD})
    assert list(LogEntry.objects.values_list("object_repr", flat=True)) == ["(verwijderd account)"]
