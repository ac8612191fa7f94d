"""Open data: every published initiative as CSV and JSON, without personal data, under CC0."""

from __future__ import annotations

import csv
import json
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from initiatives.models import Initiative

LICENCE = "CC0 1.0 (https://creativecommons.org/publicdomain/zero/1.0/deed.nl)"
LICENCE_LINK = '<https://creativecommons.org/publicdomain/zero/1.0/>; rel="license"'

EXPORT_COLUMNS = [
    ("naam", "Naam van het initiatief"),
    ("url", "Adres van de pagina op het portaal"),
    ("soort", "Soort initiatief"),
    ("rechtsvorm", "Rechtsvorm"),
    ("kvk_nummer", "KvK-nummer (leeg als niet opgegeven)"),
    ("gemeente", "Gemeente (CBS-naam)"),
    ("gemeentecode", "CBS-gemeentecode"),
    ("provincie", "Provincie"),
    ("wijk_of_dorp", "Wijk of dorp"),
    ("themas", "Thema's, gescheiden door een puntkomma"),
    ("fase", "Fase"),
    ("behoeften", "Wat het initiatief nodig heeft, gescheiden door een puntkomma"),
    ("opgericht", "Jaar van oprichting"),
    ("actieve_mensen", "Aantal actieve mensen (bandbreedte)"),
    ("website", "Website"),
    ("beschrijving", "Beschrijving (Markdown)"),
    ("gepubliceerd", "Datum van eerste publicatie"),
    ("laatst_bevestigd", "Datum waarop de beheerders de gegevens het laatst bevestigden"),
]


def _export_rows(request: HttpRequest) -> list[dict[str, Any]]:
    rows = []
    for i in Initiative.objects.published().with_relations().order_by("name", "pk"):
        rows.append(
            {
                "naam": i.name,
                "url": request.build_absolute_uri(i.get_absolute_url()),
                "soort": i.kind.name,
                "rechtsvorm": i.legal_form.name,
                "kvk_nummer": i.kvk_number,
                "gemeente": i.municipality.name,
                "gemeentecode": i.municipality.code,
                "provincie": i.municipality.province.name,
                "wijk_of_dorp": i.area,
                "themas": "; ".join(t.name for t in i.themes.all()),
                "fase": i.phase.name,
                "behoeften": "; ".join(t.name for t in i.needs.all()),
                "opgericht": i.founded_year or "",
                "actieve_mensen": i.active_people,
                "website": i.website,
                "beschrijving": i.description,
                "gepubliceerd": i.published_at.date().isoformat() if i.published_at else "",
                "laatst_bevestigd": i.confirmed_at.date().isoformat(),
            }
        )
    return rows


@require_GET
def export_csv(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="initiatieven.csv"'
    response.write("\ufeff")  # so spreadsheet programs read the accents right
    writer = csv.DictWriter(response, fieldnames=[name for name, _ in EXPORT_COLUMNS])
    writer.writeheader()
    for row in _export_rows(request):
        writer.writerow(row)
    response["Link"] = LICENCE_LINK
    return response


@require_GET
def export_json(request: HttpRequest) -> HttpResponse:
    data = {
        "titel": "Initiatieven op het kennisplatform We Doen Het Samen",
        "licentie": LICENCE,
        "bron": request.build_absolute_uri("/initiatieven/"),
        "gemaakt": timezone.now().isoformat(timespec="seconds"),
        "kolommen": dict(EXPORT_COLUMNS),
        "initiatieven": _export_rows(request),
    }
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2, default=str), content_type="application/json; charset=utf-8"
    )
    response["Link"] = LICENCE_LINK
    return response
