"""Funding schemes in the one search engine: the group "Financiering" on /zoeken/, visibility, write paths."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db.models import F
from django.urls import reverse

from knowledge.models import FundingScheme, Organisation
from tests.factories import FundingSchemeFactory, OrganisationFactory, term
from tests.search.keys import search_keys
from wdhs.models import SearchWord
from wdhs.search.index import refresh_pending

pytestmark = pytest.mark.django_db

URL = reverse("search:results")


def found(query: str) -> list[str]:
    return search_keys(query)["f"]


def funding_group(response):  # noqa: ANN001, ANN201
    return next((g for g in response.context["groups"] if g.source.key == "financiering"), None)


def test_a_scheme_is_found_by_a_word_form_in_the_financiering_group(client):
    FundingSchemeFactory(
        name="Opknapgeld voor je buurthuis",
        slug="opknapgeld",
        summary="Een bijdrage voor verf, meubels en een nieuwe keuken.",
        funder_name="Fonds De Wijk",
    )
    refresh_pending()
    response = client.get(URL, {"q": "buurthuizen"})
    assert response.status_code == 200
    group = funding_group(response)
    assert [r.title for r in group.results] == ["Opknapgeld voor je buurthuis"]
    html = response.content.decode()
    assert 'id="groep-financiering">Financiering' in html
    assert 'href="/financiering/opknapgeld/"' in html
    assert "Fonds De Wijk" in html
    # A compound part, a plural of the summary and the funder name find it too.
    assert found("huis") == ["f:opknapgeld"]
    assert found("keukens") == ["f:opknapgeld"]
    assert found("fonds de wijk") == ["f:opknapgeld"]


def test_the_funder_organisation_and_the_kind_are_searchable(client):
    funder = OrganisationFactory(name="Stichting Zonnestraal", short_name="Zonnestraal")
    FundingSchemeFactory(
        slug="zon", name="Startgeld", funder=funder, funder_name="", kind=term("funding_kind", "lening")
    )
    assert found("zonnestraal") == ["f:zon"]
    assert found("leningen") == ["f:zon"]


def test_a_scheme_hidden_from_the_finder_is_not_found(client):
    FundingSchemeFactory(name="Verborgen buurthuisregeling", slug="weg", is_active=False)
    response = client.get(URL, {"q": "buurthuisregeling"})
    assert response.status_code == 200
    assert funding_group(response).count == 0
    assert "Verborgen buurthuisregeling" not in response.content.decode()
    assert client.get(URL, {"q": "buurthuisregeling", "soort": "financiering"}).context["total"] == 0


def test_one_kind_page_lists_only_schemes(client):
    FundingSchemeFactory(name="Geld voor een moestuin", slug="moestuin")
    response = client.get(URL, {"q": "moestuinen", "soort": "financiering"})
    assert response.status_code == 200
    assert [g.source.key for g in response.context["groups"]] == ["financiering"]
    assert [r.item.slug for r in funding_group(response).results] == ["moestuin"]


def test_save_and_queryset_update_keep_the_index():
    scheme = FundingSchemeFactory(name="Regeling voor speeltuinen", slug="speel")
    assert found("speeltuin") == ["f:speel"]
    scheme.name = "Regeling voor dorpshuizen"
    scheme.save()
    assert found("speeltuin") == []
    assert found("dorpshuis") == ["f:speel"]
    FundingScheme.objects.filter(pk=scheme.pk).update(summary="Ook voor zwembaden.")
    assert found("zwembad") == ["f:speel"]
    FundingScheme.objects.filter(pk=scheme.pk).update(is_active=False)
    assert found("dorpshuis") == []


def test_bulk_create_keeps_the_index():
    kind = term("funding_kind", "gift")
    FundingScheme.objects.bulk_create(
        [
            FundingScheme(
                name="Bulkregeling voor bibliotheken",
                slug="bulk",
                funder_name="Fonds",
                kind=kind,
                summary="Kort.",
                apply_url="https://example.org/",
            )
        ]
    )
    assert found("bibliotheek") == ["f:bulk"]


def test_renaming_the_funder_or_the_kind_follows_in_the_index():
    funder = OrganisationFactory(name="Fonds Oud", short_name="")
    FundingSchemeFactory(slug="hernoemd", funder=funder, funder_name="", kind=term("funding_kind", "crowdfunding"))
    Organisation.objects.filter(pk=funder.pk).update(name="Fonds Nieuwbouw")
    assert found("nieuwbouw") == ["f:hernoemd"]
    kind = term("funding_kind", "crowdfunding")
    kind.name = "Geldinzameling"
    kind.save()
    assert found("geldinzameling") == ["f:hernoemd"]


def test_rebuild_command_includes_schemes(capsys):
    FundingSchemeFactory(name="Geld voor energiecoöperaties", slug="energie")
    SearchWord.objects.update(expansion="")
    FundingScheme.objects.update(name=F("name"))
    assert found("energie") == []
    call_command("rebuild_search_index")
    assert "knowledge_fundingscheme: 1 rijen opnieuw geïndexeerd" in capsys.readouterr().out
    assert found("energie") == ["f:energie"]
