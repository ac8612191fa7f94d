"""Word pools for seeded initiatives: names, openings and sentences per kind, theme and need (invented).

Placeholders: {plek} (neighbourhood, village or town), {gemeente}, {huisnaam} (De Vlier), {aantal},
{jaar}, {dag}, {tijd}. A placeholder stands between spaces or punctuation, never against a letter
(tests/base/test_seed_bulk.py checks this), so the seeded search vectors are exact.
"""

from __future__ import annotations

# kind slug: (share of initiatives, name templates, opening sentences)
KINDS: dict[str, tuple[int, tuple[str, ...], tuple[str, ...]]] = {
    "bewonersinitiatief": (
        33,
        (
            "Bewonersgroep {plek}", "Buurtinitiatief {plek}", "{plek} Samen", "Samen voor {plek}",
            "Buurtmoestuin {huisnaam}", "Repair Café {plek}", "Buurtkamer {plek}", "Wijkvrienden {plek}",
            "Taalcafé {plek}", "Speeltuin {huisnaam}", "Buurtpreventie {plek}", "Wandelgroep {plek}",
            "Buren voor Buren {plek}", "Groen in {plek}", "Kinderboerderij {huisnaam}", "Straatfeest {plek}",
        ),
        (
            "Wij zijn een groep bewoners uit {plek} die samen iets willen doen voor de buurt.",
            "Met een paar buren zijn we begonnen om {plek} gezelliger en groener te maken.",
            "Dit initiatief is ontstaan aan de keukentafel van een paar buren in {plek}.",
            "Wij zijn bewoners van {plek} en we vinden dat je het samen beter doet.",
        ),
    ),
    "wijkcooperatie": (
        5,
        ("Wijkcoöperatie {plek}", "Buurtcoöperatie {plek}", "Coöperatie {plek} Vooruit"),
        (
            "Onze wijkcoöperatie is van en voor de bewoners van {plek}.",
            "In de wijkcoöperatie regelen bewoners van {plek} zelf wat ze belangrijk vinden.",
        ),
    ),
    "dorpscooperatie": (
        8,
        ("Dorpscoöperatie {plek}", "{plek} Verbindt", "Dorpsbelang {plek}", "Vereniging {plek} Leeft"),
        (
            "De dorpscoöperatie zorgt ervoor dat {plek} een levendig dorp blijft.",
            "Met de dorpscoöperatie nemen de inwoners van {plek} de zorg voor hun dorp zelf in handen.",
            "In {plek} wonen ongeveer {aantal} mensen, en veel van hen zijn lid van de coöperatie.",
        ),
    ),
    "energiecooperatie": (
        12,
        (
            "Energiecoöperatie {plek}", "{plek} Energie", "Zon op {plek}", "Windcoöperatie {gemeente}",
            "Energieloket {plek}", "Warm {plek}", "Duurzaam {plek}",
        ),
        (
            "Onze energiecoöperatie wekt samen met bewoners duurzame energie op in {gemeente}.",
            "Wij zijn een energiecoöperatie: leden investeren samen in zonnepanelen en besparen energie.",
            "De energiecoöperatie is opgericht door bewoners die de energietransitie zelf willen regelen.",
        ),
    ),
    "zorgcooperatie": (
        6,
        ("Zorgcoöperatie {plek}", "Zorgzaam {plek}", "{plek} Zorgt", "Hulp bij Huis {plek}"),
        (
            "De zorgcoöperatie helpt ouderen en mensen die zorg nodig hebben om thuis te blijven wonen.",
            "Wij zijn een zorgcoöperatie: bewoners van {plek} zorgen samen voor elkaar.",
        ),
    ),
    "woongemeenschap": (
        4,
        (
            "Woongemeenschap {huisnaam}", "Knarrenhof {plek}", "Hofje {huisnaam}", "Wooncoöperatie {huisnaam}",
            "Samen Wonen {plek}",
        ),
        (
            "Wij wonen samen in een woongemeenschap waar bewoners naar elkaar omkijken.",
            "In onze woongemeenschap in {gemeente} heeft iedereen een eigen huis en delen we een tuin.",
        ),
    ),
    "wijkbedrijf": (
        4,
        ("Wijkbedrijf {plek}", "Buurtbedrijf {plek}", "Wijkonderneming {plek}", "Werkplaats {huisnaam}"),
        (
            "Het wijkbedrijf biedt werk en leerplekken aan bewoners van {plek}.",
            "Wij zijn een wijkbedrijf: we doen klussen in de buurt en geven mensen een kans op werk.",
        ),
    ),
    "lokaal-fonds": (
        4,
        ("Buurtfonds {plek}", "Dorpsfonds {plek}", "Initiatievenfonds {gemeente}", "Wijkbudget {plek}"),
        (
            "Het fonds geeft kleine bedragen aan bewoners van {plek} met een goed idee voor de buurt.",
            "Bewoners beslissen zelf welke plannen geld krijgen uit ons buurtfonds.",
        ),
    ),
    "voedselinitiatief": (
        12,
        (
            "Voedseltuin {plek}", "Buurtkeuken {plek}", "Stadslandbouw {plek}", "Samen Eten {plek}",
            "Voedselbos {huisnaam}", "Moestuin {huisnaam}", "Pluktuin {plek}",
        ),
        (
            "Wij zorgen samen voor gezond en betaalbaar eten in {plek}.",
            "In onze tuin kweken buren samen groenten en fruit.",
            "Elke week koken we met vrijwilligers voor bewoners van {plek}.",
        ),
    ),
    "buurthuis": (
        12,
        (
            "Buurthuis {huisnaam}", "Dorpshuis {huisnaam}", "Wijkcentrum {huisnaam}",
            "Ontmoetingscentrum {huisnaam}", "Buurthuis {plek}",
        ),
        (
            "Het buurthuis is een plek waar iedereen uit {plek} welkom is.",
            "Ons buurthuis wordt helemaal door vrijwilligers gerund.",
            "Sinds de gemeente het gebouw wilde sluiten, runnen bewoners het buurthuis zelf.",
        ),
    ),
}  # fmt: skip

