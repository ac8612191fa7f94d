"""The daily jobs of the alerts, queued by `manage.py enqueue_periodic_jobs`."""

from __future__ import annotations

from datetime import date, datetime

from django.db import IntegrityError, transaction
from django.tasks import task
from django.utils import timezone

from wdhs import retention
from wdhs.alerts.digest import digests_send
from wdhs.alerts.models import Subscription
from wdhs.jobs import run_once_a_day
from wdhs.models import DailyJobRun


@task
def send_alert_digests(day: str) -> str:
    """Daily: the digests that are due; not in one transaction, so that a stop halfway keeps what was done.

    Each subscription is its own transaction (wdhs.alerts.digest). Only when every due one is done does the day
    count as done; otherwise the task fails, and the next hour's run does the rest.
    """
    if DailyJobRun.objects.filter(job="send_alert_digests", day=date.fromisoformat(day)).exists():
        return f"Al gedaan op {day}."
    result = digests_send()
    text = f"{result['mails']} mail(s) met {result['items']} nieuw(e) item(s) klaargezet."
    if result["failed"]:
        raise RuntimeError(f"{text} {result['failed']} melding(en) mislukt; het volgende uur opnieuw.")
    try:
        with transaction.atomic():
            DailyJobRun.objects.create(job="send_alert_digests", day=date.fromisoformat(day), result=text)
    except IntegrityError:
        pass  # another worker finished the same day at the same time
    return text


def purge_unconfirmed_alerts_work(now: datetime | None = None) -> str:
    now = now or timezone.now()
    _, per_model = Subscription.objects.unconfirmed_before(now - retention.period("alerts_unconfirmed")).delete()
    return f"{per_model.get('alerts.Subscription', 0)} onbevestigde melding(en) verwijderd."


@task
def purge_unconfirmed_alerts(day: str) -> str:
    """Daily: delete alerts whose confirmation link was never used (wdhs/retention.py, "alerts_unconfirmed")."""
    return run_once_a_day("purge_unconfirmed_alerts", day, purge_unconfirmed_alerts_work)
