"""Version 1 of the open-data API: published content only, as lists with a cursor, read-only.

Built with django-ninja: the OpenAPI 3.1 document (/api/v1/openapi.json) is generated from the typed
functions and schemas below, so it cannot drift from the code; the contract test (tests/api/) checks it.
Every list costs a fixed number of queries per page (one for the rows with their foreign keys, one per
many-to-many list), whatever the page size; the next page starts after the last id (keyset on the primary key).
No personal data: no user, author, editor, contact person or e-mail address is ever selected.
"""

from __future__ import annotations

import datetime
import decimal
from collections.abc import Callable, Sequence
from typing import Any, Literal

from django.db.models import Model, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from ninja import NinjaAPI, Query, Schema
from ninja.errors import ValidationError
from pydantic import Field

from api import cursor
from api.http import json_error
from goals.models import Indicator
from initiatives.models import Initiative
from knowledge.events.models import Event
from knowledge.funding.models import FundingScheme
from knowledge.models import Organisation, Resource

DEFAULT_LIMIT = 25
MAX_LIMIT = 100
MAX_TEXT = 200


class _Api(NinjaAPI):
    def get_root_path(self, path_params: dict[str, Any]) -> str:
        """The API's own root is our index (api.urls), not ninja's 404 placeholder "api-root"."""
        return reverse(f"{self.urls_namespace}:index", kwargs=path_params)


api = _Api(
    title="Open data van We Doen Het Samen",
    version="1.0.0",
    description=(
        "Alleen-lezen API met de gepubliceerde initiatieven, kennis, organisaties, financieringsregelingen en "
        "indicatoren van de doelen, en de agenda. Licentie: CC0 voor het register van initiatieven en de gegevens van "
        "de doelen; voor de rest de voorwaarden van de organisatie (zie /open-data/). Bladeren gaat met `cursor`: "
        "geef de waarde van `volgende` mee om de volgende bladzijde te krijgen."
    ),
    urls_namespace="api_v1",
    docs_url=None,
    openapi_url="/openapi.json",
)


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    fields = sorted({str(error.get("loc", ["", "?"])[-1]) for error in exc.errors})
    return json_error(f"Deze waarde klopt niet: {', '.join(fields)}. Kijk in /api/v1/docs wat mag.", 400)


class Error(Schema):
    fout: str = Field(description="Wat er mis is, in het Nederlands")


class Filters(Schema):
    cursor: str | None = Field(None, max_length=cursor.MAX_CURSOR_LENGTH, description="Waarde van `volgende`")
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Aantal per bladzijde (hoogstens 100)")
    q: str | None = Field(None, max_length=MAX_TEXT, description="Zoek in de naam of titel")


class PlaceFilters(Filters):
    thema: str | None = Field(None, max_length=MAX_TEXT, description="Slug van een thema")
    provincie: str | None = Field(None, max_length=MAX_TEXT, description="Slug van een provincie")
    gemeente: str | None = Field(None, max_length=MAX_TEXT, description="Slug van een gemeente")


class InitiativeFilters(PlaceFilters):
    soort: str | None = Field(None, max_length=MAX_TEXT, description="Slug van een soort initiatief")
    fase: str | None = Field(None, max_length=MAX_TEXT, description="Slug van een fase")


class ResourceFilters(Filters):
    thema: str | None = Field(None, max_length=MAX_TEXT, description="Slug van een thema")
    soort: str | None = Field(None, max_length=MAX_TEXT, description="Slug van een soort kennis")
    fase: str | None = Field(None, max_length=MAX_TEXT, description="Slug van een fase")


class FundingFilters(Filters):
    thema: str | None = Field(None, max_length=MAX_TEXT, description="Slug van een thema")
    soort: str | None = Field(None, max_length=MAX_TEXT, description="Slug van een soort financiering")
    fase: str | None = Field(None, max_length=MAX_TEXT, description="Slug van een fase")


class EventFilters(Filters):
    thema: str | None = Field(None, max_length=MAX_TEXT, description="Slug van een thema")
    provincie: str | None = Field(
        None,
        max_length=MAX_TEXT,
        description=(
            "Slug van een provincie. Activiteiten voor heel Nederland (zonder provincie of gemeente) staan er ook bij."
        ),
    )
    periode: Literal["komend", "afgelopen"] | None = Field(
        None, description="komend: nog niet voorbij; afgelopen: al voorbij. Leeg: alle activiteiten."
    )


