"""Helpers for tests of mail and background tasks: commit callbacks, a mail server that is down, the task queue.

In tests a task runs at once (the immediate backend), and mail is queued when the transaction commits.
A test runs inside a transaction that never commits, so `committed()` runs those callbacks at the end of
its block. Tests that show a retry switch to the database queue (`task_queue` in tests/conftest.py) and
run the queued tasks with `run_queued_tasks()`, the way `manage.py db_worker` does.
"""

from __future__ import annotations

import smtplib
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from django.core.mail.backends.base import BaseEmailBackend
from django.db.models import Q
from django.tasks import TaskResultStatus
from django.test import TestCase
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult, get_date_max

MAIL_DOWN = {"default": {"BACKEND": "tests.background.FailingEmailBackend"}}
MAIL_UP = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


class FailingEmailBackend(BaseEmailBackend):
    """A mail server that is down: every send fails the way smtplib fails."""

    def send_messages(self, email_messages: Sequence[Any]) -> int:
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed (test: the mail server is down)")


def committed() -> Any:
    """Run the callbacks that wait for the commit (queued mail, search refresh) at the end of the block."""
    return TestCase.captureOnCommitCallbacks(execute=True)


def run_queued_tasks(*, after: timedelta = timedelta(0)) -> int:
    """Run every queued task that is due within `after` from now, as `db_worker` does; returns how many ran.

    It uses the worker's own `run_task`, in the test's transaction (the worker's loop would close the
    test's connection). A retry queued on the way runs too, when it is due within `after`.
    """
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    ran = 0
    while True:
        row = (
            DBTaskResult.objects.filter(status=TaskResultStatus.READY)
            .filter(Q(run_after=get_date_max()) | Q(run_after__lte=timezone.now() + after))
            .first()
        )
        if row is None:
            return ran
        row.claim(worker.worker_id)
        worker.run_task(row)
        ran += 1


def queued(task_name: str, status: str = TaskResultStatus.READY) -> list[DBTaskResult]:
    """The rows of one task in the database queue, with that status."""
    return [row for row in DBTaskResult.objects.filter(status=status) if row.task_name == task_name]
