"""What /zoeken/ and /financiering/ search among the funding schemes: the ones the finder shows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet

from knowledge.funding.models import FundingScheme
from wdhs.search.index import watch
from wdhs.search.registry import SearchSource, register_search_source

if TYPE_CHECKING:
    from wdhs.models import AnyUser


def active_schemes(user: AnyUser) -> QuerySet[FundingScheme]:
    return FundingScheme.objects.active().select_related("kind", "funder")


def scheme_text(scheme: FundingScheme) -> str:
    """What a search snippet is made from: the summary and the description, without the example note."""
    return f"{scheme.summary} {scheme.description_text}"


SCHEMES = SearchSource(
    key="financiering",
    label="Financiering",
    order=40,
    queryset=active_schemes,
    template="search/result_funding.html",
    title=lambda scheme: scheme.name,
    text=scheme_text,
    table="knowledge_fundingscheme",
    freshness=("updated_at",),
    list_url_name="funding:finder",
    defer=("search_vector", "funder__search_vector"),
)


def register() -> None:
    register_search_source(SCHEMES)
    watch(FundingScheme)