# kind slug: themes that fit it (one of them is always chosen)
KIND_THEMES = {
    "bewonersinitiatief": ("ontmoeting-en-cultuur", "groen-en-leefomgeving", "veiligheid", "jongeren"),
    "wijkcooperatie": ("werk-en-economie", "ontmoeting-en-cultuur", "wonen"),
    "dorpscooperatie": ("ontmoeting-en-cultuur", "zorg-en-welzijn", "mobiliteit", "ouderen"),
    "energiecooperatie": ("energie-en-klimaat",),
    "zorgcooperatie": ("zorg-en-welzijn", "ouderen"),
    "woongemeenschap": ("wonen", "ouderen"),
    "wijkbedrijf": ("werk-en-economie", "armoede-en-bestaanszekerheid"),
    "lokaal-fonds": ("ontmoeting-en-cultuur", "armoede-en-bestaanszekerheid"),
    "voedselinitiatief": ("voedsel", "groen-en-leefomgeving"),
    "buurthuis": ("ontmoeting-en-cultuur", "jongeren", "ouderen"),
}

# kind slug: legal form slugs with their weights
LEGAL_FORMS = {
    "bewonersinitiatief": {
        "informele-groep-zonder-penvoerder": 35, "informele-groep-met-penvoerder": 20, "stichting": 30,
        "vereniging": 15,
    },
    "wijkcooperatie": {"cooperatie": 80, "vereniging": 10, "stichting": 10},
    "dorpscooperatie": {"cooperatie": 75, "vereniging": 20, "stichting": 5},
    "energiecooperatie": {"cooperatie": 90, "vereniging": 5, "besloten-vennootschap": 5},
    "zorgcooperatie": {"cooperatie": 70, "vereniging": 15, "stichting": 15},
    "woongemeenschap": {"vereniging": 50, "cooperatie": 30, "stichting": 20},
    "wijkbedrijf": {"stichting": 50, "cooperatie": 30, "besloten-vennootschap": 20},
    "lokaal-fonds": {"stichting": 85, "informele-groep-met-penvoerder": 15},
    "voedselinitiatief": {
        "informele-groep-zonder-penvoerder": 25, "stichting": 45, "vereniging": 20, "cooperatie": 10,
    },
    "buurthuis": {"stichting": 70, "vereniging": 30},
}  # fmt: skip

