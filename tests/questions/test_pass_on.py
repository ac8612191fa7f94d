"""An editor passes a question on to another partner or back to the editorial team, with a note (issue #14)."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import TestCase
from django.urls import reverse

from knowledge.models import Question, QuestionTransfer
from knowledge.questions import services
from tests.factories import MembershipFactory, OrganisationFactory, QuestionFactory

pytestmark = pytest.mark.django_db

NOTE = "Dit gaat over een lening voor zonnepanelen; daar weten jullie meer van."


@pytest.fixture
def ours():
    return OrganisationFactory(name="Buurtkracht", slug="buurtkracht")


@pytest.fixture
def theirs():
    return OrganisationFactory(name="Energie Samen", slug="energie-samen")


@pytest.fixture
def editor(ours):
    user = MembershipFactory(organisation=ours).user
    user.display_name = "Karim Bouzid"
    user.save(update_fields=["display_name"])
    return user


@pytest.fixture
def their_editor(theirs):
    return MembershipFactory(organisation=theirs).user


@pytest.fixture
def question(ours):
    return QuestionFactory(organisation=ours, name="Anna de Vries", email="anna@example.org")


def _pass_on(client, question, **data):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(reverse("questions:inbox_pass_on", args=[question.pk]), data)


def test_editor_passes_question_to_another_partner(client, editor, their_editor, question, theirs, ours, settings):
    settings.SITE_URL = "https://wdhs.example"
    client.force_login(editor)
    page = client.get(reverse("questions:inbox_detail", args=[question.pk])).content.decode()
    assert "Vraag doorsturen" in page and "Mail de redactie" not in page
    assert '<option value="energie-samen"' in page
    assert '<option value="buurtkracht"' not in page  # not to itself

    response = _pass_on(client, question, target="energie-samen", note=NOTE)
    assert response.status_code == 302 and response["Location"] == reverse("questions:inbox")
    question.refresh_from_db()
    assert question.organisation == theirs and question.routing == Question.Routing.PASSED_ON
    assert question.routing_reason.startswith("Doorgestuurd door Buurtkracht")
    transfer = QuestionTransfer.objects.get()
    assert (transfer.from_organisation, transfer.to_organisation, transfer.by, transfer.note) == (
        ours,
        theirs,
        editor,
        NOTE,
    )

    by_recipient = {tuple(m.to): m for m in mail.outbox}
    assert set(by_recipient) == {(their_editor.email,), ("anna@example.org",)}
    partner_mail = by_recipient[(their_editor.email,)]
    assert NOTE in partner_mail.body
    assert "https://wdhs.example" + reverse("questions:inbox_detail", args=[question.pk]) in partner_mail.body
    asker_mail = by_recipient[("anna@example.org",)]
    assert asker_mail.subject == "[We Doen Het Samen] Een ander beantwoordt je vraag"
    assert "doorgestuurd naar Energie Samen" in asker_mail.body and "Hallo Anna de Vries" in asker_mail.body
    assert NOTE not in asker_mail.body and editor.email not in asker_mail.body  # the note is for the answerers

    # The question left our inbox; the other partner sees it with where it came from and why.
    assert client.get(reverse("questions:inbox_detail", args=[question.pk])).status_code == 404
    client.force_login(their_editor)
    page = client.get(reverse("questions:inbox_detail", args=[question.pk])).content.decode()
    assert "van Buurtkracht naar <strong>Energie Samen</strong> door Karim Bouzid" in page and NOTE in page


def test_editor_passes_question_back_to_staff(client, editor, question, settings):
    settings.STAFF_NOTIFICATION_EMAILS = ["redactie@example.org"]
    client.force_login(editor)
    response = _pass_on(client, question, target="coalitie-redactie", note="Dit is geen vraag voor ons.")
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.organisation is None
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == ["anna@example.org", "redactie@example.org"]
    asker = next(m for m in mail.outbox if m.to == ["anna@example.org"])
    assert "de redactie van We Doen Het Samen" in asker.body


def test_staff_passes_from_the_staff_inbox_and_sees_the_question_after(client, staff, their_editor, theirs):
    question = QuestionFactory(organisation=None)
    client.force_login(staff)
    page = client.get(reverse("questions:inbox_detail", args=[question.pk])).content.decode()
    assert 'value="coalitie-redactie"' not in page  # it is there already
    response = _pass_on(client, question, target="energie-samen", note="Jullie werken hier in de regio.")
    assert response["Location"] == reverse("questions:inbox_detail", args=[question.pk])
    question.refresh_from_db()
    assert question.organisation == theirs


def test_outsider_cannot_pass_on(client, their_editor, question, ours):
    client.force_login(their_editor)
    response = _pass_on(client, question, target="coalitie-redactie", note=NOTE)
    assert response.status_code == 404
    question.refresh_from_db()
    assert question.organisation == ours and not QuestionTransfer.objects.exists() and mail.outbox == []


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"target": "energie-samen", "note": ""}, "Schrijf kort waarom de vraag daar beter past."),
        ({"target": "energie-samen", "note": "   "}, "Schrijf kort waarom de vraag daar beter past."),
        ({"target": "", "note": NOTE}, "Kies naar wie je de vraag stuurt."),
        ({"target": "bestaat-niet", "note": NOTE}, "Kies een organisatie uit de lijst"),
        ({"target": "buurtkracht", "note": NOTE}, "Kies een organisatie uit de lijst"),  # to itself
        ({"target": "<script>", "note": NOTE}, "Kies een organisatie uit de lijst"),
        ({"target": "x" * 100_000, "note": NOTE}, "Kies een organisatie uit de lijst"),
        ({"target": "energie-samen", "note": "x" * 501}, "Je toelichting is te lang"),
        ({"target": "energie-samen", "note": "x" * 100_000}, "Je toelichting is te lang"),
        ({"target": "energie-samen", "note": "nul\x00teken"}, ""),
    ],
)
def test_bad_input_is_a_dutch_400_and_nothing_changes(client, editor, their_editor, question, ours, data, message):
    client.force_login(editor)
    response = _pass_on(client, question, **data)
    assert response.status_code == 400
    assert message in response.content.decode()
    question.refresh_from_db()
    assert question.organisation == ours and not QuestionTransfer.objects.exists() and mail.outbox == []


def test_hostile_note_is_escaped_on_the_page(client, editor, their_editor, question):
    client.force_login(editor)
    _pass_on(client, question, target="energie-samen", note='<img src=x onerror="alert(1)">')
    client.force_login(their_editor)
    page = client.get(reverse("questions:inbox_detail", args=[question.pk])).content.decode()
    assert "<img src=x" not in page and "&lt;img src=x" in page


def test_answered_question_cannot_be_passed_on(client, editor, their_editor, question, ours):
    services.question_answer(question=question, answer="Zo doe je dat: begin bij de notaris.", by=editor)
    mail.outbox.clear()
    client.force_login(editor)
    response = _pass_on(client, question, target="energie-samen", note=NOTE)
    assert response.status_code == 409 and "al beantwoord" in response.content.decode()
    question.refresh_from_db()
    assert question.organisation == ours and not QuestionTransfer.objects.exists() and mail.outbox == []


def test_answered_meanwhile_is_a_409_with_message(editor, their_editor, question, theirs):
    """The service reads the question again under a row lock: a late pass-on changes nothing."""
    stale = Question.objects.get(pk=question.pk)
    services.question_answer(question=question, answer="Zo doe je dat: begin bij de notaris.", by=editor)
    with pytest.raises(services.CannotPassOn):
        services.question_pass_on(question=stale, to=theirs, by=editor, note=NOTE)
    assert not QuestionTransfer.objects.exists()


def test_mail_failure_rolls_back_the_transfer(editor, their_editor, question, ours, theirs, monkeypatch):
    """One transaction: when queueing a mail fails, the question stays where it was and no transfer is logged."""

    def broken(*args, **kwargs):
        raise RuntimeError("template kapot")

    monkeypatch.setattr(services.emails, "send", broken)
    with pytest.raises(RuntimeError):
        services.question_pass_on(question=question, to=theirs, by=editor, note=NOTE)
    question.refresh_from_db()
    assert question.organisation == ours and not QuestionTransfer.objects.exists()
