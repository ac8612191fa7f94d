"""The catalogue of /open-data/ in DCAT-AP-NL 3.0, as JSON-LD, so that the national open-data portal can harvest it.

Per dataset: title and description in Dutch, publisher, creator and contact point, theme and access rights from the
EU vocabularies that DCAT-AP-NL prescribes, the date of the last change, and a distribution per format (CSV, JSON
and the API) with its download or access URL, media type, format and licence. For partner content there is no open
licence: its distributions point to the explanation on /open-data/ as a licence document, described in words.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from wdhs.opendata.datasets import DATASETS, Dataset, Licence

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
}
PUBLIC = "http://publications.europa.eu/resource/authority/access-right/PUBLIC"
DUTCH = "http://publications.europa.eu/resource/authority/language/NLD"
FILE_TYPES = {
    "csv": ("http://publications.europa.eu/resource/authority/file-type/CSV", "text/csv"),
    "json": ("http://publications.europa.eu/resource/authority/file-type/JSON", "application/json"),
}
MEDIA_TYPES = "https://www.iana.org/assignments/media-types/"
PUBLISHER_NAME = "Coalitie We Doen Het Samen"


def _nl(text: str) -> dict[str, str]:
    return {"@value": text, "@language": "nl"}


def _date(moment: datetime.datetime | None) -> dict[str, str] | None:
    if moment is None:
        return None
    return {"@value": timezone.localtime(moment).date().isoformat(), "@type": "xsd:date"}


def licence_uri(request: HttpRequest, licence: Licence) -> str:
    return licence.uri or request.build_absolute_uri(f"{reverse('open_data')}#licentie-{licence.key}")


def _licence_node(request: HttpRequest, licence: Licence) -> dict[str, Any]:
    node: dict[str, Any] = {"@id": licence_uri(request, licence), "@type": "dct:LicenseDocument"}
    if not licence.is_open:
        node["dct:title"] = _nl(licence.name)
        node["dct:description"] = _nl(licence.text)
    return node


def _distributions(request: HttpRequest, dataset: Dataset) -> list[dict[str, Any]]:
    absolute = request.build_absolute_uri
    licence = {"@id": licence_uri(request, dataset.licence)}
    found = []
    for fmt, url_name in (("csv", dataset.csv_url_name), ("json", dataset.json_url_name)):
        file_type, media_type = FILE_TYPES[fmt]
        kwargs = {} if url_name.startswith("initiatives:") else {"slug": dataset.slug}
        url = absolute(reverse(url_name, kwargs=kwargs))
        found.append(
            {
                "@id": url,
                "@type": "dcat:Distribution",
                "dct:title": _nl(f"{dataset.title} als {fmt.upper()}"),
                "dcat:accessURL": {"@id": url},
                "dcat:downloadURL": {"@id": url},
                "dcat:mediaType": {"@id": f"{MEDIA_TYPES}{media_type}"},
                "dct:format": {"@id": file_type},
                "dct:license": licence,
                "dct:language": {"@id": DUTCH},
            }
        )
    api = absolute(f"/api/v1/{dataset.api_path}")
    found.append(
        {
            "@id": api,
            "@type": "dcat:Distribution",
            "dct:title": _nl(f"{dataset.title} via de API"),
            "dct:description": _nl("Bladzijden van hoogstens 100, met filters. Zie de uitleg van de API."),
            "dcat:accessURL": {"@id": api},
            "dcat:accessService": {"@id": absolute(reverse("api_v1:docs"))},
            "dcat:mediaType": {"@id": f"{MEDIA_TYPES}application/json"},
            "dct:format": {"@id": FILE_TYPES["json"][0]},
            "dct:license": licence,
            "dct:language": {"@id": DUTCH},
        }
    )
    return found


def catalogue(request: HttpRequest, last_changes: dict[str, datetime.datetime | None]) -> dict[str, Any]:
    absolute = request.build_absolute_uri
    page = absolute(reverse("open_data"))
    publisher = {
        "@id": absolute("/"),
        "@type": "foaf:Agent",
        "foaf:name": _nl(PUBLISHER_NAME),
        "foaf:homepage": {"@id": absolute("/")},
    }
    contact = {
        "@type": "vcard:Kind",
        "vcard:fn": _nl("Redactie kennisplatform We Doen Het Samen"),
        "vcard:hasURL": {"@id": absolute(reverse("contact"))},
    }
    datasets = []
    for dataset in DATASETS:
        node: dict[str, Any] = {
            "@id": f"{page}#{dataset.slug}",
            "@type": "dcat:Dataset",
            "dct:identifier": f"{page}#{dataset.slug}",
            "dct:title": _nl(dataset.title),
            "dct:description": _nl(dataset.description),
            "dct:publisher": {"@id": publisher["@id"]},
            "dct:creator": {"@id": publisher["@id"]},
            "dcat:contactPoint": contact,
            "dct:accessRights": {"@id": PUBLIC},
            "dct:language": {"@id": DUTCH},
            "dcat:theme": [{"@id": theme} for theme in dataset.themes],
            "dcat:landingPage": {"@id": absolute(dataset.landing_url)},
            "foaf:page": {"@id": f"{page}#{dataset.slug}"},
            "dcat:distribution": _distributions(request, dataset),
        }
        modified = _date(last_changes.get(dataset.slug))
        if modified is not None:
            node["dct:modified"] = modified
        datasets.append(node)
    service = {
        "@id": absolute(reverse("api_v1:docs")),
        "@type": "dcat:DataService",
        "dct:title": _nl("API voor open data van We Doen Het Samen"),
        "dcat:endpointURL": {"@id": absolute("/api/v1/initiatieven")},
        "dcat:endpointDescription": {"@id": absolute("/api/v1/openapi.json")},
        "dct:publisher": {"@id": publisher["@id"]},
        "dct:accessRights": {"@id": PUBLIC},
        "dcat:servesDataset": [{"@id": node["@id"]} for node in datasets],
    }
    licences = {dataset.licence.key: _licence_node(request, dataset.licence) for dataset in DATASETS}
    newest = [moment for moment in last_changes.values() if moment is not None]
    catalogue_node: dict[str, Any] = {
        "@id": absolute(reverse("opendata:catalogue")),
        "@type": "dcat:Catalog",
        "dct:title": _nl("Open data van het kennisplatform We Doen Het Samen"),
        "dct:description": _nl(
            "Initiatieven, kennis, organisaties, financieringsregelingen, activiteiten en de indicatoren van de "
            "doelen van We Doen Het Samen, als CSV, JSON en via een API."
        ),
        "dct:publisher": publisher,
        "dct:language": {"@id": DUTCH},
        "foaf:homepage": {"@id": page},
        "dcat:dataset": datasets,
        "dcat:service": service,
    }
    if newest:
        catalogue_node["dct:modified"] = _date(max(newest))
    return {"@context": CONTEXT, "@graph": [catalogue_node, *licences.values()]}
