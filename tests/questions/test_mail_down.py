"""Mail server down: asking a question still shows the thank-you page, stores the question once and mails later."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from knowledge.models import Question
from tests.background import MAIL_UP, queued, run_queued_tasks
from tests.questions.test_questions import ASK, ask_data

pytestmark = pytest.mark.django_db


def test_ask_with_mail_down(client, settings, task_queue, mail_down):
    cache.clear()  # rate limit
    settings.STAFF_NOTIFICATION_EMAILS = ["redactie@example.org"]
    response = client.post(ASK, ask_data(theme="mobiliteit"), follow=True)
    assert response.status_code == 200
    assert response.redirect_chain == [(reverse("questions:thanks"), 302)]
    assert "Dank je, je vraag is verstuurd" in response.content.decode()
    question = Question.objects.get()
    assert len(queued("deliver")) == 2  # the asker's receipt and the staff's notice

    run_queued_tasks()
    assert mail.outbox == []
    settings.MAILERS = MAIL_UP
    run_queued_tasks(after=timedelta(minutes=1))
    assert sorted(m.to[0] for m in mail.outbox) == ["anna@example.org", "redactie@example.org"]
    receipt = next(m for m in mail.outbox if m.to == ["anna@example.org"])
    assert receipt.subject == "[We Doen Het Samen] We hebben je vraag ontvangen"
    assert question.text in receipt.body
    assert Question.objects.count() == 1
