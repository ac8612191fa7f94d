"""Starting values of the one taxonomy, shared by knowledge, initiatives and funding.

Loaded into an empty vocabulary after `migrate` (see wdhs.reference); staff edit them in the admin
afterwards. Each entry: (slug, name, explanation in plain Dutch).
"""

from __future__ import annotations

from wdhs.models import Term

STARTING_TERMS: dict[str, list[tuple[str, str, str]]] = {
    "theme": [
        ("zorg-en-welzijn", "Zorg en welzijn", "Elkaar helpen en voor elkaar zorgen in de buurt of het dorp."),
        ("wonen", "Wonen", "Samen wonen, bouwen of je woonomgeving beheren."),
        (
            "energie-en-klimaat",
            "Energie en klimaat",
            "Samen energie opwekken of besparen en je buurt klimaatbestendig maken.",
        ),
        (
            "armoede-en-bestaanszekerheid",
            "Armoede en bestaanszekerheid",
            "Mensen steunen die moeite hebben om rond te komen.",
        ),
        ("groen-en-leefomgeving", "Groen en leefomgeving", "Een groene, schone en fijne straat, wijk of dorp."),
        ("ontmoeting-en-cultuur", "Ontmoeting en cultuur", "Plekken en activiteiten waar mensen elkaar ontmoeten."),
        ("voedsel", "Voedsel", "Samen eten, voedsel delen of lokaal voedsel verbouwen."),
        ("werk-en-economie", "Werk en economie", "Werk, leren en ondernemen in en voor de buurt."),
        ("mobiliteit", "Mobiliteit", "Vervoer dat iedereen in de buurt of het dorp kan gebruiken."),
        ("jongeren", "Jongeren", "Initiatieven door en voor jongeren."),
        ("ouderen", "Ouderen", "Initiatieven door en voor ouderen."),
        ("veiligheid", "Veiligheid", "Samen zorgen voor een veilige buurt."),
    ],
    "phase": [
        ("idee", "Idee", "Je hebt een idee en wilt weten of het kan."),
        ("starten", "Starten", "Je gaat beginnen en zoekt mensen, geld of een plek."),
        ("groeien", "Groeien", "Je initiatief loopt en je wilt meer doen of meer mensen bereiken."),
        ("blijven-bestaan", "Blijven bestaan", "Je wilt dat je initiatief ook over jaren nog bestaat."),
    ],
    "legal_form": [
        (
            "informele-groep-zonder-penvoerder",
            "Informele groep zonder penvoerder",
            "Een groep mensen zonder stichting of vereniging. Jullie ontvangen zelf geen subsidie of gift.",
        ),
        (
            "informele-groep-met-penvoerder",
            "Informele groep met penvoerder",
            "Een groep zonder eigen rechtsvorm. Een penvoerder is een organisatie met een rechtsvorm "
            "(bijvoorbeeld een stichting) die geld voor jullie ontvangt en beheert.",
        ),
        ("vereniging", "Vereniging", "Een organisatie met leden. De leden hebben samen de baas."),
        ("cooperatie", "Coöperatie", "Een vereniging die een bedrijf runt voor en door haar leden."),
        ("stichting", "Stichting", "Een organisatie met een bestuur en zonder leden."),
        (
            "besloten-vennootschap",
            "Besloten vennootschap (wijkbedrijf)",
            "Een bv, bijvoorbeeld voor een wijkbedrijf dat winst weer in de buurt steekt.",
        ),
    ],
    "initiative_kind": [
        ("bewonersinitiatief", "Bewonersinitiatief", "Bewoners die samen iets doen voor hun omgeving."),
        ("wijkcooperatie", "Wijkcoöperatie", "Een coöperatie van bewoners die diensten in hun wijk regelt."),
        ("dorpscooperatie", "Dorpscoöperatie", "Een coöperatie van bewoners die diensten in hun dorp regelt."),
        ("energiecooperatie", "Energiecoöperatie", "Bewoners die samen energie opwekken of besparen."),
        (
            "zorgcooperatie",
            "Zorgcoöperatie / zorgzame gemeenschap",
            "Bewoners die samen zorg en hulp voor elkaar regelen.",
        ),
        (
            "woongemeenschap",
            "Woongemeenschap / wooncoöperatie",
            "Bewoners die samen hun woningen bezitten of beheren.",
        ),
        ("wijkbedrijf", "Wijkbedrijf", "Een sociale onderneming van en voor de wijk."),
        ("lokaal-fonds", "Lokaal fonds", "Een fonds dat initiatieven in de buurt met kleine bedragen steunt."),
        ("voedselinitiatief", "Voedselinitiatief", "Samen voedsel verbouwen, delen of koken."),
        ("buurthuis", "Buurthuis of ontmoetingsplek", "Een plek waar buurtbewoners elkaar ontmoeten."),
    ],
    "need": [
        ("geld", "Geld", "Een subsidie, gift, lening of crowdfunding."),
        ("kennis", "Kennis", "Uitleg, voorbeelden of advies van anderen."),
        ("vrijwilligers", "Vrijwilligers", "Meer mensen die mee willen doen."),
        ("ruimte", "Ruimte of gebouw", "Een plek om samen te komen of te werken."),
        ("juridisch-advies", "Juridisch advies", "Hulp bij regels, contracten of een rechtsvorm."),
        ("contact-gemeente", "Contact met de gemeente", "Iemand bij de gemeente die meedenkt."),
        ("zichtbaarheid", "Zichtbaarheid", "Meer mensen laten weten wat jullie doen."),
        ("samenwerking", "Samenwerking met anderen", "Contact met initiatieven of organisaties die hetzelfde doen."),
    ],
    "knowledge_kind": [
        ("artikel", "Artikel", "Een tekst die iets uitlegt."),
        ("stappenplan", "Stappenplan", "Wat je stap voor stap doet."),
        ("handleiding", "Handleiding", "Uitgebreide uitleg om mee aan de slag te gaan."),
        ("praktijkvoorbeeld", "Praktijkvoorbeeld", "Hoe anderen het hebben aangepakt."),
        ("tool-of-sjabloon", "Tool of sjabloon", "Een bestand dat je zelf kunt invullen of gebruiken."),
        ("training", "Training of bijeenkomst", "Samen leren op een datum en plek."),
        ("veelgestelde-vraag", "Veelgestelde vraag", "Een vraag die vaak gesteld wordt, met het antwoord."),
    ],
    "funding_kind": [
        ("subsidie", "Subsidie", "Geld van de overheid dat je niet terugbetaalt, onder voorwaarden."),
        ("gift", "Gift (fonds)", "Geld van een fonds dat je niet terugbetaalt."),
        ("lening", "Lening", "Geld dat je later terugbetaalt, vaak met weinig rente."),
        ("crowdfunding", "Crowdfunding", "Veel mensen geven of lenen samen een bedrag."),
        (
            "kostprijs-plus",
            "Kostprijs-plus-afspraak",
            "Je krijgt betaald wat het kost plus een klein deel extra, in plaats van een marktprijs.",
        ),
        (
            "maatschappelijk-vastgoed",
            "Maatschappelijk vastgoed",
            "Een gebouw dat je goedkoop mag gebruiken of kunt overnemen voor de buurt.",
        ),
        ("in-natura", "In natura", "Hulp in spullen, ruimte of uren in plaats van geld."),
    ],
}


def load_terms() -> int:
    """The starting terms of every vocabulary that has none yet; never touches what staff made. Returns how many."""
    filled = set(Term.objects.values_list("vocabulary", flat=True).distinct())
    made = Term.objects.bulk_create(
        Term(vocabulary=vocabulary, slug=slug, name=name, description=description, position=position)
        for vocabulary, entries in STARTING_TERMS.items()
        if vocabulary not in filled
        for position, (slug, name, description) in enumerate(entries, start=1)
    )
    return len(made)
