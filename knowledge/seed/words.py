"""Word pools for seeded organisations and knowledge (invented, general advice in plain Dutch).

Placeholders stand between spaces or punctuation, never against a letter (tests/base/test_seed_bulk.py
checks this): {gemeente}, {provincie}, {onderwerp}, {thema}, {huisnaam}, {achternaam}, {doen} (an
infinitive: "een buurtmoestuin beginnen"), {Doen} (the same with a capital), {hoe} ("een
buurtmoestuin begint"), {ding} ("de buurtmoestuin"), {aantal}, {dag}, {tijd}, {plaats}.
"""

from __future__ import annotations

# kind: (share, name templates, description sentences, weight as a publisher of knowledge)
ORGANISATION_KINDS: dict[str, tuple[int, tuple[str, ...], tuple[str, ...], int]] = {
    "gemeente": (
        10,
        ("Gemeente {gemeente}",),
        (
            "De gemeente {gemeente} steunt bewoners die samen iets doen voor hun straat, wijk of dorp.",
            "Bij de gemeente kun je terecht met vragen over subsidie, vergunningen en het gebruik van openbare ruimte.",
            "Elke wijk heeft een vaste wijkregisseur die meedenkt met initiatieven.",
        ),
        1,
    ),
    "lokaal": (
        45,
        (
            "Welzijn {gemeente}", "Buurtwerk {gemeente}", "Steunpunt Vrijwilligerswerk {gemeente}",
            "Vrijwilligerscentrale {gemeente}", "Stichting Wijkwerk {gemeente}", "Dorpenwerk {provincie}",
            "Sociaal Werk {gemeente}", "Huis van de Buurt {gemeente}", "Mantelzorgsteunpunt {gemeente}",
            "Bewonersondersteuning {gemeente}",
        ),
        (
            "Wij ondersteunen bewoners en vrijwilligers in {gemeente} met advies en een netwerk.",
            "Onze opbouwwerkers helpen bewoners om hun plan uit te voeren.",
            "Je kunt bij ons terecht voor hulp bij een subsidieaanvraag of het vinden van vrijwilligers.",
            "We brengen initiatieven, gemeente en zorg met elkaar in contact.",
        ),
        1,
    ),
    "fonds": (
        20,
        (
            "Buurtfonds {gemeente}", "Stichting {achternaam} Fonds", "{provincie} Fonds voor {onderwerp}",
            "Fonds {onderwerp}", "Stichting {huisnaam} Fonds",
        ),
        (
            "Wij geven geld aan initiatieven die de buurt sterker maken.",
            "Het fonds steunt projecten op het gebied van {thema}.",
            "Aanvragen kan het hele jaar door, met een eenvoudig formulier.",
            "Naast geld geven we advies en brengen we initiatieven met elkaar in contact.",
        ),
        3,
    ),
    "kennisinstituut": (
        8,
        ("Kenniscentrum {onderwerp}", "Instituut voor {onderwerp}", "Expertisecentrum {onderwerp}"),
        (
            "Wij verzamelen kennis over {thema} en delen die met bewoners, gemeenten en professionals.",
            "Ons onderzoek laat zien wat werkt in de buurt.",
            "We maken handleidingen, voorbeelden en trainingen die iedereen kan gebruiken.",
        ),
        8,
    ),
    "landelijk": (
        12,
        ("Landelijk Netwerk {onderwerp}", "Vereniging {onderwerp} Nederland", "Platform {onderwerp}"),
        (
            "Wij zijn een landelijke organisatie voor {thema}.",
            "Leden delen kennis en ervaring met elkaar.",
            "We komen op voor de belangen van initiatieven bij de overheid.",
        ),
        8,
    ),
    "anders": (
        5,
        ("Netwerk {onderwerp} {provincie}", "Bibliotheek {gemeente}", "Woningcorporatie {huisnaam}"),
        ("Wij werken samen met bewoners in {gemeente} en omgeving.", "We denken graag mee over {thema}."),
        1,
    ),
}  # fmt: skip

