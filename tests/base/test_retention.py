"""Retention: one table in code (wdhs/retention.py); daily jobs remove each kind after its period, not before."""

from __future__ import annotations

import re
from datetime import timedelta
from importlib import import_module
from io import StringIO
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from initiatives.models import Invitation, ProblemReason, ProblemReport
from initiatives.services import initiatives_purge_personal_data
from tests.factories import InitiativeFactory, QuestionFactory, UserFactory
from wdhs import retention
from wdhs.jobs import purge_accounts_work
from wdhs.models import User
from wdhs.ratelimit import PERIOD

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def period(key: str) -> timedelta:
    return retention.period(key)


def test_every_kind_named_in_the_brief_has_a_period_in_the_one_table():
    kinds = {
        "questions", "reports", "contact", "invitations", "unverified_accounts", "sessions", "mails",
        "mails_failed", "rate_limits", "server_logs", "backups", "admin_log",
    }  # fmt: skip
    assert kinds <= set(retention.BY_KEY)
    assert all(retention.BY_KEY[k].period is not None for k in kinds)
    assert len(retention.BY_KEY) == len(retention.TABLE)  # keys are unique


def test_the_settings_and_code_take_their_periods_from_the_table():
    from knowledge.questions.models import RETENTION
    from wdhs.jobs import KEEP_FAILED_TASKS, KEEP_SUCCESSFUL_TASKS

    assert timedelta(seconds=settings.SESSION_COOKIE_AGE) == period("sessions")
    assert timedelta(seconds=PERIOD) == period("rate_limits")
    assert period("questions") == RETENTION
    assert (period("mails"), period("mails_failed")) == (KEEP_SUCCESSFUL_TASKS, KEEP_FAILED_TASKS)
    assert period("contact") == period("mails")  # a contact message is kept only as the mail that forwards it


def test_the_docs_name_the_same_periods():
    text = (ROOT / "docs" / "privacy.md").read_text(encoding="utf-8")
    for row in retention.TABLE:
        line = next((line for line in text.splitlines() if line.startswith(f"| {row.kind} |")), None)
        assert line is not None, f"docs/privacy.md mist de regel voor {row.kind!r}"
        assert f"| {row.period_text} {row.start} |" in line if row.period else row.start in line, line


def test_period_texts_are_plain_dutch():
    assert retention.period_text(timedelta(hours=1)) == "1 uur"
    assert retention.period_text(timedelta(days=14)) == "14 dagen"
    assert retention.period_text(timedelta(days=180)) == "6 maanden"
    assert retention.period_text(timedelta(days=365)) == "12 maanden"


def test_problem_reports_are_deleted_after_their_period_not_before():
    now = timezone.now()
    initiative = InitiativeFactory()
    old = ProblemReport.objects.create(
        initiative=initiative, reason=ProblemReason.WRONG, message="Oud.", reporter_email="oud@example.org"
    )
    young = ProblemReport.objects.create(
        initiative=initiative, reason=ProblemReason.WRONG, message="Jong.", reporter_email="jong@example.org"
    )
    ProblemReport.objects.filter(pk=old.pk).update(created_at=now - period("reports") - timedelta(days=1))
    ProblemReport.objects.filter(pk=young.pk).update(created_at=now - period("reports") + timedelta(days=1))
    assert initiatives_purge_personal_data(now=now)[0] == 1
    assert list(ProblemReport.objects.values_list("message", flat=True)) == ["Jong."]


