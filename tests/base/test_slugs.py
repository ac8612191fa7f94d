"""Slugs clear of the fixed pages next to them: /kennis/feed/ is the feed, so a knowledge item "Feed" gets feed-2."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError

from initiatives.models import Initiative
from knowledge.events.models import Event
from knowledge.funding.models import FundingScheme
from knowledge.models import Organisation, Resource
from tests.factories import EventFactory, FundingSchemeFactory, InitiativeFactory, OrganisationFactory, ResourceFactory
from wdhs.slugs import shadowed

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url_names", "taken", "free"),
    [
        (("knowledge:detail", "knowledge:editor_resource_edit"), {"feed", "nieuw"}, {"feedback", "kaart"}),
        (("initiatives:detail", "initiatives:manage"), {"feed", "kaart", "aanmelden"}, {"nieuw", "feeds"}),
        (("funding:detail",), {"feed"}, {"nieuw", "kaart"}),
        (("events:detail",), {"afgelopen"}, {"feed", "komend"}),
        (("knowledge:organisation_detail", "knowledge:editor_organisation_edit"), {"feed"}, {"nieuw", "kaart"}),
    ],
)
def test_the_urls_say_which_slugs_a_fixed_page_takes(url_names, taken, free):
    assert {word for word in taken | free if shadowed(word, url_names)} == taken


def test_a_new_knowledge_item_called_feed_gets_an_address_of_its_own(client):
    item = ResourceFactory(title="Feed", slug="")
    assert item.slug == "feed-2"
    assert client.get(item.get_absolute_url()).status_code == 200
    assert ResourceFactory(title="Nieuw", slug="").slug == "nieuw-2"


@pytest.mark.parametrize("name", ["Feed", "Kaart", "Aanmelden", "Export"])
def test_a_new_initiative_never_takes_a_fixed_page(client, name):
    initiative = InitiativeFactory(name=name)
    assert initiative.slug == f"{name.lower()}-2"
    assert client.get(initiative.get_absolute_url()).status_code == 200


@pytest.mark.parametrize(
    ("make", "slug", "address"),
    [
        (ResourceFactory.build, "feed", "/kennis/feed/"),
        (ResourceFactory.build, "nieuw", "/mijn/kennis/nieuw/"),
        (InitiativeFactory.build, "kaart", "/initiatieven/kaart/"),
        (FundingSchemeFactory.build, "feed", "/financiering/feed/"),
        (EventFactory.build, "afgelopen", "/agenda/afgelopen/"),
        (OrganisationFactory.build, "feed", "/organisaties/feed/"),
    ],
)
def test_a_slug_typed_in_the_admin_that_a_fixed_page_takes_gets_a_dutch_message(make, slug, address):
    row = make(slug=slug)
    with pytest.raises(ValidationError) as raised:
        row.clean()
    assert raised.value.message_dict["slug"] == [
        f"Dit adres hoort al bij een vaste pagina ({address}). Kies een ander adres, bijvoorbeeld {slug}-2."
    ]
    row.slug = f"{slug}-2"
    row.clean()  # a free slug passes


def test_an_organisation_slug_is_free_when_no_fixed_page_takes_it():
    OrganisationFactory.build(slug="nieuw").clean()


def test_the_migrations_move_rows_that_could_never_be_reached(client):
    resource = ResourceFactory(slug="feed")
    ResourceFactory(slug="feed-2")  # taken: the item moves on to feed-3
    untouched = ResourceFactory(slug="feedback")
    scheme = FundingSchemeFactory(slug="feed")
    event = EventFactory(slug="afgelopen")
    initiative = InitiativeFactory()
    Initiative.objects.filter(pk=initiative.pk).update(slug="kaart")
    partner = OrganisationFactory()
    Organisation.objects.filter(pk=partner.pk).update(slug="feed")

    importlib.import_module("knowledge.migrations.0016_free_shadowed_slugs").free_shadowed_slugs(apps, None)
    importlib.import_module("initiatives.migrations.0010_free_shadowed_slugs").free_shadowed_slugs(apps, None)
    importlib.import_module("knowledge.migrations.0018_free_organisation_feed_slug").free_organisation_feed_slug(
        apps, None
    )

    assert Resource.objects.get(pk=resource.pk).slug == "feed-3"
    assert Resource.objects.get(pk=untouched.pk).slug == "feedback"
    assert FundingScheme.objects.get(pk=scheme.pk).slug == "feed-2"
    assert Event.objects.get(pk=event.pk).slug == "afgelopen-2"
    moved = Initiative.objects.get(pk=initiative.pk)
    assert moved.slug == "kaart-2"
    assert client.get(moved.get_absolute_url()).status_code == 200
    assert Organisation.objects.get(pk=partner.pk).slug == "feed-2"
