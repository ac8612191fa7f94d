"""Mail server down: register, report and contact show the normal confirmation, store once, mail later."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse

from initiatives.models import Initiative, ProblemReport
from tests.background import MAIL_UP, queued, run_queued_tasks
from tests.factories import InitiativeFactory, UserFactory
from tests.initiatives.test_register import valid_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner():
    return UserFactory(email="beheer@example.org")


@pytest.fixture
def initiative(owner):
    return InitiativeFactory(managers=[owner], name="Buurtmoestuin De Wortel")


def mail_comes_back(settings) -> list[mail.EmailMessage]:  # noqa: ANN001
    """The worker tries while the server is still down, then a minute later, when it is back."""
    run_queued_tasks()
    assert mail.outbox == []
    settings.MAILERS = MAIL_UP
    run_queued_tasks(after=timedelta(minutes=1))
    assert queued("deliver") == []
    return mail.outbox


def test_register_with_mail_down(client, user, settings, task_queue, mail_down):
    settings.STAFF_NOTIFICATION_EMAILS = ["redactie@example.org"]
    client.force_login(user)
    response = client.post(reverse("initiatives:register"), valid_data(), follow=True)
    assert response.status_code == 200
    assert "De redactie bekijkt je aanmelding binnen 5 werkdagen" in response.content.decode()
    initiative = Initiative.objects.get()
    assert initiative.memberships.get().user == user
    [message] = mail_comes_back(settings)
    assert message.to == ["redactie@example.org"]
    assert initiative.name in message.subject


def test_problem_report_with_mail_down(client, initiative, settings, task_queue, mail_down):
    settings.STAFF_NOTIFICATION_EMAILS = ["redactie@example.org"]
    url = reverse("initiatives:report", args=[initiative.slug])
    response = client.post(url, {"reason": "onjuist", "message": "Het adres klopt niet meer."}, follow=True)
    assert response.status_code == 200
    assert "Dank je wel voor je melding" in response.content.decode()
    report = ProblemReport.objects.get()
    [message] = mail_comes_back(settings)
    assert message.to == ["redactie@example.org"]
    assert report.message in message.body


def test_contact_with_mail_down(client, initiative, owner, settings, task_queue, mail_down):
    url = reverse("initiatives:contact", args=[initiative.slug])
    data = {"name": "Ans", "email": "ans@example.org", "message": "Mag ik meedoen met zaaien?"}
    response = client.post(url, data, follow=True)
    assert response.status_code == 200
    assert "Je bericht is verstuurd" in response.content.decode()
    assert len(queued("deliver")) == 1  # the message itself waits in the queue, once
    [message] = mail_comes_back(settings)
    assert message.to == [owner.email]
    assert message.reply_to == ["ans@example.org"]
    assert "Mag ik meedoen met zaaien?" in message.body
