"""The downloads of /open-data/ besides the register (initiatives.exports): their columns and their rows.

Each dataset reads plain values in chunks (wdhs.opendata.stream) with its many-to-many names gathered per row by
the database (one query per chunk, whatever the number of rows), and never a personal field: no author, editor,
contact person, e-mail address or the person who entered a measurement.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import Model, OuterRef, Subquery
from django.http import HttpRequest
from django.urls import reverse

from goals.models import Indicator, Measurement
from knowledge.events.models import Event
from knowledge.funding.models import COVERAGE_CHOICES, FundingScheme
from knowledge.models import Organisation, OrganisationKind, Resource
from wdhs.opendata.stream import Row, in_chunks, iso_date, iso_moment, joined


def names(model: type[Model], field_name: str) -> ArraySubquery:
    """The names of a row's many-to-many choices (themes, provinces, ...), A to Z, as one array per row."""
    field = model._meta.get_field(field_name)
    through = field.remote_field.through  # type: ignore[union-attr]
    source, target = field.m2m_field_name(), field.m2m_reverse_field_name()  # type: ignore[union-attr]
    return ArraySubquery(
        through.objects.filter(**{source: OuterRef("pk")}).order_by(f"{target}__name").values(f"{target}__name")
    )


def _page(request: HttpRequest, name: str) -> str:
    """The address pattern of a detail page, with SLUG in place of the slug (reversed once per download)."""
    return request.build_absolute_uri(reverse(name, args=["SLUG"]))


def _address(pattern: str, slug: str) -> str:
    return pattern.replace("SLUG", slug)


RESOURCE_COLUMNS = [
    ("titel", "De titel van het artikel, de handleiding of het voorbeeld."),
    ("url", "Het adres van de pagina op het portaal."),
    ("soort", "Wat voor kennis het is, bijvoorbeeld een stappenplan of een voorbeeld."),
    ("samenvatting", "Eén of twee zinnen over waar het over gaat."),
    ("tekst", "De hele tekst, in Markdown."),
    ("themas", "De thema's, gescheiden door een puntkomma."),
    ("fases", "Voor welke fase van een initiatief het bedoeld is, gescheiden door een puntkomma."),
    ("geldt_voor", "Voor welk gebied het geldt: heel Nederland, een provincie of een gemeente."),
    ("provincie", "De provincie, als het alleen daar geldt."),
    ("gemeente", "De gemeente, als het alleen daar geldt."),
    ("organisatie", "De organisatie die het schreef."),
    ("gepubliceerd", "De datum waarop het op het portaal kwam."),
    ("laatst_nagekeken", "De datum waarop de organisatie de tekst het laatst nakeek. Leeg: nog niet nagekeken."),
]


def resource_rows(request: HttpRequest) -> Iterator[Row]:
    page = _page(request, "knowledge:detail")
    rows = Resource.objects.published().annotate(
        theme_names=names(Resource, "themes"), phase_names=names(Resource, "phases")
    )
    fields = [
        "title",
        "slug",
        "kind__name",
        "summary",
        "body",
        "theme_names",
        "phase_names",
        "scope",
        "province__name",
        "municipality__name",
        "organisation__name",
        "published_at",
        "last_reviewed_at",
    ]
    scopes = dict(Resource.Scope.choices)
    for r in in_chunks(rows, fields):
        yield {
            "titel": r["title"],
            "url": _address(page, r["slug"]),
            "soort": r["kind__name"],
            "samenvatting": r["summary"],
            "tekst": r["body"],
            "themas": joined(r["theme_names"]),
            "fases": joined(r["phase_names"]),
            "geldt_voor": scopes.get(r["scope"], r["scope"]),
            "provincie": r["province__name"] or "",
            "gemeente": r["municipality__name"] or "",
            "organisatie": r["organisation__name"] or "",
            "gepubliceerd": iso_date(r["published_at"]),
            "laatst_nagekeken": iso_date(r["last_reviewed_at"]),
        }


