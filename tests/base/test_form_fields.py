"""The municipality typed as text (wdhs.forms.fields.MunicipalityField), shared by three forms."""

from __future__ import annotations

import pytest
from django import forms

from tests.factories import municipality
from wdhs.forms.fields import MunicipalityField

pytestmark = pytest.mark.django_db


class PlaceForm(forms.Form):
    place = MunicipalityField(label="Gemeente", error_messages={"unknown": "Onbekende gemeente."})
    optional = MunicipalityField(label="Andere gemeente", required=False)


def test_typed_name_cleans_to_the_municipality():
    form = PlaceForm({"place": "  den haag ", "optional": "súdwest-fryslân"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"place": municipality("'s-Gravenhage"), "optional": municipality("Súdwest-Fryslân")}


def test_the_names_people_use_clean_to_the_municipality_but_a_shared_name_does_not():
    form = PlaceForm({"place": "Ljouwert", "optional": "Den Bosch"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"place": municipality("Leeuwarden"), "optional": municipality("'s-Hertogenbosch")}
    shared = PlaceForm({"place": "Bergen"})  # Bergen (L.) or Bergen (NH.): the person picks from the list
    assert not shared.is_valid() and shared.errors["place"] == ["Onbekende gemeente."]


def test_empty_optional_field_is_none_and_empty_required_field_is_an_error():
    form = PlaceForm({"place": "", "optional": ""})
    assert not form.is_valid()
    assert "place" in form.errors and "optional" not in form.errors
    assert form.cleaned_data["optional"] is None


def test_unknown_name_gives_the_fields_message_and_keeps_what_was_typed():
    form = PlaceForm({"place": "Atlantis"})
    assert not form.is_valid()
    assert form.errors["place"] == ["Onbekende gemeente."]
    assert form["place"].value() == "Atlantis"


def test_overlong_text_is_refused_before_any_lookup():
    form = PlaceForm({"place": "x" * 500})
    assert not form.is_valid()
    assert "80" in form.errors["place"][0]


def test_initial_municipality_or_its_primary_key_shows_the_name():
    zwolle = municipality("Zwolle")
    assert PlaceForm(initial={"place": zwolle})["place"].value() == "Zwolle"
    assert PlaceForm(initial={"place": zwolle.pk})["place"].value() == "Zwolle"
    assert 'list="id_place-lijst"' in str(PlaceForm()["place"])
    assert 'autocomplete="off"' in str(PlaceForm()["place"])
