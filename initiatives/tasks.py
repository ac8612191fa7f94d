"""Background jobs of initiatives, queued hourly by `manage.py enqueue_periodic_jobs`."""

from __future__ import annotations

from django.tasks import task

from initiatives.services import initiatives_purge_personal_data, initiatives_request_confirmation
from wdhs.admin_messages import counted
from wdhs.jobs import run_once_a_day


@task
def ask_initiative_confirmation(day: str) -> str:
    """Daily: ask the managers of each initiative confirmed over a year ago "klopt dit nog?"."""
    return run_once_a_day(
        "ask_initiative_confirmation",
        day,
        lambda: (
            f"{counted(initiatives_request_confirmation(), 'initiatief', 'initiatieven')} kreeg de vraag "
            "'klopt dit nog?'."
        ),
    )


@task
def purge_initiative_personal_data(day: str) -> str:
    """Daily: delete problem reports and used or expired invitations after their period (wdhs/retention.py)."""

    def work() -> str:
        reports, invitations = initiatives_purge_personal_data()
        gone = f"{counted(reports, 'melding', 'meldingen')} en {counted(invitations, 'uitnodiging', 'uitnodigingen')}"
        return f"{gone} verwijderd."

    return run_once_a_day("purge_initiative_personal_data", day, work)
