"""Registrations at the same moment (two threads, each with its own database connection): no 500, no doubles."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from initiatives import forms as initiative_forms
from initiatives import models as initiative_models
from initiatives.models import Initiative
from tests.concurrency import at_once, meet_after_first_call
from tests.factories import UserFactory
from tests.initiatives.test_register import valid_data
from wdhs.models import User

pytestmark = pytest.mark.django_db(transaction=True)


def register_as(user: User, **data: object) -> Callable[[], Any]:
    def post() -> Any:
        client = Client(raise_request_exception=False)
        client.force_login(user)
        return client.post(reverse("initiatives:register"), valid_data(**data))

    return post


def test_the_same_name_at_the_same_moment_gives_two_pages_with_their_own_address(monkeypatch):
    # Two groups with the same name in different places: each thread works out the free address
    # ("repair-cafe-de-schroef") before either has saved, so both try to store the same one.
    meet_after_first_call(monkeypatch, initiative_models, "unique_slug")
    first, second = UserFactory(), UserFactory()
    responses = at_once(
        register_as(first, municipality="Zwolle"),
        register_as(second, municipality="Deventer"),
    )
    assert [r.status_code for r in responses] == [302, 302]
    slugs = sorted(Initiative.objects.values_list("slug", flat=True))
    assert slugs == ["repair-cafe-de-schroef", "repair-cafe-de-schroef-2"]
    assert {r["Location"] for r in responses} == {reverse("initiatives:manage", args=[slug]) for slug in slugs}


def test_nearly_the_same_name_at_the_same_moment_asks_the_second_person_first(monkeypatch):
    # Both forms check for a similar initiative in Zwolle before either is saved; without a lock both find none.
    meet_after_first_call(monkeypatch, initiative_forms, "similar_initiatives")
    first, second = UserFactory(), UserFactory()
    responses = at_once(
        register_as(first, name="Buurtmoestuin De Peer"),
        register_as(second, name="Buurtmoestuin De Peren"),
    )
    assert sorted(r.status_code for r in responses) == [302, 400]
    assert Initiative.objects.count() == 1
    asked = next(r for r in responses if r.status_code == 400)
    assert "Staat jullie initiatief er al in?" in asked.content.decode()
    assert "Ik weet het zeker: ons initiatief staat er nog niet in." in asked.content.decode()


def test_the_second_person_can_still_say_it_is_another_initiative(client, user):
    UserFactory()
    client.force_login(user)
    client.post(reverse("initiatives:register"), valid_data(name="Buurtmoestuin De Peer"))
    response = client.post(reverse("initiatives:register"), valid_data(name="Buurtmoestuin De Peren"))
    assert response.status_code == 400
    response = client.post(
        reverse("initiatives:register"), valid_data(name="Buurtmoestuin De Peren", not_duplicate="on")
    )
    assert response.status_code == 302
    assert Initiative.objects.count() == 2