SUBJECTS = (
    "Burgerkracht", "Buurtenergie", "Zorgzame Gemeenschappen", "Bewonersparticipatie", "Samen Eten",
    "Groene Buurten", "Vrijwillige Inzet", "Lokale Economie", "Dorpshuizen", "Wijkcoöperaties",
    "Bestaanszekerheid", "Jeugd en Buurt", "Mobiliteit op het Platteland", "Ouderen in de Wijk",
    "Eenzaamheid", "Maatschappelijk Vastgoed", "Buurtbudgetten", "Gezonde Wijken", "Klimaatadaptatie",
    "Zelfbeheer", "Sociale Samenhang", "Dorpsontwikkeling", "Wijkgericht Werken", "Burgerinitiatieven",
)  # fmt: skip

SERVICES = (
    "Advies bij het opstellen van een plan", "Hulp bij een subsidieaanvraag", "Trainingen voor vrijwilligers",
    "Een vergaderruimte die je gratis kunt gebruiken", "Contact met andere initiatieven", "Juridisch advies",
    "Hulp bij het vinden van vrijwilligers", "Een spreekuur voor bewoners", "Begeleiding van bestuurders",
    "Kennis over energie besparen", "Leningen voor maatschappelijke projecten", "Een netwerk van experts",
    "Hulp bij communicatie en een website", "Ondersteuning bij het overnemen van een gebouw",
)  # fmt: skip

# What knowledge is about, one topic a line: infinitive | "hoe je ..." clause | noun phrase | theme slugs | phase slugs
TOPIC_LINES = """
een buurtmoestuin beginnen | een buurtmoestuin begint | de buurtmoestuin | voedsel groen-en-leefomgeving | idee starten
vrijwilligers vinden | vrijwilligers vindt | de vrijwilligers | zorg-en-welzijn ontmoeting-en-cultuur | starten groeien
een stichting oprichten | een stichting opricht | de stichting |  | starten
een vereniging oprichten | een vereniging opricht | de vereniging |  | starten
subsidie aanvragen | subsidie aanvraagt | de subsidieaanvraag | armoede-en-bestaanszekerheid | starten groeien
een energiecoöperatie starten | een energiecoöperatie start | de energiecoöperatie | energie-en-klimaat | idee starten
zonnepanelen op een schooldak leggen | zonnepanelen op een schooldak legt | het zonnedak | energie-en-klimaat | groeien
eenzaamheid tegengaan | eenzaamheid tegengaat | de koffieochtend | ouderen zorg-en-welzijn | idee starten groeien
het buurthuis overnemen | het buurthuis overneemt | het buurthuis | ontmoeting-en-cultuur | starten blijven-bestaan
jongeren betrekken | jongeren betrekt | de jongerenraad | jongeren | groeien blijven-bestaan
geld inzamelen met crowdfunding | geld inzamelt met crowdfunding | de crowdfunding | werk-en-economie | starten groeien
afspraken maken met de gemeente | afspraken maakt met de gemeente | de samenwerking met de gemeente |  | starten groeien
een goed bestuur vormen | een goed bestuur vormt | het bestuur |  | groeien blijven-bestaan
zorgvuldig omgaan met persoonsgegevens | zorgvuldig omgaat met persoonsgegevens | de privacyregels |  | groeien
een verzekering regelen | een verzekering regelt | de verzekering |  | starten
de straat vergroenen | de straat vergroent | de groene straat | groen-en-leefomgeving | idee starten
samen koken voor de buurt | samen kookt voor de buurt | de buurtmaaltijd | voedsel ontmoeting-en-cultuur | starten
een repaircafé opzetten | een repaircafé opzet | het repaircafé | werk-en-economie ontmoeting-en-cultuur | idee starten
zorg in het dorp organiseren | zorg in het dorp organiseert | de dorpszorg | zorg-en-welzijn ouderen | starten groeien
een deelauto delen met buren | een deelauto deelt met buren | de deelauto | mobiliteit energie-en-klimaat | starten
buren met geldzorgen helpen | buren met geldzorgen helpt | de schuldhulp | armoede-en-bestaanszekerheid | starten
het Right to Challenge gebruiken | het Right to Challenge gebruikt | het Right to Challenge |  | idee starten
een buurtbudget besteden | een buurtbudget besteedt | het buurtbudget | ontmoeting-en-cultuur | groeien
een buurtbus laten rijden | een buurtbus laat rijden | de buurtbus | mobiliteit ouderen | starten groeien
de buurt veiliger maken | de buurt veiliger maakt | de buurtpreventie | veiligheid | idee starten
betaalbaar wonen regelen | betaalbaar wonen regelt | de wooncoöperatie | wonen | idee starten groeien
een wijkbedrijf opzetten | een wijkbedrijf opzet | het wijkbedrijf | werk-en-economie | idee starten
opvolgers vinden voor het bestuur | opvolgers vindt voor het bestuur | de opvolging |  | blijven-bestaan
laten zien wat je doet | laat zien wat je doet | de nieuwsbrief |  | groeien blijven-bestaan
huizen samen isoleren | huizen samen isoleert | de isolatieactie | energie-en-klimaat wonen | starten groeien
"""


