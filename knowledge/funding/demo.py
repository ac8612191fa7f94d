# ruff: noqa: E501 - prose reads better unwrapped
"""Demo funding schemes: realistic kinds of funders, with INVENTED rules to show how the finder works.

The banks, platforms and small funds without an organisation on the portal are invented names too.

Every scheme is marked `is_example`, and its description says so: the rules are not the funders' real rules.
Safe to run again (update_or_create on the slug).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from knowledge.funding.models import EXAMPLE_NOTE
from knowledge.models import FundingScheme, Organisation
from wdhs.models import Municipality, Province, Term

ALL_FORMAL = ["stichting", "vereniging", "cooperatie"]

SCHEMES: list[dict[str, Any]] = [
    {
        "slug": "oranje-fonds-kleine-bijdrage",
        "name": "Kleine bijdrage voor buurtactiviteiten",
        "funder": "oranje-fonds",
        "kind": "gift",
        "summary": "Een gift voor een activiteit die buren met elkaar in contact brengt, zoals een buurtmaaltijd of een straatfeest.",
        "description": "Je vraagt online aan. Je hoort binnen zes weken of je het geld krijgt. Het fonds betaalt geen activiteiten die al voorbij zijn.",
        "themes": ["ontmoeting-en-cultuur", "armoede-en-bestaanszekerheid", "ouderen", "jongeren"],
        "min": 500,
        "max": 5000,
        "legal": ["stichting", "vereniging"],
        "penvoerder": True,
        "one_day": "ja",
        "equipment": "overleg",
        "buildings": "nee",
        "costs_made": "nee",
    },
    {
        "slug": "oranje-fonds-groeiregeling",
        "name": "Groeiregeling voor sociale initiatieven",
        "funder": "oranje-fonds",
        "kind": "gift",
        "summary": "Geld en begeleiding voor een initiatief dat al loopt en meer mensen wil bereiken.",
        "description": "Je vraagt aan in twee rondes per jaar. Je laat zien wat je al bereikt hebt en wat je wilt bereiken.",
        "themes": ["ontmoeting-en-cultuur", "armoede-en-bestaanszekerheid", "zorg-en-welzijn"],
        "min": 5000,
        "max": 50000,
        "legal": ["stichting", "vereniging"],
        "phases": ["groeien", "blijven-bestaan"],
        "own": 20,
        "min_age": 2,
        "rolling": False,
        "deadline_in_days": 60,
        "deadline_note": "Twee rondes per jaar.",
        "one_day": "nee",
        "equipment": "ja",
        "buildings": "nee",
        "costs_made": "nee",
    },
    {
        "slug": "doen-groene-en-sociale-pioniers",
        "name": "Bijdrage voor groene en sociale pioniers",
        "funder": "stichting-doen",
        "kind": "gift",
        "summary": "Een gift voor een nieuw initiatief dat het anders en beter doet voor mens en natuur.",
        "description": "Voor nieuwe ideeën die kunnen groeien. Het fonds steunt jonge initiatieven, niet de vaste kosten van bestaande organisaties.",
        "themes": ["energie-en-klimaat", "groen-en-leefomgeving", "voedsel", "werk-en-economie"],
        "min": 10000,
        "max": 75000,
        "legal": ["stichting", "vereniging", "cooperatie", "besloten-vennootschap"],
        "phases": ["starten", "groeien"],
        "max_age": 5,
        "one_day": "nee",
        "equipment": "ja",
        "buildings": "nee",
        "costs_made": "nee",
    },
    {
        "slug": "doen-lening-wijkbedrijven",
        "name": "Lening voor wijkbedrijven en coöperaties",
        "funder": "stichting-doen",
        "kind": "lening",
        "summary": "Een lening met lage rente voor een wijkbedrijf of coöperatie die met een goed plan wil groeien.",
        "description": "Je betaalt de lening in vijf tot tien jaar terug. Je laat een begroting en een plan zien waaruit blijkt dat je kunt terugbetalen.",
        "themes": ["werk-en-economie", "energie-en-klimaat", "wonen", "voedsel"],
        "min": 25000,
        "max": 250000,
        "legal": ["cooperatie", "besloten-vennootschap", "stichting"],
        "phases": ["groeien", "blijven-bestaan"],
        "min_age": 2,
        "one_day": "nee",
        "equipment": "ja",
        "buildings": "ja",
        "costs_made": "nee",
    },
    {
        "slug": "vsbfonds-samen-in-de-buurt",
        "name": "Samen in de buurt",
        "funder": "vsbfonds",
        "kind": "gift",
        "summary": "Een gift voor projecten waarin buren elkaar helpen en samen iets opbouwen.",
        "description": "Het fonds betaalt een deel van de kosten. De rest haal je zelf op, bijvoorbeeld bij de gemeente of met crowdfunding.",
        "themes": ["ontmoeting-en-cultuur", "ouderen", "jongeren", "zorg-en-welzijn"],
        "min": 1000,
        "max": 25000,
        "legal": ["stichting", "vereniging"],
        "own": 25,
        "one_day": "nee",
        "equipment": "ja",
        "buildings": "overleg",
        "costs_made": "nee",
    },
    {
        "slug": "initiatievenfonds-utrecht",
        "name": "Initiatievenfonds Utrecht",
        "funder_name": "Gemeente Utrecht",
        "kind": "subsidie",
        "summary": "Subsidie van de gemeente voor bewoners die iets goeds doen voor hun straat of wijk.",
        "description": "Ook een groep buren zonder stichting kan aanvragen. De gemeente wil wel weten wie het geld beheert.",
        "municipalities": ["utrecht"],
        "min": 100,
        "max": 10000,
        "one_day": "ja",
        "equipment": "ja",
        "buildings": "nee",
        "costs_made": "nee",
    },
    {
        "slug": "provincie-gelderland-leefbaarheid",
        "name": "Subsidie leefbaarheid kleine kernen",
        "funder_name": "Provincie Gelderland",
        "kind": "subsidie",
        "summary": "Subsidie voor dorpen en kleine kernen die samen voorzieningen overeind houden, zoals een dorpshuis of vervoer.",
        "description": "Je vraagt aan in een ronde. De provincie betaalt hoogstens 70% van de kosten.",
        "themes": ["ontmoeting-en-cultuur", "mobiliteit", "wonen", "ouderen"],
        "provinces": ["gelderland"],
        "min": 2500,
        "max": 25000,
        "legal": ALL_FORMAL,
        "penvoerder": True,
        "own": 30,
        "rolling": False,
        "deadline_in_days": 12,
        "deadline_note": "Eén ronde per jaar.",
        "one_day": "nee",
        "equipment": "ja",
        "buildings": "ja",
        "costs_made": "nee",
    },
    {
        "slug": "buurtfonds-zwolle-zuid",
        "name": "Buurtfonds Zwolle-Zuid",
        "funder_name": "Buurtfonds Zwolle-Zuid",
        "kind": "gift",
        "summary": "Een klein bedrag van buren voor buren: snel geregeld, zonder ingewikkeld formulier.",
        "description": "Een groep bewoners beslist elke maand over de aanvragen. Iedereen uit de wijk mag aanvragen, ook zonder stichting.",
        "municipalities": ["zwolle"],
        "min": 50,
        "max": 1500,
        "one_day": "ja",
        "equipment": "ja",
        "buildings": "nee",
        "costs_made": "overleg",
    },
    {
        "slug": "samenbank-buurtkrediet",
        "name": "Buurtkrediet",
        "funder_name": "De Samenbank",
        "kind": "lening",
        "summary": "Een zakelijke lening voor coöperaties en wijkbedrijven die investeren in een gebouw of installatie.",
        "description": "De bank kijkt naar je plan, je jaarcijfers en wat je zelf inbrengt. Je betaalt rente en lost af.",
        "min": 50000,
        "max": 1000000,
        "legal": ["cooperatie", "vereniging", "stichting", "besloten-vennootschap"],
        "phases": ["groeien", "blijven-bestaan"],
        "min_age": 3,
        "own": 10,
        "one_day": "nee",
        "equipment": "ja",
        "buildings": "ja",
        "costs_made": "nee",
    },
    {
        "slug": "buurtgeld-crowdfunding",
        "name": "Crowdfunding via Buurtgeld",
        "funder_name": "Buurtgeld",
        "kind": "crowdfunding",
        "summary": "Je zet je plan online en vraagt buren, vrienden en bedrijven om een bijdrage.",
        "description": "Haal je het doelbedrag niet, dan krijgen de gevers hun geld terug. Het platform helpt met tips voor je campagne.",
        "min": 500,
        "max": 50000,
        "one_day": "ja",
        "equipment": "ja",
        "buildings": "overleg",
        "costs_made": "nee",
    },
    {
        "slug": "kostprijs-plus-deventer",
        "name": "Kostprijs-plus-afspraak voor zorgcoöperaties",
        "funder_name": "Gemeente Deventer",
        "kind": "kostprijs-plus",
        "summary": "Een afspraak met de gemeente: jullie krijgen betaald wat jullie hulp kost, plus een klein deel extra.",
        "description": "Geen subsidie per project, maar een vaste afspraak voor meerdere jaren. Jullie laten zien wat de hulp kost.",
        "themes": ["zorg-en-welzijn", "ouderen"],
        "municipalities": ["deventer"],
        "min": 10000,
        "legal": ["cooperatie", "vereniging", "stichting"],
        "phases": ["groeien", "blijven-bestaan"],
        "min_age": 1,
        "one_day": "nee",
        "equipment": "overleg",
        "buildings": "nee",
        "costs_made": "nee",
    },
    {
        "slug": "buurthuis-voor-een-euro-groningen",
        "name": "Een buurthuis voor één euro",
        "funder_name": "Gemeente Groningen",
        "kind": "maatschappelijk-vastgoed",
        "summary": "De gemeente draagt een leeg gebouw over aan bewoners die er een plek voor de buurt van maken.",
        "description": "Jullie nemen het onderhoud over. De gemeente wil een plan voor tien jaar zien.",
        "themes": ["ontmoeting-en-cultuur", "wonen"],
        "municipalities": ["groningen"],
        "legal": ["stichting", "vereniging", "cooperatie"],
        "phases": ["starten", "groeien", "blijven-bestaan"],
        "min_age": 1,
        "one_day": "nee",
        "equipment": "nee",
        "buildings": "ja",
        "costs_made": "nee",
    },
    {
        "slug": "klusbank-in-natura",
        "name": "Klusbank: gereedschap en handen",
        "funder_name": "De Klusbank",
        "kind": "in-natura",
        "summary": "Geen geld, maar gereedschap te leen en vrijwilligers die een dag komen helpen klussen.",
        "description": "Je vraagt aan voor een klusdag of voor spullen te leen. Iedereen mag aanvragen.",
        "one_day": "ja",
        "equipment": "ja",
        "buildings": "nee",
        "costs_made": "nee",
    },
    {
        "slug": "noord-brabant-energiecooperaties-starten",
        "name": "Startsubsidie energiecoöperaties",
        "funder_name": "Provincie Noord-Brabant",
        "kind": "subsidie",
        "summary": "Subsidie voor bewoners die een energiecoöperatie opzetten: voor advies, onderzoek en de eerste stappen.",
        "description": "Voor de kosten van de start, zoals een haalbaarheidsonderzoek. Niet voor de zonnepanelen zelf.",
        "themes": ["energie-en-klimaat"],
        "provinces": ["noord-brabant"],
        "min": 5000,
        "max": 30000,
        "legal": ["cooperatie", "vereniging"],
        "penvoerder": True,
        "phases": ["idee", "starten"],
        "max_age": 3,
        "own": 25,
        "one_day": "nee",
        "equipment": "nee",
        "buildings": "nee",
        "costs_made": "overleg",
    },
    {
        "slug": "ontwikkelfonds-energie",
        "name": "Ontwikkelfonds lokale energie",
        "funder_name": "Het Energiefonds",
        "kind": "lening",
        "summary": "Een lening voor de ontwikkelkosten van een zonnedak of windmolen. Lukt het project niet, dan hoef je minder terug te betalen.",
        "description": "Ook kosten die je al gemaakt hebt voor het project tellen mee.",
        "themes": ["energie-en-klimaat"],
        "min": 10000,
        "max": 300000,
        "legal": ["cooperatie"],
        "phases": ["starten", "groeien"],
        "one_day": "nee",
        "equipment": "ja",
        "buildings": "nee",
        "costs_made": "ja",
    },
    {
        "slug": "fonds-zorgzame-dorpen",
        "name": "Fonds Zorgzame Dorpen",
        "funder_name": "Fonds Zorgzame Dorpen",
        "kind": "gift",
        "summary": "Een gift voor dorpen en wijken waar bewoners samen zorg en hulp voor elkaar regelen.",
        "description": "Voor bijvoorbeeld een dorpsondersteuner, een vervoersdienst of een huiskamer voor ouderen.",
        "themes": ["zorg-en-welzijn", "ouderen"],
        "min": 1000,
        "max": 10000,
        "legal": ALL_FORMAL,
        "penvoerder": True,
        "one_day": "nee",
        "equipment": "ja",
        "buildings": "nee",
        "costs_made": "nee",
    },
    {
        "slug": "straatbudget-rotterdam",
        "name": "Straatbudget",
        "funder_name": "Gemeente Rotterdam",
        "kind": "subsidie",
        "summary": "Een klein bedrag voor bewoners van één straat die samen iets organiseren, zoals een opruimdag of straatfeest.",
        "description": "Drie bewoners van verschillende adressen tekenen de aanvraag. Je hebt geen stichting nodig.",
        "municipalities": ["rotterdam"],
        "max": 1000,
        "phases": ["idee", "starten"],
        "one_day": "ja",
        "equipment": "overleg",
        "buildings": "nee",
        "costs_made": "nee",
    },
]


def load() -> str:
    terms = {
        (t.vocabulary, t.slug): t
        for t in Term.objects.filter(vocabulary__in=["theme", "phase", "legal_form", "funding_kind"])
    }
    provinces = {p.slug: p for p in Province.objects.all()}
    municipalities = {
        m.slug: m
        for m in Municipality.objects.filter(slug__in={s for d in SCHEMES for s in d.get("municipalities", [])})
    }
    organisations = {
        o.slug: o for o in Organisation.objects.filter(slug__in={d["funder"] for d in SCHEMES if "funder" in d})
    }
    today = timezone.localdate()
    made = 0
    for data in SCHEMES:
        funder = organisations.get(data.get("funder", ""))
        regional = bool(data.get("provinces") or data.get("municipalities"))
        defaults = {
            "name": data["name"],
            "funder": funder,
            # Without the knowledge demo the fund still has a name.
            "funder_name": data.get("funder_name", "")
            or (data["funder"].replace("-", " ").title() if not funder else ""),
            "kind": terms[("funding_kind", data["kind"])],
            "summary": data["summary"],
            "description": f"{data['description']}\n\n{EXAMPLE_NOTE}",
            "scope": FundingScheme.Scope.REGIONAL if regional else FundingScheme.Scope.NATIONAL,
            "min_amount": data.get("min"),
            "max_amount": data.get("max"),
            "is_rolling": data.get("rolling", True),
            # A deadline relative to today, so the demo always shows an open round.
            "deadline": today + timedelta(days=data["deadline_in_days"]) if "deadline_in_days" in data else None,
            "deadline_note": data.get("deadline_note", ""),
            "apply_url": funder.website
            if funder and funder.website.startswith("https://")
            else f"https://example.org/aanvragen/{data['slug']}",
            "penvoerder_ok": data.get("penvoerder", False),
            "funds_one_day": data["one_day"],
            "funds_equipment": data["equipment"],
            "funds_buildings": data["buildings"],
            "funds_costs_made": data["costs_made"],
            "own_contribution_percent": data.get("own", 0),
            "min_age_years": data.get("min_age"),
            "max_age_years": data.get("max_age"),
            "is_example": True,
            "is_active": True,
        }
        scheme, created = FundingScheme.objects.update_or_create(slug=data["slug"], defaults=defaults)
        scheme.themes.set([terms[("theme", s)] for s in data.get("themes", [])])
        scheme.phases.set([terms[("phase", s)] for s in data.get("phases", [])])
        scheme.legal_forms.set([terms[("legal_form", s)] for s in data.get("legal", [])])
        scheme.provinces.set([provinces[s] for s in data.get("provinces", [])])
        scheme.municipalities.set([municipalities[s] for s in data.get("municipalities", []) if s in municipalities])
        made += int(created)
    return f"{len(SCHEMES)} financieringsregelingen (voorbeelden, {made} nieuw)"