class Term(Schema):
    slug: str
    naam: str


class Place(Schema):
    gemeente: str
    gemeentecode: str
    provincie: str


class InitiativeOut(Schema):
    id: int
    naam: str
    url: str
    soort: Term
    rechtsvorm: Term | None
    fase: Term
    themas: list[Term]
    behoeften: list[Term]
    kvk_nummer: str
    plaats: Place
    wijk_of_dorp: str
    opgericht: int | None
    actieve_mensen: str
    website: str
    beschrijving: str
    gepubliceerd: datetime.datetime | None
    laatst_bevestigd: datetime.datetime


class ResourceOut(Schema):
    id: int
    titel: str
    url: str
    soort: Term
    samenvatting: str
    tekst: str
    themas: list[Term]
    fases: list[Term]
    organisatie: str | None
    gepubliceerd: datetime.datetime | None
    laatst_nagekeken: datetime.datetime | None


class OrganisationOut(Schema):
    id: int
    naam: str
    url: str
    soort: str
    beschrijving: str
    website: str
    landelijk: bool
    themas: list[Term]
    provincies: list[Term]


class Rules(Schema):
    minimumbedrag: int | None
    maximumbedrag: int | None
    rechtsvormen: list[Term] = Field(description="Leeg: elke rechtsvorm")
    penvoerder_mag: bool
    fases: list[Term] = Field(description="Leeg: elke fase")
    eigen_bijdrage_procent: int | None
    minimum_leeftijd_jaren: int | None
    maximum_leeftijd_jaren: int | None
    doorlopend: bool
    deadline: datetime.date | None
    landelijk: bool
    provincies: list[Term]
    gemeenten: list[Term]


class FundingOut(Schema):
    id: int
    naam: str
    url: str
    soort: Term
    verstrekker: str
    samenvatting: str
    uitleg: str
    aanvragen: str
    themas: list[Term]
    regels: Rules


class IndicatorOut(Schema):
    id: int
    doel: int
    doel_titel: str
    naam: str
    uitleg: str
    soort: str
    eenheid: str
    streefwaarde: decimal.Decimal | None
    streefdatum: datetime.date | None


class EventOut(Schema):
    id: int
    slug: str
    titel: str
    url: str
    samenvatting: str
    uitleg: str
    organisator: str
    themas: list[Term]
    provincie: Term | None
    gemeente: Term | None
    begint: datetime.datetime
    eindigt: datetime.datetime
    plaats: str = Field(description="Adres en gebouw; leeg als de activiteit alleen online is")
    online_link: str
    aanmelden: str = Field(description="Link om je aan te melden; kan leeg zijn")
    gaat_niet_door: bool
    agenda_bestand: str = Field(description="De activiteit als iCalendar-bestand (.ics)")


class Page[T](Schema):
    items: list[T]
    volgende: str | None = Field(description="Cursor van de volgende bladzijde; leeg op de laatste")


def _terms(terms: Any) -> list[dict[str, str]]:
    return [{"slug": t.slug, "naam": t.name} for t in terms.all()]


def _term(term: Any) -> dict[str, str] | None:
    return {"slug": term.slug, "naam": term.name} if term is not None else None


def _page[M: Model](
    request: HttpRequest,
    rows: QuerySet[M],
    filters: Filters,
    lookups: dict[str, str],
    search: str,
    item: Callable[[M], dict[str, Any]],
) -> HttpResponse | dict[str, Any]:
    if filters.cursor:
        try:
            rows = rows.filter(pk__gt=cursor.decode(filters.cursor))
        except cursor.BadCursor:
            return json_error("Deze cursor kennen we niet. Begin opnieuw zonder cursor, of gebruik `volgende`.", 400)
    for name, lookup in lookups.items():
        value = getattr(filters, name)
        if value:
            rows = rows.filter(**{lookup: value})
    if filters.q and filters.q.strip():
        rows = rows.filter(**{f"{search}__icontains": filters.q.strip()})
    # The many-to-many filters can match a row more than once; distinct keeps each row once.
    if any(getattr(filters, name) for name in lookups if "__" in lookups[name] and "themes" in lookups[name]):
        rows = rows.distinct()
    batch: Sequence[M] = list(rows.order_by("pk")[: filters.limit + 1])
    more = len(batch) > filters.limit
    batch = batch[: filters.limit]
    return {"items": [item(row) for row in batch], "volgende": cursor.encode(batch[-1].pk) if more else None}


