"""Live numbers on funding for the goals app (goal 4: fitting funding for local communities)."""

from __future__ import annotations

from knowledge.funding.models import FundingScheme
from wdhs.metrics import Metric, register_metric


def funding_schemes() -> float:
    return float(FundingScheme.objects.active().count())


def register() -> None:
    register_metric(
        Metric(
            code="funding.schemes",
            label="Financieringsregelingen in de wijzer",
            unit="regelingen",
            current=funding_schemes,
        )
    )
