"""Demo events for `manage.py load_demo`: a handful of meetings, trainings and webinars, always in the future.

The dates are counted from today, so the agenda never runs empty on a demo site; one event lies in the past
(for /agenda/afgelopen/) and one is cancelled. The events are invented, also where a real partner on the
portal is named as organiser; each description says so. Safe to run again: matched on slug.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from knowledge.events.models import Event
from knowledge.models import Organisation
from wdhs.demo import days_from_today, save_changed, set_related
from wdhs.models import Municipality, Province, Term

EXAMPLE = "Dit is een voorbeeld op de demo-omgeving. Deze activiteit bestaat niet echt."


@dataclass(frozen=True)
class Demo:
    slug: str
    title: str
    summary: str
    description: str
    organisation: str
    days: int
    start: tuple[int, int]
    hours: float
    themes: tuple[str, ...]
    location: str = ""
    online: bool = False
    province: str = ""
    municipality: str = ""
    cancelled: bool = False
    organiser_name: str = ""


EVENTS = [
    Demo(
        slug="webinar-subsidie-aanvragen-voor-beginners",
        title="Webinar: je eerste subsidie aanvragen",
        summary="In een uur leer je hoe je een aanvraag schrijft die een fonds snel begrijpt.",
        description=(
            "Je hebt een goed plan voor je buurt, maar je hebt nog nooit geld aangevraagd. In dit webinar laten we "
            "stap voor stap zien wat een fonds wil weten. Wat is je doel? Wie doet mee? Wat kost het? Je kunt "
            "vragen stellen in de chat. Je hoeft je camera niet aan te zetten."
        ),
        organisation="oranje-fonds",
        days=9,
        start=(19, 30),
        hours=1,
        themes=("werk-en-economie",),
        online=True,
    ),
    Demo(
        slug="ontmoetingsavond-energiecooperaties-gelderland",
        title="Ontmoetingsavond voor energiecoöperaties",
        summary="Bewoners die samen energie opwekken of besparen delen wat werkt, en wat niet.",
        description=(
            "Wil je met je buren zonnepanelen op een schooldak? Of samen huizen isoleren? Op deze avond vertellen "
            "drie groepen hoe ze begonnen. Daarna praat je in kleine groepen verder. Er is koffie, thee en soep."
        ),
        organisation="lsa-bewoners",
        days=16,
        start=(19, 0),
        hours=2.5,
        themes=("energie-en-klimaat", "wonen"),
        location="Wijkcentrum De Wieken, Zuiderstraat 12, Arnhem",
        province="Gelderland",
    ),
    Demo(
        slug="training-vrijwilligers-vinden-en-houden",
        title="Training: vrijwilligers vinden en houden",
        summary="Een ochtend oefenen met vragen stellen, taken klein maken en mensen bedanken.",
        description=(
            "Veel initiatieven draaien op een paar mensen. In deze training leer je hoe je nieuwe mensen vraagt "
            "voor een kleine taak. En hoe je zorgt dat ze blijven. Je gaat naar huis met een plan voor je eigen groep."
        ),
        organisation="nov",
        days=23,
        start=(9, 30),
        hours=3,
        themes=("ontmoeting-en-cultuur", "zorg-en-welzijn"),
        location="Buurthuis De Pijp, Van Ostadestraat 40, Amsterdam",
        municipality="Amsterdam",
    ),
    Demo(
        slug="spreekuur-buurtbudget-utrecht",
        title="Spreekuur: hoe werkt het buurtbudget?",
        summary="Loop binnen met je idee. Een medewerker denkt mee over je aanvraag bij de gemeente.",
        description="Je hoeft je niet aan te melden. Neem je idee mee, op papier of in je hoofd.",
        organisation="katalys",
        days=5,
        start=(15, 0),
        hours=2,
        themes=("groen-en-leefomgeving",),
        location="Bibliotheek Kanaleneiland, Marshalllaan 2, Utrecht",
        municipality="Utrecht",
        online=True,
    ),
    Demo(
        slug="webinar-zorgcooperatie-starten",
        title="Webinar: een zorgcoöperatie in je dorp starten",
        summary="Hoe regel je samen zorg en hulp dichtbij huis? Twee dorpen vertellen hoe zij het deden.",
        description=(
            "Dit webinar gaat niet door. De sprekers zijn ziek. We plannen een nieuwe datum en zetten die in de agenda."
        ),
        organisation="nederland-zorgt-voor-elkaar",
        days=12,
        start=(20, 0),
        hours=1.5,
        themes=("zorg-en-welzijn", "ouderen"),
        online=True,
        cancelled=True,
    ),
    Demo(
        slug="bijeenkomst-buurtmoestuinen-groningen",
        title="Bijeenkomst buurtmoestuinen",
        summary="Tuinders uit de hele provincie ruilden zaden, tips en ervaringen met vrijwilligers.",
        description="Deze bijeenkomst is al geweest. Op de site vind je de tips van die middag bij de kennis.",
        organisation="",
        organiser_name="Netwerk Groene Buurten Groningen",
        days=-20,
        start=(13, 30),
        hours=3,
        themes=("voedsel", "groen-en-leefomgeving"),
        location="Stadsakker, Hoendiep 40, Groningen",
        province="Groningen",
    ),
]


def load() -> str:
    """Every event in a fixed number of queries; an unchanged one costs none on a second run (same day)."""
    existing = Event.objects.prefetch_related("themes").in_bulk([demo.slug for demo in EVENTS], field_name="slug")
    organisations = Organisation.objects.in_bulk([demo.organisation for demo in EVENTS], field_name="slug")
    themes = {term.slug: term for term in Term.objects.themes()}
    provinces = {p.name: p for p in Province.objects.filter(name__in=[d.province for d in EVENTS if d.province])}
    places = Municipality.objects.filter(name__in=[d.municipality for d in EVENTS if d.municipality])
    municipalities = {m.name: m for m in places}
    made = 0
    for demo in EVENTS:
        starts = days_from_today(demo.days, at=datetime.time(*demo.start))
        organisation = organisations.get(demo.organisation)
        values = {
            "title": demo.title,
            "summary": demo.summary,
            "description": f"{demo.description}\n\n{EXAMPLE}",
            "organisation": organisation,
            "organiser_name": "" if organisation else demo.organiser_name or demo.organisation,
            "starts_at": starts,
            "ends_at": starts + datetime.timedelta(hours=demo.hours),
            "location": demo.location,
            "online_url": f"https://example.org/online/{demo.slug}" if demo.online else "",
            "signup_url": "" if demo.days < 0 else f"https://example.org/aanmelden/{demo.slug}",
            "province": provinces.get(demo.province),
            "municipality": municipalities.get(demo.municipality),
            "is_cancelled": demo.cancelled,
        }
        event, created = save_changed(Event, existing.get(demo.slug), {"slug": demo.slug, **values})
        set_related(event, "themes", [themes[slug] for slug in demo.themes if slug in themes], created=created)
        made += created
    return f"{len(EVENTS)} activiteiten in de agenda ({made} nieuw)"
