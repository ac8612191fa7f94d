"""The DCAT-AP-NL catalogue at /open-data/catalogus.jsonld: real JSON-LD (parsed by rdflib), with what DCAT-AP-NL
3.0 asks of each dataset and distribution, and every address on the portal in it answering 200."""

from __future__ import annotations

from urllib.parse import urldefrag, urlsplit

import pytest
from django.urls import reverse
from rdflib import RDF, Graph, Literal, Namespace, URIRef

from tests.factories import EventFactory, FundingSchemeFactory, InitiativeFactory, MeasurementFactory, ResourceFactory
from wdhs.opendata import datasets

pytestmark = [
    pytest.mark.django_db,
    # rdflib's JSON-LD reader still uses its own ConjunctiveGraph inside; nothing this test can change.
    pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning"),
]

DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
# Addresses outside the portal that DCAT-AP-NL prescribes: the EU vocabularies, the media types, the licence.
ELSEWHERE = (
    "http://publications.europa.eu/resource/authority/",
    "https://www.iana.org/assignments/media-types/",
    "http://creativecommons.org/publicdomain/zero/1.0/",
)


@pytest.fixture
def graph(client, empty_cache) -> Graph:
    InitiativeFactory()
    ResourceFactory()
    FundingSchemeFactory()
    EventFactory()
    MeasurementFactory()
    response = client.get(reverse("opendata:catalogue"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json; charset=utf-8"
    return Graph().parse(data=response.content.decode(), format="json-ld")


def _dutch(graph: Graph, subject: URIRef, predicate: URIRef) -> str:
    (value,) = list(graph.objects(subject, predicate))
    assert isinstance(value, Literal) and value.language == "nl", (subject, predicate, value)
    return str(value)


def test_catalogue_is_json_ld_with_one_dataset_per_dataset_of_the_page(graph):
    (catalogue,) = list(graph.subjects(RDF.type, DCAT.Catalog))
    listed = set(graph.objects(catalogue, DCAT.dataset))
    assert listed == set(graph.subjects(RDF.type, DCAT.Dataset))
    assert {str(urldefrag(str(d)).fragment) for d in listed} == {d.slug for d in datasets.DATASETS}
    assert _dutch(graph, catalogue, DCTERMS["title"]).startswith("Open data")
    assert (None, RDF.type, DCAT.DataService) in graph


def test_every_dataset_has_what_dcat_ap_nl_asks(graph):
    for dataset in graph.subjects(RDF.type, DCAT.Dataset):
        slug = urldefrag(str(dataset)).fragment
        assert _dutch(graph, dataset, DCTERMS["title"]) == datasets.BY_SLUG[slug].title
        assert _dutch(graph, dataset, DCTERMS.description)
        assert list(graph.objects(dataset, DCTERMS.identifier))
        (publisher,) = list(graph.objects(dataset, DCTERMS.publisher))
        assert (publisher, RDF.type, FOAF.Agent) in graph and list(graph.objects(publisher, FOAF.name))
        assert list(graph.objects(dataset, DCTERMS.creator)) == [publisher]
        (contact,) = list(graph.objects(dataset, DCAT.contactPoint))
        assert (contact, RDF.type, VCARD.Kind) in graph and list(graph.objects(contact, VCARD.hasURL))
        assert list(graph.objects(dataset, DCTERMS.accessRights)) == [
            URIRef("http://publications.europa.eu/resource/authority/access-right/PUBLIC")
        ]
        themes = list(graph.objects(dataset, DCAT.theme))
        assert themes and all(str(t).startswith(ELSEWHERE[0] + "data-theme/") for t in themes)
        (modified,) = list(graph.objects(dataset, DCTERMS.modified))  # every dataset has a row in the fixture
        assert str(modified.datatype).endswith("#date")
        distributions = list(graph.objects(dataset, DCAT.distribution))
        assert len(distributions) == 3  # CSV, JSON and the API
        for distribution in distributions:
            assert (distribution, RDF.type, DCAT.Distribution) in graph
            assert list(graph.objects(distribution, DCAT.accessURL))
            assert list(graph.objects(distribution, DCAT.mediaType))
            assert list(graph.objects(distribution, DCTERMS["format"]))
            assert list(graph.objects(distribution, DCTERMS.license))
        downloads = {str(url) for d in distributions for url in graph.objects(d, DCAT.downloadURL)}
        assert {urlsplit(url).path.rsplit(".", 1)[-1] for url in downloads} == {"csv", "json"}


def test_licences_say_cc0_where_it_holds_and_the_plain_truth_for_partner_content(graph):
    def licences(slug: str) -> set[str]:
        dataset = URIRef(f"http://testserver/open-data/#{slug}")
        return {
            str(lic) for d in graph.objects(dataset, DCAT.distribution) for lic in graph.objects(d, DCTERMS.license)
        }

    assert licences("initiatieven") == licences("indicatoren") == {datasets.CC0_URI}
    (partner,) = licences("kennis")
    assert partner == "http://testserver/open-data/#licentie-partners"
    text = _dutch(graph, URIRef(partner), DCTERMS.description)
    assert "Vraag de organisatie" in text and "CC0" not in text


def test_every_address_in_the_catalogue_answers(graph, client):
    addresses = {str(node) for triple in graph for node in triple if isinstance(node, URIRef)}
    vocabulary = ("http://www.w3.org/", "http://purl.org/dc/terms/", "http://xmlns.com/foaf/")
    ours = sorted(a for a in addresses if a.startswith("http://testserver/"))
    others = [a for a in addresses if not a.startswith(("http://testserver/", *ELSEWHERE, *vocabulary))]
    assert not others, others
    assert any(a.endswith(".csv") for a in ours) and any("/api/v1/" in a for a in ours)
    for address in ours:
        path = urlsplit(urldefrag(address).url)
        response = client.get(path.path, HTTP_ACCEPT="*/*")
        assert response.status_code == 200, address
