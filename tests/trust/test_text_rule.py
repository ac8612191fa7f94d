"""The one rule for text (wdhs.text): no control character breaks a page, whatever sent or stored it."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache

from goals.models import Update
from knowledge.models import Question, Resource
from tests.factories import InitiativeFactory, ResourceFactory, UpdateFactory
from wdhs.text import (
    CONTROL_MESSAGE,
    has_control_characters,
    has_control_characters_for_a_link,
    strip_control_characters,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_rate_limit():
    cache.clear()
    yield
    cache.clear()


def test_the_rule():
    assert has_control_characters("a\x00b")
    assert has_control_characters("a\x0bb")
    assert has_control_characters("a\tb")
    assert has_control_characters_for_a_link("a\tb")  # in a link, even tab and line breaks count
    assert not has_control_characters_for_a_link("null \ue000 \x7f \x85")  # the search strips these itself
    assert not has_control_characters("a\tb\r\nc", line_breaks=True)
    assert has_control_characters("a\x7fb\x85", line_breaks=True)
    assert has_control_characters("\ufffe", line_breaks=True)
    assert not has_control_characters("Súdwest-Fryslân e\u0301 ’s-Gravenhage 🌱")
    assert strip_control_characters("A\x00\x0b\x1fB\tC\nD\r\x7f\x9f\uffff") == "AB\tC\nD\r"


# --- the feeds: old rows with control characters (written before the rule) still give valid XML ---


@pytest.mark.parametrize("url", ["/kennis/feed/", "/kennis/feed/rss/"])
def test_knowledge_feeds_survive_control_characters_in_old_rows(client, url):
    resource = ResourceFactory()
    # .update() skips the save path, as rows from before the rule did.
    Resource.objects.filter(pk=resource.pk).update(title="Hallo\x0bwereld\x01", summary="Een\x1f samenvatting\x0c")
    response = client.get(url)
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - our own feed; it must be valid XML, or this raises
    text = ET.tostring(root, encoding="unicode")
    assert "Hallowereld" in text
    assert "Een samenvatting" in text


def test_goal_feeds_survive_control_characters_in_old_rows(client):
    update = UpdateFactory()
    Update.objects.filter(pk=update.pk).update(title="Voortgang\x0b", body="Tekst\x1b[31m")
    for url in ("/doelen/updates/feed/", f"/doelen/{update.goal.number}/updates/feed/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Voortgang" in ET.tostring(ET.fromstring(response.content), encoding="unicode")  # noqa: S314


# --- the save path: whatever writes a row (admin, editor, service, command) ---


def test_saving_a_row_strips_control_characters_but_keeps_line_breaks():
    resource = ResourceFactory(title="Titel\x0bmet\x00tekens", body="Regel een\r\nRegel\ttwee\x1f")
    resource.refresh_from_db()
    assert resource.title == "Titelmettekens"
    assert resource.body == "Regel een\r\nRegel\ttwee"


def test_admin_save_strips_control_characters(client, staff):
    resource = ResourceFactory()
    client.force_login(staff)
    url = f"/beheer/knowledge/resource/{resource.pk}/change/"
    form = client.get(url).context["adminform"].form
    # What the browser sends back unchanged: every field's shown value, and one title with control characters.
    data = {name: form[name].value() for name in form.fields}
    data = {name: value for name, value in data.items() if value not in (None, False)}
    data.update(themes=[t.pk for t in resource.themes.all()], phases=[p.pk for p in resource.phases.all()])
    data["title"] = "Beheertitel\x0bmet\x1ftekens"
    assert resource.published_at is not None
    data["published_at_0"], data["published_at_1"] = resource.published_at.strftime("%d-%m-%Y %H:%M:%S").split()
    data["last_reviewed_at_0"], data["last_reviewed_at_1"] = data["published_at_0"], data["published_at_1"]
    for formset in client.get(url).context["inline_admin_formsets"]:
        management = formset.formset.management_form
        data.update({f"{management.prefix}-{name}": management[name].value() for name in management.fields})
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    resource.refresh_from_db()
    assert resource.title == "Beheertitelmettekens"


# --- the request: query parameters and form values ---


@pytest.mark.parametrize(
    "url",
    [
        "/organisaties/?provincie=a%00b",
        "/initiatieven/?provincie=a%00b",
        "/initiatieven/kaart/?provincie=%00",  # was a 500: the map looked the slug up as it came
        "/kennis/?q=%00",
        "/kennis/?thema=zorg%0B",
        "/zoeken/?q=buurthuis%1F",
        "/financiering/?gemeente=Zwolle%09",
        "/kennis/?%00=1",
        "/kennis/%00/",
    ],
)
def test_control_characters_in_a_link_give_a_dutch_400(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert CONTROL_MESSAGE in response.content.decode()


def test_nul_in_the_initiative_of_the_finder_is_a_400_not_a_500(client, user):
    InitiativeFactory()
    client.force_login(user)
    client.raise_request_exception = False
    response = client.get("/financiering/?initiatief=a%00b")
    assert response.status_code == 400
    assert CONTROL_MESSAGE in response.content.decode()


def ask_data(**overrides: str) -> dict[str, str]:
    return {
        "name": "Anna de Vries",
        "email": "anna@example.org",
        "municipality": "Utrecht",
        "theme": "",
        "text": "Hoe regelen we vervoer voor ouderen in ons dorp? We zijn met vijf vrijwilligers.",
        "consent_store": "on",
        **overrides,
    }


def test_a_pasted_vertical_tab_in_a_form_is_taken_out_and_the_form_works(client):
    text = "Hoe regelen we vervoer\x0bvoor ouderen?\r\nWe zijn met\tvijf vrijwilligers.\x0c"
    response = client.post("/vraag/", ask_data(text=text, name="Anna\x1fde Vries"))
    assert response.status_code == 302
    question = Question.objects.get()
    assert question.text == "Hoe regelen we vervoervoor ouderen?\r\nWe zijn met\tvijf vrijwilligers."
    assert question.name == "Annade Vries"


@pytest.mark.parametrize(
    "overrides", [{"text": "Een vraag met een NUL\x00 teken erin, lang genoeg."}, {"name\x00": "x"}]
)
def test_nul_in_a_form_gives_a_dutch_400_and_saves_nothing(client, overrides):
    response = client.post("/vraag/", ask_data(**overrides))
    assert response.status_code == 400
    assert CONTROL_MESSAGE in response.content.decode()
    assert not Question.objects.exists()
