from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from initiatives.models import Initiative, Membership, Status
from tests.background import committed
from tests.factories import InitiativeFactory, UserFactory, municipality, term

pytestmark = pytest.mark.django_db


def valid_data(**overrides: object) -> dict[str, object]:
    data = {
        "name": "Repair Café De Schroef",
        "kind": term("initiative_kind", "bewonersinitiatief").pk,
        "legal_form": term("legal_form", "informele-groep-zonder-penvoerder").pk,
        "kvk_number": "",
        "municipality": "Zwolle",
        "area": "Assendorp",
        "themes": [term("theme", "groen-en-leefomgeving").pk, term("theme", "ontmoeting-en-cultuur").pk],
        "phase": term("phase", "starten").pk,
        "founded_year": "2021",
        "active_people": "6-15",
        "description": "Elke maand repareren we **samen** spullen.",
        "website": "https://schroef.example.org",
        "social_links": "https://social.example.org/schroef",
        "public_email": "",
        "needs": [term("need", "vrijwilligers").pk],
    }
    data.update(overrides)
    return data


def test_register_requires_login(client):
    response = client.get(reverse("initiatives:register"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_register_happy_path(client, user):
    client.force_login(user)
    assert client.get(reverse("initiatives:register")).status_code == 200
    with committed():
        response = client.post(reverse("initiatives:register"), valid_data())
    initiative = Initiative.objects.get(name="Repair Café De Schroef")
    assert response.status_code == 302
    assert response["Location"] == initiative.get_manage_url()
    assert initiative.status == Status.SUBMITTED
    assert initiative.municipality == municipality("Zwolle")
    assert set(initiative.themes.values_list("slug", flat=True)) == {"groen-en-leefomgeving", "ontmoeting-en-cultuur"}
    assert Membership.objects.filter(initiative=initiative, user=user).exists()
    assert len(mail.outbox) == 1  # the editors hear about it
    # not public yet
    assert client.get(initiative.get_absolute_url()).status_code == 404


def test_municipality_by_spoken_name(client, user):
    client.force_login(user)
    client.post(reverse("initiatives:register"), valid_data(municipality="den haag"))
    assert Initiative.objects.get().municipality.name == "'s-Gravenhage"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("kvk_number", "1234", "8 cijfers"),
        ("kvk_number", "abcdefgh", "8 cijfers"),
        ("website", "http://onveilig.example.org", "https://"),
        ("social_links", "http://onveilig.example.org", "https://"),
        ("social_links", "https://geen link", "geen geldige link"),
        ("municipality", "Atlantis", "Deze gemeente kennen we niet"),
        ("description", "x" * 10000, "5000"),
        ("description", "<script>alert(1)</script>", "HTML"),
        ("name", "<b>Vet</b>", "HTML"),
        ("area", "<img src=x onerror=alert(1)>", "HTML"),
        ("name", "", "verplicht"),
        ("name", "Twee\nregels", "zonder regeleinden"),
        ("area", "Wijk\r\nBcc: iedereen@example.org", "zonder regeleinden"),
        ("founded_year", "1200", "tussen 1800"),
        ("founded_year", "twintig", "geheel getal"),
        ("kind", "999999", "geldige keuze"),
        ("themes", [], "verplicht"),
        ("active_people", "1000000", "geldige keuze"),
        ("public_email", "geen-adres", "e-mailadres"),
    ],
)
def test_register_bad_input(client, user, field, value, message):
    client.force_login(user)
    response = client.post(reverse("initiatives:register"), valid_data(**{field: value}))
    assert response.status_code == 400
    body = response.content.decode()
    assert message in body, body[body.find("foutmeldingen") : body.find("foutmeldingen") + 800]
    assert 'value="Assendorp"' in body or field == "area"  # what was typed stays
    assert not Initiative.objects.exists()


def test_kvk_with_spaces_is_cleaned(client, user):
    client.force_login(user)
    client.post(reverse("initiatives:register"), valid_data(kvk_number="1234 5678"))
    assert Initiative.objects.get().kvk_number == "12345678"


def test_duplicate_check_asks_for_confirmation(client, user):
    InitiativeFactory(name="Repair Cafe De Schroef", municipality=municipality("Zwolle"))
    client.force_login(user)
    response = client.post(reverse("initiatives:register"), valid_data())
    assert response.status_code == 400
    body = response.content.decode()
    assert "Staat jullie initiatief er al in?" in body
    assert "Repair Cafe De Schroef" in body
    assert Initiative.objects.count() == 1
    response = client.post(reverse("initiatives:register"), valid_data(not_duplicate="on"))
    assert response.status_code == 302
    assert Initiative.objects.count() == 2


def test_duplicate_check_ignores_other_municipalities(client, user):
    InitiativeFactory(name="Repair Café De Schroef", municipality=municipality("Utrecht"))
    client.force_login(user)
    assert client.post(reverse("initiatives:register"), valid_data()).status_code == 302


def test_duplicate_check_hides_names_of_pending_initiatives(client, user):
    InitiativeFactory(
        name="Repair Café De Schroef", municipality=municipality("Zwolle"), status=Status.SUBMITTED, published_at=None
    )
    other = UserFactory()
    client.force_login(other)
    body = client.post(reverse("initiatives:register"), valid_data()).content.decode()
    assert "nog controleren" in body


def test_municipality_type_ahead_works_without_javascript(client, user):
    client.force_login(user)
    body = client.get(reverse("initiatives:register")).content.decode()
    assert 'list="id_municipality-lijst"' in body
    assert '<datalist id="id_municipality-lijst">' in body
    assert '<option value="Súdwest-Fryslân">' in body
    assert "<script" not in body.split("<main", 1)[1]
