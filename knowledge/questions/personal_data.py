from __future__ import annotations

from typing import Any

from django.utils import timezone

from knowledge.questions.models import Question, QuestionTransfer
from wdhs.models import User
from wdhs.personal_data import matches, register_personal_data


def export(user: User) -> dict[str, Any]:
    """Questions asked with the person's e-mail address, and answers they wrote as an editor (AVG right of access)."""
    asked = [
        {
            "vraag": q.text,
            "gesteld op": q.created_at.isoformat(),
            "naam": q.name,
            "e-mailadres": q.email,
            "gemeente": q.municipality.name if q.municipality is not None else None,
            "toegewezen aan": q.organisation.name if q.organisation is not None else "redactie",
            "antwoord": q.answer or None,
            "beantwoord op": q.answered_at.isoformat() if q.answered_at else None,
            "mag als voorbeeld": q.consent_publish,
        }
        for q in Question.objects.filter(matches("email", user))
        .exclude(email="")
        .select_related("municipality", "organisation")
        .order_by("created_at")
    ]
    # The asker's name and address are theirs, not the editor's: only the answer and when it was sent.
    answered = [
        {
            "antwoord": q.answer,
            "beantwoord op": q.answered_at.isoformat() if q.answered_at else None,
            "namens": q.organisation.name if q.organisation is not None else "redactie",
        }
        for q in Question.objects.filter(answered_by=user).select_related("organisation").order_by("answered_at")
    ]
    # Questions they passed on as an editor: where to, when and their note (issue #14).
    passed_on = [
        {
            "van": t.from_organisation.name if t.from_organisation is not None else "redactie",
            "naar": t.to_organisation.name if t.to_organisation is not None else "redactie",
            "op": t.at.isoformat(),
            "toelichting": t.note,
        }
        for t in QuestionTransfer.objects.filter(by=user)
        .select_related("from_organisation", "to_organisation")
        .order_by("at")
    ]
    return {"gestelde vragen": asked, "geschreven antwoorden": answered, "doorgestuurde vragen": passed_on}


def erase(user: User) -> None:
    """The name and address on questions asked with the person's address go now, as after the retention period.

    Answers they wrote as an editor stay with the question, which no longer names them (SET_NULL)."""
    Question.objects.filter(matches("email", user)).exclude(email="").update(
        name="", email="", personal_data_removed_at=timezone.now()
    )


def register() -> None:
    register_personal_data(
        "vragen",
        fields=["knowledge.Question.email", "knowledge.Question.answered_by", "knowledge.QuestionTransfer.by"],
        export=export,
        erase=erase,
    )
