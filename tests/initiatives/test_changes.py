"""A manager's change to a published initiative, held for review (initiatives.changes)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from initiatives import changes, services
from initiatives.forms import InitiativeForm
from initiatives.models import Initiative
from tests.factories import InitiativeFactory, UserFactory, municipality, term
from tests.initiatives.test_register import valid_data
from wdhs.models import Term

pytestmark = pytest.mark.django_db


def test_held_change_is_stored_with_primary_keys_and_read_back_as_objects():
    initiative = InitiativeFactory(name="Oude Naam")
    wonen, voedsel = term("theme", "wonen"), term("theme", "voedsel")
    changes.hold(
        initiative,
        {
            "name": "Nieuwe Naam",
            "municipality": municipality("Zwolle"),
            "kind": term("initiative_kind", "wijkbedrijf"),
            "themes": [wonen, voedsel],
            "founded_year": None,
        },
    )
    initiative.refresh_from_db()
    assert initiative.pending_changes == {
        "name": "Nieuwe Naam",
        "kind": term("initiative_kind", "wijkbedrijf").pk,
        "municipality": municipality("Zwolle").pk,
        "themes": sorted([wonen.pk, voedsel.pk]),
        "founded_year": None,
    }
    assert initiative.pending_since is not None
    assert initiative.name == "Oude Naam"  # the public version stays until approval
    held = changes.held(initiative)
    assert held["municipality"] == municipality("Zwolle")
    assert held["kind"].slug == "wijkbedrijf"
    assert set(held["themes"]) == {wonen, voedsel}


def test_terms_removed_since_are_left_out_of_the_held_change():
    initiative = InitiativeFactory()
    retired_kind = Term.objects.create(vocabulary="initiative_kind", name="Verdwenen soort")
    retired_theme = Term.objects.create(vocabulary="theme", name="Verdwenen thema")
    changes.hold(initiative, {"kind": retired_kind, "themes": [retired_theme, term("theme", "wonen")]})
    retired_kind.delete()
    retired_theme.delete()
    initiative.refresh_from_db()
    held = changes.held(initiative)
    assert "kind" not in held
    assert [t.slug for t in held["themes"]] == ["wonen"]


def test_a_form_edit_held_and_approved_gives_exactly_what_the_manager_typed(client):
    owner = UserFactory()
    initiative = InitiativeFactory(managers=[owner])
    client.force_login(owner)
    data = valid_data(name="Repair Café Assendorp", municipality="Zwolle", website="https://nieuw.example.org")
    assert client.post(reverse("initiatives:edit", args=[initiative.slug]), data).status_code == 302
    services.initiative_approve(initiative=Initiative.objects.get(pk=initiative.pk), by=None)
    initiative.refresh_from_db()
    form = InitiativeForm(instance=initiative)
    for name in changes.FIELDS:
        # What the edit form shows after approval is what was sent (lists of terms as primary keys).
        shown = form[name].value()
        expected = data[name]
        if isinstance(expected, list):
            assert sorted(int(pk) for pk in shown) == sorted(expected), name
        else:
            assert str(shown if shown is not None else "") == str(expected), name


def test_the_edit_form_starts_from_the_held_change():
    initiative = InitiativeFactory(name="Openbare Naam")
    changes.hold(initiative, {"name": "Wachtende Naam", "municipality": municipality("'s-Gravenhage")})
    form = InitiativeForm(instance=initiative, initial=changes.form_initial(initiative))
    assert form["name"].value() == "Wachtende Naam"
    assert form["municipality"].value() == "Den Haag (’s-Gravenhage)"
    assert form["themes"].value() == [t.pk for t in initiative.themes.all()]  # not in the change: public value


def test_differences_name_the_fields_and_skip_what_did_not_change():
    initiative = InitiativeFactory(name="Oude Naam", active_people="6-15", themes=[term("theme", "wonen")])
    changes.hold(
        initiative,
        {
            "name": "Nieuwe Naam",
            "area": initiative.area,
            "active_people": "16-50",
            "themes": [term("theme", "wonen"), term("theme", "voedsel")],
        },
    )
    rows = {row.label: (row.current, row.new) for row in changes.differences(initiative)}
    assert rows == {
        "Naam": ("Oude Naam", "Nieuwe Naam"),
        "Aantal actieve mensen": ("6 tot 15 mensen", "16 tot 50 mensen"),
        "Thema's": ("Wonen", "Wonen, Voedsel"),
    }


def test_admin_overview_lists_the_differences(client, staff):
    initiative = InitiativeFactory(name="Oude Naam")
    changes.hold(initiative, {"name": "Nieuwe Naam", "area": initiative.area})
    client.force_login(staff)
    body = client.get(reverse("admin:initiatives_initiative_change", args=[initiative.pk])).content.decode()
    assert '<tr><th scope="row">Naam</th><td>Oude Naam</td><td>Nieuwe Naam</td></tr>' in body
    assert '<th scope="row">Wijk of dorp</th>' not in body  # unchanged, so not listed