def test_invitations_are_deleted_a_period_after_they_were_used_revoked_or_expired():
    now = timezone.now()
    initiative = InitiativeFactory()
    past = now - period("invitations") - timedelta(days=1)
    recent = now - period("invitations") + timedelta(days=1)

    def invitation(email: str, **fields: object) -> Invitation:
        fields.setdefault("expires_at", now + timedelta(days=14))
        return Invitation.objects.create(initiative=initiative, email=email, token_hash=email.ljust(64, "x"), **fields)

    invitation("verlopen-lang@example.org", expires_at=past)
    invitation("gebruikt-lang@example.org", accepted_at=past)
    invitation("ingetrokken-lang@example.org", revoked_at=past)
    invitation("verlopen-kort@example.org", expires_at=recent)
    invitation("gebruikt-kort@example.org", accepted_at=recent)
    invitation("open@example.org")
    assert initiatives_purge_personal_data(now=now)[1] == 3
    assert sorted(Invitation.objects.values_list("email", flat=True)) == [
        "gebruikt-kort@example.org",
        "open@example.org",
        "verlopen-kort@example.org",
    ]


def test_unconfirmed_accounts_go_after_their_period_staff_and_confirmed_ones_stay():
    now = timezone.now()
    old = now - period("unverified_accounts") - timedelta(days=1)

    def account(email: str, *, joined: object, verified: bool | None, **fields: object) -> User:
        user = User.objects.create_user(email, "een-Goed-wachtwoord-42", **fields)
        User.objects.filter(pk=user.pk).update(date_joined=joined)
        if verified is not None:
            EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
        return user

    account("nooit-bevestigd@example.org", joined=old, verified=False)
    account("net-aangemeld@example.org", joined=now - timedelta(days=1), verified=False)
    account("bevestigd@example.org", joined=old, verified=True)
    account("door-redactie-gemaakt@example.org", joined=old, verified=None)  # admin/createsuperuser: no row
    account("medewerker@example.org", joined=old, verified=False, is_staff=True)
    result = purge_accounts_work(now)
    assert result.startswith("1 onbevestigd(e) account(s)")
    assert not User.objects.filter(email="nooit-bevestigd@example.org").exists()
    assert User.objects.filter(email__endswith="@example.org").count() == 4


def test_old_admin_log_lines_go():
    staff = UserFactory(is_staff=True)
    now = timezone.now()
    for age in (period("admin_log") + timedelta(days=1), period("admin_log") - timedelta(days=1)):
        entry = LogEntry.objects.create(user=staff, action_flag=ADDITION, object_repr="iets", change_message="")
        LogEntry.objects.filter(pk=entry.pk).update(action_time=now - age)
    purge_accounts_work(now)
    assert LogEntry.objects.count() == 1


def test_clear_sessions_job_removes_expired_sessions(client):
    client.force_login(UserFactory())
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store["x"] = 1
    store.create()
    Session.objects.filter(session_key=store.session_key).update(expire_date=timezone.now() - timedelta(days=1))
    assert Session.objects.count() == 2
    call_command("enqueue_periodic_jobs", stdout=StringIO())
    assert Session.objects.count() == 1
    assert client.get(reverse("mijn")).status_code == 200  # the live one stays


def test_questions_keep_their_existing_period():
    now = timezone.now()
    old = QuestionFactory(created_at=now - period("questions") - timedelta(days=1))
    young = QuestionFactory(created_at=now - period("questions") + timedelta(days=1))
    from knowledge.questions.services import questions_purge_personal_data

    assert questions_purge_personal_data(now=now) == 1
    old.refresh_from_db()
    young.refresh_from_db()
    assert (old.email, bool(young.email)) == ("", True)


def test_the_retention_table_has_no_empty_texts():
    for row in retention.TABLE:
        for value in (row.kind, row.data, row.why, row.basis, row.start, row.then, row.who, row.by):
            assert value.strip(), row.key
            assert not re.search(r"\s{2,}", value), row.key


def test_allauths_counters_with_addresses_live_no_longer_than_the_table_says():
    from allauth.account import app_settings
    from allauth.core.internal.ratelimit import parse_rates

    # allauth's defaults merged with ours: every counter it keeps, by address, account or user.
    rates = [rate for value in app_settings.RATE_LIMITS.values() for rate in parse_rates(value)]
    longest = max(rate.duration for rate in rates)
    assert timedelta(seconds=longest) <= period("rate_limits")
