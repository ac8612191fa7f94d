"""An editor or manager without a display name is never shown by (part of) their e-mail address."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from initiatives.services import invitation_create
from tests.background import committed
from tests.factories import (
    InitiativeFactory,
    MembershipFactory,
    OrganisationFactory,
    QuestionFactory,
    ResourceFactory,
    StaffFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
SECRET = "geheim.adres"


def nameless_editor(organisation: object = None) -> object:
    editor = UserFactory(display_name="", email=f"{SECRET}@example.org")
    if organisation is not None:
        MembershipFactory(user=editor, organisation=organisation, can_publish=True)
    return editor


def test_a_resource_by_a_nameless_editor_shows_the_organisation(client):
    organisation = OrganisationFactory(name="Buurtwerk Oost")
    resource = ResourceFactory(organisation=organisation, author=nameless_editor(organisation), author_name="")
    page = client.get(resource.get_absolute_url()).content.decode()
    assert "Buurtwerk Oost" in page
    assert SECRET not in page


@pytest.mark.parametrize(("with_organisation", "shown"), [(True, "Buurtwerk Oost"), (False, "Redactie")])
def test_an_answer_by_a_nameless_editor_shows_the_organisation_or_redactie(client, with_organisation, shown):
    organisation = OrganisationFactory(name="Buurtwerk Oost") if with_organisation else None
    editor = nameless_editor(organisation)
    question = QuestionFactory(
        organisation=organisation, answer="Zo doe je dat.", answered_at=timezone.now(), answered_by=editor
    )
    client.force_login(StaffFactory())
    page = client.get(reverse("questions:inbox_detail", args=[question.pk])).content.decode()
    assert f"door {shown}" in page
    assert SECRET not in page


def test_an_invitation_from_a_nameless_manager_does_not_quote_their_address():
    inviter = UserFactory(display_name="", email=f"{SECRET}@example.org")
    initiative = InitiativeFactory(name="Moestuin De Hoek", managers=[inviter])
    with committed():
        invitation_create(initiative=initiative, email="nieuw@example.org", by=inviter)
    [message] = mail.outbox
    assert "Een van de beheerders nodigt je uit om Moestuin De Hoek mee te beheren" in message.body
    assert SECRET not in message.body


def test_no_code_makes_a_name_from_an_e_mail_address():
    offenders = [
        str(path.relative_to(ROOT))
        for folder in ("wdhs", "knowledge", "initiatives", "goals", "templates")
        for path in (ROOT / folder).rglob("*")
        if path.suffix in {".py", ".html", ".txt"}
        and ('split("@"' in (text := path.read_text(encoding="utf-8")) or "public_name" in text)
    ]
    assert offenders == []
