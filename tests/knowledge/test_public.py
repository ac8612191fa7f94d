from __future__ import annotations

import re

import pytest
from django.urls import reverse

from knowledge.models import Resource
from tests.factories import OrganisationFactory, ResourceFactory, municipality, province, term
from tests.sitemaps import sitemap_text

pytestmark = pytest.mark.django_db


def test_list_shows_published_only(client):
    ResourceFactory(title="Samen een buurtmoestuin beginnen")
    ResourceFactory(title="Geheim concept", status=Resource.Status.DRAFT, published_at=None)
    ResourceFactory(title="Oud en gearchiveerd", status=Resource.Status.ARCHIVED)
    response = client.get(reverse("knowledge:list"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Samen een buurtmoestuin beginnen" in html
    assert "Geheim concept" not in html and "Oud en gearchiveerd" not in html
    assert len(re.findall(r"<h1[\s>]", html)) == 1
    assert "style=" not in html


def test_facets_filter_combine_and_count(client):
    org = OrganisationFactory(name="Buurtkracht", slug="buurtkracht")
    wonen, voedsel = term("theme", "wonen"), term("theme", "voedsel")
    idee, starten = term("phase", "idee"), term("phase", "starten")
    ResourceFactory(title="Wonen idee", themes=[wonen], phases=[idee], organisation=org)
    ResourceFactory(title="Wonen starten", themes=[wonen], phases=[starten])
    ResourceFactory(title="Voedsel starten", themes=[voedsel], phases=[starten])

    response = client.get(reverse("knowledge:list"), {"thema": "wonen"})
    html = response.content.decode()
    assert "Wonen idee" in html and "Wonen starten" in html and "Voedsel starten" not in html
    facets = {facet.param: facet for facet in response.context["facets"]}
    phase_counts = {item.label: item.count for item in facets["fase"].items}
    assert phase_counts == {"Idee": 1, "Starten": 1}
    assert {item.label: item.count for item in facets["organisatie"].items}["Buurtkracht"] == 1
    # Within its own facet a value counts what you get when you switch to it.
    theme_counts = {item.label: (item.count, item.selected) for item in facets["thema"].items}
    assert theme_counts["Wonen"] == (2, True) and theme_counts["Voedsel"] == (1, False)

    response = client.get(reverse("knowledge:list"), {"thema": "wonen", "fase": "starten"})
    assert [item.title for item in response.context["items"]] == ["Wonen starten"]
    # The facet links keep the other facets so a result can be shared.
    links = [item.url for facet in response.context["facets"] for item in facet.items]
    assert any("thema=wonen" in url and "fase=starten" in url for url in links)


def test_region_facet(client):
    ResourceFactory(title="Landelijk stuk")
    ResourceFactory(title="Alleen Utrecht", scope=Resource.Scope.PROVINCE, province=province("Utrecht"))
    ResourceFactory(title="Alleen Zwolle", scope=Resource.Scope.MUNICIPALITY, municipality=municipality("Zwolle"))
    titles = lambda params: {i.title for i in client.get(reverse("knowledge:list"), params).context["items"]}  # noqa: E731
    assert titles({"regio": "heel-nederland"}) == {"Landelijk stuk"}
    assert titles({"regio": "utrecht"}) == {"Alleen Utrecht"}
    assert titles({"regio": "overijssel"}) == {"Alleen Zwolle"}


def test_unknown_filter_value_gives_dutch_message_and_400(client):
    ResourceFactory(title="Blijft zichtbaar")
    response = client.get(reverse("knowledge:list"), {"thema": "bestaat-niet", "page": "abc"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Een van de filters in het webadres kennen we niet" in html
    assert "Blijft zichtbaar" in html


def test_pagination(client):
    for _ in range(25):
        ResourceFactory()
    response = client.get(reverse("knowledge:list"), {"page": 2})
    assert response.status_code == 200
    assert len(response.context["items"]) == 5
    assert client.get(reverse("knowledge:list"), {"page": 999}).status_code == 200


def test_list_query_count_stays_constant(client, django_assert_max_num_queries):
    def count_queries() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("knowledge:list"), {"q": "buurt", "thema": "zorg-en-welzijn"}).status_code == 200
        return len(ctx.captured_queries)

    for _ in range(3):
        ResourceFactory(title="Buurt helpen")
    count_queries()  # warm-up: the first request of a test fills caches (the taxonomy of the facets)
    few = count_queries()
    for _ in range(30):
        ResourceFactory(title="Buurt helpen", phases=[term("phase", "idee"), term("phase", "groeien")])
    assert count_queries() == few
    with django_assert_max_num_queries(15):
        client.get(reverse("knowledge:list"))


def test_detail_shows_body_organisation_and_related(client):
    org = OrganisationFactory(name="Katalys test", description="Wij ondersteunen bewoners.")
    other = ResourceFactory(title="Verwant stuk")
    resource = ResourceFactory(
        title="Welke rechtsvorm past?", body="## Stichting\n\nEen bestuur zonder leden.", organisation=org
    )
    resource.related.set([other])
    response = client.get(resource.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h2>Stichting</h2>" in html
    assert "Katalys test" in html and "Verwant stuk" in html


def test_detail_of_draft_is_404_for_visitors(client, user):
    draft = ResourceFactory(status=Resource.Status.DRAFT, published_at=None)
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(user)
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(reverse("knowledge:detail", args=["bestaat-niet"])).status_code == 404


def test_feed_lists_published(client):
    ResourceFactory(title="In de feed")
    ResourceFactory(title="Niet in de feed", status=Resource.Status.DRAFT, published_at=None)
    atom = client.get(reverse("knowledge:feed"))
    assert atom.status_code == 200 and "application/atom+xml" in atom["Content-Type"]
    assert "In de feed" in atom.content.decode() and "Niet in de feed" not in atom.content.decode()
    rss = client.get(reverse("knowledge:feed_rss"))
    assert "<rss" in rss.content.decode()


def test_sitemap_has_published_resources_and_organisations(client):
    published = ResourceFactory()
    draft = ResourceFactory(status=Resource.Status.DRAFT, published_at=None)
    xml = sitemap_text(client)
    assert published.get_absolute_url() in xml
    assert draft.get_absolute_url() not in xml
    assert published.organisation.get_absolute_url() in xml


def test_organisation_list_and_detail(client):
    org = OrganisationFactory(name="Buurtfonds Oost", kind="fonds", services="Advies\nKleine giften")
    org.themes.set([term("theme", "wonen")])
    OrganisationFactory(name="Kennisplek", kind="kennisinstituut")
    ResourceFactory(title="Zichtbaar stuk", organisation=org)
    ResourceFactory(title="Verborgen stuk", organisation=org, status=Resource.Status.DRAFT, published_at=None)
    html = client.get(reverse("knowledge:organisation_list"), {"soort": "fonds"}).content.decode()
    assert "Buurtfonds Oost" in html and "Kennisplek" not in html
    html = client.get(reverse("knowledge:organisation_list"), {"thema": "wonen"}).content.decode()
    assert "Buurtfonds Oost" in html and "Kennisplek" not in html
    response = client.get(org.get_absolute_url())
    html = response.content.decode()
    assert "Zichtbaar stuk" in html and "Verborgen stuk" not in html and "Kleine giften" in html
    assert client.get(reverse("knowledge:organisation_list"), {"soort": "<script>"}).status_code == 400
    assert client.get(reverse("knowledge:organisation_detail", args=["niemand"])).status_code == 404


def test_home_shows_themes_with_counts_and_newest(client):
    ResourceFactory(title="Nieuwste stuk", themes=[term("theme", "wonen")])
    html = client.get("/").content.decode()
    assert "Nieuwste stuk" in html
    assert "/kennis/?thema=wonen" in html
    assert "1 kennisitem" in html


def test_knowledge_pages_have_one_h1_and_no_inline_style_or_script(client):
    resource = ResourceFactory(body="Tekst met [link](https://example.org).")
    pages = [
        reverse("knowledge:list"),
        reverse("knowledge:list") + "?q=tekst",
        resource.get_absolute_url(),
        reverse("knowledge:organisation_list"),
        resource.organisation.get_absolute_url(),
    ]
    for url in pages:
        html = client.get(url).content.decode()
        assert len(re.findall(r"<h1[\s>]", html)) == 1, url
        assert "style=" not in html and "<script>" not in html, url


def test_hostile_urls_give_4xx_or_a_normal_page(client):
    resource = ResourceFactory()
    assert client.get(reverse("knowledge:attachment", args=[resource.slug, 10**22])).status_code == 404
    assert client.get(reverse("knowledge:list"), {"page": "9" * 30}).status_code == 200
    assert client.get(reverse("knowledge:list"), {"regio": "<script>"}).status_code == 400
    assert client.get(reverse("knowledge:list"), {"organisatie": "' OR 1=1 --"}).status_code == 400


def test_organisations_can_be_searched_with_the_ranking_of_the_search_page(client):
    from wdhs.search.index import refresh_pending

    OrganisationFactory(name="Vrijwilligerspunt Oost", description="Wij helpen vrijwilligers.")
    OrganisationFactory(name="Energiekoepel", description="Samen energie opwekken.")
    refresh_pending()
    response = client.get(reverse("knowledge:organisation_list"), {"q": "vrijwilliger"})
    assert response.status_code == 200
    assert [o.name for o in response.context["organisations"]] == ["Vrijwilligerspunt Oost"]
    response = client.get(reverse("knowledge:organisation_list"), {"q": "zwembadbeheer"})
    assert "Geen organisatie gevonden met ‘zwembadbeheer’" in response.content.decode()


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": "x" * 2001}, "Je zoekvraag is te lang"),
        ({"q": "buurt", "soort": "onbekend"}, "Een van de filters in het webadres kennen we niet"),
    ],
)
def test_organisation_search_with_bad_input_gives_a_dutch_400(client, params, message):
    response = client.get(reverse("knowledge:organisation_list"), params)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_organisation_list_is_paged_with_counts_per_page(client, django_assert_max_num_queries):
    organisations = OrganisationFactory.create_batch(34)
    ResourceFactory.create_batch(2, organisation=organisations[0])
    with django_assert_max_num_queries(8):
        first = client.get("/organisaties/")
    assert len(first.context["organisations"]) == 30
    assert "Pagina 1 van 2" in first.content.decode()
    counted = {o.pk: o.published_count for o in first.context["organisations"]}
    assert counted.get(organisations[0].pk, 2) == 2
    second = client.get("/organisaties/", {"page": "2"})
    assert second.status_code == 200 and len(second.context["organisations"]) >= 4
    assert client.get("/organisaties/", {"page": "x" * 500}).status_code == 200
