"""How long the portal keeps each kind of personal data: the one table.

The daily jobs read their periods from here, the privacy page (templates/pages/privacy.html) renders this
table, and a test checks that docs/privacy.md names the same periods. Change a period here, nowhere else.
Texts are Dutch (B1): visitors read them on the privacy page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta


@dataclass(frozen=True)
class Retention:
    key: str
    kind: str  # what, as a visitor would say it
    data: str  # which personal data exactly
    why: str  # the purpose
    basis: str  # the legal ground (grondslag), AVG article 6
    period: timedelta | None  # None: as long as the account or the content exists
    start: str  # from when the period counts ("na het antwoord")
    then: str  # what happens after the period
    who: str  # who can see it
    by: str  # what removes it (for docs and staff: a daily job, the cache, the host)

    @property
    def period_text(self) -> str:
        return period_text(self.period)


def period_text(period: timedelta | None) -> str:
    """A period in plain Dutch: "1 uur", "14 dagen", "6 maanden", "2 jaar"."""
    if period is None:
        return "zolang het bestaat"
    if period < timedelta(days=1):
        hours = round(period.total_seconds() / 3600)
        return f"{hours} uur"
    days = period.days
    if days % 365 == 0:
        years = days // 365
        return "12 maanden" if years == 1 else f"{years} jaar"
    if days >= 60 and days % 30 == 0:
        return f"{days // 30} maanden"
    return f"{days} dagen"


OVEREENKOMST = "Nodig voor wat je bij ons doet (overeenkomst, AVG artikel 6 lid 1b)"
TOESTEMMING = "Je geeft ons toestemming als je het formulier verstuurt (AVG artikel 6 lid 1a)"
BELANG = "Ons gerechtvaardigd belang: het platform veilig en betrouwbaar houden (AVG artikel 6 lid 1f)"
PUBLIEK = "Ons gerechtvaardigd belang: kloppende informatie op het platform (AVG artikel 6 lid 1f)"

TABLE: tuple[Retention, ...] = (
    Retention(
        key="account",
        kind="Je account",
        data="E-mailadres, naam (als je die opgeeft), wachtwoord (versleuteld), wanneer je inlogde",
        why="Zodat je kunt inloggen en je eigen initiatief, kennis of antwoorden kunt beheren.",
        basis=OVEREENKOMST,
        period=None,
        start="tot je je account verwijdert",
        then="We wissen alles wat jouw naam of e-mailadres draagt. Wat je schreef blijft, zonder je naam.",
        who="Jij en de redactie. Je naam zien anderen alleen als je die opgeeft.",
        by="Jij, via Mijn omgeving › Account verwijderen",
    ),
    Retention(
        key="unverified_accounts",
        kind="Een account dat je niet bevestigt",
        data="E-mailadres, naam, wachtwoord (versleuteld)",
        why="We sturen een link om je e-mailadres te bevestigen. Zonder bevestiging kun je niet inloggen.",
        basis=OVEREENKOMST,
        period=timedelta(days=30),
        start="na het aanmelden",
        then="We verwijderen het account.",
        who="De redactie.",
        by="Dagtaak purge_accounts",
    ),
    Retention(
        key="sessions",
        kind="Inlogsessie",
        data="Een cookie met een willekeurige code, en op de server wie er met die code is ingelogd",
        why="Zodat je ingelogd blijft als je van pagina wisselt.",
        basis=OVEREENKOMST,
        period=timedelta(days=14),
        start="na het inloggen",
        then="De sessie verloopt en we wissen haar van de server.",
        who="Niemand: alleen de computer gebruikt haar.",
        by="Dagtaak clear_sessions (manage.py clearsessions)",
    ),
    Retention(
        key="questions",
        kind="Een vraag via Stel je vraag",
        data="Je naam, e-mailadres, gemeente en je vraag",
        why="Zodat een partnerorganisatie of de redactie je vraag kan beantwoorden en je het antwoord krijgt.",
        basis=TOESTEMMING,
        period=timedelta(days=365),
        start="na het antwoord (of na het stellen, als er geen antwoord komt)",
        then="We wissen je naam en e-mailadres. De vraag en het antwoord blijven, zonder jou te noemen.",
        who="De redactie en de organisatie die je vraag beantwoordt.",
        by="Dagtaak purge_question_personal_data",
    ),
    Retention(
        key="reports",
        kind="Een melding over een initiatief",
        data="Je toelichting en je e-mailadres (als je dat geeft)",
        why="Zodat de redactie een fout of ongepaste inhoud kan nakijken en je iets kan vragen.",
        basis=PUBLIEK,
        period=timedelta(days=180),
        start="na de melding",
        then="We verwijderen de melding.",
        who="De redactie.",
        by="Dagtaak purge_initiative_personal_data",
    ),
    Retention(
        key="feedback",
        kind="Een reactie op een pagina (Was deze pagina nuttig? of Meld een fout)",
        data="Je toelichting, en je e-mailadres als je een antwoord wilt",
        why="Zodat de schrijvers van de pagina die kunnen verbeteren en je kunnen antwoorden als je dat vraagt.",
        basis=PUBLIEK,
        period=timedelta(days=180),
        start="na de reactie",
        then="We wissen je toelichting en je e-mailadres. Alleen of je de pagina nuttig vond, blijft meetellen.",
        who="De redactie van het portaal en de redacteuren van de organisatie van de pagina.",
        by="Dagtaak purge_page_feedback",
    ),
    Retention(
        key="alerts",
        kind="Een melding per e-mail (nieuws over een thema of je regio)",
        data="Je e-mailadres, en welke thema's, regio en soorten nieuws je kiest",
        why="Zodat we je elke dag of week mailen wat er nieuw is.",
        basis=TOESTEMMING,
        period=None,
        start="tot je je uitschrijft",
        then="We verwijderen je melding en wat we je stuurden. Uitschrijven kan met één klik in elke mail.",
        who="De redactie.",
        by="Jij, met de link in elke mail of via Mijn omgeving › Meldingen",
    ),
    Retention(
        key="alerts_unconfirmed",
        kind="Een melding per e-mail die je niet bevestigt",
        data="Je e-mailadres, en welke thema's, regio en soorten nieuws je kiest",
        why="We sturen eerst een link om te bevestigen dat het jouw e-mailadres is. Daarvoor sturen we niets anders.",
        basis=TOESTEMMING,
        period=timedelta(days=7),
        start="na het aanmelden",
        then="We verwijderen de melding.",
        who="De redactie.",
        by="Dagtaak purge_unconfirmed_alerts",
    ),
    Retention(
        key="page_reads",
        kind="Hoe vaak een pagina gelezen is",
        data="Geen persoonsgegevens: alleen per pagina en per dag een getal. Geen cookie, geen IP-adres, niet wie "
        "er las en niet hoe laat",
        why="Zodat de schrijvers zien welke pagina's veel gelezen worden en die als eerste actueel houden.",
        basis="Geen persoonsgegevens, dus de AVG is hier niet van toepassing",
        period=timedelta(days=390),
        start="na de dag van het lezen",
        then="We verwijderen het getal van die dag.",
        who="De redactie van het portaal en de redacteuren van de organisatie van de pagina.",
        by="Dagtaak purge_page_reads",
    ),
    Retention(
        key="contact",
        kind="Een bericht via het contactformulier van een initiatief",
        data="Je naam, e-mailadres en bericht",
        why="We sturen je bericht per e-mail door naar de beheerders van het initiatief.",
        basis=TOESTEMMING,
        period=timedelta(days=14),
        start="na het versturen",
        then="We wissen onze kopie. De beheerders hebben je bericht dan in hun eigen mailbox.",
        who="De beheerders van het initiatief. Zij zien je e-mailadres om je te antwoorden.",
        by="Dagtaak prune_task_results (de verstuurde mail)",
    ),
    Retention(
        key="mails",
        kind="Een kopie van een e-mail die we sturen",
        data="Aan wie, en de tekst van de mail (bijvoorbeeld een bevestiging, antwoord of uitnodiging)",
        why="Zodat een mail opnieuw verstuurd wordt als de mailserver even niet werkt.",
        basis=BELANG,
        period=timedelta(days=14),
        start="na het versturen",
        then="We wissen de kopie.",
        who="De redactie, als er iets mis gaat.",
        by="Dagtaak prune_task_results",
    ),
    Retention(
        key="mails_failed",
        kind="Een e-mail die we niet konden versturen",
        data="Aan wie, en de tekst van de mail",
        why="Zodat de redactie kan zien wat er mis ging.",
        basis=BELANG,
        period=timedelta(days=30),
        start="na de laatste poging",
        then="We wissen de kopie.",
        who="De redactie.",
        by="Dagtaak prune_task_results",
    ),
    Retention(
        key="invitations",
        kind="Een uitnodiging om mee te beheren",
        data="Het e-mailadres van wie je uitnodigt",
        why="Zodat die persoon de uitnodiging kan aannemen.",
        basis=OVEREENKOMST,
        period=timedelta(days=30),
        start="nadat de uitnodiging is gebruikt, ingetrokken of verlopen (na 14 dagen)",
        then="We verwijderen de uitnodiging.",
        who="De beheerders van het initiatief en de redactie.",
        by="Dagtaak purge_initiative_personal_data",
    ),
    Retention(
        key="initiatives",
        kind="Een initiatief dat je beheert",
        data="Wie het beheert, en het openbare e-mailadres (als je dat opgeeft)",
        why="Zodat je het initiatief kunt bijwerken en bezoekers contact kunnen opnemen.",
        basis=OVEREENKOMST,
        period=None,
        start="tot je stopt als beheerder of je account verwijdert",
        then="Het initiatief blijft bij de andere beheerders. Ben je de enige, dan kijkt de redactie ernaar.",
        who="Iedereen ziet het openbare e-mailadres. Je eigen e-mailadres zien alleen de andere beheerders.",
        by="Jij, op de pagina van je initiatief",
    ),
    Retention(
        key="rate_limits",
        kind="Tellers tegen misbruik",
        data="Je IP-adres en hoe vaak je een formulier verstuurde of probeerde in te loggen",
        why="Zodat niemand het platform kan overspoelen met berichten of wachtwoorden kan raden.",
        basis=BELANG,
        period=timedelta(hours=1),
        start="na het versturen of inloggen",
        then="De teller verdwijnt vanzelf uit het geheugen van de server.",
        who="Niemand: alleen de computer gebruikt ze.",
        by="De cache (de tellers hebben een vaste levensduur)",
    ),
    Retention(
        key="server_logs",
        kind="Logbestanden van de server",
        data="Je IP-adres, welke pagina je opvroeg en wanneer",
        why="Zodat we storingen en misbruik kunnen vinden en oplossen.",
        basis=BELANG,
        period=timedelta(days=14),
        start="na je bezoek",
        then="We wissen de logbestanden.",
        who="De beheerders van de server.",
        by="De server (logrotatie, docs/deploy.md)",
    ),
    Retention(
        key="admin_log",
        kind="Wijzigingen in het beheer",
        data="Welke medewerker van de redactie iets wijzigde, en wat",
        why="Zodat we kunnen nagaan wie wat veranderde.",
        basis=BELANG,
        period=timedelta(days=365),
        start="na de wijziging",
        then="We verwijderen de regel.",
        who="De redactie.",
        by="Dagtaak purge_accounts",
    ),
    Retention(
        key="audit_log",
        kind="Het auditlog: wie wat wijzigde aan de inhoud en aan accounts",
        data="Welke medewerker, redacteur of beheerder van een initiatief iets wijzigde, wanneer, en de oude en "
        "nieuwe waarde (geen wachtwoorden, geen IP-adressen)",
        why="Zodat we kunnen nagaan wie wat veranderde en een fout kunnen herstellen.",
        basis=BELANG,
        period=timedelta(days=365),
        start="na de wijziging",
        then="We verwijderen de regel.",
        who="De coalitiemedewerkers in het beheer. Niemand kan een regel veranderen.",
        by="Dagtaak purge_accounts",
    ),
    Retention(
        key="backups",
        kind="Back-ups",
        data="Een kopie van de hele database, dus ook van alles hierboven",
        why="Zodat we gegevens terug kunnen zetten na een storing.",
        basis=BELANG,
        period=timedelta(days=30),
        start="na het maken van de back-up",
        then="We verwijderen de back-up. Wat we wissen, staat dus nog hoogstens zo lang in een back-up.",
        who="De beheerders van de server.",
        by="De server (cronregel, docs/deploy.md)",
    ),
)

BY_KEY = {row.key: row for row in TABLE}


def period(key: str) -> timedelta:
    """The retention period of one kind; a kind kept 'as long as it exists' has none and is an error here."""
    value = BY_KEY[key].period
    if value is None:
        raise ValueError(f"{key} heeft geen bewaartermijn")
    return value
