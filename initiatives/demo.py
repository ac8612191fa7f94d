"""Demo content for `manage.py load_demo`: VOORBEELDEN, invented initiatives, not real groups.

Every name, description, website and address below is made up to show how the register looks.
Websites use example.org and e-mail addresses the .example domain, so nobody is contacted by accident.
Running the loader twice changes nothing: initiatives are found by their slug.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.text import slugify

from initiatives.models import Initiative, Membership, Status
from wdhs.models import Municipality, Term, User

DEMO_MANAGER_EMAIL = "initiatief-demo@wdhs.localhost"
DEMO_MANAGER_PASSWORD = "samen-doen-2024"  # noqa: S105 - development only, never in production

# (name, kind, municipality (CBS name), area, themes, phase, legal form, needs, founded, active people, description)
DEMO: list[tuple[str, str, str, str, list[str], str, str, list[str], int, str, str]] = [
    (
        "Buurtmoestuin De Groene Vinger",
        "voedselinitiatief",
        "Groningen",
        "Oosterparkwijk",
        ["voedsel", "groen-en-leefomgeving"],
        "groeien",
        "vereniging",
        ["vrijwilligers", "ruimte"],
        2017,
        "16-50",
        "Op een oud braakliggend veld kweken we groente voor de buurt. Iedereen mag meedoen, ook als je nog nooit "
        "iets hebt gezaaid. Een deel van de oogst gaat naar de voedselbank.",
    ),
    (
        "Dorpscoöperatie Warffum Samen",
        "dorpscooperatie",
        "Het Hogeland",
        "Warffum",
        ["zorg-en-welzijn", "ouderen", "mobiliteit"],
        "blijven-bestaan",
        "cooperatie",
        ["geld", "contact-gemeente"],
        2015,
        "51-200",
        "Wij regelen dingen die het dorp zelf beter kan: een buurtbus, hulp in huis en een loket voor vragen. "
        "De leden beslissen samen wat we doen.",
    ),
    (
        "Energiecoöperatie Westerkwartier Zon",
        "energiecooperatie",
        "Westerkwartier",
        "Zuidhorn en omstreken",
        ["energie-en-klimaat"],
        "groeien",
        "cooperatie",
        ["kennis", "juridisch-advies"],
        2019,
        "200+",
        "Met meer dan 400 leden hebben we zonnepanelen op drie schuren gelegd. Nu willen we een zonnepark dat van "
        "het dorp zelf is. De opbrengst gaat terug naar de leden en een dorpsfonds.",
    ),
    (
        "Taalcafé Heechterp",
        "bewonersinitiatief",
        "Leeuwarden",
        "Heechterp-Schieringen",
        ["ontmoeting-en-cultuur", "werk-en-economie"],
        "groeien",
        "informele-groep-met-penvoerder",
        ["vrijwilligers", "zichtbaarheid"],
        2020,
        "6-15",
        "Elke dinsdag oefenen nieuwe en oude buren samen Nederlands bij een kop koffie. Geen les, gewoon praten. "
        "Het buurthuis is onze penvoerder.",
    ),
    (
        "Zorgcoöperatie Hulp om de Hoek",
        "zorgcooperatie",
        "Súdwest-Fryslân",
        "Workum",
        ["zorg-en-welzijn", "ouderen"],
        "blijven-bestaan",
        "cooperatie",
        ["geld", "samenwerking"],
        2014,
        "51-200",
        "Dorpsgenoten helpen elkaar met boodschappen, vervoer en een praatje. Een dorpsondersteuner verbindt vraag "
        "en aanbod. We maken afspraken met de gemeente over de kosten.",
    ),
    (
        "Dorpshuis De Skalm",
        "buurthuis",
        "Noardeast-Fryslân",
        "Ternaard",
        ["ontmoeting-en-cultuur"],
        "blijven-bestaan",
        "stichting",
        ["geld", "vrijwilligers"],
        1998,
        "16-50",
        "Ons dorpshuis is de huiskamer van het dorp. Er is een bibliotheekhoek, de kaartclub en een jaarlijkse "
        "toneelavond. Het dak moet worden vernieuwd.",
    ),
    (
        "Wijkbedrijf Kloosterveen Werkt",
        "wijkbedrijf",
        "Assen",
        "Kloosterveen",
        ["werk-en-economie", "jongeren"],
        "starten",
        "besloten-vennootschap",
        ["geld", "kennis", "contact-gemeente"],
        2023,
        "6-15",
        "We willen groenonderhoud en klusjes in de wijk doen met mensen uit de wijk. Zo krijgen jongeren werkervaring. "
        "We zoeken een eerste opdracht van de gemeente of de woningcorporatie.",
    ),
    (
        "Samen Duurzaam Ruinen",
        "energiecooperatie",
        "De Wolden",
        "Ruinen",
        ["energie-en-klimaat", "wonen"],
        "groeien",
        "cooperatie",
        ["kennis", "vrijwilligers"],
        2018,
        "16-50",
        "Energiecoaches uit het dorp komen gratis bij je thuis. Ze kijken samen met jou hoe je energie kunt besparen. "
        "We regelen ook samen isolatie in.",
    ),
    (
        "Voedselbos Emmerdennen",
        "voedselinitiatief",
        "Emmen",
        "Emmerhout",
        ["voedsel", "groen-en-leefomgeving"],
        "starten",
        "stichting",
        ["ruimte", "vrijwilligers"],
        2022,
        "6-15",
        "Op een stuk grond van de gemeente planten we een voedselbos met noten, fruit en kruiden. Buurtbewoners "
        "mogen plukken en helpen. Scholen komen op bezoek.",
    ),
    (
        "Buurtkamer Assendorp",
        "buurthuis",
        "Zwolle",
        "Assendorp",
        ["ontmoeting-en-cultuur", "armoede-en-bestaanszekerheid"],
        "groeien",
        "stichting",
        ["ruimte", "geld"],
        2016,
        "16-50",
        "In een oude winkel is een huiskamer voor de buurt. Je kunt er eten voor weinig geld, hulp krijgen bij "
        "formulieren of gewoon binnenlopen.",
    ),
    (
        "Repair Café De Schroevendraaier",
        "bewonersinitiatief",
        "Deventer",
        "Rivierenwijk",
        ["groen-en-leefomgeving", "ontmoeting-en-cultuur"],
        "blijven-bestaan",
        "informele-groep-zonder-penvoerder",
        ["vrijwilligers"],
        2013,
        "6-15",
        "Eén zaterdag per maand repareren handige buren kapotte spullen. Samen met de eigenaar, zodat die ook iets "
        "leert. Zo gooien we minder weg.",
    ),
    (
        "Wooncoöperatie De Roterij",
        "woongemeenschap",
        "Enschede",
        "Roombeek",
        ["wonen", "ouderen"],
        "starten",
        "vereniging",
        ["geld", "juridisch-advies", "contact-gemeente"],
        2021,
        "16-50",
        "Wij willen een oud fabrieksgebouw ombouwen tot betaalbare woningen voor jong en oud. De bewoners worden "
        "samen eigenaar. We zoeken een lening en een plek.",
    ),
    (
        "Buurtbus Almere Haven",
        "bewonersinitiatief",
        "Almere",
        "Almere Haven",
        ["mobiliteit", "ouderen"],
        "groeien",
        "vereniging",
        ["vrijwilligers", "geld"],
        2019,
        "16-50",
        "Vrijwillige chauffeurs rijden ouderen naar de huisarts, de markt of familie. Je belt een dag van tevoren. "
        "De rit kost een kleine bijdrage.",
    ),
    (
        "Wijkcoöperatie Lelystad Zuid",
        "wijkcooperatie",
        "Lelystad",
        "Zuiderzeewijk",
        ["zorg-en-welzijn", "werk-en-economie"],
        "starten",
        "cooperatie",
        ["kennis", "contact-gemeente"],
        2024,
        "6-15",
        "Bewoners richten een coöperatie op om zorg en klussen in de wijk zelf te regelen. We leren van andere "
        "wijkcoöperaties en zoeken contact met de gemeente.",
    ),
    (
        "Klimaatstraat Presikhaaf",
        "bewonersinitiatief",
        "Arnhem",
        "Presikhaaf",
        ["energie-en-klimaat", "groen-en-leefomgeving"],
        "idee",
        "informele-groep-zonder-penvoerder",
        ["kennis", "geld"],
        2025,
        "1-5",
        "We willen tegels uit onze straat halen en er groen voor terugzetten. Dan blijft het water beter weg bij "
        "hevige regen. We zoeken buren die meedoen.",
    ),
    (
        "Lokaal Fonds Nijmegen-Oost",
        "lokaal-fonds",
        "Nijmegen",
        "Nijmegen-Oost",
        ["ontmoeting-en-cultuur", "armoede-en-bestaanszekerheid"],
        "groeien",
        "stichting",
        ["zichtbaarheid", "geld"],
        2017,
        "6-15",
        "Ons fonds geeft kleine bedragen, tot 750 euro, aan plannen van buurtbewoners. Een buurtjury beslist. "
        "Het geld komt van ondernemers en giften uit de wijk.",
    ),
    (
        "Zorgzaam Berkelland",
        "zorgcooperatie",
        "Berkelland",
        "Neede",
        ["zorg-en-welzijn", "ouderen"],
        "groeien",
        "cooperatie",
        ["vrijwilligers", "samenwerking"],
        2016,
        "51-200",
        "Vrijwilligers bezoeken ouderen die alleen wonen. We organiseren ook een maaltijd in het dorpshuis. "
        "Zo blijft niemand alleen.",
    ),
    (
        "Dorpsboerderij Hengelo (Gld)",
        "voedselinitiatief",
        "Bronckhorst",
        "Hengelo (Gld)",
        ["voedsel", "jongeren"],
        "blijven-bestaan",
        "stichting",
        ["vrijwilligers"],
        2009,
        "16-50",
        "Op onze boerderij leren kinderen waar eten vandaan komt. Er zijn geiten, kippen en een moestuin. "
        "Vrijwilligers zorgen samen voor de dieren.",
    ),
    (
        "Wijkbedrijf Kanaleneiland",
        "wijkbedrijf",
        "Utrecht",
        "Kanaleneiland",
        ["werk-en-economie", "jongeren"],
        "groeien",
        "besloten-vennootschap",
        ["geld", "samenwerking"],
        2018,
        "16-50",
        "Bewoners doen betaald werk in hun eigen wijk: schoonmaak, catering en klussen. De winst gaat terug naar "
        "de buurt. We werken samen met de woningcorporatie.",
    ),
    (
        "Energie Vathorst Samen",
        "energiecooperatie",
        "Amersfoort",
        "Vathorst",
        ["energie-en-klimaat"],
        "starten",
        "cooperatie",
        ["juridisch-advies", "geld"],
        2023,
        "16-50",
        "We willen samen een buurtbatterij plaatsen voor de zonnestroom van de wijk. Zo hoeft het net minder te "
        "doen. We zoeken advies over de regels.",
    ),
    (
        "Speeltuinvereniging De Brink",
        "bewonersinitiatief",
        "Zeist",
        "Vollenhove",
        ["jongeren", "veiligheid"],
        "blijven-bestaan",
        "vereniging",
        ["vrijwilligers", "geld"],
        1987,
        "16-50",
        "Ouders uit de buurt beheren samen een speeltuin. Er is elke middag toezicht en in de zomer een speelweek. "
        "We zoeken nieuwe bestuursleden.",
    ),
    (
        "Buurtkeuken Noord",
        "voedselinitiatief",
        "Amsterdam",
        "Tuindorp Oostzaan",
        ["voedsel", "armoede-en-bestaanszekerheid", "ontmoeting-en-cultuur"],
        "groeien",
        "stichting",
        ["ruimte", "vrijwilligers"],
        2019,
        "16-50",
        "Drie keer per week koken buren voor buren. Je betaalt wat je kunt missen. Overgebleven eten van winkels "
        "gebruiken we zoveel mogelijk.",
    ),
    (
        "Schalkwijk Doet Mee",
        "wijkcooperatie",
        "Haarlem",
        "Schalkwijk",
        ["zorg-en-welzijn", "armoede-en-bestaanszekerheid"],
        "groeien",
        "cooperatie",
        ["samenwerking", "contact-gemeente"],
        2020,
        "51-200",
        "Bewoners helpen elkaar met geldzaken, formulieren en klussen. Wij hebben een inloop in het winkelcentrum "
        "en werken samen met de wijkteams.",
    ),
    (
        "Texel Energie Eilanders",
        "energiecooperatie",
        "Texel",
        "Den Burg",
        ["energie-en-klimaat"],
        "blijven-bestaan",
        "cooperatie",
        ["kennis"],
        2007,
        "200+",
        "Eilanders wekken samen hun eigen stroom op met zon en wind. We willen dat het eiland in de toekomst zijn "
        "eigen energie maakt.",
    ),
    (
        "Poelenburg Groen",
        "bewonersinitiatief",
        "Zaanstad",
        "Poelenburg",
        ["groen-en-leefomgeving", "veiligheid"],
        "starten",
        "informele-groep-met-penvoerder",
        ["geld", "vrijwilligers"],
        2024,
        "6-15",
        "We maken van een grijs pleintje een groene plek met bankjes en bloemen. Kinderen uit de buurt helpen "
        "mee met planten.",
    ),
    (
        "Huiskamer van Afrikaanderwijk",
        "buurthuis",
        "Rotterdam",
        "Afrikaanderwijk",
        ["ontmoeting-en-cultuur", "ouderen"],
        "groeien",
        "stichting",
        ["geld", "ruimte"],
        2015,
        "16-50",
        "Een warme plek waar buren uit alle culturen elkaar ontmoeten. Met koffie, spelletjes, een naaiatelier en "
        "hulp bij vragen.",
    ),
    (
        "Wijkcoöperatie Transvaal",
        "wijkcooperatie",
        "'s-Gravenhage",
        "Transvaal",
        ["werk-en-economie", "zorg-en-welzijn"],
        "groeien",
        "cooperatie",
        ["contact-gemeente", "geld"],
        2017,
        "51-200",
        "Wij doen werk dat anders door bedrijven van buiten wordt gedaan: schoonmaak, zorg en onderhoud. "
        "Zo blijft het geld in de wijk. Lees ook over het Right to Challenge.",
    ),
    (
        "Leidse Buurtfietsen",
        "bewonersinitiatief",
        "Leiden",
        "De Kooi",
        ["mobiliteit", "jongeren"],
        "idee",
        "informele-groep-zonder-penvoerder",
        ["ruimte", "kennis"],
        2025,
        "1-5",
        "We willen een werkplaats waar kinderen een oude fiets opknappen en daarna houden. We zoeken een ruimte en "
        "mensen die kunnen sleutelen.",
    ),
    (
        "Stadsboerderij Dordt",
        "voedselinitiatief",
        "Dordrecht",
        "Stadspolders",
        ["voedsel", "werk-en-economie"],
        "blijven-bestaan",
        "stichting",
        ["vrijwilligers"],
        2011,
        "16-50",
        "Mensen die even geen werk hebben, werken bij ons in de tuin en de winkel. Zo doen ze ervaring op. "
        "De groente verkopen we in de buurt.",
    ),
    (
        "Dorpsraad Ouddorp Zorgt",
        "zorgcooperatie",
        "Goeree-Overflakkee",
        "Ouddorp",
        ["zorg-en-welzijn", "ouderen"],
        "starten",
        "vereniging",
        ["kennis", "samenwerking"],
        2022,
        "6-15",
        "Ouddorpers willen dat ouderen in het dorp kunnen blijven wonen. We brengen in kaart wat er nodig is en "
        "praten met zorgaanbieders.",
    ),
    (
        "Middelburg Maakt Het",
        "wijkbedrijf",
        "Middelburg (Z.)",
        "Dauwendaele",
        ["werk-en-economie", "groen-en-leefomgeving"],
        "starten",
        "besloten-vennootschap",
        ["geld", "contact-gemeente"],
        2024,
        "6-15",
        "Een werkplaats waar buren meubels maken van afvalhout. Jongeren leren er een vak. We verkopen de meubels "
        "op markten.",
    ),
    (
        "Zierikzee Zonnig",
        "energiecooperatie",
        "Schouwen-Duiveland",
        "Zierikzee",
        ["energie-en-klimaat", "wonen"],
        "groeien",
        "cooperatie",
        ["geld", "zichtbaarheid"],
        2016,
        "51-200",
        "Samen kopen we zonnepanelen voor daken van scholen en sporthallen. Leden krijgen een deel van de "
        "opbrengst. We zoeken nieuwe daken.",
    ),
    (
        "Woensel-West Verbindt",
        "bewonersinitiatief",
        "Eindhoven",
        "Woensel-West",
        ["ontmoeting-en-cultuur", "veiligheid"],
        "groeien",
        "stichting",
        ["vrijwilligers", "samenwerking"],
        2014,
        "16-50",
        "Buurtbewoners organiseren straatfeesten, een buurtkrant en een buurtpreventieteam. Zo kennen mensen "
        "elkaar en voelt de wijk veiliger.",
    ),
    (
        "Wooncoöperatie De Tilburgse Hof",
        "woongemeenschap",
        "Tilburg",
        "Reeshof",
        ["wonen", "ouderen"],
        "idee",
        "vereniging",
        ["juridisch-advies", "geld", "ruimte"],
        2025,
        "6-15",
        "Een groep ouderen wil samen een hofje bouwen met eigen woningen en een gedeelde tuin. We onderzoeken of "
        "een wooncoöperatie past.",
    ),
    (
        "Bossche Buurtfonds De Muntel",
        "lokaal-fonds",
        "'s-Hertogenbosch",
        "De Muntel",
        ["ontmoeting-en-cultuur"],
        "starten",
        "stichting",
        ["zichtbaarheid", "geld"],
        2023,
        "1-5",
        "Een klein fonds voor plannen uit de buurt: een straatfeest, een bankje, een workshop. Aanvragen kan met "
        "een kort formulier.",
    ),
    (
        "Zorgcoöperatie Boxmeer Dichtbij",
        "zorgcooperatie",
        "Land van Cuijk",
        "Boxmeer",
        ["zorg-en-welzijn"],
        "groeien",
        "cooperatie",
        ["vrijwilligers", "geld"],
        2018,
        "51-200",
        "Wij bieden dagbesteding en huishoudelijke hulp door mensen uit de eigen dorpen. De leden bepalen samen "
        "wat de coöperatie doet.",
    ),
    (
        "Maastricht Malberg Kookt",
        "voedselinitiatief",
        "Maastricht",
        "Malberg",
        ["voedsel", "armoede-en-bestaanszekerheid"],
        "groeien",
        "informele-groep-met-penvoerder",
        ["ruimte", "vrijwilligers"],
        2021,
        "6-15",
        "Elke vrijdag koken vrijwilligers een gezonde maaltijd voor gezinnen uit de wijk. Kinderen helpen mee in "
        "de keuken.",
    ),
    (
        "Heerlen Noord Bloeit",
        "wijkcooperatie",
        "Heerlen",
        "Meezenbroek",
        ["groen-en-leefomgeving", "werk-en-economie"],
        "starten",
        "cooperatie",
        ["geld", "kennis"],
        2023,
        "16-50",
        "Bewoners nemen het onderhoud van het groen in de wijk over van de gemeente. Zo ontstaat werk voor mensen "
        "uit de buurt.",
    ),
    (
        "Peel en Maas Energiek",
        "energiecooperatie",
        "Peel en Maas",
        "Panningen",
        ["energie-en-klimaat"],
        "groeien",
        "cooperatie",
        ["kennis", "juridisch-advies"],
        2015,
        "200+",
        "Onze coöperatie heeft een windmolen en twee zonneparken. Met de opbrengst steunen we verenigingen in de "
        "dorpen.",
    ),
    (
        "Dorpsbelang Vlagtwedde",
        "dorpscooperatie",
        "Westerwolde",
        "Vlagtwedde",
        ["mobiliteit", "zorg-en-welzijn", "wonen"],
        "groeien",
        "vereniging",
        ["contact-gemeente", "vrijwilligers"],
        2012,
        "16-50",
        "We zorgen dat het dorp leefbaar blijft: met een dorpsauto, een pinautomaat in de supermarkt en huizen "
        "voor starters.",
    ),
]

# A second batch, short descriptions, so that every province has several examples.
DEMO += [
    (name, kind, place, area, themes, phase, legal, needs, year, people, text)
    for (name, kind, place, area, themes, phase, legal, needs, year, people, text) in [
        (
            "Winschoten Wijkt Niet",
            "bewonersinitiatief",
            "Oldambt",
            "Winschoten-Noord",
            ["veiligheid", "ontmoeting-en-cultuur"],
            "groeien",
            "informele-groep-met-penvoerder",
            ["vrijwilligers"],
            2020,
            "6-15",
            "Buren lopen samen avondrondes en houden een buurtapp bij. Elke maand is er een koffie-ochtend "
            "om elkaar te leren kennen.",
        ),
        (
            "Dorpskracht Slochteren",
            "dorpscooperatie",
            "Midden-Groningen",
            "Slochteren",
            ["wonen", "energie-en-klimaat"],
            "groeien",
            "cooperatie",
            ["juridisch-advies", "kennis"],
            2019,
            "51-200",
            "Na de schade door de gaswinning bouwen we samen aan een sterk dorp. We helpen bewoners bij "
            "versterking en verduurzaming van hun huis.",
        ),
        (
            "Beetsterzwaag Beweegt",
            "bewonersinitiatief",
            "Opsterland",
            "Beetsterzwaag",
            ["ouderen", "zorg-en-welzijn"],
            "starten",
            "informele-groep-zonder-penvoerder",
            ["ruimte", "vrijwilligers"],
            2024,
            "6-15",
            "Elke week wandelen en fietsen we met ouderen uit het dorp. Wie niet meer zelf kan fietsen, "
            "gaat mee op de duofiets.",
        ),
        (
            "Drachtster Deelauto",
            "bewonersinitiatief",
            "Smallingerland",
            "De Swetten",
            ["mobiliteit", "energie-en-klimaat"],
            "groeien",
            "vereniging",
            ["zichtbaarheid"],
            2021,
            "16-50",
            "Zestig huishoudens delen vier elektrische auto's. Je reserveert via een gedeelde agenda. Zo "
            "hoeven minder mensen een eigen auto.",
        ),
        (
            "Eelder Energie",
            "energiecooperatie",
            "Tynaarlo",
            "Eelde",
            ["energie-en-klimaat"],
            "blijven-bestaan",
            "cooperatie",
            ["kennis"],
            2013,
            "200+",
            "Onze coöperatie beheert een zonnedak op de sporthal en helpt leden met isolatie. We geven ook "
            "les op basisscholen over energie.",
        ),
        (
            "Coevorden Kookt Samen",
            "voedselinitiatief",
            "Coevorden",
            "Dalen",
            ["voedsel", "ouderen"],
            "groeien",
            "stichting",
            ["geld", "vrijwilligers"],
            2018,
            "16-50",
            "Twee keer per week eten dorpsgenoten samen in het dorpshuis. Jongeren koken mee en leren zo "
            "van de ouderen.",
        ),
        (
            "Zorgcoöperatie Markelo",
            "zorgcooperatie",
            "Hof van Twente",
            "Markelo",
            ["zorg-en-welzijn", "ouderen"],
            "blijven-bestaan",
            "cooperatie",
            ["samenwerking"],
            2012,
            "200+",
            "Wij regelen zorg dichtbij huis: een dagbesteding op de boerderij, vervoer en een vast "
            "aanspreekpunt voor alle inwoners.",
        ),
        (
            "Raalter Ruilwinkel",
            "bewonersinitiatief",
            "Raalte",
            "Raalte-Centrum",
            ["armoede-en-bestaanszekerheid", "groen-en-leefomgeving"],
            "groeien",
            "informele-groep-met-penvoerder",
            ["ruimte"],
            2022,
            "6-15",
            "In onze ruilwinkel breng je spullen die je niet meer gebruikt en neem je iets anders mee. Geld "
            "is niet nodig.",
        ),
        (
            "Dronter Tuinen Delen",
            "voedselinitiatief",
            "Dronten",
            "Swifterbant",
            ["voedsel", "groen-en-leefomgeving"],
            "starten",
            "informele-groep-zonder-penvoerder",
            ["ruimte", "kennis"],
            2024,
            "1-5",
            "Mensen met een grote tuin en mensen zonder tuin vinden elkaar. Samen telen ze groente en delen "
            "ze de oogst.",
        ),
        (
            "Emmeloord Jongeren Aan Zet",
            "bewonersinitiatief",
            "Noordoostpolder",
            "Emmeloord",
            ["jongeren", "ontmoeting-en-cultuur"],
            "idee",
            "informele-groep-zonder-penvoerder",
            ["ruimte", "geld", "contact-gemeente"],
            2025,
            "6-15",
            "Jongeren willen een eigen plek om muziek te maken en te chillen. We zoeken een leeg gebouw en "
            "hulp van de gemeente.",
        ),
        (
            "Ede Veldhuizen Verbindt",
            "wijkcooperatie",
            "Ede",
            "Veldhuizen",
            ["werk-en-economie", "armoede-en-bestaanszekerheid"],
            "groeien",
            "cooperatie",
            ["geld", "samenwerking"],
            2019,
            "51-200",
            "Onze wijkcoöperatie helpt bewoners aan werk in de wijk. We doen onder meer de was voor een "
            "zorginstelling.",
        ),
        (
            "Zutphense Zonnedaken",
            "energiecooperatie",
            "Zutphen",
            "De Hoven",
            ["energie-en-klimaat", "wonen"],
            "groeien",
            "cooperatie",
            ["zichtbaarheid", "juridisch-advies"],
            2017,
            "51-200",
            "We leggen zonnepanelen op daken van huurwoningen, samen met de woningcorporatie. Huurders "
            "profiteren van een lagere energierekening.",
        ),
        (
            "Doorns Dorpsfonds",
            "lokaal-fonds",
            "Utrechtse Heuvelrug",
            "Doorn",
            ["ontmoeting-en-cultuur", "jongeren"],
            "blijven-bestaan",
            "stichting",
            ["zichtbaarheid"],
            2010,
            "6-15",
            "Ons fonds steunt activiteiten die het dorp samen doet. Denk aan een kinderfeest, de kerstmarkt "
            "of een nieuwe jeu-de-boulesbaan.",
        ),
        (
            "Wieringen Woont",
            "woongemeenschap",
            "Hollands Kroon",
            "Hippolytushoef",
            ["wonen", "jongeren"],
            "starten",
            "vereniging",
            ["geld", "juridisch-advies"],
            2023,
            "16-50",
            "Jongeren uit het dorp willen hier blijven wonen. Samen ontwikkelen we tiny houses op een stuk "
            "grond aan de rand van het dorp.",
        ),
        (
            "Purmerend Weidevenne Samen",
            "buurthuis",
            "Purmerend",
            "Weidevenne",
            ["ontmoeting-en-cultuur", "zorg-en-welzijn"],
            "groeien",
            "stichting",
            ["vrijwilligers", "geld"],
            2016,
            "16-50",
            "In ons buurthuis zijn elke dag activiteiten: taallessen, een kledingbank, yoga en een "
            "inloopspreekuur voor vragen.",
        ),
        (
            "Goudse Bijenbuurt",
            "bewonersinitiatief",
            "Gouda",
            "Korte Akkeren",
            ["groen-en-leefomgeving"],
            "idee",
            "informele-groep-zonder-penvoerder",
            ["kennis", "vrijwilligers"],
            2025,
            "1-5",
            "We willen bloemen zaaien in bermen en op pleintjes, zodat er meer bijen en vlinders komen. "
            "Buren kunnen een stukje adopteren.",
        ),
        (
            "Westlandse Klusploeg",
            "wijkbedrijf",
            "Westland",
            "Naaldwijk",
            ["werk-en-economie", "ouderen"],
            "groeien",
            "besloten-vennootschap",
            ["samenwerking"],
            2020,
            "16-50",
            "Vakmensen met pensioen en jongeren zonder werk doen samen klussen bij ouderen thuis. De "
            "jongeren leren zo een vak.",
        ),
        (
            "Zeeuws-Vlaanderen Verbonden",
            "zorgcooperatie",
            "Sluis",
            "Oostburg",
            ["zorg-en-welzijn", "mobiliteit"],
            "groeien",
            "cooperatie",
            ["vrijwilligers", "geld"],
            2018,
            "51-200",
            "In onze dunbevolkte regio regelen we vervoer naar het ziekenhuis en hulp in huis. "
            "Vrijwilligers en zorgverleners werken samen.",
        ),
        (
            "Hulster Moestuinen",
            "voedselinitiatief",
            "Hulst",
            "Clinge",
            ["voedsel", "ontmoeting-en-cultuur"],
            "blijven-bestaan",
            "vereniging",
            ["vrijwilligers"],
            2008,
            "16-50",
            "Op onze volkstuinen telen dorpsgenoten hun eigen groente. Een deel van de tuin is voor de "
            "school en voor de voedselbank.",
        ),
        (
            "Schijndel Samen Sterk",
            "dorpscooperatie",
            "Meierijstad",
            "Schijndel",
            ["zorg-en-welzijn", "wonen"],
            "starten",
            "cooperatie",
            ["kennis", "contact-gemeente"],
            2024,
            "16-50",
            "We willen zorgwoningen midden in het dorp, zodat ouderen hier kunnen blijven wonen. We zoeken "
            "samenwerking met de gemeente.",
        ),
        (
            "Bredase Buurtkracht",
            "wijkcooperatie",
            "Breda",
            "Heuvelkwartier",
            ["armoede-en-bestaanszekerheid", "werk-en-economie"],
            "groeien",
            "cooperatie",
            ["geld", "samenwerking"],
            2021,
            "51-200",
            "Wij maken met bewoners plannen voor hun eigen wijk en voeren die ook uit. De gemeente betaalt "
            "ons voor een deel van het werk.",
        ),
        (
            "Geleen Groen Gedeeld",
            "bewonersinitiatief",
            "Sittard-Geleen",
            "Lindenheuvel",
            ["groen-en-leefomgeving", "veiligheid"],
            "groeien",
            "informele-groep-met-penvoerder",
            ["geld"],
            2019,
            "6-15",
            "We hebben een verwaarloosd parkje opgeknapt en houden het samen schoon. Kinderen spelen er weer veilig.",
        ),
        (
            "Roermondse Repaircafés",
            "bewonersinitiatief",
            "Roermond",
            "Donderberg",
            ["groen-en-leefomgeving", "ontmoeting-en-cultuur"],
            "blijven-bestaan",
            "stichting",
            ["vrijwilligers"],
            2014,
            "16-50",
            "Op drie plekken in de stad repareren vrijwilligers elke maand spullen. We leren bezoekers ook "
            "zelf te repareren.",
        ),
        (
            "Veerse Kustcoöperatie",
            "energiecooperatie",
            "Veere",
            "Domburg",
            ["energie-en-klimaat"],
            "starten",
            "cooperatie",
            ["geld", "juridisch-advies"],
            2023,
            "16-50",
            "Bewoners van de kust willen samen een warmtenet voor het dorp. We onderzoeken eerst of het kan "
            "en wat het kost.",
        ),
    ]
]

# A few demo initiatives in other states, to show the review queue and the "niet recent bevestigd" label.
SUBMITTED = {"Leidse Buurtfietsen", "Wooncoöperatie De Tilburgse Hof"}
STALE = {"Dorpshuis De Skalm", "Speeltuinvereniging De Brink"}


def _manager() -> User:
    user, created = User.objects.get_or_create(
        email=DEMO_MANAGER_EMAIL, defaults={"display_name": "Demo-beheerder initiatieven"}
    )
    if created:
        # A known password only on a laptop; elsewhere nobody can log in with this account.
        if settings.ENVIRONMENT == "development":
            user.set_password(DEMO_MANAGER_PASSWORD)
        else:
            user.set_unusable_password()
        user.save(update_fields=["password"])
        from allauth.account.models import EmailAddress

        EmailAddress.objects.get_or_create(user=user, email=user.email, defaults={"verified": True, "primary": True})
    return user


def load() -> str:
    manager = _manager()
    terms = {(t.vocabulary, t.slug): t for t in Term.objects.all()}
    municipalities = {m.name: m for m in Municipality.objects.select_related("province")}
    if not municipalities:
        return "overgeslagen: laad eerst de gemeenten (manage.py load_places)"
    now = timezone.now()
    created = 0
    for index, (name, kind, place, area, themes, phase, legal, needs, year, people, text) in enumerate(DEMO):
        slug = slugify(name)
        if Initiative.objects.filter(slug=slug).exists():
            continue
        published = name not in SUBMITTED
        confirmed = now - timedelta(days=500 if name in STALE else 20 + index * 9)
        initiative = Initiative.objects.create(
            name=name,
            slug=slug,
            kind=terms[("initiative_kind", kind)],
            legal_form=terms[("legal_form", legal)],
            phase=terms[("phase", phase)],
            municipality=municipalities[place],
            area=area,
            founded_year=year,
            active_people=people,
            description=text + "\n\n*Dit is een voorbeeld: dit initiatief bestaat niet echt.*",
            website=f"https://www.example.org/{slug}",
            public_email=f"info@{slug[:40]}.example" if index % 4 == 0 else "",
            status=Status.PUBLISHED if published else Status.SUBMITTED,
            published_at=now - timedelta(days=30 + index * 23) if published else None,
            confirmed_at=confirmed,
        )
        initiative.themes.set([terms[("theme", t)] for t in themes])
        initiative.needs.set([terms[("need", n)] for n in needs])
        Membership.objects.get_or_create(initiative=initiative, user=manager)
        created += 1
    note = (
        f" (inloggen: {DEMO_MANAGER_EMAIL} / {DEMO_MANAGER_PASSWORD})" if settings.ENVIRONMENT == "development" else ""
    )
    return f"{created} voorbeeldinitiatieven toegevoegd, {len(DEMO)} in totaal{note}"
