"""Live numbers on funding for the goals app (goal 4: fitting funding for local communities)."""

from __future__ import annotations

from knowledge.funding.models import FundingScheme
from wdhs.metrics import Breakdown, Metric, register_breakdown, register_metric


def funding_schemes() -> float:
    return float(FundingScheme.objects.active().count())


def structural_schemes() -> float:
    """Schemes in the finder that a community can count on for years: multi-year, loans, cost-price-plus."""
    return float(FundingScheme.objects.active().filter(is_structural=True).count())


def one_off_schemes() -> float:
    """Schemes in the finder with one-off money for a project."""
    return float(FundingScheme.objects.active().filter(is_structural=False).count())


def structural_against_one_off() -> list[tuple[str, int]]:
    return [
        ("Structureel (meer jaren, lening, kostprijs-plus)", int(structural_schemes())),
        ("Eenmalig projectgeld", int(one_off_schemes())),
    ]


def register() -> None:
    register_metric(
        Metric(
            code="funding.schemes",
            label="Financieringsregelingen in de wijzer",
            unit="regelingen",
            current=funding_schemes,
        )
    )
    register_metric(
        Metric(
            code="funding.structural_schemes",
            label="Regelingen met structureel geld in de wijzer",
            unit="regelingen",
            current=structural_schemes,
        )
    )
    register_metric(
        Metric(
            code="funding.one_off_schemes",
            label="Regelingen met eenmalig projectgeld in de wijzer",
            unit="regelingen",
            current=one_off_schemes,
        )
    )
    register_breakdown(
        Breakdown(
            code="funding.structural_against_one_off",
            label="Structureel geld tegenover eenmalig projectgeld",
            columns=("Soort geld", "Regelingen"),
            rows=structural_against_one_off,
        )
    )
