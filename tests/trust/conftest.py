"""The content the property tests run against: a bit of everything, and one person who may edit all of it."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from goals.models import Update
from initiatives.models import Initiative
from knowledge.models import FundingScheme, Organisation, Question, Resource
from tests.factories import (
    FundingSchemeFactory,
    InitiativeFactory,
    MembershipFactory,
    OrganisationFactory,
    QuestionFactory,
    ResourceFactory,
    UpdateFactory,
    UserFactory,
)
from wdhs.models import User


@dataclass
class Content:
    member: User  # editor of the organisation, manager of the initiative, partner for the question
    staff: User
    organisation: Organisation
    resource: Resource
    initiative: Initiative
    scheme: FundingScheme
    question: Question
    update: Update


@pytest.fixture
def content(db: None, empty_cache: object) -> Content:
    member = UserFactory(display_name="Lid van alles")
    organisation = OrganisationFactory(name="Buurtpartner", is_national=True)
    MembershipFactory(organisation=organisation, user=member, can_publish=True)
    resource = ResourceFactory(organisation=organisation)
    ResourceFactory(organisation=organisation, title="Een tweede kennisitem over zorg")
    initiative = InitiativeFactory(managers=[member])
    InitiativeFactory(name="Moestuin aan de rand")
    scheme = FundingSchemeFactory()
    question = QuestionFactory(organisation=organisation)
    update = UpdateFactory()
    staff = UserFactory(is_staff=True, is_superuser=True)
    return Content(member, staff, organisation, resource, initiative, scheme, question, update)
