"""Two new knowledge items with the same title at the same moment (two threads, each with its own connection)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from knowledge import models as knowledge_models
from knowledge.models import Resource
from tests.concurrency import at_once, meet_after_first_call
from tests.factories import MembershipFactory, OrganisationFactory
from tests.knowledge.test_editor import form_data
from wdhs.models import User

pytestmark = pytest.mark.django_db(transaction=True)


def create_as(editor: User, data: dict[str, Any]) -> Callable[[], Any]:
    def post() -> Any:
        client = Client(raise_request_exception=False)
        client.force_login(editor)
        return client.post(reverse("knowledge:editor_resource_create"), data)

    return post


def test_two_editors_with_the_same_title_at_the_same_moment_both_get_their_draft(monkeypatch):
    # Both look up the free address ("zo-start-je-een-buurtcooperatie") before either draft is saved.
    meet_after_first_call(monkeypatch, knowledge_models, "unique_slug")
    organisation = OrganisationFactory(name="Partner A", slug="partner-a")
    anna, bram = (MembershipFactory(organisation=organisation).user for _ in range(2))
    responses = at_once(create_as(anna, form_data(organisation)), create_as(bram, form_data(organisation)))
    assert [r.status_code for r in responses] == [302, 302]
    assert sorted(Resource.objects.values_list("slug", flat=True)) == [
        "zo-start-je-een-buurtcooperatie",
        "zo-start-je-een-buurtcooperatie-2",
    ]