ORGANISATION_COLUMNS = [
    ("naam", "De naam van de organisatie."),
    ("url", "Het adres van de pagina van de organisatie op het portaal."),
    ("soort", "Wat voor organisatie het is, bijvoorbeeld een fonds of een kennisinstituut."),
    ("beschrijving", "Wat de organisatie doet, in haar eigen woorden."),
    ("website", "De website van de organisatie."),
    ("landelijk", "ja: de organisatie werkt in heel Nederland. nee: alleen in de genoemde provincies of gemeenten."),
    ("themas", "De thema's waar de organisatie aan werkt, gescheiden door een puntkomma."),
    ("provincies", "De provincies waar de organisatie werkt, gescheiden door een puntkomma."),
    ("gemeenten", "De gemeenten waar de organisatie werkt, gescheiden door een puntkomma."),
]


def _yes_no(value: bool) -> str:
    return "ja" if value else "nee"


def organisation_rows(request: HttpRequest) -> Iterator[Row]:
    page = _page(request, "knowledge:organisation_detail")
    rows = Organisation.objects.annotate(
        theme_names=names(Organisation, "themes"),
        province_names=names(Organisation, "provinces"),
        municipality_names=names(Organisation, "municipalities"),
    )
    fields = [
        "name",
        "slug",
        "kind",
        "description",
        "website",
        "is_national",
        "theme_names",
        "province_names",
        "municipality_names",
    ]
    kinds = dict(OrganisationKind.choices)
    for o in in_chunks(rows, fields):
        yield {
            "naam": o["name"],
            "url": _address(page, o["slug"]),
            "soort": kinds.get(o["kind"], o["kind"]),
            "beschrijving": o["description"],
            "website": o["website"],
            "landelijk": _yes_no(o["is_national"]),
            "themas": joined(o["theme_names"]),
            "provincies": joined(o["province_names"]),
            "gemeenten": joined(o["municipality_names"]),
        }


FUNDING_COLUMNS = [
    ("naam", "De naam van de regeling."),
    ("url", "Het adres van de pagina van de regeling op het portaal."),
    ("soort", "Wat voor geld of hulp het is, bijvoorbeeld een subsidie of een lening."),
    ("verstrekker", "De organisatie die het geld geeft."),
    ("samenvatting", "Eén of twee zinnen over de regeling."),
    ("uitleg", "Wat je kunt aanvragen en hoe."),
    ("aanvragen", "De link waar je de regeling aanvraagt."),
    ("themas", "Voor welke thema's de regeling is, gescheiden door een puntkomma. Leeg: alle thema's."),
    ("minimumbedrag", "Het kleinste bedrag dat je kunt aanvragen, in euro. Leeg: geen minimum."),
    ("maximumbedrag", "Het grootste bedrag dat je kunt aanvragen, in euro. Leeg: geen maximum."),
    ("rechtsvormen", "Welke rechtsvormen mogen aanvragen, gescheiden door een puntkomma. Leeg: elke rechtsvorm."),
    ("penvoerder_mag", "ja: een groep zonder rechtsvorm mag aanvragen via een penvoerder."),
    ("fases", "Voor welke fases van een initiatief, gescheiden door een puntkomma. Leeg: elke fase."),
    ("eigen_bijdrage_procent", "Welk deel van de kosten je zelf betaalt, in procent. 0: geen eis."),
    ("bestaat_minstens_jaren", "Hoeveel jaar een initiatief minstens moet bestaan. Leeg: geen eis."),
    ("bestaat_hoogstens_jaren", "Hoeveel jaar een initiatief hoogstens mag bestaan. Leeg: geen eis."),
    ("betaalt_een_dag", "Of de regeling een activiteit van één dag betaalt: ja, nee of soms, in overleg."),
    ("betaalt_spullen", "Of de regeling spullen en apparatuur betaalt: ja, nee of soms, in overleg."),
    ("betaalt_gebouw", "Of de regeling een gebouw betaalt: ja, nee of soms, in overleg."),
    ("betaalt_gemaakte_kosten", "Of de regeling kosten betaalt die al gemaakt zijn: ja, nee of soms, in overleg."),
    ("doorlopend", "ja: je kunt altijd aanvragen. nee: je vraagt aan in rondes."),
    ("deadline", "De volgende deadline, als je in rondes aanvraagt."),
    ("landelijk", "ja: voor heel Nederland. nee: alleen in de genoemde provincies of gemeenten."),
    ("provincies", "De provincies waar de regeling geldt, gescheiden door een puntkomma."),
    ("gemeenten", "De gemeenten waar de regeling geldt, gescheiden door een puntkomma."),
    ("structureel", "ja: geld waar je meer jaren op kunt rekenen. nee: eenmalig geld voor een project."),
    ("voorbeeld", "ja: een verzonnen regeling die laat zien hoe de wijzer werkt."),
]


