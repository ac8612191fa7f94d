"""After every public form: one confirmation panel with a reference, what happens next, a copy and where to go on.

The panel is the sender's own: it lives in their session, is shown once, and no URL leads to it.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from initiatives.models import Initiative, ProblemReport
from knowledge.models import Question
from tests.factories import InitiativeFactory
from tests.initiatives.test_register import valid_data
from tests.questions.test_questions import ask_data
from wdhs.confirmation import SESSION_KEY, reference

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]


def panel_once(client: Client, response, *must: str) -> str:
    """The page after the redirect shows the panel with `must`; a reload and another visitor do not."""
    assert response.status_code == 302
    body = client.get(response["Location"]).content.decode()
    assert 'class="utrecht-alert utrecht-alert--ok wdhs-confirmation"' in body
    assert "Wat gebeurt er nu?" in body and "Bekijk wat je hebt verstuurd" in body and "Verder kijken" in body
    for text in must:
        assert text in body, text
    again = client.get(response["Location"]).content.decode()
    assert "wdhs-confirmation" not in again
    assert "wdhs-confirmation" not in Client().get(response["Location"]).content.decode()
    return body


def test_a_question(client, settings):
    response = client.post(reverse("questions:ask"), ask_data(text="Hoe regelen we <b>vervoer</b> voor ouderen?"))
    question = Question.objects.get()
    panel_once(
        client,
        response,
        "Je vraag is verstuurd",
        reference("VR", question.pk),
        "binnen 5 werkdagen",
        "anna@example.org",
        "Hoe regelen we &lt;b&gt;vervoer&lt;/b&gt; voor ouderen?",  # the copy is escaped
    )


def test_a_problem_report(client):
    initiative = InitiativeFactory()
    url = reverse("initiatives:report", args=[initiative.slug])
    response = client.post(url, {"reason": "onjuist", "message": "Het adres is verhuisd."})
    report = ProblemReport.objects.get()
    panel_once(client, response, "Dank je wel voor je melding", reference("ML", report.pk), "Het adres is verhuisd.")


def test_a_contact_message(client):
    initiative = InitiativeFactory(name="Repair Café Noord")
    url = reverse("initiatives:contact", args=[initiative.slug])
    data = {"name": "Ans", "email": "ans@example.org", "message": "Mag ik meedoen?"}
    body = panel_once(client, client.post(url, data), "Je bericht is verstuurd", "BR-", "Mag ik meedoen?")
    assert "Repair Café Noord" in body


def test_a_registration(client, user):
    client.force_login(user)
    response = client.post(reverse("initiatives:register"), valid_data())
    initiative = Initiative.objects.get()
    panel_once(
        client,
        response,
        "Dank je wel voor je aanmelding",
        reference("IN", initiative.pk),
        "De redactie bekijkt je aanmelding binnen 5 werkdagen",
        initiative.name,
    )


def test_a_form_with_errors_leaves_no_panel(client):
    response = client.post(reverse("questions:ask"), ask_data(email="geen-adres"))
    assert response.status_code == 400
    assert SESSION_KEY not in client.session
    assert "wdhs-confirmation" not in client.get(reverse("questions:thanks")).content.decode()


def test_a_broken_panel_in_the_session_shows_nothing(client):
    session = client.session
    session[SESSION_KEY] = {"title": "x"}  # missing keys
    session.save()
    response = client.get(reverse("questions:thanks"))
    assert response.status_code == 200 and "wdhs-confirmation" not in response.content.decode()


def test_references_are_short_and_carry_a_check_letter():
    assert reference("VR", 123).startswith("VR-00123-")
    assert reference("VR", 123) != reference("VR", 124)
    assert len(reference("RE", 10_000_000)) <= 14
