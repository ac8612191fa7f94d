"""What /zoeken/ searches in this app: the five goals (a tiny table, searched by an expression)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.postgres.search import SearchVector
from django.db.models import Expression, QuerySet

from goals.models import Goal
from wdhs.search.query import SEARCH_CONFIG
from wdhs.search.registry import SearchSource, register_search_source

if TYPE_CHECKING:
    from wdhs.models import AnyUser


def goals(user: AnyUser) -> QuerySet[Goal]:
    return Goal.objects.all()


def goal_vector() -> Expression:
    return SearchVector("short_title", weight="A", config=SEARCH_CONFIG) + SearchVector(
        "statement", "explanation", weight="B", config=SEARCH_CONFIG
    )


GOALS = SearchSource(
    key="doelen",
    label="Doelen",
    order=50,
    queryset=goals,
    template="search/result_goal.html",
    title=lambda goal: str(goal),
    text=lambda goal: f"{goal.statement} {goal.explanation}",
    vector=goal_vector,
)


def register() -> None:
    register_search_source(GOALS)
