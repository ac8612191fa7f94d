"""The datasets of the portal: what each holds, its licence, its fields, where to get it, and its last change."""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.db.models import Model
from django.http import HttpRequest

from goals.models import Measurement
from initiatives import exports as register
from initiatives.models import Initiative
from knowledge.events.models import Event
from knowledge.funding.models import FundingScheme
from knowledge.models import Organisation, Resource
from wdhs import pagecache
from wdhs.opendata import exports
from wdhs.opendata.stream import Columns, Row

CC0_URI = "http://creativecommons.org/publicdomain/zero/1.0/deed.nl"
# EU vocabularies that DCAT-AP-NL 3.0 prescribes for dcat:theme, dct:accessRights, dct:language and dct:format.
THEME_SOCIETY = "http://publications.europa.eu/resource/authority/data-theme/SOCI"
THEME_GOVERNMENT = "http://publications.europa.eu/resource/authority/data-theme/GOVE"
THEME_ECONOMY = "http://publications.europa.eu/resource/authority/data-theme/ECON"
THEME_EDUCATION = "http://publications.europa.eu/resource/authority/data-theme/EDUC"


@dataclass(frozen=True)
class Licence:
    """What you may do with a dataset: a licence of Creative Commons, or the honest answer that we do not know."""

    key: str
    name: str
    text: str
    uri: str = ""  # empty: no public licence; the catalogue points to the explanation on /open-data/

    @property
    def is_open(self) -> bool:
        return bool(self.uri)


CC0 = Licence(
    "cc0",
    "CC0 1.0 (publiek domein)",
    "Je mag alles hergebruiken, ook voor iets commercieels, zonder te vragen en zonder de bron te noemen.",
    CC0_URI,
)
PARTNER = Licence(
    "partners",
    "Voorwaarden van de organisatie",
    "De teksten zijn van de organisaties die ze maakten. Wij hebben met hen geen open licentie afgesproken. "
    "Staat bij een tekst een licentie, zoals CC BY, dan geldt die. Staat er niets bij? Vraag de organisatie "
    "dan of je de tekst mag hergebruiken. Een link naar de pagina mag altijd.",
)


@dataclass(frozen=True)
class Dataset:
    slug: str
    title: str
    description: str
    licence: Licence
    columns: Columns
    list_key: str  # the name of the list in the JSON download
    landing_url: str  # the page on the portal where you see the content
    api_path: str  # the list in the API, under /api/v1/
    model: type[Model]
    timestamp: str  # the field whose newest value is the last change (an index ends with it)
    themes: tuple[str, ...]
    rows: Callable[[HttpRequest], Iterator[Row]] | None = None  # None: the download of its own app
    csv_url_name: str = "opendata:download_csv"
    json_url_name: str = "opendata:download_json"
    notes: tuple[str, ...] = field(default=())


