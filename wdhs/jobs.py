"""Daily jobs: each does its work at most once a day, however often cron queues it and however many workers run.

Cron runs `manage.py enqueue_periodic_jobs` every hour (see README). That queues each daily job with the
date of today; the job writes a `DailyJobRun` row for (job, day) in the same transaction as its work. A
second run that day finds the row and does nothing; a second worker at the same moment waits on the
unique index until the first commits, then finds the row. When the work fails, the row is rolled back
with it, and the next hour tries again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from allauth.account.models import EmailAddress
from django.contrib.admin.models import LogEntry
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.tasks import TaskResultStatus, task
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from wdhs import audit, counts, reads, retention
from wdhs.models import DailyJobRun, FormSubmission, PageFeedback, User
from wdhs.personal_data import delete_person

# Finished task rows hold rendered mails (names, addresses, questions): kept only as long as staff need them.
KEEP_SUCCESSFUL_TASKS = retention.period("mails")
KEEP_FAILED_TASKS = retention.period("mails_failed")
# The keys of sent forms (wdhs.forms.once): a week is long enough to catch a form sent again from a tab left open.
KEEP_FORM_KEYS = timedelta(days=7)


def run_once_a_day(job: str, day: str, work: Callable[[], str]) -> str:
    """Do `work` unless `job` already did it on `day` (an ISO date); returns what the work says it did."""
    with transaction.atomic():
        try:
            with transaction.atomic():
                run = DailyJobRun.objects.create(job=job, day=date.fromisoformat(day))
        except IntegrityError:
            return f"Al gedaan op {day}."
        run.result = work()[:300]
        run.save(update_fields=["result"])
    return run.result


@task
def prune_task_results(day: str) -> str:
    """Daily: delete finished task rows, successful ones after two weeks, failed ones after a month,
    and the keys of forms sent more than a week ago."""

    def work() -> str:
        now = timezone.now()
        deleted, _ = DBTaskResult.objects.filter(
            Q(status=TaskResultStatus.SUCCESSFUL, finished_at__lt=now - KEEP_SUCCESSFUL_TASKS)
            | Q(status=TaskResultStatus.FAILED, finished_at__lt=now - KEEP_FAILED_TASKS)
        ).delete()
        keys, _ = FormSubmission.objects.filter(created_at__lt=now - KEEP_FORM_KEYS).delete()
        return f"{deleted} afgeronde taken en {keys} formuliersleutels opgeruimd."

    return run_once_a_day("prune_task_results", day, work)


@task
def clear_sessions(day: str) -> str:
    """Daily: Django's `clearsessions`, so expired log-in sessions do not stay in the database."""

    def work() -> str:
        call_command("clearsessions")
        return "Verlopen sessies gewist."

    return run_once_a_day("clear_sessions", day, work)


def unverified_accounts(now: datetime) -> list[User]:
    """Self-made accounts whose address was never confirmed within the period; they never logged in.

    Only accounts with an e-mail address row (allauth's sign-up makes one): accounts staff made in the
    admin or with createsuperuser have none and are never touched, nor is staff.
    """
    verified = EmailAddress.objects.filter(verified=True).values("user")
    return list(
        User.objects.filter(
            date_joined__lt=now - retention.period("unverified_accounts"),
            last_login__isnull=True,
            is_staff=False,
            is_superuser=False,
            emailaddress__isnull=False,
        )
        .exclude(pk__in=verified)
        .distinct()
    )


def purge_accounts_work(now: datetime | None = None) -> str:
    now = now or timezone.now()
    accounts = unverified_accounts(now)
    for user in accounts:
        delete_person(user)
    log, _ = LogEntry.objects.filter(action_time__lt=now - retention.period("admin_log")).delete()
    audit_lines = audit.purge_before(now - retention.period("audit_log"))
    return (
        f"{len(accounts)} onbevestigd(e) account(s), {log} oude regel(s) uit het beheerlog en "
        f"{audit_lines} uit het auditlog verwijderd."
    )


@task
def purge_accounts(day: str) -> str:
    """Daily: delete accounts never confirmed, and old lines of the admin log (wdhs/retention.py)."""
    return run_once_a_day("purge_accounts", day, purge_accounts_work)


def purge_page_feedback_work(now: datetime | None = None) -> str:
    """Readers' reactions older than their period lose their text and address; the Ja/Nee keeps counting."""
    now = now or timezone.now()
    done = (
        PageFeedback.objects.filter(created_at__lt=now - retention.period("feedback"))
        .exclude(message="", email="")
        .update(message="", email="")
    )
    return f"Bij {done} oude reactie(s) op pagina's de toelichting en het e-mailadres gewist."


@task
def purge_page_feedback(day: str) -> str:
    """Daily: wipe the text and address of old reactions on pages (wdhs/retention.py, "feedback")."""
    return run_once_a_day("purge_page_feedback", day, purge_page_feedback_work)


@task
def recount(day: str) -> str:
    """Daily: count the published rows again (wdhs/counts.py); the triggers keep them right, this repairs what two
    simultaneous writers of one row and its links may have missed."""

    def work() -> str:
        counts.recount()
        return "Tellingen opnieuw geteld."

    return run_once_a_day("recount", day, work)


def purge_page_reads_work(now: datetime | None = None) -> str:
    """Read counts older than their period go: a day's row is deleted once the whole day is past it."""
    today = timezone.localdate(now or timezone.now())
    deleted = reads.purge_before(today - retention.period("page_reads"))
    return f"{deleted} oude leesteller(s) verwijderd."


@task
def purge_page_reads(day: str) -> str:
    """Daily: delete the read counts per page per day after their period (wdhs/retention.py, "page_reads")."""
    return run_once_a_day("purge_page_reads", day, purge_page_reads_work)