def _absolute(request: HttpRequest, path: str) -> str:
    return request.build_absolute_uri(path)


ERRORS: dict[int, type[Schema]] = {400: Error}


@api.get("/initiatieven", response={200: Page[InitiativeOut], **ERRORS}, summary="Initiatieven", tags=["register"])
def initiatives(request: HttpRequest, filters: Query[InitiativeFilters]) -> Any:
    """Gepubliceerde initiatieven, zonder persoonsgegevens (dezelfde velden als de download als CSV of JSON)."""
    rows = (
        Initiative.objects.published()
        .select_related("kind", "legal_form", "phase", "municipality__province")
        .prefetch_related("themes", "needs")
    )
    lookups = {
        "thema": "themes__slug",
        "provincie": "municipality__province__slug",
        "gemeente": "municipality__slug",
        "soort": "kind__slug",
        "fase": "phase__slug",
    }

    def item(i: Initiative) -> dict[str, Any]:
        return {
            "id": i.pk,
            "naam": i.name,
            "url": _absolute(request, i.get_absolute_url()),
            "soort": _term(i.kind),
            "rechtsvorm": _term(i.legal_form),
            "fase": _term(i.phase),
            "themas": _terms(i.themes),
            "behoeften": _terms(i.needs),
            "kvk_nummer": i.kvk_number,
            "plaats": {
                "gemeente": i.municipality.name,
                "gemeentecode": i.municipality.code,
                "provincie": i.municipality.province.name,
            },
            "wijk_of_dorp": i.area,
            "opgericht": i.founded_year,
            "actieve_mensen": i.active_people,
            "website": i.website,
            "beschrijving": i.description,
            "gepubliceerd": i.published_at,
            "laatst_bevestigd": i.confirmed_at,
        }

    return _page(request, rows, filters, lookups, "name", item)


@api.get("/kennis", response={200: Page[ResourceOut], **ERRORS}, summary="Kennis", tags=["kennis"])
def resources(request: HttpRequest, filters: Query[ResourceFilters]) -> Any:
    """Gepubliceerde artikelen, handleidingen en voorbeelden. Zonder de naam van de schrijver."""
    rows = Resource.objects.published().select_related("kind", "organisation").prefetch_related("themes", "phases")
    lookups = {"thema": "themes__slug", "soort": "kind__slug", "fase": "phases__slug"}

    def item(r: Resource) -> dict[str, Any]:
        return {
            "id": r.pk,
            "titel": r.title,
            "url": _absolute(request, r.get_absolute_url()),
            "soort": _term(r.kind),
            "samenvatting": r.summary,
            "tekst": r.body,
            "themas": _terms(r.themes),
            "fases": _terms(r.phases),
            "organisatie": r.organisation.name if r.organisation else None,
            "gepubliceerd": r.published_at,
            "laatst_nagekeken": r.last_reviewed_at,
        }

    return _page(request, rows, filters, lookups, "title", item)


@api.get("/organisaties", response={200: Page[OrganisationOut], **ERRORS}, summary="Organisaties", tags=["kennis"])
def organisations(request: HttpRequest, filters: Query[PlaceFilters]) -> Any:
    """Organisaties die kennis of geld bieden. Zonder contactpersonen en redacteuren."""
    rows = Organisation.objects.prefetch_related("themes", "provinces")
    lookups = {"thema": "themes__slug", "provincie": "provinces__slug", "gemeente": "municipalities__slug"}

    def item(o: Organisation) -> dict[str, Any]:
        return {
            "id": o.pk,
            "naam": o.name,
            "url": _absolute(request, o.get_absolute_url()),
            "soort": o.kind,
            "beschrijving": o.description,
            "website": o.website,
            "landelijk": o.is_national,
            "themas": _terms(o.themes),
            "provincies": _terms(o.provinces),
        }

    return _page(request, rows, filters, lookups, "name", item)