DATASETS: tuple[Dataset, ...] = (
    Dataset(
        slug="initiatieven",
        title="Initiatieven",
        description=(
            "Het register van gepubliceerde initiatieven van bewoners: wat ze doen, waar, in welke fase en wat ze "
            "nodig hebben. Zonder persoonsgegevens."
        ),
        licence=CC0,
        columns=register.EXPORT_COLUMNS,
        list_key="initiatieven",
        landing_url="/initiatieven/",
        api_path="initiatieven",
        model=Initiative,
        timestamp="updated_at",
        themes=(THEME_SOCIETY,),
        csv_url_name="initiatives:export_csv",
        json_url_name="initiatives:export_json",
    ),
    Dataset(
        slug="kennis",
        title="Kennis",
        description="Artikelen, stappenplannen en voorbeelden van de partners van We Doen Het Samen.",
        licence=PARTNER,
        columns=exports.RESOURCE_COLUMNS,
        list_key="kennis",
        landing_url="/kennis/",
        api_path="kennis",
        model=Resource,
        timestamp="updated_at",
        themes=(THEME_SOCIETY, THEME_EDUCATION),
        rows=exports.resource_rows,
    ),
    Dataset(
        slug="organisaties",
        title="Organisaties",
        description=(
            "De organisaties die kennis, geld of hulp bieden aan lokale gemeenschappen. Zonder contactpersonen."
        ),
        licence=PARTNER,
        columns=exports.ORGANISATION_COLUMNS,
        list_key="organisaties",
        landing_url="/organisaties/",
        api_path="organisaties",
        model=Organisation,
        timestamp="updated_at",
        themes=(THEME_SOCIETY,),
        rows=exports.organisation_rows,
    ),
    Dataset(
        slug="financiering",
        title="Financieringsregelingen",
        description=(
            "Regelingen om geld of hulp te krijgen voor een initiatief, met hun regels: bedragen, rechtsvormen, "
            "fases, regio en deadline."
        ),
        licence=PARTNER,
        columns=exports.FUNDING_COLUMNS,
        list_key="regelingen",
        landing_url="/financiering/",
        api_path="financiering",
        model=FundingScheme,
        timestamp="updated_at",
        themes=(THEME_SOCIETY, THEME_ECONOMY),
        rows=exports.funding_rows,
    ),
    Dataset(
        slug="agenda",
        title="Agenda",
        description="Bijeenkomsten, trainingen en webinars van de partners en van initiatieven.",
        licence=PARTNER,
        columns=exports.EVENT_COLUMNS,
        list_key="activiteiten",
        landing_url="/agenda/",
        api_path="agenda",
        model=Event,
        timestamp="updated_at",
        themes=(THEME_SOCIETY, THEME_EDUCATION),
        rows=exports.event_rows,
    ),
    Dataset(
        slug="indicatoren",
        title="Indicatoren van de doelen",
        description=(
            "De indicatoren waarmee de coalitie de voortgang van de vijf doelen van het actieprogramma meet, met "
            "streefwaarde en laatste meting."
        ),
        licence=CC0,
        columns=exports.INDICATOR_COLUMNS,
        list_key="indicatoren",
        landing_url="/doelen/",
        api_path="indicatoren",
        model=Measurement,
        timestamp="created_at",
        themes=(THEME_SOCIETY, THEME_GOVERNMENT),
        rows=exports.indicator_rows,
    ),
)

BY_SLUG = {dataset.slug: dataset for dataset in DATASETS}


def _newest(dataset: Dataset) -> datetime.datetime | None:
    # ORDER BY <timestamp> DESC LIMIT 1 reads the end of the index on that field (see the models' Meta.indexes).
    newest: datetime.datetime | None = (
        dataset.model._default_manager.order_by(f"-{dataset.timestamp}")
        .values_list(dataset.timestamp, flat=True)
        .first()
    )
    return newest


def tables(dataset: Dataset) -> tuple[str, ...]:
    """The tables whose writes change the dataset: its rows and their links (themes)."""
    return pagecache.model_tables(dataset.model)


def etag(dataset: Dataset) -> str:
    """Changes with every write that can change a download: its rows, their links and what they name."""
    return pagecache.etag_of(pagecache.model_tables(dataset.model, related=True))


def last_changes() -> dict[str, datetime.datetime | None]:
    """{dataset slug: its last change}: the last write to its tables, kept by the trigger of the page cache
    (wdhs/pagecache.py), so a deleted or unpublished row counts too. One query for every dataset together.

    Before the first write since that moment was kept (just after the upgrade), the newest timestamp of the rows
    (one indexed query, kept until the content changes)."""
    moments = pagecache.per_request(
        "opendata-table-changes",
        lambda: pagecache.last_changed(tuple(sorted({table for dataset in DATASETS for table in tables(dataset)}))),
    )
    changes: dict[str, datetime.datetime | None] = {}
    for dataset in DATASETS:
        known = [moment for table in tables(dataset) if (moment := moments.get(table)) is not None]
        if known:
            changes[dataset.slug] = max(known)
        else:
            newest = functools.partial(_newest, dataset)
            changes[dataset.slug] = pagecache.memo(("opendata-newest", dataset.slug), newest)
    return changes
