"""Initiative pages take reader feedback (wdhs.feedback), read by the coalition staff in the admin.

"Meld een fout" on an initiative is the problem report that initiatives already had ("Probleem melden",
ProblemReport), so there is one way to report an error on an initiative, with the same look.
"""

from __future__ import annotations

from django.urls import reverse

from initiatives.models import Initiative
from wdhs.feedback import FeedbackTarget, register_feedback_target


def register() -> None:
    register_feedback_target(
        FeedbackTarget(
            kind="initiatief",
            label="initiatief",
            model=Initiative,
            public=lambda: Initiative.objects.published(),
            title=lambda page: page.name,
            report_url=lambda page: reverse("initiatives:report", args=[page.slug]),
        )
    )
