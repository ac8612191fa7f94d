"""What /zoeken/ and /kennis/ search in this app: published knowledge and the partner organisations."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet

from knowledge.models import Organisation, Resource
from wdhs.search.index import watch
from wdhs.search.query import plain_markdown
from wdhs.search.registry import SearchSource, register_search_source

if TYPE_CHECKING:
    from wdhs.models import AnyUser


def published_resources(user: AnyUser) -> QuerySet[Resource]:
    return Resource.objects.published().with_small("kind").select_related("organisation")


def organisations(user: AnyUser) -> QuerySet[Organisation]:
    return Organisation.objects.all()


def resource_text(resource: Resource) -> str:
    return f"{resource.summary} … {plain_markdown(resource.body)}"


def organisation_text(organisation: Organisation) -> str:
    return f"{organisation.description} {organisation.services}"


RESOURCES = SearchSource(
    key="kennis",
    label="Kennis",
    order=10,
    queryset=published_resources,
    template="search/result_resource.html",
    title=lambda resource: resource.title,
    text=resource_text,
    table="knowledge_resource",
    freshness=("last_reviewed_at", "published_at"),
    newest="published_at",
    list_url_name="knowledge:list",
    defer=("search_vector", "body_html", "organisation__search_vector"),
)

ORGANISATIONS = SearchSource(
    key="organisaties",
    label="Organisaties",
    order=30,
    queryset=organisations,
    template="search/result_organisation.html",
    title=lambda organisation: organisation.name,
    text=organisation_text,
    table="knowledge_organisation",
    list_url_name="knowledge:organisation_list",
    defer=("search_vector",),
)


def register() -> None:
    register_search_source(RESOURCES)
    register_search_source(ORGANISATIONS)
    watch(Resource, Organisation)