def funding_rows(request: HttpRequest) -> Iterator[Row]:
    page = _page(request, "funding:detail")
    rows = FundingScheme.objects.active().annotate(
        theme_names=names(FundingScheme, "themes"),
        legal_form_names=names(FundingScheme, "legal_forms"),
        phase_names=names(FundingScheme, "phases"),
        province_names=names(FundingScheme, "provinces"),
        municipality_names=names(FundingScheme, "municipalities"),
    )
    fields = [
        "name",
        "slug",
        "kind__name",
        "funder__name",
        "funder_name",
        "summary",
        "description",
        "apply_url",
        "theme_names",
        "min_amount",
        "max_amount",
        "legal_form_names",
        "penvoerder_ok",
        "phase_names",
        "own_contribution_percent",
        "min_age_years",
        "max_age_years",
        "funds_one_day",
        "funds_equipment",
        "funds_buildings",
        "funds_costs_made",
        "is_rolling",
        "deadline",
        "scope",
        "province_names",
        "municipality_names",
        "is_structural",
        "is_example",
    ]
    coverage = dict(COVERAGE_CHOICES)
    for s in in_chunks(rows, fields):
        yield {
            "naam": s["name"],
            "url": _address(page, s["slug"]),
            "soort": s["kind__name"],
            "verstrekker": s["funder__name"] or s["funder_name"],
            "samenvatting": s["summary"],
            "uitleg": s["description"],
            "aanvragen": s["apply_url"],
            "themas": joined(s["theme_names"]),
            "minimumbedrag": s["min_amount"] if s["min_amount"] is not None else "",
            "maximumbedrag": s["max_amount"] if s["max_amount"] is not None else "",
            "rechtsvormen": joined(s["legal_form_names"]),
            "penvoerder_mag": _yes_no(s["penvoerder_ok"]),
            "fases": joined(s["phase_names"]),
            "eigen_bijdrage_procent": s["own_contribution_percent"],
            "bestaat_minstens_jaren": s["min_age_years"] if s["min_age_years"] is not None else "",
            "bestaat_hoogstens_jaren": s["max_age_years"] if s["max_age_years"] is not None else "",
            "betaalt_een_dag": coverage.get(s["funds_one_day"], ""),
            "betaalt_spullen": coverage.get(s["funds_equipment"], ""),
            "betaalt_gebouw": coverage.get(s["funds_buildings"], ""),
            "betaalt_gemaakte_kosten": coverage.get(s["funds_costs_made"], ""),
            "doorlopend": _yes_no(s["is_rolling"]),
            "deadline": iso_date(s["deadline"]),
            "landelijk": _yes_no(s["scope"] == FundingScheme.Scope.NATIONAL),
            "provincies": joined(s["province_names"]),
            "gemeenten": joined(s["municipality_names"]),
            "structureel": _yes_no(s["is_structural"]),
            "voorbeeld": _yes_no(s["is_example"]),
        }


EVENT_COLUMNS = [
    ("titel", "De naam van de activiteit."),
    ("url", "Het adres van de pagina van de activiteit op het portaal."),
    ("samenvatting", "Eén of twee zinnen over de activiteit."),
    ("uitleg", "Wat je doet en leert, en voor wie."),
    ("organisator", "De organisatie die de activiteit organiseert."),
    ("themas", "De thema's, gescheiden door een puntkomma."),
    ("provincie", "De provincie waar de activiteit is. Leeg: voor heel Nederland of online."),
    ("gemeente", "De gemeente waar de activiteit is."),
    ("begint", "Datum en tijd van het begin, in Nederlandse tijd (ISO 8601)."),
    ("eindigt", "Datum en tijd van het einde, in Nederlandse tijd (ISO 8601)."),
    ("plaats", "Het adres en de naam van het gebouw. Leeg: alleen online."),
    ("online_link", "De link om online mee te doen."),
    ("aanmelden", "De link om je aan te melden."),
    ("gaat_niet_door", "ja: de activiteit gaat niet door."),
]


