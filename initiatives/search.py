"""What /zoeken/ and /initiatieven/ search in this app: the published initiatives."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet

from initiatives.models import Initiative
from wdhs.search.index import watch
from wdhs.search.query import plain_markdown
from wdhs.search.registry import SearchSource, register_search_source

if TYPE_CHECKING:
    from wdhs.models import AnyUser


def published_initiatives(user: AnyUser) -> QuerySet[Initiative]:
    return Initiative.objects.published().with_small("municipality", "kind")


INITIATIVES = SearchSource(
    key="initiatieven",
    label="Initiatieven",
    order=20,
    queryset=published_initiatives,
    template="search/result_initiative.html",
    title=lambda initiative: initiative.name,
    text=lambda initiative: plain_markdown(initiative.description),
    table="initiatives_initiative",
    freshness=("confirmed_at",),
    newest="confirmed_at",
    list_url_name="initiatives:list",
    defer=("search_vector", "pending_changes"),
)


def register() -> None:
    register_search_source(INITIATIVES)
    watch(Initiative)
