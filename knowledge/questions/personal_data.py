from __future__ import annotations

from typing import Any

from knowledge.questions.models import Question
from wdhs.models import User


def export(user: User) -> list[dict[str, Any]]:
    """Questions asked with the person's e-mail address (AVG right of access)."""
    return [
        {
            "vraag": q.text,
            "gesteld op": q.created_at.isoformat(),
            "naam": q.name,
            "gemeente": q.municipality.name if q.municipality is not None else None,
            "toegewezen aan": q.organisation.name if q.organisation is not None else "redactie",
            "antwoord": q.answer or None,
            "beantwoord op": q.answered_at.isoformat() if q.answered_at else None,
            "mag als voorbeeld": q.consent_publish,
        }
        for q in Question.objects.filter(email__iexact=user.email)
        .exclude(email="")
        .select_related("municipality", "organisation")
        .order_by("created_at")
    ]
