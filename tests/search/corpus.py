"""A fixed Dutch corpus for the search test set: knowledge, initiatives and organisations as people write them.

Every document has a key `<kind>:<slug>`; queries in `QUERIES` name the keys that must be in the
first ten results of their kind. Texts are invented for the tests.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from tests.search import corpus_language

# (slug, title, summary, body, theme slugs)
RESOURCES: list[tuple[str, str, str, str, list[str]]] = [
    (
        "energiecooperatie-oprichten",
        "Een energiecoöperatie oprichten",
        "Zo begin je met buren een coöperatie voor zonnepanelen op de daken in de wijk.",
        "Eerst schrijf je statuten. Daarna ga je naar de notaris. De leden kiezen een bestuur.",
        ["energie-en-klimaat"],
    ),
    (
        "subsidie-voor-je-buurthuis",
        "Subsidie aanvragen voor je buurthuis",
        "Welke subsidies zijn er voor een ontmoetingsplek in de buurt?",
        "Vraag bij de gemeente naar regelingen. Maak een begroting en een plan van aanpak.",
        ["ontmoeting-en-cultuur"],
    ),
    (
        "vrijwilligers-vinden",
        "Vrijwilligers vinden en houden",
        "Tips om nieuwe vrijwilligers te werven en hen te bedanken.",
        "Vraag mensen persoonlijk. Geef duidelijke taken en vier samen wat lukt.",
        ["zorg-en-welzijn"],
    ),
    (
        "stichting-oprichten",
        "Een stichting oprichten bij de notaris",
        "Wat kost het, wat regel je vooraf en hoe schrijf je de statuten?",
        "Een stichting heeft een bestuur en geen leden. De notaris legt de akte vast.",
        ["werk-en-economie"],
    ),
    (
        "vereniging-of-stichting",
        "Vereniging of stichting: wat past bij jullie?",
        "De verschillen tussen de rechtsvormen, uitgelegd in gewone taal.",
        "Een vereniging heeft leden die samen beslissen. Een stichting heeft dat niet.",
        ["werk-en-economie"],
    ),
    (
        "right-to-challenge",
        "Right to Challenge: een taak van de gemeente overnemen",
        "Bewoners kunnen zeggen: wij doen dit beter en goedkoper.",
        "Met het uitdaagrecht nemen bewoners het onderhoud van groen of het vervoer over.",
        ["groen-en-leefomgeving"],
    ),
    (
        "buurtfonds-starten",
        "Een buurtfonds starten",
        "Met een eigen fonds geven bewoners geld aan kleine plannen in de wijk.",
        "Zoek een penvoerder en spreek af wie beslist over de aanvragen.",
        ["armoede-en-bestaanszekerheid"],
    ),
    (
        "crowdfunding",
        "Geld ophalen met crowdfunding",
        "Zo zet je een actie op en haal je donaties op bij buren en bedrijven.",
        "Kies een duidelijk doel en een bedrag. Vertel een goed verhaal met foto's.",
        ["werk-en-economie"],
    ),
    (
        "speeltuintje-opknappen",
        "Een speeltuintje in de buurt opknappen",
        "Kinderen en ouders knappen samen de speelplek op.",
        "Vraag de gemeente om toestemming en materiaal. Plan een klusdag op zaterdag.",
        ["jongeren"],
    ),
    (
        "eenzaamheid-ouderen",
        "Eenzaamheid onder ouderen tegengaan",
        "Huisbezoeken, koffieochtenden en een belcirkel voor oudere buurtbewoners.",
        "Veel ouderen zien weinig mensen. Een vaste belronde helpt al veel.",
        ["ouderen"],
    ),
    (
        "moestuin-beginnen",
        "Samen een moestuin beginnen",
        "Groenten kweken met de buurt op een braakliggend stuk grond.",
        "Vraag grond te leen van de gemeente of een woningcorporatie. Maak een rooster voor het water geven.",
        ["voedsel"],
    ),
    (
        "zorgcooperatie-dorp",
        "Een zorgcoöperatie in het dorp",
        "Dorpsbewoners regelen samen zorg en hulp voor elkaar.",
        "Begin met een inventarisatie: wie heeft hulp nodig en wie kan helpen?",
        ["zorg-en-welzijn"],
    ),
    (
        "wat-is-een-wijkbedrijf",
        "Wat is een wijkbedrijf?",
        "Een onderneming van en voor de wijk die werk en inkomen geeft.",
        "Het wijkbedrijf steekt de winst weer in de buurt.",
        ["werk-en-economie"],
    ),
    (
        "vrijwilligersverzekering",
        "De vrijwilligersverzekering van je gemeente",
        "Veel gemeenten verzekeren vrijwilligers gratis voor schade en ongelukken.",
        "Vraag bij je gemeente of jullie activiteit onder de polis valt.",
        ["zorg-en-welzijn"],
    ),
    (
        "ideeen-ophalen",
        "Ideeën ophalen in je straat",
        "Met een straatgesprek of een enquête hoor je wat buren willen.",
        "Ga langs de deuren met een korte vragenlijst.",
        ["groen-en-leefomgeving"],
    ),
    (
        "dorpshuizen-toekomst",
        "Dorpshuizen klaar maken voor de toekomst",
        "Hoe houden dorpshuizen hun deuren open met minder inkomsten?",
        "Verhuur zalen, werk met vrijwilligers en verduurzaam het gebouw.",
        ["ontmoeting-en-cultuur"],
    ),
    (
        "samenwerken-met-de-gemeente",
        "Samenwerken met de gemeente als bewonersinitiatief",
        "Afspraken maken met ambtenaren en de wethouder.",
        "Leg vast wie wat doet en wanneer jullie elkaar spreken.",
        ["groen-en-leefomgeving"],
    ),
    (
        "anbi-status",
        "ANBI-status aanvragen",
        "Met een ANBI-status kunnen gevers hun gift aftrekken van de belasting.",
        "De Belastingdienst stelt eisen aan het beleidsplan en de beloning van het bestuur.",
        ["armoede-en-bestaanszekerheid"],
    ),
    (
        "inschrijven-kvk",
        "Inschrijven bij de Kamer van Koophandel",
        "Wanneer moet je je initiatief inschrijven en wat kost dat?",
        "Een stichting of vereniging schrijf je in via de notaris.",
        ["werk-en-economie"],
    ),
    (
        "laadpalen-in-de-buurt",
        "Laadpalen voor elektrische auto's in de buurt",
        "Een buurtcoöperatie voor deelauto's en laadpunten.",
        "Bespreek met de gemeente waar de palen mogen staan.",
        ["mobiliteit"],
    ),
    (
        "voedselhulp-organiseren",
        "Voedselhulp organiseren in de wijk",
        "Van voedselbank tot buurtmaaltijd: zo help je gezinnen die weinig te besteden hebben.",
        "Werk samen met de supermarkt en met scholen.",
        ["voedsel"],
    ),
    (
        "privacy-ledenlijst",
        "Privacy: zo bewaar je een ledenlijst",
        "Wat de AVG vraagt van een vereniging met leden.",
        "Bewaar alleen wat je nodig hebt en vraag toestemming voor foto's.",
        ["werk-en-economie"],
    ),
    (
        "jaarverslag-schrijven",
        "Een jaarverslag schrijven",
        "Laat zien wat je hebt gedaan en waar het geld naartoe ging.",
        "Houd het kort. Voeg de jaarrekening toe.",
        ["werk-en-economie"],
    ),
    (
        "bestuursleden-vinden",
        "Bestuursleden vinden voor je stichting",
        "Zo vind je een penningmeester, een secretaris en een voorzitter.",
        "Zoek in je netwerk en bij vrijwilligerscentrales.",
        ["werk-en-economie"],
    ),
    (
        "woningen-isoleren",
        "Samen woningen isoleren",
        "Een collectieve inkoop van isolatie en warmtepompen.",
        "Bundel de vraag van twintig huishoudens en vraag offertes.",
        ["energie-en-klimaat"],
    ),
    (
        "jongeren-betrekken",
        "Jongeren betrekken bij je initiatief",
        "Hoe je tieners en studenten laat meedoen.",
        "Geef jongeren echte verantwoordelijkheid en een eigen budget.",
        ["jongeren"],
    ),
    (
        "buurtfeest-organiseren",
        "Een buurtfeest of festival organiseren",
        "Vergunningen, geluid en veiligheid op een rij.",
        "Vraag op tijd een evenementenvergunning aan.",
        ["ontmoeting-en-cultuur"],
    ),
    (
        "groen-schoolplein",
        "Een groen schoolplein aanleggen",
        "Tegels eruit, bomen en struiken erin.",
        "Kinderen spelen meer en het regenwater zakt weg in de grond.",
        ["groen-en-leefomgeving"],
    ),
    (
        "huurdersvereniging",
        "Een huurdersvereniging oprichten",
        "Sterker staan tegenover de verhuurder.",
        "Met genoeg leden krijg je instemmingsrecht bij de woningcorporatie.",
        ["wonen"],
    ),
    (
        "huiskamer-in-de-wijk",
        "Een huiskamer in de wijk",
        "Een vaste plek waar buurtbewoners elkaar ontmoeten bij een kop koffie.",
        "Zoek een ruimte bij een kerk, school of zorginstelling.",
        ["ontmoeting-en-cultuur"],
    ),
    (
        "wooncooperatie",
        "Wooncoöperaties: samen een woongebouw beheren",
        "Bewoners kopen of huren samen hun gebouw en beslissen zelf.",
        "De coöperatie sluit een overeenkomst met de eigenaar.",
        ["wonen"],
    ),
    (
        "financiering-overzicht",
        "Financiering voor je initiatief: een overzicht",
        "Fondsen, leningen, subsidies en crowdfunding naast elkaar gezet.",
        "Kijk eerst wat je nodig hebt en hoe lang.",
        ["armoede-en-bestaanszekerheid"],
    ),
    (
        "repaircafe-starten",
        "Een repaircafé starten",
        "Samen kapotte spullen repareren in plaats van weggooien.",
        "Zoek handige vrijwilligers en een ruimte met goede tafels.",
        ["groen-en-leefomgeving"],
    ),
    (
        "dorpsauto",
        "Een elektrische dorpsauto delen",
        "Vervoer voor ouderen in dorpen zonder bus.",
        "Vrijwillige chauffeurs rijden dorpsgenoten naar de huisarts.",
        ["mobiliteit"],
    ),
]

# (slug, name, area, municipality, kind slug, description, theme slugs)
INITIATIVES: list[tuple[str, str, str, str, str, str, list[str]]] = [
    (
        "zonnig-lombok",
        "Energiecoöperatie Zonnig Lombok",
        "Lombok",
        "Utrecht",
        "energiecooperatie",
        "Wij leggen zonnepanelen op de daken van scholen en verdelen de opbrengst.",
        ["energie-en-klimaat"],
    ),
    (
        "buurthuis-de-ontmoeting",
        "Buurthuis De Ontmoeting",
        "Assendorp",
        "Zwolle",
        "buurthuis",
        "Een ontmoetingsplek met koffie, taalles en spelletjesmiddagen.",
        ["ontmoeting-en-cultuur"],
    ),
    (
        "zorgcooperatie-hooghalen",
        "Zorgcoöperatie Hooghalen",
        "Hooghalen",
        "Midden-Drenthe",
        "zorgcooperatie",
        "Dorpsbewoners regelen zelf zorg en hulp, zodat ouderen in het dorp kunnen blijven wonen.",
        ["zorg-en-welzijn"],
    ),
    (
        "groene-vingers",
        "Moestuin De Groene Vingers",
        "Bottendaal",
        "Nijmegen",
        "voedselinitiatief",
        "Elke zaterdag tuinieren we met buren en kinderen.",
        ["voedsel"],
    ),
    (
        "wijkbedrijf-malburgen",
        "Wijkbedrijf Malburgen",
        "Malburgen",
        "Arnhem",
        "wijkbedrijf",
        "Werk voor buurtbewoners: klussen, schoonmaak en catering.",
        ["werk-en-economie"],
    ),
    (
        "buurtkracht",
        "Stichting Buurtkracht",
        "Reeshof",
        "Tilburg",
        "bewonersinitiatief",
        "Vrijwilligers helpen ouderen met boodschappen en vervoer naar het ziekenhuis.",
        ["ouderen"],
    ),
    (
        "het-klimrek",
        "Speeltuinvereniging Het Klimrek",
        "Woensel",
        "Eindhoven",
        "bewonersinitiatief",
        "Wij beheren de speeltuin in de wijk met vrijwilligers.",
        ["jongeren"],
    ),
    (
        "buurtfonds-noord",
        "Buurtfonds Noord",
        "Noord",
        "Amsterdam",
        "lokaal-fonds",
        "Een fonds dat kleine bewonersinitiatieven in Noord steunt met geld en advies.",
        ["armoede-en-bestaanszekerheid"],
    ),
    (
        "windcooperatie-noordenwind",
        "Windcoöperatie Noordenwind",
        "Ten Boer",
        "Groningen",
        "energiecooperatie",
        "Een windmolen van en voor de dorpen, met een fonds voor de omgeving.",
        ["energie-en-klimaat"],
    ),
    (
        "taalhuis-maastricht",
        "Taalhuis Maastricht",
        "Centrum",
        "Maastricht",
        "bewonersinitiatief",
        "Vrijwilligers geven taalles aan nieuwkomers in de bibliotheek.",
        ["ontmoeting-en-cultuur"],
    ),
    (
        "dorpscooperatie-westerwolde",
        "Dorpscoöperatie Ons Dorp",
        "Vlagtwedde",
        "Westerwolde",
        "dorpscooperatie",
        "De dorpscoöperatie runt de dorpswinkel en het dorpshuis.",
        ["ontmoeting-en-cultuur"],
    ),
    (
        "voedseltuin-zuid",
        "Voedseltuin Rotterdam-Zuid",
        "Charlois",
        "Rotterdam",
        "voedselinitiatief",
        "Groenten voor de voedselbank, gekweekt door vrijwilligers.",
        ["voedsel"],
    ),
]

# (slug, name, short name, description)
ORGANISATIONS: list[tuple[str, str, str, str]] = [
    ("lvkk", "Landelijke Vereniging van Kleine Kernen", "LVKK", "Wij helpen dorpen en dorpshuizen die het zelf doen."),
    ("energie-samen", "Energie Samen", "", "Koepel van energiecoöperaties in heel Nederland."),
    ("oranje-fonds", "Oranje Fonds", "", "Een fonds dat sociale initiatieven steunt met geld en advies."),
    ("nov", "Vereniging NOV", "NOV", "Alles over vrijwilligerswerk en het werven van vrijwilligers."),
    ("movisie", "Movisie", "", "Kennisinstituut voor het sociaal domein."),
    ("zorgzame-dorpen", "Netwerk Zorgzame Dorpen", "", "Helpt bewoners die een zorgcoöperatie opzetten."),
    ("lsa", "LSA bewoners", "LSA", "Landelijk netwerk van bewonersorganisaties en huurdersverenigingen."),
]

# (slug, name, summary, description, funding kind slug, funder: organisation slug or a plain name)
FUNDING_SCHEMES: list[tuple[str, str, str, str, str, str]] = [
    (
        "buurthuis-opknappen",
        "Bijdrage voor het opknappen van een buurthuis",
        "Geld voor verf, meubels en een keuken in de ontmoetingsplek van de wijk.",
        "Je vraagt aan met een begroting en foto's van wat je wilt verbeteren.",
        "gift",
        "oranje-fonds",
    ),
    (
        "energie-startlening",
        "Startlening voor een energiecoöperatie",
        "Een lening met lage rente voor de eerste zonnepanelen op een dak in de buurt.",
        "Je betaalt terug van de opbrengst van de stroom.",
        "lening",
        "Het Energiefonds",
    ),
    (
        "wijkbudget-groen",
        "Wijkbudget voor groen in de straat",
        "De gemeente betaalt plantenbakken, geveltuinen en bomen die bewoners zelf verzorgen.",
        "Een groepje buren vraagt aan. Je spreekt af wie de planten water geeft.",
        "subsidie",
        "Gemeente Zwolle",
    ),
    (
        "samen-doneren",
        "Crowdfunding voor je buurtproject",
        "Zet je plan online en laat buren en bedrijven een bedrag geven.",
        "Het platform rekent geen kosten als je je doel haalt.",
        "crowdfunding",
        "Buurtgeld",
    ),
]

# (query, query class, keys that must be in the first ten results of their kind)
QUERIES: list[tuple[str, str, list[str]]] = [
    # plurals
    ("subsidies", "meervoud", ["r:subsidie-voor-je-buurthuis", "r:financiering-overzicht"]),
    ("subsidie", "meervoud", ["r:subsidie-voor-je-buurthuis", "r:financiering-overzicht"]),
    ("buurthuizen", "meervoud", ["r:subsidie-voor-je-buurthuis", "i:buurthuis-de-ontmoeting"]),
    ("initiatieven", "meervoud", ["r:samenwerken-met-de-gemeente", "r:jongeren-betrekken", "r:inschrijven-kvk"]),
    ("coöperaties", "meervoud", ["r:energiecooperatie-oprichten", "r:wooncooperatie"]),
    ("stichtingen", "meervoud", ["r:stichting-oprichten", "r:vereniging-of-stichting", "i:buurtkracht"]),
    ("vrijwilliger", "meervoud", ["r:vrijwilligers-vinden", "i:taalhuis-maastricht"]),
    ("gemeenten", "meervoud", ["r:right-to-challenge", "r:vrijwilligersverzekering"]),
    ("dorpshuis", "meervoud", ["r:dorpshuizen-toekomst", "o:lvkk"]),
    ("ideeën", "meervoud", ["r:ideeen-ophalen"]),
    ("idee", "meervoud", ["r:ideeen-ophalen"]),
    ("zonnepaneel", "meervoud", ["r:energiecooperatie-oprichten", "i:zonnig-lombok"]),
    ("woning", "meervoud", ["r:woningen-isoleren"]),
    ("laadpaal", "meervoud", ["r:laadpalen-in-de-buurt"]),
    ("fondsen", "meervoud", ["r:buurtfonds-starten", "o:oranje-fonds", "r:financiering-overzicht"]),
    ("moestuinen", "meervoud", ["r:moestuin-beginnen", "i:groene-vingers"]),
    ("ouderen", "meervoud", ["r:eenzaamheid-ouderen", "i:buurtkracht"]),
    ("kind", "meervoud", ["r:speeltuintje-opknappen", "r:groen-schoolplein"]),
    # diminutives
    ("speeltuin", "verkleinwoord", ["r:speeltuintje-opknappen", "i:het-klimrek"]),
    ("speeltuintjes", "verkleinwoord", ["r:speeltuintje-opknappen"]),
    ("buurtje", "verkleinwoord", ["r:speeltuintje-opknappen", "r:laadpalen-in-de-buurt"]),
    ("moestuintje", "verkleinwoord", ["r:moestuin-beginnen", "i:groene-vingers"]),
    ("huiskamertje", "verkleinwoord", ["r:huiskamer-in-de-wijk"]),
    # compounds: a part finds the whole, a whole finds the parts
    ("energie", "samenstelling", ["r:energiecooperatie-oprichten", "i:zonnig-lombok", "o:energie-samen"]),
    (
        "coöperatie",
        "samenstelling",
        ["r:zorgcooperatie-dorp", "r:energiecooperatie-oprichten", "i:windcooperatie-noordenwind"],
    ),
    ("energiecoöperaties", "samenstelling", ["r:energiecooperatie-oprichten", "i:zonnig-lombok", "o:energie-samen"]),
    ("bewonersinitiatieven", "samenstelling", ["r:samenwerken-met-de-gemeente", "i:buurtfonds-noord"]),
    ("zorg coöperatie", "samenstelling", ["r:zorgcooperatie-dorp", "i:zorgcooperatie-hooghalen", "o:zorgzame-dorpen"]),
    ("energie coöperatie", "samenstelling", ["r:energiecooperatie-oprichten", "i:zonnig-lombok"]),
    ("verzekering", "samenstelling", ["r:vrijwilligersverzekering"]),
    ("fonds", "samenstelling", ["r:buurtfonds-starten", "i:buurtfonds-noord", "o:oranje-fonds"]),
    ("huis", "samenstelling", ["r:subsidie-voor-je-buurthuis", "i:buurthuis-de-ontmoeting"]),
    ("vereniging", "samenstelling", ["r:huurdersvereniging", "r:vereniging-of-stichting", "i:het-klimrek"]),
    ("wijkcoöperatie", "samenstelling", ["r:laadpalen-in-de-buurt", "r:energiecooperatie-oprichten"]),
    ("tuin", "samenstelling", ["r:moestuin-beginnen", "i:groene-vingers", "i:voedseltuin-zuid"]),
    ("auto", "samenstelling", ["r:dorpsauto", "r:laadpalen-in-de-buurt"]),
    ("buurt fonds", "samenstelling", ["r:buurtfonds-starten", "i:buurtfonds-noord"]),
    # diacritics
    ("cooperatie", "accenten", ["r:energiecooperatie-oprichten", "r:zorgcooperatie-dorp"]),
    ("ideeen", "accenten", ["r:ideeen-ophalen"]),
    ("repaircafe", "accenten", ["r:repaircafe-starten"]),
    ("energiecooperatie", "accenten", ["r:energiecooperatie-oprichten", "i:zonnig-lombok"]),
    ("enquete", "accenten", ["r:ideeen-ophalen"]),
    # typos
    ("vrijwiligers", "tikfout", ["r:vrijwilligers-vinden", "i:taalhuis-maastricht"]),
    ("subsiedie", "tikfout", ["r:subsidie-voor-je-buurthuis"]),
    ("stichtnig", "tikfout", ["r:stichting-oprichten"]),
    ("eenzaamhied", "tikfout", ["r:eenzaamheid-ouderen"]),
    ("crowdfunfing", "tikfout", ["r:crowdfunding"]),
    ("huurdesvereniging", "tikfout", ["r:huurdersvereniging"]),
    ("notars", "tikfout", ["r:stichting-oprichten"]),
    # synonyms (staff list)
    ("geld", "synoniem", ["r:financiering-overzicht", "r:subsidie-voor-je-buurthuis", "r:crowdfunding"]),
    ("buurthuis", "synoniem", ["r:subsidie-voor-je-buurthuis", "r:huiskamer-in-de-wijk", "i:buurthuis-de-ontmoeting"]),
    ("vrijwilligerswerk", "synoniem", ["r:vrijwilligers-vinden", "o:nov"]),
    ("ontmoetingsplek", "synoniem", ["r:subsidie-voor-je-buurthuis", "i:buurthuis-de-ontmoeting"]),
    ("eenzaam", "synoniem", ["r:eenzaamheid-ouderen"]),
    ("uitdaagrecht", "synoniem", ["r:right-to-challenge"]),
    ("kvk", "synoniem", ["r:inschrijven-kvk"]),
    ("doneren", "synoniem", ["r:crowdfunding", "r:anbi-status"]),
    # multi-word
    ("subsidies buurthuizen", "meer woorden", ["r:subsidie-voor-je-buurthuis"]),
    ("stichting oprichten", "meer woorden", ["r:stichting-oprichten"]),
    ("vrijwilligers ouderen", "meer woorden", ["i:buurtkracht"]),
    ("zorg in het dorp", "meer woorden", ["r:zorgcooperatie-dorp", "i:zorgcooperatie-hooghalen"]),
    ("moestuin nijmegen", "meer woorden", ["i:groene-vingers"]),
    ("energie utrecht", "meer woorden", ["i:zonnig-lombok"]),
    ("geld ophalen bij buren", "meer woorden", ["r:crowdfunding"]),
    ("taak overnemen van de gemeente", "meer woorden", ["r:right-to-challenge"]),
    ("ledenlijst privacy", "meer woorden", ["r:privacy-ledenlijst"]),
    ("isoleren warmtepomp", "meer woorden", ["r:woningen-isoleren"]),
    # exact phrase
    ('"kamer van koophandel"', "zinsdeel", ["r:inschrijven-kvk"]),
    ('"right to challenge"', "zinsdeel", ["r:right-to-challenge"]),
    # names and places
    ("Oranje Fonds", "naam", ["o:oranje-fonds"]),
    ("LVKK", "naam", ["o:lvkk"]),
    ("Drenthe", "naam", ["i:zorgcooperatie-hooghalen"]),
    # funding schemes (group "Financiering")
    ("buurthuizen opknappen", "financiering", ["f:buurthuis-opknappen"]),
    ("leningen zonnepanelen", "financiering", ["f:energie-startlening"]),
    ("geveltuintje", "financiering", ["f:wijkbudget-groen"]),
    ("geld ophalen bij buren", "financiering", ["f:samen-doneren"]),
    ("Oranje Fonds", "financiering", ["f:buurthuis-opknappen"]),
]

THEMES_OF_ORGANISATIONS: dict[str, list[str]] = {}


def published_days_ago(index: int) -> datetime.datetime:
    # Spread over two years so that recency plays a part, deterministically.
    return timezone.now() - datetime.timedelta(days=20 + 23 * index)


# The word-level classes of issue #12 live in their own module (corpus_language.py).
RESOURCES += corpus_language.RESOURCES
INITIATIVES += corpus_language.INITIATIVES
QUERIES += corpus_language.QUERIES
