"""Open data: every published initiative as CSV and JSON, without personal data, under CC0."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import OuterRef, Q, QuerySet
from django.http import HttpRequest, StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import condition, require_GET

from initiatives.models import Initiative
from wdhs import csvsafe, pagecache
from wdhs.models import Term

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


# Rows are read from the database in chunks and written out as they come (a streaming response), so a
# download of the whole country never holds the file, or all rows, in memory. Each chunk is its own short query
# that starts after the last row of the one before (keyset, on the index initiative_published_name), not one
# cursor held open for the whole download: a slow client then keeps no cursor and no transaction open, and the
# export works behind a connection pooler in transaction mode (DB_POOLER=transaction, no server-side cursors).
CHUNK = 2000


# Plain values straight from one query (no model objects), the theme and need names gathered per row by the
# database; the page address from one reversed pattern.
FIELDS = (
    "name",
    "slug",
    "kind__name",
    "legal_form__name",
    "kvk_number",
    "municipality__name",
    "municipality__code",
    "municipality__province__name",
    "area",
    "phase__name",
    "founded_year",
    "active_people",
    "website",
    "description",
    "published_at",
    "confirmed_at",
    "theme_names",
    "need_names",
)


def _in_chunks(rows: QuerySet[Any]) -> Iterator[tuple[Any, ...]]:
    """Rows ordered by (name, pk), whose last value is the pk, CHUNK at a time: each chunk starts after the last."""
    after: tuple[str, int] | None = None
    while True:
        # name >= last is what the index seeks on; the rest drops the rows of that name already written.
        chunk = rows if after is None else rows.filter(Q(name__gte=after[0]), Q(name__gt=after[0]) | Q(pk__gt=after[1]))
        batch = list(chunk[:CHUNK])
        yield from batch
        if len(batch) < CHUNK:
            return
        after = (batch[-1][0], batch[-1][-1])


def _export_rows(request: HttpRequest) -> Iterator[dict[str, Any]]:
    site = request.build_absolute_uri("/").rstrip("/")
    page = site + reverse("initiatives:detail", args=["SLUG"])
    rows = (
        Initiative.objects.published()
        .annotate(
            theme_names=ArraySubquery(Term.objects.filter(initiatives_with_theme=OuterRef("pk")).values("name")),
            need_names=ArraySubquery(Term.objects.filter(initiatives_with_need=OuterRef("pk")).values("name")),
        )
        .order_by("name", "pk")
        .values_list(*FIELDS, "pk")
    )
    for row in _in_chunks(rows):
        i = dict(zip(FIELDS, row, strict=False))
        yield {
            "naam": i["name"],
            "url": page.replace("SLUG", i["slug"]),
            "soort": i["kind__name"],
            "rechtsvorm": i["legal_form__name"],
            "kvk_nummer": i["kvk_number"],
            "gemeente": i["municipality__name"],
            "gemeentecode": i["municipality__code"],
            "provincie": i["municipality__province__name"],
            "wijk_of_dorp": i["area"],
            "themas": "; ".join(i["theme_names"]),
            "fase": i["phase__name"],
            "behoeften": "; ".join(i["need_names"]),
            "opgericht": i["founded_year"] or "",
            "actieve_mensen": i["active_people"],
            "website": i["website"],
            "beschrijving": i["description"],
            "gepubliceerd": timezone.localtime(i["published_at"]).date().isoformat() if i["published_at"] else "",
            "laatst_bevestigd": timezone.localtime(i["confirmed_at"]).date().isoformat(),
        }


def _version(request: HttpRequest) -> str:
    """Changes whenever the export could: any write to the initiatives, their links or what they name (a theme,
    a municipality), also a delete. Read from the table versions (wdhs/pagecache.py): no query over the rows."""
    return pagecache.etag_of(pagecache.model_tables(Initiative, related=True))


class _Line:
    """What the CSV writer writes to: hands each formatted line back instead of keeping it."""

    def write(self, value: str) -> str:
        return value


def _csv_lines(request: HttpRequest) -> Iterator[str]:
    yield "\ufeff"  # so spreadsheet programs read the accents right
    writer = csvsafe.DictWriter(_Line(), fieldnames=[name for name, _ in EXPORT_COLUMNS])
    yield writer.writeheader()
    for row in _export_rows(request):
        yield writer.writerow(row)


def _json_parts(request: HttpRequest) -> Iterator[str]:
    head = {
        "titel": "Initiatieven op het kennisplatform We Doen Het Samen",
        "licentie": LICENCE,
        "bron": request.build_absolute_uri("/initiatieven/"),
        "gemaakt": timezone.now().isoformat(timespec="seconds"),
        "kolommen": dict(EXPORT_COLUMNS),
    }
    # The object without its closing brace, then the list written row by row: valid JSON once complete.
    yield json.dumps(head, ensure_ascii=False, indent=2)[:-2] + ',\n  "initiatieven": ['
    separator = "\n    "
    for row in _export_rows(request):
        yield separator + json.dumps(row, ensure_ascii=False, default=str)
        separator = ",\n    "
    yield "\n  ]\n}\n"


def _streamed(parts: Iterator[str], content_type: str, filename: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse((part.encode() for part in parts), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Link"] = LICENCE_LINK
    response["Cache-Control"] = "public, max-age=300"
    return response


@require_GET
@condition(etag_func=_version)
def export_csv(request: HttpRequest) -> StreamingHttpResponse:
    return _streamed(_csv_lines(request), "text/csv; charset=utf-8", "initiatieven.csv")


@require_GET
@condition(etag_func=_version)
def export_json(request: HttpRequest) -> StreamingHttpResponse:
    return _streamed(_json_parts(request), "application/json; charset=utf-8", "initiatieven.json")