def event_rows(request: HttpRequest) -> Iterator[Row]:
    page = _page(request, "events:detail")
    rows = Event.objects.published().annotate(theme_names=names(Event, "themes"))
    fields = [
        "title",
        "slug",
        "summary",
        "description",
        "organisation__name",
        "organiser_name",
        "theme_names",
        "province__name",
        "municipality__name",
        "starts_at",
        "ends_at",
        "location",
        "online_url",
        "signup_url",
        "is_cancelled",
    ]
    for e in in_chunks(rows, fields):
        yield {
            "titel": e["title"],
            "url": _address(page, e["slug"]),
            "samenvatting": e["summary"],
            "uitleg": e["description"],
            "organisator": e["organisation__name"] or e["organiser_name"],
            "themas": joined(e["theme_names"]),
            "provincie": e["province__name"] or "",
            "gemeente": e["municipality__name"] or "",
            "begint": iso_moment(e["starts_at"]),
            "eindigt": iso_moment(e["ends_at"]),
            "plaats": e["location"],
            "online_link": e["online_url"],
            "aanmelden": e["signup_url"],
            "gaat_niet_door": _yes_no(e["is_cancelled"]),
        }


INDICATOR_COLUMNS = [
    ("doel", "Het nummer van het doel (1 tot en met 5)."),
    ("doel_titel", "De korte titel van het doel."),
    ("naam", "Wat de indicator meet."),
    ("uitleg", "Uitleg bij de indicator."),
    ("soort", "live geteld uit het portaal, of gemeten door de redactie."),
    ("eenheid", "Waarin de indicator telt, bijvoorbeeld initiatieven of gemeenten."),
    ("streefwaarde", "Het getal dat de coalitie wil halen. Leeg: geen streefwaarde."),
    ("streefdatum", "Wanneer de streefwaarde gehaald moet zijn."),
    ("laatste_meting", "De laatste gemeten waarde. Leeg: nog geen meting."),
    ("datum_laatste_meting", "De datum van de laatste meting."),
    ("bron_laatste_meting", "Waar het getal van de laatste meting vandaan komt."),
]


def indicator_rows(request: HttpRequest) -> Iterator[Row]:
    latest = Measurement.objects.filter(indicator=OuterRef("pk")).order_by("-date", "-pk")
    rows = Indicator.objects.annotate(
        latest_value=Subquery(latest.values("value")[:1]),
        latest_date=Subquery(latest.values("date")[:1]),
        latest_source=Subquery(latest.values("source_text")[:1]),
        latest_source_url=Subquery(latest.values("source_url")[:1]),
    )
    fields = [
        "goal__number",
        "goal__short_title",
        "name",
        "description",
        "kind",
        "unit",
        "target_value",
        "target_date",
        "latest_value",
        "latest_date",
        "latest_source",
        "latest_source_url",
    ]
    kinds = dict(Indicator.Kind.choices)
    for i in in_chunks(rows, fields):
        value: Any = i["latest_value"]
        yield {
            "doel": i["goal__number"],
            "doel_titel": i["goal__short_title"],
            "naam": i["name"],
            "uitleg": i["description"],
            "soort": kinds.get(i["kind"], i["kind"]),
            "eenheid": i["unit"],
            "streefwaarde": i["target_value"] if i["target_value"] is not None else "",
            "streefdatum": iso_date(i["target_date"]),
            "laatste_meting": value if value is not None else "",
            "datum_laatste_meting": iso_date(i["latest_date"]),
            "bron_laatste_meting": i["latest_source"] or i["latest_source_url"] or "",
        }