THEME_SENTENCES = {
    "zorg-en-welzijn": (
        "We bezoeken buren die alleen zijn en helpen met kleine klusjes.",
        "Vrijwilligers rijden mee naar het ziekenhuis of de huisarts.",
        "Samen met de wijkverpleging houden we een oogje in het zeil.",
        "Wie hulp nodig heeft, kan bellen naar ons hulpnummer.",
        "Mantelzorgers kunnen bij ons terecht voor een kop koffie en een luisterend oor.",
        "Elke week is er een inloopspreekuur voor vragen over zorg en welzijn.",
    ),
    "wonen": (
        "We zetten ons in voor betaalbare woningen voor jongeren en ouderen uit {plek}.",
        "Samen met de woningcorporatie denken we mee over de plannen voor de wijk.",
        "Bewoners helpen elkaar met het isoleren en onderhouden van hun huis.",
        "We willen dat ouderen in hun eigen buurt kunnen blijven wonen.",
        "In de gemeenschappelijke tuin ontmoeten bewoners elkaar.",
    ),
    "energie-en-klimaat": (
        "Op de daken van scholen en bedrijven liggen zonnepanelen van de coöperatie.",
        "Energiecoaches komen gratis langs om te kijken hoe je energie kunt besparen.",
        "De opbrengst van de zonnepanelen gaat terug naar de buurt.",
        "We helpen bewoners met isolatie, warmtepompen en slimme meters.",
        "Leden kunnen meedoen vanaf een klein bedrag.",
        "Zo maken we {plek} samen klaar voor een toekomst zonder aardgas.",
    ),
    "armoede-en-bestaanszekerheid": (
        "Wie weinig geld heeft, kan bij ons gratis kleding en spullen halen.",
        "Vrijwilligers helpen bij het invullen van formulieren en het ordenen van de administratie.",
        "We werken samen met de voedselbank en de schuldhulp van de gemeente.",
        "Niemand hoeft zich te schamen: bij ons is iedereen welkom.",
        "In de weggeefwinkel vind je speelgoed, boeken en huisraad.",
    ),
    "groen-en-leefomgeving": (
        "Bewoners hebben grijze stoeptegels vervangen door planten en bloemen.",
        "We onderhouden samen de perken, de bomen en het speelveld.",
        "Elke maand is er een opruimactie in de buurt.",
        "In de buurtmoestuin groeien groenten, kruiden en bloemen voor bijen en vlinders.",
        "Kinderen leren bij ons hoe je zorgt voor de natuur.",
        "We hebben geveltuinen aangelegd in meer dan {aantal} straten.",
    ),
    "ontmoeting-en-cultuur": (
        "Elke {dag} is er koffie en thee voor iedereen die zin heeft in een praatje.",
        "We organiseren een straatfeest, een kerstmarkt en filmavonden.",
        "Er is een leesclub, een koor en een tekenclub.",
        "Nieuwe bewoners leren bij ons snel hun buren kennen.",
        "In de zomer spelen we muziek en theater op het plein.",
        "De activiteiten zijn gratis of kosten heel weinig.",
    ),
    "voedsel": (
        "Elke week koken vrijwilligers een gezonde maaltijd voor {aantal} buren.",
        "Wat de tuin oplevert, delen we met de buurt en de voedselbank.",
        "Kinderen leren bij ons koken met groenten uit eigen tuin.",
        "We halen voedsel op dat winkels anders weggooien.",
        "Samen eten is gezellig en het helpt tegen eenzaamheid.",
    ),
    "werk-en-economie": (
        "Mensen zonder werk doen bij ons ervaring op en leren een vak.",
        "We doen klussen voor bewoners, zoals schilderen, tuinieren en kleine reparaties.",
        "Lokale ondernemers helpen met advies en stageplekken.",
        "Het geld dat we verdienen, gaat terug naar de wijk.",
        "Jongeren kunnen bij ons een eerste baantje vinden.",
    ),
    "mobiliteit": (
        "Onze buurtbus rijdt ouderen naar de supermarkt, de dokter en familie.",
        "Bewoners delen elektrische auto's die je met een app kunt reserveren.",
        "Vrijwillige chauffeurs rijden op werkdagen vanaf {tijd} uur.",
        "We maken ons sterk voor veilige fietspaden en een goede busverbinding.",
    ),
    "jongeren": (
        "Jongeren uit de buurt bedenken en organiseren zelf activiteiten.",
        "Er is huiswerkbegeleiding voor kinderen van de basisschool en de middelbare school.",
        "In het jongerencentrum kun je sporten, muziek maken en chillen.",
        "Jongeren zitten in het bestuur en beslissen mee over het geld.",
    ),
    "ouderen": (
        "We organiseren wandelingen, spelletjesmiddagen en uitjes voor ouderen.",
        "Ouderen die niet meer goed kunnen lopen, halen we thuis op.",
        "Met de boodschappendienst hoeven ouderen niet zelf naar de winkel.",
        "Er is een telefooncirkel: elke ochtend bellen deelnemers elkaar even.",
    ),
    "veiligheid": (
        "Met de buurtapp houden bewoners elkaar op de hoogte.",
        "Buurtpreventie loopt 's avonds een ronde door de wijk.",
        "We hebben gezorgd voor betere straatverlichting en veiligere oversteekplaatsen.",
        "Samen met de wijkagent bespreken we wat beter kan.",
    ),
}