@api.get(
    "/financiering", response={200: Page[FundingOut], **ERRORS}, summary="Financieringsregelingen", tags=["kennis"]
)
def funding(request: HttpRequest, filters: Query[FundingFilters]) -> Any:
    """Regelingen in de financieringswijzer, met hun regels (bedragen, rechtsvormen, fases, regio, deadline)."""
    rows = FundingScheme.objects.active().for_finder()
    lookups = {"thema": "themes__slug", "soort": "kind__slug", "fase": "phases__slug"}

    def item(s: FundingScheme) -> dict[str, Any]:
        return {
            "id": s.pk,
            "naam": s.name,
            "url": _absolute(request, s.get_absolute_url()),
            "soort": _term(s.kind),
            "verstrekker": s.funder_display,
            "samenvatting": s.summary,
            "uitleg": s.description,
            "aanvragen": s.apply_url,
            "themas": _terms(s.themes),
            "regels": {
                "minimumbedrag": s.min_amount,
                "maximumbedrag": s.max_amount,
                "rechtsvormen": _terms(s.legal_forms),
                "penvoerder_mag": s.penvoerder_ok,
                "fases": _terms(s.phases),
                "eigen_bijdrage_procent": s.own_contribution_percent,
                "minimum_leeftijd_jaren": s.min_age_years,
                "maximum_leeftijd_jaren": s.max_age_years,
                "doorlopend": s.is_rolling,
                "deadline": s.deadline,
                "landelijk": s.scope == FundingScheme.Scope.NATIONAL,
                "provincies": _terms(s.provinces),
                "gemeenten": _terms(s.municipalities),
            },
        }

    return _page(request, rows, filters, lookups, "name", item)


@api.get(
    "/indicatoren", response={200: Page[IndicatorOut], **ERRORS}, summary="Indicatoren van de doelen", tags=["doelen"]
)
def indicators(request: HttpRequest, filters: Query[Filters]) -> Any:
    """De indicatoren waarmee de coalitie de voortgang van haar doelen meet, met hun streefwaarde."""
    rows = Indicator.objects.select_related("goal")

    def item(i: Indicator) -> dict[str, Any]:
        return {
            "id": i.pk,
            "doel": i.goal.number,
            "doel_titel": i.goal.short_title,
            "naam": i.name,
            "uitleg": i.description,
            "soort": i.kind,
            "eenheid": i.unit,
            "streefwaarde": i.target_value,
            "streefdatum": i.target_date,
        }

    return _page(request, rows, filters, {}, "name", item)


def _event(request: HttpRequest, e: Event) -> dict[str, Any]:
    return {
        "id": e.pk,
        "slug": e.slug,
        "titel": e.title,
        "url": _absolute(request, e.get_absolute_url()),
        "samenvatting": e.summary,
        "uitleg": e.description,
        "organisator": e.organiser_display,
        "themas": _terms(e.themes),
        "provincie": _term(e.province),
        "gemeente": _term(e.municipality),
        "begint": e.starts_at,
        "eindigt": e.ends_at,
        "plaats": e.location,
        "online_link": e.online_url,
        "aanmelden": e.signup_url,
        "gaat_niet_door": e.is_cancelled,
        "agenda_bestand": _absolute(request, f"{e.get_absolute_url()}agenda.ics"),
    }


@api.get("/agenda", response={200: Page[EventOut], **ERRORS}, summary="Agenda", tags=["agenda"])
def events(request: HttpRequest, filters: Query[EventFilters]) -> Any:
    """Bijeenkomsten, trainingen en webinars in de agenda, met dezelfde filters als /agenda/."""
    rows = Event.objects.published().for_listing()
    if filters.provincie:
        national = Q(province__isnull=True, municipality__isnull=True)
        place = Q(province__slug=filters.provincie) | Q(municipality__province__slug=filters.provincie)
        rows = rows.filter(place | national)
    if filters.periode == "komend":
        rows = rows.filter(ends_at__gte=timezone.now())
    elif filters.periode == "afgelopen":
        rows = rows.filter(ends_at__lt=timezone.now())
    return _page(request, rows, filters, {"thema": "themes__slug"}, "title", lambda e: _event(request, e))


@api.get(
    "/agenda/{slug}",
    response={200: EventOut, **ERRORS, 404: Error},
    summary="Eén activiteit",
    tags=["agenda"],
)
def event(request: HttpRequest, slug: str) -> Any:
    """Eén activiteit uit de agenda, op haar slug (het laatste deel van het adres van haar pagina)."""
    found = Event.objects.published().for_listing().filter(slug=slug[:MAX_TEXT]).first()
    if found is None:
        return 404, {"fout": "Deze activiteit staat niet (meer) in de agenda. Kijk in /api/v1/agenda welke er zijn."}
    return _event(request, found)
