"""The recurring jobs: one cron line queues them, each daily job does its work once a day, however it is queued."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from initiatives.models import Initiative
from knowledge.models import Question
from knowledge.questions.tasks import alert_unanswered_questions
from tests.background import committed, queued, run_queued_tasks
from tests.factories import InitiativeFactory, QuestionFactory, UserFactory
from wdhs.jobs import prune_task_results, run_once_a_day
from wdhs.models import DailyJobRun, FormSubmission

pytestmark = pytest.mark.django_db

DAILY = [
    "ask_initiative_confirmation",
    "alert_unanswered_questions",
    "purge_question_personal_data",
    "send_editor_summaries",
    "purge_initiative_personal_data",
    "prune_task_results",
    "purge_accounts",
    "purge_page_feedback",
    "purge_unconfirmed_alerts",
    "send_alert_digests",
    "purge_page_reads",
    "clear_sessions",
    "recount",
]


def enqueue_periodic_jobs() -> str:
    out = StringIO()
    with committed():
        call_command("enqueue_periodic_jobs", stdout=out)
    return out.getvalue()


def due_initiative(owner_email: str) -> Initiative:
    initiative = InitiativeFactory(managers=[UserFactory(email=owner_email)])
    Initiative.objects.filter(pk=initiative.pk).update(confirmed_at=timezone.now() - timedelta(days=400))
    return initiative


def test_the_hourly_command_does_each_daily_job_once_a_day(settings):
    settings.STAFF_NOTIFICATION_EMAILS = ["redactie@example.org"]
    due_initiative("beheer@example.org")
    QuestionFactory(created_at=timezone.now() - timedelta(days=30))  # unanswered for too long
    old = QuestionFactory(answer="Een antwoord.", answered_at=timezone.now() - timedelta(days=400))

    out = enqueue_periodic_jobs()
    assert sorted(m.to[0] for m in mail.outbox) == ["beheer@example.org", "redactie@example.org"]
    old.refresh_from_db()
    assert old.email == "" and old.personal_data_removed_at is not None
    runs = {run.job: run.result for run in DailyJobRun.objects.filter(day=timezone.localdate())}
    assert sorted(runs) == sorted(DAILY)
    assert runs["ask_initiative_confirmation"] == "1 initiatief kreeg de vraag 'klopt dit nog?'."
    assert runs["alert_unanswered_questions"] == "1 vraag/vragen zonder antwoord gemeld aan de redactie."
    assert "refresh_words: in de wachtrij." in out

    # Later that day: new work has come up, but the day is done; the next day picks it up.
    due_initiative("tweede@example.org")
    QuestionFactory(created_at=timezone.now() - timedelta(days=30))
    mail.outbox.clear()
    out = enqueue_periodic_jobs()
    assert mail.outbox == []
    assert all(f"{job}: vandaag al gedaan." in out for job in DAILY)
    with committed():
        result = alert_unanswered_questions.enqueue(timezone.localdate().isoformat())  # queued twice anyway
    assert result.return_value == f"Al gedaan op {timezone.localdate().isoformat()}."
    assert mail.outbox == []
    assert DailyJobRun.objects.count() == len(DAILY)


def test_queued_in_the_database_the_jobs_run_in_the_worker(settings, task_queue):
    settings.STAFF_NOTIFICATION_EMAILS = ["redactie@example.org"]
    QuestionFactory(created_at=timezone.now() - timedelta(days=30))
    enqueue_periodic_jobs()
    enqueue_periodic_jobs()  # an hour later, before a worker ran: queued again, harmless
    assert len(queued("alert_unanswered_questions")) == 2
    run_queued_tasks()
    assert [m.to for m in mail.outbox] == [["redactie@example.org"]]
    results = [row.return_value for row in queued("alert_unanswered_questions", TaskResultStatus.SUCCESSFUL)]
    assert sorted(results) == sorted(
        ["1 vraag/vragen zonder antwoord gemeld aan de redactie.", f"Al gedaan op {timezone.localdate().isoformat()}."]
    )


def test_a_failed_job_leaves_the_day_open_for_the_next_hour():
    def broken() -> str:
        Question.objects.update(name="half gedaan")
        raise RuntimeError("the work fails halfway")

    question = QuestionFactory()
    with pytest.raises(RuntimeError):
        run_once_a_day("test_job", "2026-12-01", broken)
    assert not DailyJobRun.objects.exists()
    question.refresh_from_db()
    assert question.name == "Anna de Vries"  # the work rolled back with the marker
    assert run_once_a_day("test_job", "2026-12-01", lambda: "gelukt") == "gelukt"
    assert run_once_a_day("test_job", "2026-12-01", lambda: "nog eens") == "Al gedaan op 2026-12-01."
    assert run_once_a_day("test_job", "2026-12-02", lambda: "volgende dag") == "volgende dag"


@pytest.mark.django_db(transaction=True)
def test_two_workers_at_the_same_moment_do_the_work_once():
    first_started, release_first = threading.Event(), threading.Event()
    calls: list[str] = []
    results: dict[str, str] = {}

    def slow_work() -> str:
        calls.append("first")
        first_started.set()
        release_first.wait(10)
        return "gedaan"

    def second_work() -> str:
        calls.append("second")
        return "nog eens gedaan"

    def worker(name: str, work: Callable[[], str]) -> None:
        try:
            results[name] = run_once_a_day("test_job", "2026-12-01", work)
        finally:
            connection.close()

    first = threading.Thread(target=worker, args=("first", slow_work))
    first.start()
    assert first_started.wait(10)
    second = threading.Thread(target=worker, args=("second", second_work))
    second.start()
    second.join(0.5)
    assert second.is_alive()  # it waits on the unique index until the first worker commits
    release_first.set()
    first.join(10)
    second.join(10)
    assert calls == ["first"]
    assert results == {"first": "gedaan", "second": "Al gedaan op 2026-12-01."}
    assert DailyJobRun.objects.count() == 1


def test_old_task_rows_are_pruned(task_queue):
    def finished_task(status: str, days_ago: int) -> DBTaskResult:
        row = DBTaskResult.objects.create(
            args_kwargs={"args": [], "kwargs": {}},
            task_path="wdhs.search.index.refresh_words",
            backend_name="default",
            run_after=timezone.now(),
        )
        DBTaskResult.objects.filter(pk=row.pk).update(
            status=status, finished_at=timezone.now() - timedelta(days=days_ago)
        )
        return row

    kept = [
        finished_task(TaskResultStatus.SUCCESSFUL, 13),
        finished_task(TaskResultStatus.FAILED, 29),
    ]
    finished_task(TaskResultStatus.SUCCESSFUL, 15)
    finished_task(TaskResultStatus.FAILED, 31)
    recent_key = FormSubmission.objects.create(key="recent", form="questions-ask")
    old_key = FormSubmission.objects.create(key="old", form="questions-ask")
    FormSubmission.objects.filter(pk=old_key.pk).update(created_at=timezone.now() - timedelta(days=8))
    prune_task_results.enqueue(timezone.localdate().isoformat())
    run_queued_tasks()
    [pruning] = queued("prune_task_results", TaskResultStatus.SUCCESSFUL)
    assert pruning.return_value == "2 afgeronde taken en 1 formuliersleutels opgeruimd."
    assert set(DBTaskResult.objects.values_list("pk", flat=True)) == {row.pk for row in kept} | {pruning.pk}
    assert list(FormSubmission.objects.values_list("pk", flat=True)) == [recent_key.pk]
