"""The one mail path (wdhs.emails): templates, after the commit, retried by the task worker when the server is down."""

from __future__ import annotations

import logging
from datetime import timedelta
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.tasks import TaskResultStatus
from django.template import TemplateDoesNotExist
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.background import DATABASE_QUEUE, MAIL_DOWN, MAIL_UP, committed, queued, run_queued_tasks
from tests.factories import InitiativeFactory
from wdhs import emails

pytestmark = pytest.mark.django_db


def send_contact(**overrides: object) -> None:
    context = {
        "initiative": InitiativeFactory(name="Koken & Eten <samen>"),
        "name": "Ans",
        "email": "ans@example.org",
        "message": "Mag ik meedoen? Ik ben 'goed' in koken & bakken.",
    }
    context.update(overrides)
    emails.send("initiative-contact", to=["beheer@example.org"], context=context, reply_to="ans@example.org")


def test_message_comes_from_its_templates_with_prefix_reply_to_and_no_html_escaping():
    with committed():
        send_contact()
    [message] = mail.outbox
    assert message.subject == "[We Doen Het Samen] Bericht over Koken & Eten <samen>"
    assert message.to == ["beheer@example.org"]
    assert message.reply_to == ["ans@example.org"]
    assert "Ik ben 'goed' in koken & bakken." in message.body
    assert "&amp;" not in message.body and "&#x27;" not in message.body
    assert message.from_email == "We Doen Het Samen <noreply@wedoenhetsamen.nu>"


def test_every_message_has_a_subject_and_a_body(settings):
    folder = Path(settings.BASE_DIR) / "templates" / "emails"
    bodies = {p.stem for p in folder.glob("*.txt") if not p.stem.endswith("-subject")}
    subjects = {p.stem.removesuffix("-subject") for p in folder.glob("*-subject.txt")}
    assert bodies == subjects
    assert len(bodies) >= 14


def test_unknown_message_is_a_programming_error():
    with pytest.raises(TemplateDoesNotExist):
        emails.send("bestaat-niet", to=["a@example.org"])


def test_without_recipients_nothing_is_queued(task_queue):
    emails.send("initiative-contact", to=["", ""], context={})
    assert not DBTaskResult.objects.exists()
    with committed():
        emails.send("initiative-contact", to=[], context={})
    assert mail.outbox == []


def test_mail_waits_for_the_commit_and_a_rollback_sends_nothing():
    with committed():
        send_contact()
        assert mail.outbox == []  # not before the commit
    assert len(mail.outbox) == 1

    mail.outbox.clear()
    with committed(), pytest.raises(RuntimeError), transaction.atomic():
        send_contact()
        raise RuntimeError("the write fails after the mail was queued")
    assert mail.outbox == []


def test_with_the_database_queue_the_mail_commits_or_rolls_back_with_the_record(task_queue):
    with pytest.raises(RuntimeError), transaction.atomic():
        send_contact()
        assert len(queued("deliver")) == 1
        raise RuntimeError("the write fails")
    assert queued("deliver") == []

    send_contact()
    assert len(queued("deliver")) == 1
    assert mail.outbox == []  # the request never sends: the worker does
    assert run_queued_tasks() == 1
    assert len(mail.outbox) == 1
    [row] = queued("deliver", TaskResultStatus.SUCCESSFUL)
    assert row.return_value == "Verstuurd (poging 1)."


def test_mail_server_down_is_retried_later_and_the_mail_goes_out_when_it_is_back(task_queue, mail_down, settings):
    send_contact()
    assert run_queued_tasks() == 1
    assert mail.outbox == []
    [first] = queued("deliver", TaskResultStatus.SUCCESSFUL)
    assert first.return_value.startswith("Niet verstuurd (poging 1 van 7)")
    [retry] = queued("deliver")
    assert retry.args_kwargs["kwargs"]["attempt"] == 2
    assert timezone.now() < retry.run_after <= timezone.now() + timedelta(minutes=1)
    assert run_queued_tasks() == 0  # not due yet

    settings.MAILERS = MAIL_UP
    assert run_queued_tasks(after=timedelta(minutes=1)) == 1
    [message] = mail.outbox
    assert message.reply_to == ["ans@example.org"]
    assert queued("deliver") == []
    assert "Verstuurd (poging 2)." in {row.return_value for row in queued("deliver", TaskResultStatus.SUCCESSFUL)}


def test_after_the_last_attempt_the_task_stays_failed_for_staff_to_see(task_queue, mail_down, caplog):
    send_contact()
    with caplog.at_level(logging.WARNING, logger="wdhs.emails"):
        assert run_queued_tasks(after=timedelta(days=3)) == emails.MAX_ATTEMPTS
    assert mail.outbox == []
    assert queued("deliver") == []
    [failed] = queued("deliver", TaskResultStatus.FAILED)
    assert failed.args_kwargs["kwargs"]["attempt"] == emails.MAX_ATTEMPTS
    assert failed.exception_class_path == "smtplib.SMTPServerDisconnected"
    assert "giving up after attempt 7" in caplog.text


def test_immediate_backend_cannot_retry_so_it_logs_and_the_caller_goes_on(mail_down, caplog):
    with caplog.at_level(logging.ERROR), committed():
        send_contact()  # no exception reaches the caller
    assert mail.outbox == []
    assert "giving up after attempt 1" in caplog.text


@pytest.mark.django_db(transaction=True)
def test_the_real_worker_sends_the_mail_once_the_server_is_back(settings):
    """End to end with `manage.py db_worker`: committed work, a worker in its own transactions, a retry."""
    settings.TASKS = DATABASE_QUEUE
    settings.MAILERS = MAIL_DOWN
    emails.send("questions-overdue", to=["redactie@example.org"], context={"overdue": [], "working_days": 5})
    worker = ["db_worker", "--batch", "--no-startup-delay", "--no-reload"]
    call_command(*worker, verbosity=0)
    assert mail.outbox == []
    [retry] = queued("deliver")
    settings.MAILERS = MAIL_UP
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())  # a minute later
    call_command(*worker, verbosity=0)
    [message] = mail.outbox
    assert message.subject == "[We Doen Het Samen] 0 vragen al 5 werkdagen zonder antwoord"
    assert queued("deliver") == []
