"""AVG: the export holds everything about a person, and no model with personal data escapes the register."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.urls import reverse
from django.utils import timezone

from initiatives.models import Invitation, ProblemReason, ProblemReport
from tests.factories import InitiativeFactory, MembershipFactory, QuestionFactory, UserFactory
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
    assert sorted(data) == ["account", "doelen", "initiatieven", "kennis", "vragen"]
