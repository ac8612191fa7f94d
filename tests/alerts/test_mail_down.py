"""The mail server refuses: Django's real SMTP backend, pointed at a loopback port where nothing listens.

A digest run must then record nothing as sent, go on with the other alerts, log it and leave the day undone;
the next run, with the server back, sends each item once. Subscribing still answers in Dutch and keeps the
subscription with its confirmation mail, which goes out when the server is back.
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from tests.alerts.test_alerts import ENERGY, form_data, link, subscription
from tests.background import MAIL_UP, committed, queued, run_queued_tasks
from tests.factories import ResourceFactory, term
from wdhs.alerts import digest
from wdhs.alerts.models import SentItem, Subscription
from wdhs.alerts.tasks import send_alert_digests

pytestmark = pytest.mark.django_db


@pytest.fixture
def smtp_refused(settings) -> Iterator[dict[str, Any]]:  # noqa: ANN001
    """The real SMTP backend against a port that is bound but not listening: every connection is refused."""
    closed = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    closed.bind(("127.0.0.1", 0))  # held, never listening: no other program can take the port meanwhile
    mailers = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": closed.getsockname()[1], "timeout": 5},
        }
    }
    settings.MAILERS = mailers
    try:
        yield mailers
    finally:
        closed.close()


def test_the_fixture_really_refuses(smtp_refused) -> None:  # noqa: ANN001
    with pytest.raises(ConnectionRefusedError):
        mail.send_mail("onderwerp", "tekst", None, ["lezer@example.org"])


def test_digest_run_with_the_mail_server_down_records_nothing_and_the_next_run_sends_each_item_once(
    settings,  # noqa: ANN001
    smtp_refused,  # noqa: ANN001
    caplog,  # noqa: ANN001
) -> None:
    readers = [subscription(email=f"lezer{n}@example.org") for n in range(3)]
    windows = {made.pk: made.last_digest_at for made in Subscription.objects.all()}
    items = [ResourceFactory(title=f"Nieuw item {n}") for n in range(2)]
    with committed(), caplog.at_level(logging.ERROR, logger="wdhs.alerts.digest"):
        result = digest.digests_send()
    assert result == {"mails": 0, "items": 0, "failed": 3}  # each tried, none crashed the run
    assert not SentItem.objects.exists()
    assert {made.pk: made.last_digest_at for made in Subscription.objects.all()} == windows
    assert {made.last_sent_at for made in Subscription.objects.all()} == {None}
    logged = [record for record in caplog.records if record.name == "wdhs.alerts.digest"]
    assert len(logged) == 3
    assert all("next run" in record.getMessage() for record in logged)

    settings.MAILERS = MAIL_UP
    with committed():
        assert digest.digests_send() == {"mails": 3, "items": 6, "failed": 0}
        assert digest.digests_send() == {"mails": 0, "items": 0, "failed": 0}
    assert sorted(message.to[0] for message in mail.outbox) == sorted(made.email for made in readers)
    for message in mail.outbox:
        for item in items:
            assert message.body.count(item.title) == 1
    assert SentItem.objects.count() == 6


def test_the_daily_task_with_the_mail_server_down_is_not_done_and_the_next_hour_sends(
    settings,  # noqa: ANN001
    smtp_refused,  # noqa: ANN001
) -> None:
    subscription()
    ResourceFactory(title="Energie besparen met de buren")
    day = timezone.localdate().isoformat()
    with committed(), pytest.raises(RuntimeError, match="mislukt"):
        send_alert_digests.call(day)
    assert not SentItem.objects.exists()
    settings.MAILERS = MAIL_UP
    with committed():
        assert "1 mail(s)" in send_alert_digests.call(day)
        assert send_alert_digests.call(day).startswith("Al gedaan")
    [message] = mail.outbox
    assert "Energie besparen met de buren" in message.body


def test_the_digest_does_not_wait_for_the_queue_so_nothing_is_recorded_for_a_mail_that_never_left(
    settings,  # noqa: ANN001
    smtp_refused,  # noqa: ANN001
    task_queue,  # noqa: ANN001
) -> None:
    """As in production (the database queue): the items count as sent only once the server took the mail."""
    subscription()
    ResourceFactory()
    assert digest.digests_send()["failed"] == 1
    assert not SentItem.objects.exists()
    assert queued("deliver") == []  # no mail left in the queue that the next run would send a second time
    settings.MAILERS = MAIL_UP
    assert digest.digests_send()["mails"] == 1
    run_queued_tasks(after=timedelta(days=2))
    assert len(mail.outbox) == 1


def test_a_run_stops_when_the_mail_server_refuses_many_in_a_row_and_leaves_the_rest_for_the_next(
    settings,  # noqa: ANN001
    smtp_refused,  # noqa: ANN001
    caplog,  # noqa: ANN001
) -> None:
    """A mail server that is down would cost every alert a timeout; after a few in a row the run stops."""
    count = digest.MAIL_FAILURES_IN_A_ROW + 3
    for n in range(count):
        subscription(email=f"lezer{n}@example.org")
    ResourceFactory()
    with committed(), caplog.at_level(logging.ERROR, logger="wdhs.alerts.digest"):
        assert digest.digests_send() == {"mails": 0, "items": 0, "failed": count}
    messages = [record.getMessage() for record in caplog.records if record.name == "wdhs.alerts.digest"]
    assert len(messages) == digest.MAIL_FAILURES_IN_A_ROW + 1
    assert "3 left for the next run" in messages[-1]
    settings.MAILERS = MAIL_UP
    with committed():
        assert digest.digests_send()["mails"] == count


# --- the confirmation mail on subscribe ---


def test_subscribing_with_the_mail_server_down_answers_in_dutch_and_the_mail_comes_when_it_is_back(
    client,  # noqa: ANN001
    settings,  # noqa: ANN001
    smtp_refused,  # noqa: ANN001
    task_queue,  # noqa: ANN001
    empty_cache,  # noqa: ANN001
) -> None:
    response = client.post(reverse("alerts:subscribe"), form_data(), follow=True)
    assert response.status_code == 200
    assert response.redirect_chain == [(reverse("alerts:subscribe"), 302)]
    assert "Bijna klaar: bevestig je e-mailadres" in response.content.decode()
    # The subscription and its mail were committed together: one row, one mail waiting in the queue.
    made = Subscription.objects.get()
    assert made.confirmed_at is None
    assert len(queued("deliver")) == 1

    run_queued_tasks()  # the server refuses: the mail waits for its next attempt
    assert mail.outbox == []
    assert len(queued("deliver")) == 1
    settings.MAILERS = MAIL_UP
    run_queued_tasks(after=timedelta(minutes=1))
    [message] = mail.outbox
    assert "Bevestig" in message.subject
    assert client.post(link(str(message.body), "bevestigen")).status_code == 200
    assert Subscription.objects.get().confirmed_at is not None


def test_subscribing_again_while_the_mail_server_is_down_sends_no_second_digest_later(
    client,  # noqa: ANN001
    settings,  # noqa: ANN001
    smtp_refused,  # noqa: ANN001
    task_queue,  # noqa: ANN001
    empty_cache,  # noqa: ANN001
) -> None:
    """No mail came, so the visitor tries again: once both links are used, they still get one digest."""
    assert client.post(reverse("alerts:subscribe"), form_data()).status_code == 302
    assert client.post(reverse("alerts:subscribe"), form_data()).status_code == 302
    settings.MAILERS = MAIL_UP
    run_queued_tasks(after=timedelta(minutes=1))
    first, second = (client.post(link(str(message.body), "bevestigen")) for message in list(mail.outbox))
    assert "Dank je wel. Je e-mailadres is bevestigd." in first.content.decode()
    assert "Je had deze melding al bevestigd." in second.content.decode()
    mail.outbox.clear()
    assert Subscription.objects.confirmed().count() == 1
    ResourceFactory(title="Energie besparen met de buren", themes=[term("theme", ENERGY)])
    digest.digests_send(timezone.now() + timedelta(days=1))
    run_queued_tasks()
    [message] = mail.outbox
    assert message.body.count("Energie besparen met de buren") == 1
