"""The five goals of the action programme (10 April 2024), their first indicators and milestones.

Texts are written in plain Dutch (B1) from the facts of the programme. Measured indicators start
empty: the editors enter the first measurements with a source; nothing is made up here. Loaded once
into an empty database after `migrate` (see GoalsConfig.ready); staff edit them in the admin after that.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction

from goals.models import Goal, Indicator, Milestone
from wdhs.reference import tables_exist

GOALS = [
    {
        "number": 1,
        "short_title": "Samen is normaal",
        "slug": "samen-is-normaal",
        "target_year": 2030,
        "statement": "In 2030 is het gewoon dat mensen samen denken en samen werken, vanuit de gemeenschap.",
        "explanation": (
            "Heel veel mensen in Nederland zetten zich al in voor hun straat, buurt of dorp. "
            "Vaak zie je dat niet. Wij willen die kracht zichtbaar maken. En we willen dat nog meer mensen meedoen, "
            "omdat ze zich verbonden voelen met hun omgeving.\n\n"
            "Niet alleen bewoners doen mee. Ook werkgevers, overheden, maatschappelijke organisaties en ngo's "
            "kunnen gemeenschappen sterker maken. Dat begint met één houding: niets zonder lokale gemeenschappen. "
            "Daarvoor is geld nodig om gemeenschappen op te bouwen. En bewoners krijgen ruimte en zeggenschap.\n\n"
            "Zo kunnen we zorg, klimaat en armoede op een nieuwe manier aanpakken: samen, vanuit de samenleving."
        ),
    },
    {
        "number": 2,
        "short_title": "Gemeenten en bewoners als partners",
        "slug": "gemeenten-en-bewoners-als-partners",
        "target_year": 2027,
        "statement": (
            "In 2027 zien gemeenten lokale gemeenschappen als gewone en gelijkwaardige partners bij grote "
            "maatschappelijke opgaven. Eigenaarschap en zeggenschap staan daarbij voorop."
        ),
        "explanation": (
            "Gemeenten en bewoners hebben elkaar veel te bieden. Op veel plekken in dorpen, buurten en regio's "
            "zie je dat al. Toch gaat samenwerken nog niet vanzelf.\n\n"
            "Echte samenwerking vraagt dat macht verschuift. Gemeenten maken ruimte voor eigenaarschap en "
            "zeggenschap van bewoners. Lokale gemeenschappen nemen die ruimte ook. En je kijkt samen breed naar "
            "wat er nodig is, niet alleen naar één onderwerp."
        ),
    },
    {
        "number": 3,
        "short_title": "Wetten die gemeenschappen versterken",
        "slug": "wetten-die-gemeenschappen-versterken",
        "target_year": 2027,
        "statement": (
            "Uiterlijk in 2027 zorgt de landelijke overheid dat nieuwe en herziene wetten die over lokale "
            "gemeenschappen gaan, die gemeenschappen sterker maken."
        ),
        "explanation": (
            "In 2014 kwam de Community Right to Challenge in de Wmo. Sindsdien krijgen gemeenschappen stap voor "
            "stap een plek in het recht. Maar veel regels doen nog alsof bewoners eerlijk moeten concurreren met "
            "bedrijven. Denk aan regels over mededinging, belasting, bestuursrecht en rechtsvormen.\n\n"
            "De volgende stap: in wetten en regels vastleggen wat lokale gemeenschappen nodig hebben om te "
            "groeien. Nu beweegt er vooral iets in het mededingingsrecht. Daar gaat het om de vraag wat een "
            "gemeenschap is, en wat een bedrijf.\n\n"
            "Een juridische verkenning zoekt uit of gemeenschappen niet mee hoeven te doen aan een aanbesteding. "
            "En of ze staatssteun mogen krijgen, ook als dat voor een bedrijf niet mag. Lukt dat, dan wordt het "
            "makkelijker om gemeenschappen voor langere tijd te financieren."
        ),
    },
    {
        "number": 4,
        "short_title": "Passende financiering",
        "slug": "passende-financiering",
        "target_year": 2030,
        "statement": "In 2030 kunnen lokale gemeenschappen in Nederland rekenen op geld dat bij hen past.",
        "explanation": (
            "Het geld voor lokale gemeenschappen is nu versnipperd. Vaak is er alleen geld om te starten, niet "
            "om door te gaan. Gemeenschappen moeten kunnen rekenen op afspraken voor de lange termijn. Dat is ook "
            "een erkenning van wat ze voor de samenleving doen.\n\n"
            "Het gaat niet alleen om subsidies. Het gaat ook om leningen die je echt kunt terugbetalen, met "
            "afspraken voor meer jaren. Bewonerscollectieven moeten makkelijker terechtkunnen bij overheden, "
            "banken en andere financiers.\n\n"
            "Steeds meer gemeenschappen hebben een sterke businesscase. Bijvoorbeeld met een kostprijs-plus-tarief "
            "in plaats van een commercieel tarief. Zulke afspraken kunnen een vaste plek krijgen in het beleid van "
            "het Rijk, provincies, gemeenten, uitvoeringsorganisaties en fondsen."
        ),
    },
    {
        "number": 5,
        "short_title": "Kennis en diensten gebundeld",
        "slug": "kennis-en-diensten-gebundeld",
        "target_year": 2025,
        "statement": (
            "In 2025 werken de partners van de WDHS-coalitie beter samen. Ze hebben hun kennis en diensten "
            "gebundeld op een plek die voor iedereen open staat, online en/of fysiek. Zo helpen ze initiatieven en "
            "mensen met plannen voor hun omgeving in heel Nederland verder."
        ),
        "explanation": (
            "De kennis die bewoners nodig hebben, bestaat al. Maar die zit verspreid over veel organisaties.\n\n"
            "De organisaties in de coalitie spreken daarom af: we zijn te vinden op de plekken waar bewoners samen "
            "in actie komen. En we bundelen onze kennis en diensten, zodat initiatieven sneller vinden wat ze "
            "nodig hebben. Dit kennisplatform is daar een deel van."
        ),
    },
]

# (goal, name, description, kind, metric code, unit, is_main)
INDICATORS = [
    (
        1,
        "Initiatieven op het portaal",
        "Het aantal initiatieven dat zich heeft aangemeld en zichtbaar is op het portaal.",
        "live",
        "initiatives.published",
        "initiatieven",
        True,
    ),
    (
        2,
        "Gemeenten met minstens één initiatief",
        "In hoeveel gemeenten staat minstens één initiatief op het portaal?",
        "live",
        "initiatives.municipalities_with_initiative",
        "gemeenten",
        True,
    ),
    (
        2,
        "Gemeenten met een samenwerkingsafspraak",
        "Gemeenten die een afspraak hebben gemaakt om samen te werken met lokale gemeenschappen. "
        "De redactie vult dit in, met een bron.",
        "measured",
        "",
        "gemeenten",
        False,
    ),
    (
        3,
        "Wetten en regels met het standpunt van de coalitie",
        "Wetten en regels voor lokale gemeenschappen waarin het standpunt van de coalitie is overgenomen. "
        "Het portaal telt dit live uit de lijst van wetten en regels hieronder.",
        "live",
        "goals.regulations_adopted",
        "wetten en regels",
        True,
    ),
    (
        4,
        "Regelingen met structureel geld",
        "Regelingen in de financieringswijzer waar een gemeenschap meer jaren op kan rekenen: afspraken voor "
        "meer jaren, leningen en kostprijs-plus-afspraken. Het portaal telt dit live.",
        "live",
        "funding.structural_schemes",
        "regelingen",
        True,
    ),
    (
        4,
        "Regelingen met eenmalig projectgeld",
        "Regelingen in de financieringswijzer met eenmalig geld voor een project. Het portaal telt dit live.",
        "live",
        "funding.one_off_schemes",
        "regelingen",
        False,
    ),
    (
        4,
        "Initiatieven die geld vonden",
        "Initiatieven die via het portaal geld vonden voor hun plan. De redactie vult dit voorlopig zelf in.",
        "measured",
        "",
        "initiatieven",
        False,
    ),
    (
        5,
        "Gepubliceerde kennis",
        "Artikelen, handleidingen en voorbeelden die de partners op het portaal hebben gepubliceerd.",
        "live",
        "knowledge.published_resources",
        "kennisitems",
        True,
    ),
    (
        5,
        "Partners die kennis publiceren",
        "Organisaties die minstens één stuk kennis op het portaal hebben gezet.",
        "live",
        "knowledge.partners",
        "partners",
        False,
    ),
    (
        5,
        "Mensen met een account",
        "Mensen die een account maakten en hun e-mailadres bevestigden.",
        "live",
        "wdhs.accounts",
        "accounts",
        False,
    ),
]

PRESENTATION = datetime.date(2024, 4, 10)

# (goal, date, title, description, done, year_only)
MILESTONES = [
    (
        3,
        datetime.date(2014, 1, 1),
        "Right to Challenge in de Wmo",
        "De Community Right to Challenge komt in de Wmo. Gemeenschappen krijgen zo een eerste plek in de wet.",
        True,
        True,
    ),
    (
        5,
        datetime.date(2017, 1, 1),
        "We Doen Het Samen begint als festival",
        "De coalitie start als festival van en voor lokale gemeenschappen.",
        True,
        True,
    ),
    *[
        (
            number,
            PRESENTATION,
            "Het actieprogramma is gepresenteerd",
            "In Amersfoort presenteert de coalitie het actieprogramma We Doen Het Samen met vijf doelen.",
            True,
            False,
        )
        for number in range(1, 6)
    ],
    (
        1,
        datetime.date(2030, 12, 31),
        "Samen denken en werken is normaal",
        "Het jaar waarin we doel 1 willen halen.",
        False,
        True,
    ),
    (
        2,
        datetime.date(2027, 12, 31),
        "Gemeenten en bewoners zijn gelijkwaardige partners",
        "Het jaar waarin we doel 2 willen halen.",
        False,
        True,
    ),
    (
        3,
        datetime.date(2027, 12, 31),
        "Wetten versterken lokale gemeenschappen",
        "Uiterlijk dit jaar willen we doel 3 halen.",
        False,
        True,
    ),
    (
        4,
        datetime.date(2030, 12, 31),
        "Passende financiering voor lokale gemeenschappen",
        "Het jaar waarin we doel 4 willen halen.",
        False,
        True,
    ),
    (
        5,
        datetime.date(2025, 12, 31),
        "Kennis en diensten zijn gebundeld",
        "Het jaar waarin we doel 5 willen halen.",
        False,
        True,
    ),
]


@transaction.atomic
def load_goals() -> int:
    """The goals with their indicators and milestones, when there are no goals yet. Returns how many were made."""
    if Goal.objects.exists():
        return 0
    goals = {data["number"]: Goal.objects.create(**data) for data in GOALS}
    for order, (number, name, description, kind, code, unit, is_main) in enumerate(INDICATORS):
        goal = goals[number]
        Indicator.objects.create(
            goal=goal,
            name=name,
            description=description,
            kind=kind,
            metric_code=code,
            unit=unit,
            is_main=is_main,
            order=order,
            target_date=datetime.date(goal.target_year, 12, 31) if is_main else None,
        )
    Milestone.objects.bulk_create(
        Milestone(goal=goals[number], date=day, title=title, description=description, done=done, year_only=year_only)
        for number, day, title, description, done, year_only in MILESTONES
    )
    return len(goals)


def after_migrate(using: str = "default", **kwargs: Any) -> None:
    if using == "default" and tables_exist("goals_goal", "goals_indicator", "goals_milestone"):
        load_goals()
