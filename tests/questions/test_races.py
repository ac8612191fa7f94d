"""Two editors answer the same question at the same moment (two threads, each with its own connection)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from knowledge.models import Question, Resource
from knowledge.questions import services
from knowledge.questions.forms import AnswerForm
from tests.concurrency import at_once, meet_after_first_call
from tests.factories import MembershipFactory, OrganisationFactory, QuestionFactory, UserFactory
from wdhs.models import User

pytestmark = pytest.mark.django_db(transaction=True)


def answer_as(editor: User, question: Question, answer: str) -> Callable[[], Any]:
    def post() -> Any:
        client = Client(raise_request_exception=False)
        client.force_login(editor)
        return client.post(question.get_inbox_url(), {"answer": answer})

    return post


def test_two_editors_at_the_same_moment_send_one_answer():
    organisation = OrganisationFactory(name="Zorgpartner")
    anna = MembershipFactory(organisation=organisation, user=UserFactory(display_name="Anna Jansen")).user
    bram = MembershipFactory(organisation=organisation, user=UserFactory(display_name="Bram de Wit")).user
    question = QuestionFactory(organisation=organisation, email="vraagsteller@example.org")
    answers = {
        anna.pk: "Begin met een vaste rijder per dag en vraag de gemeente om een vergoeding.",
        bram.pk: "Kijk eerst bij de vrijwilligerscentrale in je gemeente, die kent de regels.",
    }
    with pytest.MonkeyPatch.context() as monkeypatch:
        # Both editors have opened the question (still open) before either answer is stored.
        meet_after_first_call(monkeypatch, AnswerForm, "is_valid")
        responses = at_once(answer_as(anna, question, answers[anna.pk]), answer_as(bram, question, answers[bram.pk]))
    assert sorted(r.status_code for r in responses) == [302, 409]
    question.refresh_from_db()
    assert question.answered_by is not None
    assert question.answer == answers[question.answered_by.pk]
    to_asker = [m for m in mail.outbox if m.to == ["vraagsteller@example.org"]]
    assert len(to_asker) == 1
    assert to_asker[0].body.count(question.answer) == 1
    late = next(r for r in responses if r.status_code == 409).content.decode()
    assert f"Deze vraag is net beantwoord door {question.answerer_name}." in late


def test_two_staff_members_publishing_the_same_question_make_one_faq():
    staff = UserFactory(is_staff=True, is_superuser=True)
    organisation = OrganisationFactory(name="Zorgpartner")
    question = QuestionFactory(
        organisation=organisation,
        consent_publish=True,
        answer="Begin met een vaste rijder per dag en vraag de gemeente om een vergoeding.",
        answered_at=timezone.now(),
    )
    # Each admin request read the question before either made the FAQ (as the admin action's queryset does).
    copies = [Question.objects.get(pk=question.pk) for _ in range(2)]

    def publish(copy: Question) -> Callable[[], Any]:
        def call() -> Any:
            try:
                return services.question_publish_faq(question=copy, by=staff)
            except ValueError as error:
                return error

        return call

    results = at_once(*(publish(copy) for copy in copies))
    assert Resource.objects.count() == 1
    refused = [r for r in results if isinstance(r, ValueError)]
    assert [str(r) for r in refused] == ["Van deze vraag is al een veelgestelde vraag gemaakt."]
