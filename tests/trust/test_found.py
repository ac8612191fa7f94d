"""What the property tests (test_any_query.py, test_any_form.py) found: each 500 with a focused test."""

from __future__ import annotations

import pytest

from tests.factories import ResourceFactory

pytestmark = pytest.mark.django_db


def test_a_parameter_named_items_does_not_break_the_knowledge_list(client):
    # The search box kept the other filters with `request.GET.items` in the template, which looks up the
    # key "items" first: /kennis/?items=+ gave a 500 (found by test_any_query_string_gets_a_fair_answer).
    ResourceFactory()
    response = client.get("/kennis/?items=+&thema=zorg-en-welzijn&page=1")
    assert response.status_code == 200
    content = response.content.decode()
    assert '<input type="hidden" name="items" value=" ">' in content
    assert '<input type="hidden" name="thema" value="zorg-en-welzijn">' in content
    assert 'type="hidden" name="page"' not in content


def test_a_link_to_an_address_that_only_takes_a_button_gets_a_dutch_405(client, user):
    # Found by test_any_path.py: require_POST answered an empty 405, with no word of explanation.
    client.force_login(user)
    response = client.get("/mijn/kennis/iets/status/")
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert "Dit werkt alleen met een knop" in response.content.decode()