NEED_LINES = {
    "geld": ("Geld voor materiaal en de huur van de ruimte.", "Een bijdrage voor onze activiteiten."),
    "kennis": ("Iemand die ons helpt een plan te schrijven.", "Kennis over subsidies en fondsen."),
    "vrijwilligers": (
        "Meer vrijwilligers die een paar uur per week willen helpen.",
        "Vrijwilligers die kunnen koken, klussen of rijden.",
    ),
    "ruimte": ("Een ruimte waar we samen kunnen komen.", "Een stuk grond voor de tuin."),
    "juridisch-advies": ("Hulp bij de statuten en de verzekering.", "Advies over contracten en huurafspraken."),
    "contact-gemeente": (
        "Een vast aanspreekpunt bij de gemeente.",
        "Hulp bij het maken van afspraken met de gemeente.",
    ),
    "zichtbaarheid": ("Meer bekendheid in de buurt.", "Iemand die een website of nieuwsbrief wil maken."),
    "samenwerking": (
        "Samenwerking met andere initiatieven in {gemeente}.",
        "Contact met scholen, zorg en ondernemers in de buurt.",
    ),
}

FOUNDED = ("We zijn begonnen in {jaar}.", "Sinds {jaar} zijn we actief.", "Het initiatief bestaat sinds {jaar}.")
PRACTICAL = (
    "We komen elke {dag} om {tijd} uur samen.",
    "Iedereen is welkom, je hoeft je niet aan te melden.",
    "Er zijn nu {aantal} vrijwilligers actief.",
    "Wil je meedoen? Stuur ons een bericht.",
    "Kom gerust eens langs!",
)
CLOSINGS = (
    "Samen maken we er iets moois van.",
    "Doe je mee?",
    "We horen graag van je.",
    "Meer weten? Kijk op onze website of kom langs.",
)
NEEDS_HEADING = "**Wat we nodig hebben**"

REJECTION_REASONS = (
    "Dit is een commercieel bedrijf, geen initiatief van bewoners.",
    "We konden het initiatief niet controleren: de website werkt niet en we kregen geen antwoord.",
    "Dit initiatief staat al in het register.",
)
PROBLEM_MESSAGES = (
    "Het adres klopt niet meer.",
    "Dit initiatief is vorig jaar gestopt.",
    "De website werkt niet.",
    "",
)
STAFF_NOTES = ("Nagevraagd bij de beheerder.", "Aangepast.", "")
