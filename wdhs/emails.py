"""Every mail the portal sends, on one path: a template per message, queued with the write, sent by the task worker.

A message `<name>` is two templates: `templates/emails/<name>-subject.txt` (one line; the "[We Doen Het
Samen]" prefix is added here) and `templates/emails/<name>.txt` (the plain-text body). `send()` renders
both at once, so the mail tells what was true when the person acted, and queues the finished message as
the task `deliver`:

- With the database task backend (production, development) the task row is written in the caller's
  transaction: the record and its mail are committed, or rolled back, together, and the worker only sees
  the mail after the commit.
- Any other backend (the immediate one in tests) gets the task when the transaction commits.

The request never talks to the mail server, so a server that is down costs the visitor nothing. A failed
attempt is logged and tried again later (`RETRY_AFTER`); when the last attempt fails too, the task stays
FAILED with its error, for staff to see under Beheer > Achtergrondtaken.

One exception: `send_now()`, for background work that records what it sent and has its own next run (the
alert digests, wdhs.alerts.digest). It hands the mail to the server at once and raises when the server
refuses, so that the caller can roll back its record and send the same again on its next run; through the
queue the record would say "sent" for a mail that may never leave.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import timedelta
from functools import partial
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import transaction
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django_tasks_db import DatabaseBackend

logger = logging.getLogger(__name__)


# The pause before each next attempt: a hiccup is over within minutes, an outage of the mail server
# within about a day and a half. After the last pause comes the last attempt.
RETRY_AFTER = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=8),
    timedelta(hours=24),
)
MAX_ATTEMPTS = len(RETRY_AFTER) + 1


def render(name: str, context: dict[str, Any]) -> tuple[str, str]:
    """The subject (with the portal's prefix) and the body of message `name`, signed with the portal's address."""
    context = {"site_url": settings.SITE_URL, "site_name": settings.WDHS_SITE_NAME, **context}
    subject = " ".join(render_to_string(f"emails/{name}-subject.txt", context).split())
    body = render_to_string(f"emails/{name}.txt", context).rstrip() + "\n\n" + signature()
    return subject_prefix() + subject, body


def subject_prefix() -> str:
    return f"[{settings.WDHS_SITE_NAME}] "


def signature() -> str:
    """The last lines of every mail: the portal's name and address, so that a reader knows where it comes from."""
    return f"-- \n{settings.WDHS_SITE_NAME}\n{settings.SITE_URL}/\n"


def send(
    name: str,
    *,
    to: Iterable[str],
    context: dict[str, Any] | None = None,
    reply_to: str = "",
    headers: dict[str, str] | None = None,
) -> None:
    """Render message `name` now and queue it for `to`; empty addresses are skipped, and with nobody left, no mail.

    `headers`: extra mail headers, such as List-Unsubscribe on the alert digests (wdhs.alerts.digest)."""
    recipients = [address for address in to if address]
    if not recipients:
        return
    subject, body = render(name, context or {})
    extra = {"headers": headers} if headers else {}
    _queue(subject=subject, body=body, to=recipients, reply_to=[reply_to] if reply_to else [], **extra)


def send_now(
    name: str,
    *,
    to: Iterable[str],
    context: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
) -> bool:
    """Render message `name` and hand it to the mail server now; False when there was nobody to send it to.

    Raises OSError (smtplib.SMTPException is one) when the server refuses or cannot be reached: the caller
    decides what that means. Only for code that runs in the background, never in a request."""
    recipients = [address for address in to if address]
    if not recipients:
        return False
    subject, body = render(name, context or {})
    EmailMultiAlternatives(subject=subject, body=body, to=recipients, headers=headers).send()
    return True


def send_rendered(message: EmailMessage) -> None:
    """Queue a message that was rendered elsewhere (allauth's account mails) on the same path."""
    alternatives = getattr(message, "alternatives", [])
    html = next((content for content, mimetype in alternatives if mimetype == "text/html"), "")
    _queue(
        subject=str(message.subject), body=message.body, to=list(message.to), reply_to=list(message.reply_to), html=html
    )


def _queue(**message: Any) -> None:
    if isinstance(deliver.get_backend(), DatabaseBackend):
        deliver.enqueue(**message)
    else:
        # robust: a backend that fails to take the task must not turn a committed write into an error page.
        transaction.on_commit(partial(deliver.enqueue, **message), robust=True)


@task
def deliver(
    *,
    subject: str,
    body: str,
    to: list[str],
    reply_to: list[str],
    html: str = "",
    attempt: int = 1,
    headers: dict[str, str] | None = None,
) -> str:
    """Send one rendered message; when the mail server fails, queue the next attempt after a pause."""
    message = EmailMultiAlternatives(subject=subject, body=body, to=to, reply_to=reply_to, headers=headers)
    if html:
        message.attach_alternative(html, "text/html")
    try:
        message.send()
    except OSError as error:  # smtplib.SMTPException is an OSError, like a refused or timed-out connection
        if attempt >= MAX_ATTEMPTS or not deliver.get_backend().supports_defer:
            logger.error("Mail %r not sent, giving up after attempt %d: %s", subject, attempt, error)
            raise
        retry_at = timezone.now() + RETRY_AFTER[attempt - 1]
        deliver.using(run_after=retry_at).enqueue(
            subject=subject, body=body, to=to, reply_to=reply_to, html=html, attempt=attempt + 1, headers=headers
        )
        logger.warning("Mail %r not sent (attempt %d): %s; trying again at %s", subject, attempt, error, retry_at)
        return (
            f"Niet verstuurd (poging {attempt} van {MAX_ATTEMPTS}): {error}. "
            f"Nieuwe poging na {date_format(timezone.localtime(retry_at), 'DATETIME_FORMAT')}."
        )
    return f"Verstuurd (poging {attempt})."