def _topics() -> tuple[tuple[str, str, str, tuple[str, ...], tuple[str, ...]], ...]:
    rows = [[part.strip() for part in line.split("|")] for line in TOPIC_LINES.strip().splitlines()]
    return tuple(
        (doing, how, thing, tuple(themes.split()), tuple(phases.split())) for doing, how, thing, themes, phases in rows
    )


TOPICS = _topics()

# knowledge kind: (share, title templates)
RESOURCE_KINDS: dict[str, tuple[int, tuple[str, ...]]] = {
    "artikel": (30, ("{Doen}: waar begin je?", "{Doen}: wat je moet weten", "Zo pak je het aan: {doen}")),
    "stappenplan": (15, ("Stappenplan: {doen}", "In {aantal} stappen: {doen}")),
    "handleiding": (10, ("Handleiding: {doen}", "{Doen}: de handleiding")),
    "praktijkvoorbeeld": (20, ("Praktijkvoorbeeld: {ding} in {plaats}", "Zo deden ze het in {plaats}: {ding}")),
    "tool-of-sjabloon": (10, ("Sjabloon: {doen}", "Checklist: {doen}", "Voorbeeldbegroting: {doen}")),
    "training": (8, ("Training: {doen}", "Workshop: {doen}", "Online bijeenkomst: {doen}")),
    "veelgestelde-vraag": (7, ("Veelgestelde vragen: {doen}", "Vraag en antwoord: {doen}")),
}
TITLE_ENDINGS = (" voor beginners", " in een dorp", " in de stad", " met weinig geld", " samen met de gemeente")

