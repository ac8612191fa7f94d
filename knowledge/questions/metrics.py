"""Live numbers on "Stel je vraag" for the goals app (goal 5: residents find help)."""

from __future__ import annotations

from datetime import date

from knowledge.questions.models import Question
from wdhs.metrics import Metric, monthly_cumulative, register_metric


def answered_questions() -> float:
    return float(Question.objects.answered().count())


def answered_questions_series() -> list[tuple[date, float]]:
    """Cumulative number of answered questions per month with an answer, oldest first."""
    return monthly_cumulative(Question.objects.answered(), "answered_at")


def register() -> None:
    register_metric(
        Metric(
            code="questions.answered",
            label="Beantwoorde vragen van bewoners",
            unit="vragen",
            current=answered_questions,
            series=answered_questions_series,
        )
    )
