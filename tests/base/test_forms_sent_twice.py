"""Every form residents use to make something is handled once, also when it is sent twice (wdhs.forms.once).

A double click or the browser's "opnieuw verzenden" sends the same rendered form again: the same key. The
concurrent tests send it from two threads at the same moment, each with its own database connection.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from initiatives.models import Initiative, Invitation, ProblemReport
from knowledge.models import Question, Resource
from tests.background import committed
from tests.concurrency import at_once, meet_after_first_call
from tests.factories import InitiativeFactory, MembershipFactory, OrganisationFactory, UserFactory
from tests.initiatives.test_register import valid_data
from tests.knowledge.test_editor import form_data
from tests.questions.test_questions import ask_data
from wdhs.forms import once, public
from wdhs.forms.once import ALREADY_SENT
from wdhs.models import FormSubmission, User

pytestmark = pytest.mark.usefixtures("empty_cache")


def form_key(client: Client, url: str) -> str:
    match = re.search(r'name="form_key" value="([^"]+)"', client.get(url).content.decode())
    return match.group(1) if match else ""  # before wdhs.forms.once there was none


def post(client: Client, url: str, data: dict[str, Any]) -> Callable[[], Any]:
    return lambda: client.post(url, data, follow=False)


def client_for(user: User | None = None) -> Client:
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.django_db(transaction=True)
def test_a_question_sent_twice_at_the_same_moment_is_stored_and_confirmed_once(monkeypatch):
    browser = client_for()
    data = {**ask_data(), "form_key": form_key(browser, reverse("questions:ask"))}
    # Both requests have looked for an earlier sending (none yet) before either is stored.
    meet_after_first_call(monkeypatch, public, "sent_before")
    # A double click: the same form from the same browser twice, each request on its own connection.
    responses = at_once(
        post(browser, reverse("questions:ask"), data), post(client_for(), reverse("questions:ask"), data)
    )
    assert [r.status_code for r in responses] == [302, 302]
    assert {r["Location"] for r in responses} == {reverse("questions:thanks")}
    assert Question.objects.count() == 1
    assert [m.to for m in mail.outbox if "ontvangen" in m.subject] == [["anna@example.org"]]


@pytest.mark.django_db(transaction=True)
def test_a_registration_sent_twice_at_the_same_moment_makes_one_initiative(monkeypatch):
    user = UserFactory()
    first, second = client_for(user), client_for(user)
    data = {**valid_data(), "form_key": form_key(first, reverse("initiatives:register"))}
    # Both requests have read their key before either claims it.
    meet_after_first_call(monkeypatch, once.SubmitOnceMixin, "posted_key")
    responses = at_once(
        post(first, reverse("initiatives:register"), data), post(second, reverse("initiatives:register"), data)
    )
    initiative = Initiative.objects.get()
    assert [r.status_code for r in responses] == [302, 302]
    assert {r["Location"] for r in responses} == {initiative.get_manage_url()}


@pytest.mark.django_db
def test_the_question_form_sent_again_shows_the_thanks_page_and_says_so(client):
    data = {**ask_data(), "form_key": form_key(client, reverse("questions:ask"))}
    with committed():
        client.post(reverse("questions:ask"), data)
        again = client.post(reverse("questions:ask"), data, follow=True)
    assert again.redirect_chain == [(reverse("questions:thanks"), 302)]
    assert ALREADY_SENT in again.content.decode()
    assert Question.objects.count() == 1
    assert len([m for m in mail.outbox if "ontvangen" in m.subject]) == 1
    # A new visit to the page is a new form: a second question is welcome.
    other = {**ask_data(text="En hoe vinden we vrijwilligers voor de rit op zaterdag?")}
    other["form_key"] = form_key(client, reverse("questions:ask"))
    client.post(reverse("questions:ask"), other)
    assert Question.objects.count() == 2


@pytest.mark.django_db
def test_a_problem_report_sent_again_is_stored_once(client):
    initiative = InitiativeFactory()
    url = reverse("initiatives:report", args=[initiative.slug])
    data = {"reason": "onjuist", "message": "Het adres is verhuisd.", "form_key": form_key(client, url)}
    with committed():
        responses = [client.post(url, data), client.post(url, data)]
    assert [r["Location"] for r in responses] == [initiative.get_absolute_url()] * 2
    assert ProblemReport.objects.count() == 1
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_contact_message_sent_again_is_mailed_once(client):
    initiative = InitiativeFactory()
    url = reverse("initiatives:contact", args=[initiative.slug])
    data = {"name": "Ans", "email": "ans@example.org", "message": "Mag ik meedoen?", "form_key": form_key(client, url)}
    with committed():
        responses = [client.post(url, data), client.post(url, data)]
    assert [r.status_code for r in responses] == [302, 302]
    assert len(mail.outbox) == 1
    assert FormSubmission.objects.get().form == "initiatives-contact"


@pytest.mark.django_db
def test_a_registration_sent_again_goes_to_the_page_made_the_first_time(client):
    user = UserFactory()
    client.force_login(user)
    data = {**valid_data(), "form_key": form_key(client, reverse("initiatives:register"))}
    first = client.post(reverse("initiatives:register"), data)
    again = client.post(reverse("initiatives:register"), data)
    initiative = Initiative.objects.get()
    assert first["Location"] == again["Location"] == initiative.get_manage_url()


@pytest.mark.django_db
def test_an_invitation_sent_again_is_sent_once_and_its_link_keeps_working(client):
    owner = UserFactory()
    initiative = InitiativeFactory(managers=[owner])
    client.force_login(owner)
    data = {"email": "nieuw@example.org", "form_key": form_key(client, initiative.get_manage_url())}
    url = reverse("initiatives:invite", args=[initiative.slug])
    with committed():
        responses = [client.post(url, data), client.post(url, data, follow=True)]
    assert responses[0]["Location"] == initiative.get_manage_url()
    assert ALREADY_SENT in responses[1].content.decode()
    invitation = Invitation.objects.get()
    assert invitation.is_usable  # a second invitation would have revoked the one in the first mail
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_new_knowledge_item_sent_again_makes_one_draft(client):
    organisation = OrganisationFactory(name="Partner A", slug="partner-a")
    client.force_login(MembershipFactory(organisation=organisation).user)
    url = reverse("knowledge:editor_resource_create")
    data = {**form_data(organisation), "form_key": form_key(client, url)}
    first, again = client.post(url, data), client.post(url, data)
    resource = Resource.objects.get()
    assert first["Location"] == again["Location"] == reverse("knowledge:editor_resource_edit", args=[resource.slug])