SUMMARIES = (
    "Je leest hoe je {hoe}, met tips van andere initiatieven.",
    "Praktische uitleg over hoe je {hoe}.",
    "Voor iedereen die wil weten hoe je {hoe}.",
    "Wil je {doen}? Hier vind je de belangrijkste stappen en waar je op moet letten.",
    "Wat komt erbij kijken? Alles over {ding}, in gewone taal.",
)
INTROS = (
    "Wil je {doen}? Dan ben je niet de enige.",
    "Steeds meer bewoners willen {doen}.",
    "Veel initiatieven hebben dezelfde vragen over {ding}.",
    "In deze tekst lees je hoe je {hoe}.",
    "{Doen} is minder moeilijk dan je denkt.",
)
HEADINGS = (
    "Waar begin je?", "Wat heb je nodig?", "Wie doen er mee?", "Geld", "Afspraken met de gemeente",
    "Wat kan er misgaan?", "Tips", "Zo deden anderen het", "Meer weten?", "Regels en verzekering",
    "Hoe houd je het vol?", "Wat levert het op?",
)  # fmt: skip
ADVICE = (
    "Begin klein en zoek een paar buren die mee willen doen.",
    "Schrijf je plan op één A4: wat wil je doen, voor wie en wat heb je nodig?",
    "Maak een eenvoudige begroting, ook als het om kleine bedragen gaat.",
    "Vraag bij de gemeente naar een vast aanspreekpunt voor initiatieven.",
    "Spreek af wie wat doet en schrijf dat op.",
    "Kijk of er in de buurt al een initiatief is waarmee je kunt samenwerken.",
    "Een fonds vraagt vaak om een plan, een begroting en een bankrekening op naam van een organisatie.",
    "Zonder rechtsvorm kun je vaak toch geld aanvragen via een penvoerder.",
    "Vrijwilligers blijven langer als ze zelf mogen meebeslissen.",
    "Bedank vrijwilligers vaak, en niet alleen met woorden.",
    "Houd een lijst bij van wie je hebt gesproken en wat er is afgesproken.",
    "Vertel op straat, in de nieuwsbrief en online wat je doet.",
    "Denk op tijd na over wie het werk overneemt als jij stopt.",
    "Een verzekering voor vrijwilligers regelt de gemeente vaak al.",
    "Vraag andere initiatieven hoe zij het hebben aangepakt.",
    "Leg vast wie er mag tekenen namens het initiatief.",
    "Houd de administratie eenvoudig, maar houd hem wel bij.",
    "Betrek ook buren die je niet vaak ziet, bijvoorbeeld door langs de deur te gaan.",
    "Een vaste dag en tijd helpt: mensen weten dan wanneer ze je kunnen vinden.",
    "Vier wat gelukt is, ook als het klein is.",
    "Let op de regels voor privacy als je namen en adressen bewaart.",
    "Sommige gemeenten geven een startsubsidie voor nieuwe initiatieven.",
    "Een goede relatie met de woningcorporatie opent veel deuren.",
    "Zorg dat je plan past bij wat de buurt zelf wil.",
)
TIPS = (
    "Maak een lijst van wat je al hebt en wat nog ontbreekt.",
    "Vraag een ander initiatief om mee te lezen.",
    "Kies een naam die iedereen snapt.",
    "Open een bankrekening op naam van het initiatief.",
    "Zet de afspraken met de gemeente op papier.",
    "Houd de eerste bijeenkomst kort en gezellig.",
    "Zorg voor koffie, thee en iets lekkers.",
    "Vraag een vrijwilligersverklaring aan als je met kinderen werkt.",
    "Plan elk jaar een avond om terug en vooruit te kijken.",
    "Maak foto's en deel ze, met toestemming van wie erop staat.",
)
STEPS = (
    "**Verken.** Praat met buren over wat zij belangrijk vinden.",
    "**Plan.** Schrijf op wat je wilt doen en wat je daarvoor nodig hebt.",
    "**Regel.** Zoek geld, een plek en mensen die meedoen.",
    "**Doe.** Begin met een eerste activiteit en kijk wat werkt.",
    "**Houd vol.** Maak afspraken over taken, geld en opvolging.",
    "**Vertel.** Laat zien wat het oplevert voor de buurt.",
)
QUESTIONS = (
    (
        "Hebben we een rechtsvorm nodig?",
        "Niet altijd. Voor een kleine activiteit is een groep bewoners genoeg. "
        "Wil je geld aanvragen of iets huren, dan helpt een stichting of vereniging.",
    ),
    (
        "Zijn vrijwilligers verzekerd?",
        "Vaak wel: veel gemeenten hebben een vrijwilligersverzekering. Vraag het na bij de gemeente.",
    ),
    (
        "Mogen we geld vragen voor een activiteit?",
        "Ja, een kleine bijdrage mag. Houd wel bij wat er binnenkomt en waar het aan wordt uitgegeven.",
    ),
    (
        "Hoe vinden we een fonds dat bij ons past?",
        "Gebruik de financieringswijzer op dit portaal en kijk naar fondsen in je eigen provincie.",
    ),
    (
        "Moeten we btw betalen?",
        "Meestal niet als je geen winst maakt. Twijfel je, vraag dan advies aan een ondersteuner.",
    ),
    (
        "Wat doen we als vrijwilligers stoppen?",
        "Praat op tijd over opvolging en verdeel het werk over meer mensen.",
    ),
)
EVENT_PLACES = ("Online", "{huisnaam}, {plaats}", "Het gemeentehuis van {plaats}", "Bibliotheek {plaats}")
EVENT_PROGRAMME = (
    "Welkom en kennismaking.",
    "Uitleg met voorbeelden uit de praktijk.",
    "Aan de slag met je eigen plan.",
    "Vragen en afsluiting.",
)
