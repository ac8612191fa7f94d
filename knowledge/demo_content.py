# ruff: noqa: E501 - prose: long sentences and Markdown tables read better unwrapped
"""Demo partners and knowledge in plain Dutch (B1), written for this portal.

The texts give general information, not legal or tax advice; partners replace them with their own.
Examples ("praktijkvoorbeeld") use made-up names and say so.
"""

from __future__ import annotations

from typing import Any

ORGANISATIONS: dict[str, dict[str, Any]] = {
    "lvkk": {
        "kind": "landelijk",
        "description": (
            "De LVKK is er voor dorpen en kleine kernen. We helpen dorpsbewoners die samen hun dorp leefbaar "
            "houden, bijvoorbeeld met een dorpshuis, een dorpscoöperatie of vervoer voor iedereen."
        ),
        "themes": ["ontmoeting-en-cultuur", "mobiliteit", "wonen", "ouderen"],
        "services": "Advies voor dorpsbelangen en dorpshuizen\nVoorbeelden uit andere dorpen\nContact met dorpen die hetzelfde doen",
        "contact": "Stel je vraag via het contactformulier op de website van de LVKK.",
    },
    "katalys": {
        "kind": "kennisinstituut",
        "description": (
            "Katalys verzamelt en deelt kennis over het sociaal domein. Wat werkt als bewoners samen iets "
            "oppakken? En wat hebben ze nodig van gemeenten en organisaties? Die kennis maken we bruikbaar."
        ),
        "themes": ["zorg-en-welzijn", "armoede-en-bestaanszekerheid", "werk-en-economie", "jongeren"],
        "services": "Handleidingen en onderzoek\nKennis over samenwerken met gemeenten\nTrainingen voor ondersteuners",
        "contact": "Mail of bel Katalys via de contactgegevens op de website.",
    },
    "lsa-bewoners": {
        "kind": "landelijk",
        "description": (
            "LSA Bewoners is het netwerk van actieve bewoners in wijken door heel Nederland. We komen op voor "
            "zeggenschap en eigenaarschap van bewoners, bijvoorbeeld met bewonersbedrijven en het Right to Challenge."
        ),
        "themes": ["werk-en-economie", "ontmoeting-en-cultuur", "wonen", "veiligheid"],
        "services": "Netwerk van bewoners en bewonersbedrijven\nHulp bij het Right to Challenge\nBijeenkomsten en uitwisseling",
        "contact": "Neem contact op via de website van LSA Bewoners. Je kunt ook lid worden van het netwerk.",
    },
    "nederland-zorgt-voor-elkaar": {
        "kind": "landelijk",
        "description": (
            "Nederland Zorgt Voor Elkaar is het netwerk van bewonersinitiatieven in zorg en welzijn. Denk aan "
            "zorgcoöperaties en zorgzame gemeenschappen. We helpen ze starten, groeien en blijven bestaan."
        ),
        "themes": ["zorg-en-welzijn", "ouderen", "ontmoeting-en-cultuur"],
        "services": "Begeleiding van zorgcoöperaties\nKennis over afspraken met gemeente en zorgverzekeraar\nEen netwerk van initiatieven",
        "contact": "Vraag een gesprek aan via de website van Nederland Zorgt Voor Elkaar.",
    },
    "nov": {
        "kind": "landelijk",
        "description": (
            "NOV is de vereniging van organisaties die met vrijwilligers werken. We delen kennis over "
            "vrijwilligerswerk: vrijwilligers vinden, begeleiden en goed regelen."
        ),
        "themes": ["zorg-en-welzijn", "jongeren", "ouderen", "ontmoeting-en-cultuur"],
        "services": "Kennis over vrijwilligerswerk en regels\nInformatie over verzekering, VOG en vergoedingen\nTrainingen voor coördinatoren",
        "contact": "Kijk op de website van NOV voor vragen over vrijwilligerswerk.",
    },
    "oranje-fonds": {
        "kind": "fonds",
        "description": (
            "Het Oranje Fonds steunt sociale initiatieven die mensen met elkaar verbinden. We geven geld, "
            "maar ook aandacht, kennis en een netwerk."
        ),
        "themes": ["ontmoeting-en-cultuur", "armoede-en-bestaanszekerheid", "jongeren", "ouderen"],
        "services": "Geld voor sociale initiatieven\nTips voor een goede aanvraag\nLandelijke acties zoals vrijwilligersdagen",
        "contact": "Kijk op de website van het Oranje Fonds welke regeling bij je past en hoe je aanvraagt.",
    },
    "stichting-doen": {
        "kind": "fonds",
        "description": (
            "Stichting DOEN steunt pioniers die werken aan een groene, sociale en creatieve samenleving. "
            "Ook initiatieven van bewoners die het anders en beter willen doen."
        ),
        "themes": ["energie-en-klimaat", "groen-en-leefomgeving", "voedsel", "werk-en-economie"],
        "services": "Giften, leningen en participaties\nEen netwerk van vernieuwers",
        "contact": "Lees op de website van DOEN welke initiatieven passen en hoe je contact opneemt.",
    },
    "vsbfonds": {
        "kind": "fonds",
        "description": (
            "VSBfonds steunt projecten waarin mensen meedoen en zich met elkaar verbinden, in de buurt en "
            "in cultuur. We helpen ook met kennis over aanvragen."
        ),
        "themes": ["ontmoeting-en-cultuur", "jongeren", "ouderen", "zorg-en-welzijn"],
        "services": "Bijdragen aan projecten van stichtingen en verenigingen\nUitleg over aanvragen",
        "contact": "Je vraagt aan via de website van VSBfonds. Daar staan ook de voorwaarden.",
    },
}

GENERAL = ["ontmoeting-en-cultuur", "werk-en-economie", "zorg-en-welzijn"]

RESOURCES: list[dict[str, Any]] = [
    {
        "slug": "welke-rechtsvorm-past-bij-jullie",
        "title": "Welke rechtsvorm past bij jullie?",
        "kind": "handleiding",
        "organisation": "katalys",
        "featured": True,
        "themes": GENERAL,
        "phases": ["idee", "starten"],
        "audience": "bewoners",
        "summary": (
            "Informele groep, vereniging, stichting of coöperatie? Lees wat het verschil is, wat het kost en "
            "welke vorm past bij jullie plan. Met een korte keuzehulp."
        ),
        "related": ["een-vereniging-oprichten", "een-stichting-oprichten", "een-cooperatie-oprichten"],
        "body": """
Jullie willen samen iets doen in de buurt. Moet je dan meteen een stichting of vereniging oprichten?
Nee. Veel groepen beginnen zonder rechtsvorm. Maar op een gegeven moment heb je er een nodig.
Bijvoorbeeld als je geld wilt aanvragen bij een fonds, een huurcontract wilt tekenen of mensen in
dienst wilt nemen.

Deze handleiding helpt je kiezen. Het is algemene uitleg, geen juridisch advies. Twijfel je? Vraag
het aan een notaris of aan een van de partners.

## Eerst: waarom een rechtsvorm?

Een rechtsvorm maakt van jullie groep een *rechtspersoon*. Dat betekent:

- de organisatie kan zelf contracten sluiten en een bankrekening hebben;
- fondsen en gemeenten kunnen geld aan jullie geven;
- de leden of het bestuur zijn meestal niet zelf aansprakelijk voor schulden, als ze zich aan de regels houden.

## De vormen op een rij

| | Informele groep | Vereniging | Stichting | Coöperatie |
|---|---|---|---|---|
| Wie heeft het laatste woord? | De groep zelf | De leden (ledenvergadering) | Het bestuur | De leden |
| Leden? | Nee | Ja | Nee | Ja |
| Naar de notaris? | Nee | Ja (bij volledige rechtsbevoegdheid) | Ja | Ja |
| Past bij | Een klein plan, weinig geld | Een club van en voor bewoners | Een doel met een vast bestuur | Samen diensten of een bedrijf runnen |

## Informele groep

Jullie doen het gewoon samen, zonder papieren. Dat is snel en gratis. Maar jullie kunnen geen
contract tekenen als groep, en veel fondsen geven geen geld aan een informele groep. De oplossing is
vaak een **penvoerder**: een organisatie met een rechtsvorm die het geld voor jullie ontvangt en
beheert. Lees daarover het artikel *Werken met een penvoerder*.

## Vereniging

Een vereniging heeft leden. De leden kiezen het bestuur en beslissen samen in de ledenvergadering.
Dat past goed als je wilt dat bewoners echt mee beslissen. Denk aan een buurtvereniging, een
dorpsbelang of een speeltuinvereniging. Laat de statuten vastleggen door een notaris. Dan heeft de
vereniging *volledige rechtsbevoegdheid* en zijn bestuurders beter beschermd.

## Stichting

Een stichting heeft geen leden, alleen een bestuur. Het bestuur beslist. Dat is handig als een
kleine groep het werk doet en snel moet kunnen beslissen. Bijvoorbeeld een buurthuis, een
voedselproject of een lokaal fonds. Let op: bewoners hebben geen formele stem. Wil je dat wel?
Maak dan een bewonersraad of een raad van advies.

## Coöperatie

Een coöperatie is een soort vereniging die een bedrijf runt voor haar leden. Denk aan een
energiecoöperatie, een zorgcoöperatie of een dorpscoöperatie met een winkel. De leden zijn samen
eigenaar. Kies meestal voor *U.A.*: dan zijn de leden niet aansprakelijk voor schulden.

## Keuzehulp in vier vragen

1. **Gaat het om een klein plan met weinig geld?** Begin als informele groep, eventueel met een penvoerder.
2. **Moeten bewoners mee beslissen en lid kunnen worden?** Kies een vereniging.
3. **Verkopen jullie diensten of energie aan de leden?** Kies een coöperatie.
4. **Doet een vaste groep het werk en willen jullie snel beslissen?** Kies een stichting.

## Wat kost het?

Voor een vereniging, stichting of coöperatie ga je naar de notaris. Dat kost meestal een paar
honderd euro; vraag een paar offertes. Daarna schrijf je de organisatie in bij de Kamer van
Koophandel (KVK). Ook dat kost een klein bedrag.

## Volgende stap

Kies je vorm en lees het stappenplan dat erbij hoort. Wil je eerst met iemand praten? Neem contact
op met een van de partners op de pagina *Organisaties*.
""",
    },
    {
        "slug": "een-vereniging-oprichten",
        "title": "Een vereniging oprichten in zes stappen",
        "kind": "stappenplan",
        "organisation": "lvkk",
        "themes": ["ontmoeting-en-cultuur", "groen-en-leefomgeving"],
        "phases": ["starten"],
        "summary": "Van eerste gesprek tot inschrijving bij de KVK: zo richt je een vereniging op die van de bewoners zelf is.",
        "related": ["welke-rechtsvorm-past-bij-jullie", "sjabloon-ledenvergadering"],
        "body": """
Een vereniging is van de leden. Dat maakt haar sterk: bewoners beslissen zelf. Zo pak je het aan.

## 1. Maak het doel duidelijk

Schrijf in een paar zinnen op wat de vereniging wil bereiken. Bijvoorbeeld: *Wij houden het
dorpshuis open als plek voor iedereen.* Dit doel komt later in de statuten.

## 2. Zoek een eerste bestuur

Je hebt minstens drie mensen nodig: een voorzitter, een secretaris en een penningmeester. Kies
mensen die elkaar aanvullen. Spreek af hoe lang iemand in het bestuur blijft.

## 3. Schrijf de statuten

In de statuten staan het doel, wie lid kan worden, hoe je het bestuur kiest en wat er met het geld
gebeurt als de vereniging stopt. Veel notarissen hebben een voorbeeld. Lees het goed en pas het aan.

## 4. Naar de notaris

De notaris legt de statuten vast in een akte. Daarmee krijgt de vereniging volledige
rechtsbevoegdheid. Vraag vooraf wat het kost.

## 5. Inschrijven bij de KVK

Meestal regelt de notaris de inschrijving bij de Kamer van Koophandel. Je krijgt een KVK-nummer.
Daarmee open je een zakelijke bankrekening.

## 6. Houd de eerste ledenvergadering

Nodig alle leden uit. Bespreek de plannen en de begroting. Maak een huishoudelijk reglement voor de
praktische afspraken, zoals de contributie. Schrijf de besluiten op.

**Tip:** houd de contributie laag, zodat iedereen mee kan doen.
""",
    },
    {
        "slug": "een-stichting-oprichten",
        "title": "Een stichting oprichten: zo doe je dat",
        "kind": "stappenplan",
        "organisation": "katalys",
        "themes": ["zorg-en-welzijn", "armoede-en-bestaanszekerheid", "voedsel"],
        "phases": ["starten"],
        "summary": "Een stichting heeft een bestuur en geen leden. Lees in vijf stappen hoe je er een opricht en wat je moet regelen.",
        "related": ["welke-rechtsvorm-past-bij-jullie", "een-goed-bestuur"],
        "body": """
Een stichting past als een vaste groep mensen het werk doet en het bestuur de besluiten neemt.
Bijvoorbeeld voor een buurthuis, een voedselproject of een lokaal fonds.

## 1. Kies een naam en een doel

De naam moet nog vrij zijn. Zoek dat op in het register van de KVK. Schrijf het doel kort en
duidelijk op. Een breed doel geeft je later meer ruimte.

## 2. Stel een bestuur samen

Een stichting kan met één bestuurder, maar drie is veel beter. Dan kunnen bestuurders elkaar
controleren. Spreek af wie voorzitter, secretaris en penningmeester is.

## 3. Laat de akte opstellen

De notaris maakt de oprichtingsakte met de statuten. Denk na over:

- hoe nieuwe bestuurders worden gekozen;
- of er een raad van toezicht of raad van advies komt;
- hoe bewoners inspraak krijgen, want een stichting heeft geen leden.

## 4. Inschrijven en bankrekening

De notaris schrijft de stichting meestal in bij de KVK. Open daarna een zakelijke rekening. Spreek
af dat twee mensen samen betalingen goedkeuren.

## 5. Denk aan de ANBI-status

Is de stichting er voor het algemeen nut? Dan kun je bij de Belastingdienst een ANBI-status
aanvragen. Giften aan jullie zijn dan aftrekbaar voor de gever. Dat helpt bij fondsenwerving. Kijk
op de website van de Belastingdienst welke voorwaarden gelden.

**Let op:** bestuurders kunnen zelf aansprakelijk zijn als ze hun taak slecht doen. Houd daarom een
goede administratie bij en leg besluiten vast.
""",
    },
    {
        "slug": "een-cooperatie-oprichten",
        "title": "Een coöperatie oprichten met je buren",
        "kind": "stappenplan",
        "organisation": "nederland-zorgt-voor-elkaar",
        "themes": ["zorg-en-welzijn", "energie-en-klimaat", "werk-en-economie"],
        "phases": ["starten", "groeien"],
        "summary": "In een coöperatie zijn de leden samen eigenaar. Zo richt je een wijk-, dorps-, zorg- of energiecoöperatie op.",
        "related": ["welke-rechtsvorm-past-bij-jullie", "zorgcooperatie-starten", "energiecooperatie-starten"],
        "body": """
Een coöperatie is een vereniging met een bedrijf. De leden krijgen diensten of producten, en ze
beslissen samen. Zo blijft de waarde in de buurt.

## Wanneer past een coöperatie?

- Jullie leveren iets aan de leden: zorg en hulp, energie, een winkel, onderhoud.
- Er komt geld binnen, bijvoorbeeld van leden, de gemeente of een zorgverzekeraar.
- Jullie willen dat bewoners eigenaar zijn en mee beslissen.

## De stappen

1. **Verken de vraag.** Praat met buren. Wat hebben ze nodig, en willen ze lid worden?
2. **Maak een plan.** Schrijf op welke diensten je levert, wat het kost en wie wat doet.
3. **Kies de aansprakelijkheid.** Bij een coöperatie *U.A.* zijn de leden niet aansprakelijk voor tekorten. Dat is meestal de beste keuze.
4. **Statuten bij de notaris.** Hierin staan onder andere het doel, het lidmaatschap en de rol van de algemene ledenvergadering.
5. **Inschrijven bij de KVK** en een rekening openen.
6. **Leden werven.** Houd een startbijeenkomst. Vraag een lage contributie, zodat iedereen mee kan doen.

## Tip

Praat met een coöperatie die al bestaat. Zij weten welke fouten je kunt voorkomen. Via de partners
vind je er een bij jou in de buurt.
""",
    },
    {
        "slug": "werken-met-een-penvoerder",
        "title": "Werken met een penvoerder: zo werkt het",
        "kind": "artikel",
        "organisation": "oranje-fonds",
        "themes": ["ontmoeting-en-cultuur", "armoede-en-bestaanszekerheid"],
        "phases": ["idee", "starten"],
        "summary": "Geen stichting of vereniging, maar wel geld nodig? Een penvoerder ontvangt en beheert het geld voor jullie groep.",
        "related": ["welke-rechtsvorm-past-bij-jullie", "geld-vinden-voor-je-initiatief"],
        "body": """
Veel fondsen geven alleen geld aan een stichting of vereniging. Maar jullie zijn een groep buren
zonder rechtsvorm. Dan kan een **penvoerder** helpen.

## Wat is een penvoerder?

Een penvoerder is een organisatie mét rechtsvorm die het geld voor jullie ontvangt en beheert.
Bijvoorbeeld een buurthuis, een welzijnsorganisatie, een kerk of een andere stichting. Het fonds
maakt het geld over naar de penvoerder. Jullie doen het project.

## Wat spreek je af?

Zet de afspraken op papier, ook als je elkaar goed kent:

- welk bedrag de penvoerder beheert en voor welk project;
- hoe jullie geld opvragen (bijvoorbeeld met bonnetjes);
- wie de verantwoording aan het fonds schrijft;
- of de penvoerder een vergoeding vraagt voor het werk.

## Hoe vind je een penvoerder?

Vraag het aan de welzijnsorganisatie of de gemeente. Of kijk welke stichtingen in je buurt een
doel hebben dat past bij jullie plan.

## Later toch een eigen rechtsvorm?

Groeit jullie initiatief? Dan is een eigen vereniging of stichting vaak handiger. Lees de
handleiding *Welke rechtsvorm past bij jullie?*
""",
    },
    {
        "slug": "van-idee-naar-eerste-stap",
        "title": "Van idee naar eerste stap: zo begin je een initiatief",
        "kind": "stappenplan",
        "organisation": "lsa-bewoners",
        "featured": True,
        "themes": ["ontmoeting-en-cultuur", "groen-en-leefomgeving", "zorg-en-welzijn"],
        "phases": ["idee"],
        "audience": "bewoners",
        "summary": "Je hebt een idee voor je straat of dorp. Deze vijf stappen helpen je op weg, zonder dat je meteen alles moet weten.",
        "related": ["buren-betrekken-bij-je-plan", "je-plan-op-een-a4", "welke-rechtsvorm-past-bij-jullie"],
        "body": """
Veel mooie initiatieven begonnen met één persoon en een idee. Je hoeft niet alles te weten om te
beginnen. Deze stappen helpen.

## 1. Schrijf je idee op

Wat wil je veranderen? Voor wie? Schrijf het in drie zinnen op. Gebruik daarvoor het sjabloon
*Je plan op één A4*.

## 2. Praat met anderen

Vertel je idee aan buren, vrienden of mensen bij de supermarkt. Vraag wat zij ervan vinden.
Wie wil meedenken? Zo vind je je eerste medestanders.

## 3. Begin klein

Doe iets wat je nu al kunt. Een koffieochtend, een opruimactie, een gesprek met de wijkagent.
Een kleine stap laat zien dat het kan. En het geeft energie.

## 4. Zoek hulp in de buurt

Er is vaak meer hulp dan je denkt: een opbouwwerker, de wijkcoördinator van de gemeente, een
buurthuis. Vraag wat zij kunnen doen.

## 5. Kijk wat je nodig hebt

Geld, een ruimte, vrijwilligers, een rechtsvorm? Op dit platform vind je per onderwerp uitleg.
Begin met wat het meest nodig is.

**Onthoud:** het is jullie initiatief. Jullie bepalen het tempo.
""",
    },
    {
        "slug": "je-plan-op-een-a4",
        "title": "Sjabloon: je plan op één A4",
        "kind": "tool-of-sjabloon",
        "organisation": "lsa-bewoners",
        "themes": GENERAL,
        "phases": ["idee", "starten"],
        "summary": "Vul acht vragen in en je hebt een helder plan. Handig voor gesprekken met buren, de gemeente of een fonds.",
        "file": {
            "name": "plan-op-een-a4.odt",
            "title": "Sjabloon plan op één A4 (ODT)",
            "lines": [
                "Ons plan op één A4",
                "1. Wat willen we doen?",
                "2. Waarom is dit nodig in onze buurt?",
                "3. Voor wie doen we het?",
                "4. Wie doen er mee?",
                "5. Wat is onze eerste stap, en wanneer?",
                "6. Wat hebben we nodig (geld, ruimte, hulp)?",
                "7. Met wie werken we samen?",
                "8. Hoe weten we dat het gelukt is?",
            ],
        },
        "body": """
Een goed plan past op één A4. Dat dwingt je om scherp te kiezen. En anderen lezen het echt.

Download het sjabloon hieronder, of neem deze vragen over:

1. **Wat willen we doen?** Eén of twee zinnen.
2. **Waarom is dit nodig?** Wat zie je in de buurt?
3. **Voor wie doen we het?**
4. **Wie doen er mee?** Namen en wat ze doen.
5. **Wat is onze eerste stap, en wanneer?**
6. **Wat hebben we nodig?** Geld, een ruimte, hulp, materiaal.
7. **Met wie werken we samen?** Buren, organisaties, de gemeente.
8. **Hoe weten we dat het gelukt is?**

## Tips

- Schrijf zoals je praat. Vermijd moeilijke woorden.
- Laat het plan lezen door iemand die het idee niet kent. Snapt die het?
- Pas het plan aan als je meer weet. Het is geen contract.
""",
    },
    {
        "slug": "buren-betrekken-bij-je-plan",
        "title": "Zo betrek je buren bij je plan",
        "kind": "artikel",
        "organisation": "lsa-bewoners",
        "themes": ["ontmoeting-en-cultuur", "veiligheid"],
        "phases": ["idee", "starten"],
        "summary": "Een initiatief wordt sterker als meer buren meedoen. Tips om mensen te bereiken die je nog niet kent.",
        "related": ["van-idee-naar-eerste-stap", "vrijwilligers-vinden"],
        "body": """
Je idee is goed, maar hoe krijg je de buren mee? Deze tips helpen.

## Ga langs de deur

Een briefje in de bus wordt vaak weggegooid. Aanbellen werkt beter. Vertel kort wat je wilt en
vraag wat de ander ervan vindt. Luister vooral.

## Vraag om iets kleins

*Wil je lid worden van onze werkgroep?* is een grote vraag. *Wil je zaterdag een uurtje helpen?* is
klein. Mensen zeggen sneller ja tegen iets kleins.

## Kom waar mensen al zijn

Bij het schoolplein, de supermarkt, de moskee of kerk, de sportclub. Ga daar in gesprek.

## Denk aan wie je niet ziet

Sommige buren komen weinig buiten, spreken de taal niet goed of werken op vreemde tijden. Vraag
een sleutelfiguur uit hun groep om mee te helpen.

## Laat zien wat er gebeurt

Deel foto's in de buurtapp of op een prikbord. Vertel wat je hebt bereikt. Succes trekt mensen aan.
""",
    },
    {
        "slug": "right-to-challenge-uitgelegd",
        "title": "Het Right to Challenge: taken van de gemeente overnemen",
        "kind": "artikel",
        "organisation": "lsa-bewoners",
        "featured": True,
        "themes": ["werk-en-economie", "zorg-en-welzijn", "groen-en-leefomgeving"],
        "phases": ["groeien"],
        "summary": "Met het Right to Challenge kunnen bewoners een taak van de gemeente overnemen als ze die beter of goedkoper kunnen doen.",
        "related": ["right-to-challenge-stappenplan", "samenwerken-met-de-gemeente"],
        "body": """
Stel: jullie denken dat het groen in de wijk beter kan. Of dat bewoners zelf het buurthuis beter
kunnen runnen. Dan kunnen jullie de gemeente **uitdagen**. Dat heet het *Right to Challenge*.

## Wat is het?

Met het Right to Challenge vragen bewoners om een taak van de gemeente over te nemen, met het geld
dat erbij hoort. Dat kan als ze laten zien dat ze het beter, goedkoper of meer passend voor de
buurt kunnen doen. Sinds 2014 staat het recht in de Wmo, de wet voor zorg en ondersteuning. Veel
gemeenten hebben ook eigen regels gemaakt voor andere taken, zoals groen of onderhoud.

## Voorbeelden

- Bewoners onderhouden zelf het groen in hun wijk.
- Een dorpscoöperatie regelt vervoer voor ouderen.
- Een bewonersbedrijf beheert het buurthuis.

## Wat heb je nodig?

- Een groep bewoners die het wil en kan.
- Een goed plan: wat doen jullie, wat kost het en wat levert het op?
- Een rechtsvorm, want de gemeente sluit een overeenkomst met jullie.
- Geduld. Het duurt vaak maanden voor alles rond is.

## Hoe begin je?

Zoek uit of jouw gemeente een regeling heeft. Kijk op de website of vraag het aan de
wijkcoördinator. Lees daarna het *Stappenplan Right to Challenge*.
""",
    },
    {
        "slug": "right-to-challenge-stappenplan",
        "title": "Stappenplan Right to Challenge",
        "kind": "stappenplan",
        "organisation": "lsa-bewoners",
        "themes": ["werk-en-economie", "groen-en-leefomgeving"],
        "phases": ["groeien"],
        "summary": "In zes stappen van idee naar afspraak met de gemeente. Zo bereid je een uitdaging goed voor.",
        "related": ["right-to-challenge-uitgelegd", "kostprijs-plus-afspraak"],
        "body": """
## 1. Kies de taak

Welke taak willen jullie overnemen? Maak het concreet: *het maaien en snoeien in de Bloemenbuurt*
is beter dan *het groen*.

## 2. Zoek uit hoe het nu gaat

Wat doet de gemeente nu, hoe vaak, en wat kost het? Vraag deze informatie op. Je hebt er recht op.

## 3. Maak jullie plan

Beschrijf wat jullie anders doen en waarom dat beter is voor de buurt. Denk aan: meer
betrokkenheid, werk voor buurtbewoners, betere kwaliteit.

## 4. Maak een begroting

Reken uit wat het jullie kost: uren, materiaal, verzekering, administratie. Vergeet niet een
vergoeding voor het eigen werk. Lees ook *De kostprijs-plus-afspraak*.

## 5. Dien de uitdaging in

Stuur het plan naar de gemeente. Vraag om een gesprek met de wethouder of de ambtenaar die over
de taak gaat.

## 6. Maak afspraken

Leg de afspraken vast: wat doen jullie, hoe lang, voor welk bedrag, en hoe jullie laten zien wat
het oplevert. Spreek ook af wat er gebeurt als het niet lukt.

**Tip:** vraag ondersteuning bij LSA Bewoners. Zij kennen veel voorbeelden.
""",
    },
    {
        "slug": "samenwerken-met-de-gemeente",
        "title": "Zo werk je goed samen met je gemeente",
        "kind": "artikel",
        "organisation": "katalys",
        "featured": True,
        "themes": ["werk-en-economie", "ontmoeting-en-cultuur", "veiligheid"],
        "phases": ["starten", "groeien"],
        "summary": "De gemeente kan helpen met geld, een ruimte of vergunningen. Tips voor een goede samenwerking met ambtenaren en politiek.",
        "related": ["wie-bel-ik-bij-de-gemeente", "right-to-challenge-uitgelegd"],
        "body": """
De gemeente is een belangrijke partner. Maar de gemeente is groot en werkt met eigen regels. Zo
maak je de samenwerking makkelijker.

## Zoek één vast aanspreekpunt

Vraag wie jullie vaste contactpersoon is. Vaak is dat een wijkcoördinator, wijkregisseur of
gebiedsmakelaar. Die persoon kent de weg in het gemeentehuis.

## Kom met een plan, niet alleen met een vraag

Laat zien wat jullie al doen en wat het oplevert. Vertel dan wat je van de gemeente nodig hebt.
Een plan op één A4 helpt.

## Spreek de taal van de gemeente

De gemeente werkt met beleid en doelen. Zoek uit welke doelen bij jullie plan passen, zoals
minder eenzaamheid of een groenere wijk. Laat zien dat jullie daaraan bijdragen.

## Maak afspraken schriftelijk

Stuur na een gesprek een korte mail: *Dit hebben we afgesproken.* Zo voorkom je misverstanden.

## Ken ook de politiek

De gemeenteraad beslist over geld. Nodig raadsleden uit om te komen kijken. Gebruik het
inspreekrecht als er iets belangrijks op de agenda staat.

## Heb geduld, en blijf vragen

Besluiten duren soms lang. Vraag wanneer je antwoord krijgt en bel als het niet komt.
""",
    },
    {
        "slug": "wie-bel-ik-bij-de-gemeente",
        "title": "Wie moet ik bellen bij de gemeente?",
        "kind": "veelgestelde-vraag",
        "organisation": "katalys",
        "themes": ["werk-en-economie", "veiligheid"],
        "phases": ["idee", "starten"],
        "summary": "Je hebt een vraag of plan, maar weet niet wie erover gaat. Zo vind je snel de juiste persoon bij de gemeente.",
        "related": ["samenwerken-met-de-gemeente"],
        "body": """
**Kort antwoord:** begin bij de wijkcoördinator of gebiedsmakelaar. Die kent de buurt en de weg in
het gemeentehuis.

## Hoe vind je die?

- Kijk op de website van je gemeente. Zoek op *wijkcoördinator*, *wijkregisseur* of *gebiedsteam*.
- Bel het algemene nummer (vaak 14 + het netnummer) en vraag naar de contactpersoon voor jouw wijk.
- Vraag het aan de opbouwwerker of het buurthuis.

## En daarna?

| Onderwerp | Vraag naar |
|---|---|
| Een subsidie | het loket subsidies of de wijkcoördinator |
| Een vergunning voor een activiteit | het team evenementen of vergunningen |
| Groen en openbare ruimte | de wijkbeheerder |
| Zorg en welzijn | het sociaal team of wijkteam |

**Tip:** schrijf op met wie je hebt gesproken en wanneer. Dat helpt als je later terug moet bellen.
""",
    },
    {
        "slug": "geld-vinden-voor-je-initiatief",
        "title": "Geld vinden voor je initiatief: een overzicht",
        "kind": "handleiding",
        "organisation": "oranje-fonds",
        "featured": True,
        "themes": GENERAL + ["armoede-en-bestaanszekerheid"],
        "phases": ["starten", "groeien"],
        "summary": "Subsidie, fonds, crowdfunding, sponsoring of een lening? Lees welke soorten geld er zijn en wat bij jullie plan past.",
        "related": ["een-fondsaanvraag-schrijven", "sjabloon-begroting", "crowdfunding-in-de-buurt"],
        "body": """
Bijna elk initiatief heeft geld nodig. Gelukkig zijn er veel mogelijkheden. Kies wat past bij de
grootte van je plan.

## Subsidie van de gemeente

Veel gemeenten hebben een potje voor bewonersinitiatieven. Vaak gaat het om kleine bedragen en een
simpel formulier. Vraag de wijkcoördinator welke regelingen er zijn.

## Een fonds

Fondsen geven geld dat je niet terugbetaalt: een gift. Er zijn landelijke en lokale fondsen.
Let op de voorwaarden: veel fondsen geven alleen aan een stichting of vereniging. Heb je die niet?
Lees dan *Werken met een penvoerder*.

## Crowdfunding

Veel mensen geven samen een bedrag, vaak via een website. Dat werkt goed als je plan zichtbaar
is en mensen zich erbij betrokken voelen. Zie *Crowdfunding in de buurt*.

## Bedrijven in de buurt

Een bouwmarkt geeft materiaal, een bakker koffie en koek. Vraag om hulp in natura. Dat is vaak
makkelijker dan om geld vragen.

## Een lening

Verdient jullie initiatief later geld, bijvoorbeeld met energie of een winkel? Dan kan een lening
passen. Er zijn fondsen en banken die leningen geven aan maatschappelijke initiatieven.

## Eigen inkomsten

Contributie van leden, een kleine bijdrage voor een activiteit, verhuur van een ruimte. Eigen
inkomsten maken je minder afhankelijk.

## Tips

- Combineer bronnen. Fondsen zien graag dat je ook zelf geld ophaalt.
- Maak een goede begroting. Gebruik het *Sjabloon begroting*.
- Vraag op tijd aan. Een fonds beslist vaak pas na enkele weken of maanden.
""",
    },
]

RESOURCES += [
    {
        "slug": "een-fondsaanvraag-schrijven",
        "title": "Een fondsaanvraag schrijven in zeven stappen",
        "kind": "stappenplan",
        "organisation": "oranje-fonds",
        "themes": ["ontmoeting-en-cultuur", "armoede-en-bestaanszekerheid", "jongeren"],
        "phases": ["starten", "groeien"],
        "summary": "Een goede aanvraag is kort, concreet en eerlijk. Zo schrijf je een aanvraag die een fonds graag leest.",
        "related": ["geld-vinden-voor-je-initiatief", "sjabloon-begroting", "training-sterke-aanvraag"],
        "body": """
## 1. Kies het juiste fonds

Lees de voorwaarden goed. Past jullie doel bij het fonds? Geeft het fonds aan jullie rechtsvorm?
Bel bij twijfel. Fondsen denken vaak graag mee.

## 2. Begin met het probleem

Wat is er aan de hand in jullie buurt? Gebruik een voorbeeld. *Mevrouw De Vries (82) komt de hele
week niemand tegen* zegt meer dan *eenzaamheid is een probleem*.

## 3. Vertel wat jullie doen

Beschrijf de activiteiten. Wie, wat, waar, wanneer? Houd het concreet.

## 4. Laat zien wat het oplevert

Wat is er anders na een jaar? Hoeveel mensen doen mee? Kies doelen die je kunt meten.

## 5. Maak een eerlijke begroting

Zet alle kosten erin, ook kleine. Laat zien welk geld je al hebt en waar je nog meer aanvraagt.

## 6. Vertel wie jullie zijn

Wie zitten er in de groep? Wat hebben jullie al gedaan? Foto's en een korte quote van een
deelnemer helpen.

## 7. Laat het lezen

Vraag iemand van buiten om de aanvraag te lezen. Is alles duidelijk? Zijn er taalfouten?

**Na de aanvraag:** krijg je het geld, houd dan bij wat je doet. Dan is de verantwoording makkelijk.
Krijg je een nee? Vraag waarom. Dat helpt bij de volgende aanvraag.
""",
    },
    {
        "slug": "sjabloon-begroting",
        "title": "Sjabloon: een begroting voor je initiatief",
        "kind": "tool-of-sjabloon",
        "organisation": "vsbfonds",
        "themes": GENERAL,
        "phases": ["starten"],
        "summary": "Een begroting laat zien wat je plan kost en waar het geld vandaan komt. Met dit sjabloon maak je er snel een.",
        "related": ["geld-vinden-voor-je-initiatief", "een-fondsaanvraag-schrijven"],
        "file": {
            "name": "sjabloon-begroting.odt",
            "title": "Sjabloon begroting (ODT)",
            "lines": [
                "Begroting van ons initiatief",
                "KOSTEN",
                "Huur ruimte: ...",
                "Materiaal: ...",
                "Koffie, thee en eten: ...",
                "Communicatie (flyers, website): ...",
                "Vrijwilligersvergoedingen: ...",
                "Verzekering: ...",
                "Onvoorzien (ongeveer 5 procent): ...",
                "Totaal kosten: ...",
                "INKOMSTEN",
                "Eigen bijdrage en contributie: ...",
                "Gemeente: ...",
                "Fonds 1: ...",
                "Fonds 2: ...",
                "Bijdragen van bedrijven (ook in natura): ...",
                "Totaal inkomsten: ...",
            ],
        },
        "body": """
Een begroting heeft twee kanten: **kosten** en **inkomsten**. Onderaan zijn ze even groot.

| Kosten | Bedrag | Inkomsten | Bedrag |
|---|---|---|---|
| Huur ruimte | | Eigen bijdrage en contributie | |
| Materiaal | | Gemeente | |
| Koffie, thee en eten | | Fonds 1 | |
| Communicatie | | Fonds 2 | |
| Vrijwilligersvergoedingen | | Bedrijven (ook in natura) | |
| Verzekering | | | |
| Onvoorzien (ongeveer 5%) | | | |
| **Totaal** | | **Totaal** | |

## Tips

- Vraag prijzen op. Schat niet te laag.
- Zet hulp in natura er ook in, bijvoorbeeld een gratis ruimte. Dan zien fondsen wat je zelf regelt.
- Schrijf bij elk bedrag kort hoe je eraan komt.
- Houd tijdens het project bij wat je echt uitgeeft. Dan kun je later makkelijk verantwoorden.
""",
    },
    {
        "slug": "crowdfunding-in-de-buurt",
        "title": "Crowdfunding in de buurt: zo haal je samen geld op",
        "kind": "artikel",
        "organisation": "stichting-doen",
        "themes": ["groen-en-leefomgeving", "ontmoeting-en-cultuur", "energie-en-klimaat"],
        "phases": ["starten", "groeien"],
        "summary": "Met crowdfunding geven veel mensen een klein bedrag. Het levert geld op én betrokken buren. Zo pak je het aan.",
        "related": ["geld-vinden-voor-je-initiatief"],
        "body": """
Bij crowdfunding vraag je veel mensen om een bijdrage. Samen wordt dat een mooi bedrag. Een extra
voordeel: wie geeft, voelt zich betrokken.

## Wanneer werkt het?

- Het plan is concreet en zichtbaar: een speeltuin, een buurtbankje, zonnepanelen op het buurthuis.
- Je hebt een netwerk: buren, familie, lokale bedrijven.
- Het bedrag is haalbaar. Begin liever met een paar duizend euro dan met een ton.

## Zo doe je het

1. **Kies een platform.** Er zijn platforms voor maatschappelijke projecten. Let op de kosten.
2. **Maak een korte film of mooie foto's.** Laat de mensen zien, niet alleen het ding.
3. **Bedenk tegenprestaties.** Een naam op het bankje, een uitnodiging voor de opening.
4. **Vraag eerst je eigen kring.** Als de teller al loopt, geven anderen makkelijker.
5. **Blijf vertellen.** Deel updates in de buurtapp en lokale krant.
6. **Bedank iedereen.** Ook na afloop.

## Let op

Haal je het doel niet? Bij veel platforms krijgen de gevers hun geld dan terug. Kies daarom een
realistisch bedrag.
""",
    },
    {
        "slug": "kostprijs-plus-afspraak",
        "title": "De kostprijs-plus-afspraak: eerlijk betaald voor je werk",
        "kind": "artikel",
        "organisation": "nederland-zorgt-voor-elkaar",
        "themes": ["zorg-en-welzijn", "werk-en-economie"],
        "phases": ["groeien", "blijven-bestaan"],
        "summary": "Doen jullie werk voor de gemeente? Met een kostprijs-plus-afspraak krijg je de echte kosten betaald, plus een klein deel extra.",
        "related": ["right-to-challenge-stappenplan", "zorgcooperatie-starten"],
        "body": """
Steeds meer initiatieven doen werk dat de gemeente belangrijk vindt: hulp aan ouderen, vervoer,
onderhoud van groen. Vaak krijgen ze daar een kleine subsidie voor, die elk jaar opnieuw onzeker is.
Een **kostprijs-plus-afspraak** is een alternatief.

## Wat is het?

Jullie krijgen betaald wat het werk echt kost, plus een klein percentage extra. Met dat extra
geld bouwen jullie een buffer op of investeren jullie in nieuwe activiteiten. Er is geen winst
voor aandeelhouders: het geld blijft in de buurt.

## Waarom is dat beter?

- Jullie hoeven niet elk jaar opnieuw te vragen.
- Jullie concurreren niet op de laagste prijs met grote bedrijven.
- Vrijwilligers en betaalde krachten krijgen een eerlijke vergoeding.

## Hoe reken je de kostprijs uit?

Tel alle kosten op: uren (ook van coördinatie), vergoedingen, huur, verzekering, administratie,
opleiding. Deel dat door wat jullie leveren, bijvoorbeeld per uur hulp of per rit.

## Hoe begin je het gesprek?

Laat de gemeente zien wat jullie werk oplevert. Bijvoorbeeld: minder mensen die dure zorg nodig
hebben. Vraag dan om een meerjarige afspraak. Neem een voorbeeld mee van een gemeente waar het al
werkt; de partners helpen je daarbij.
""",
    },
    {
        "slug": "vrijwilligers-vinden",
        "title": "Vrijwilligers vinden: zeven manieren die werken",
        "kind": "stappenplan",
        "organisation": "nov",
        "featured": True,
        "themes": ["zorg-en-welzijn", "ontmoeting-en-cultuur", "jongeren", "ouderen"],
        "phases": ["starten", "groeien"],
        "summary": "Zonder vrijwilligers geen initiatief. Zo vind je mensen die willen helpen, ook als je denkt dat iedereen het al druk heeft.",
        "related": ["vrijwilligers-houden", "vrijwilligersvergoeding", "buren-betrekken-bij-je-plan"],
        "body": """
Veel mensen willen best helpen. Ze zijn alleen nooit gevraagd. Zo vind je ze.

## 1. Vraag het persoonlijk

De beste manier is nog steeds: iemand direct vragen. *Jij kunt goed koken. Wil je één keer
meehelpen met de buurtmaaltijd?*

## 2. Maak taken klein en duidelijk

*Vrijwilliger gezocht* zegt weinig. *Iemand die op dinsdagochtend twee uur koffie schenkt* wel.
Schrijf per taak op wat het is, hoeveel tijd het kost en wat iemand ervoor terugkrijgt.

## 3. Bied flexibiliteit

Niet iedereen wil zich voor jaren vastleggen. Bied ook klussen voor één keer aan.

## 4. Gebruik de vacaturebank

De meeste gemeenten hebben een vrijwilligerscentrale of vacaturebank. Zet je vacature er gratis op.

## 5. Denk aan nieuwe groepen

Jongeren met een maatschappelijke stage, mensen die net met pensioen zijn, nieuwkomers die de taal
willen oefenen, mensen die weer aan het werk willen.

## 6. Werk samen

Bedrijven hebben soms vrijwilligersdagen. Scholen zoeken projecten. Vraag het.

## 7. Laat zien dat het leuk is

Deel foto's en verhalen. Mensen willen meedoen met iets wat gezellig en zinvol is.
""",
    },
    {
        "slug": "vrijwilligers-houden",
        "title": "Vrijwilligers houden: aandacht werkt beter dan cadeaus",
        "kind": "artikel",
        "organisation": "nov",
        "themes": ["zorg-en-welzijn", "ontmoeting-en-cultuur"],
        "phases": ["groeien", "blijven-bestaan"],
        "summary": "Vrijwilligers blijven als ze zich gezien voelen, als het werk past en als ze mogen meebeslissen. Praktische tips.",
        "related": ["vrijwilligers-vinden", "training-vrijwilligers-begeleiden"],
        "body": """
Nieuwe vrijwilligers vinden kost veel energie. Daarom loont het om goed te zorgen voor wie er al is.

## Zeg dank je wel

Klinkt simpel, maar het wordt vaak vergeten. Een kaartje, een persoonlijk woord, een jaarlijks
etentje. Kleine gebaren maken verschil.

## Vraag wat iemand wil

Praat af en toe met elke vrijwilliger. Past het werk nog? Wil iemand iets anders of meer
verantwoordelijkheid? Of juist minder?

## Laat meebeslissen

Vrijwilligers weten vaak goed wat beter kan. Vraag hun mening bij belangrijke keuzes.

## Zorg voor een vast aanspreekpunt

Iemand die de vrijwilligers kent en bij wie ze terecht kunnen. In grotere initiatieven is dat een
vrijwilligerscoördinator.

## Voorkom overbelasting

Vaak doen een paar mensen heel veel. Let op signalen van vermoeidheid. Verdeel taken en zorg dat
niemand onmisbaar is.

## Regel de basis goed

Een verzekering, een onkostenvergoeding en duidelijke afspraken. Zie ook de veelgestelde vragen
over vergoedingen en verzekering.
""",
    },
    {
        "slug": "vrijwilligersvergoeding",
        "title": "Mag ik vrijwilligers een vergoeding geven?",
        "kind": "veelgestelde-vraag",
        "organisation": "nov",
        "themes": ["zorg-en-welzijn", "werk-en-economie"],
        "phases": ["starten", "groeien"],
        "summary": "Ja, dat mag. Je kunt echte onkosten vergoeden of een vaste vrijwilligersvergoeding geven. Lees waar je op let.",
        "related": ["vrijwilligers-houden", "verzekering-voor-vrijwilligers"],
        "body": """
**Ja.** Er zijn twee manieren.

## 1. Echte onkosten vergoeden

Je betaalt terug wat iemand echt heeft uitgegeven, bijvoorbeeld reiskosten of boodschappen. Vraag
om bonnetjes. Hiervoor geldt geen maximum.

## 2. Een vaste vrijwilligersvergoeding

Je geeft een vast bedrag, zonder bonnetjes. Dat is belastingvrij tot een maximum per maand en per
jaar. De Belastingdienst stelt die bedragen elk jaar vast. Kijk daar voor de actuele bedragen.

## Let op

- Combineer de twee niet voor dezelfde kosten.
- Krijgt iemand een uitkering? Laat diegene dan vooraf nagaan bij de uitkeringsinstantie wat mag.
- Leg de afspraken vast in een korte vrijwilligersovereenkomst.
- Boven het maximum wordt het gezien als loon. Dan gelden andere regels.
""",
    },
    {
        "slug": "vog-voor-vrijwilligers",
        "title": "Heb ik een VOG nodig voor vrijwilligers?",
        "kind": "veelgestelde-vraag",
        "organisation": "nov",
        "themes": ["jongeren", "ouderen", "veiligheid"],
        "phases": ["starten"],
        "summary": "Werken je vrijwilligers met kinderen of kwetsbare mensen? Vraag dan een VOG. Voor veel vrijwilligersorganisaties is die gratis.",
        "related": ["vrijwilligers-vinden"],
        "body": """
**Kort antwoord:** het is niet altijd verplicht, maar wel verstandig als vrijwilligers met
kinderen, ouderen of andere kwetsbare mensen werken.

## Wat is een VOG?

Een Verklaring Omtrent het Gedrag. Daarmee laat iemand zien dat hij of zij geen strafbare feiten
heeft gepleegd die van belang zijn voor het werk. Je vraagt hem aan bij Justis.

## Is het gratis?

Voor vrijwilligers die met kinderen of mensen met een beperking werken, bestaat een regeling voor
een gratis VOG. Jullie organisatie moet zich daarvoor aanmelden en aan voorwaarden voldoen. Kijk op
de website van Justis of de regeling *Gratis VOG* voor de actuele voorwaarden.

## Meer dan een VOG

Een VOG is een momentopname. Zorg ook voor:

- een kennismakingsgesprek met elke nieuwe vrijwilliger;
- gedragsregels die iedereen kent;
- een vertrouwenspersoon bij wie mensen zorgen kunnen melden.
""",
    },
    {
        "slug": "verzekering-voor-vrijwilligers",
        "title": "Zijn onze vrijwilligers verzekerd?",
        "kind": "veelgestelde-vraag",
        "organisation": "nov",
        "themes": ["veiligheid", "zorg-en-welzijn"],
        "phases": ["starten"],
        "summary": "Veel gemeenten hebben een gratis vrijwilligersverzekering. Lees wat die dekt en wat je zelf nog moet regelen.",
        "related": ["vrijwilligersvergoeding"],
        "body": """
**Vaak wel, via de gemeente.** De meeste gemeenten hebben een collectieve
vrijwilligersverzekering. Die geldt meestal automatisch voor vrijwilligers in die gemeente. Jullie
hoeven je vaak niet aan te melden.

## Wat dekt zo'n verzekering meestal?

- Schade die een vrijwilliger per ongeluk bij een ander veroorzaakt (aansprakelijkheid).
- Een ongeluk van de vrijwilliger zelf tijdens het werk.
- Soms schade aan spullen van de vrijwilliger.

## Wat moet je zelf nagaan?

- Vraag de voorwaarden op bij de gemeente. Wat is wel en niet gedekt?
- Heb je een eigen ruimte of dure spullen? Dan heb je vaak een eigen inboedel- of opstalverzekering nodig.
- Bestuurders van een stichting of vereniging kunnen een bestuurdersaansprakelijkheidsverzekering overwegen.
- Rijden vrijwilligers met hun eigen auto? Kijk wat hun autoverzekering dekt.
""",
    },
    {
        "slug": "jongeren-betrekken",
        "title": "Jongeren betrekken: laat ze zelf het stuur pakken",
        "kind": "artikel",
        "organisation": "vsbfonds",
        "themes": ["jongeren", "ontmoeting-en-cultuur"],
        "phases": ["starten", "groeien"],
        "summary": "Jongeren doen graag mee als ze echt iets te zeggen hebben. Tips om ze te bereiken en ruimte te geven.",
        "related": ["vrijwilligers-vinden"],
        "body": """
*Jongeren willen niks* hoor je vaak. Dat klopt niet. Ze willen wel, maar op hun manier.

## Vraag wat zij willen

Organiseer niet iets *voor* jongeren, maar *met* ze. Vraag waar ze mee zitten en wat ze missen in
de buurt. Een pannaveld? Een plek om te chillen? Hulp bij huiswerk?

## Geef echte verantwoordelijkheid

Laat jongeren een eigen budget beheren of een activiteit helemaal zelf organiseren. Wees er als
coach, niet als baas.

## Ga naar ze toe

Jongeren lezen geen flyers. Spreek ze aan op straat, op school, bij de sportclub. Gebruik de
kanalen die zij gebruiken.

## Maak het kort en concreet

Een project van zes weken is aantrekkelijker dan een werkgroep zonder einddatum.

## Laat zien wat het oplevert

Een certificaat, een referentie voor een cv, een maatschappelijke stage. En vooral: erkenning.
""",
    },
    {
        "slug": "koffieochtend-tegen-eenzaamheid",
        "title": "Praktijkvoorbeeld: een koffieochtend tegen eenzaamheid",
        "kind": "praktijkvoorbeeld",
        "organisation": "vsbfonds",
        "themes": ["ouderen", "ontmoeting-en-cultuur", "zorg-en-welzijn"],
        "phases": ["idee", "starten"],
        "summary": "Twee buurvrouwen begonnen een wekelijkse koffieochtend. Nu komen er elke week dertig mensen. Zo pakten ze het aan.",
        "related": ["buren-betrekken-bij-je-plan", "vrijwilligers-vinden"],
        "body": """
*De namen in dit voorbeeld zijn verzonnen. Zo gaat het wel vaak.*

Anja en Fatma wonen in dezelfde flat. Ze zagen dat veel oudere buren alleen thuis zaten. *We
dachten: we zetten gewoon koffie en kijken wie er komt.*

## Hoe ze begonnen

- Ze vroegen de woningcorporatie om de gemeenschappelijke ruimte op dinsdagochtend.
- Ze deden een uitnodiging bij iedereen in de bus en belden aan bij buren die ze kenden.
- De eerste keer kwamen er zes mensen.

## Wat hielp

- **Vast moment.** Elke dinsdag, ook in de vakantie. Mensen wisten waar ze aan toe waren.
- **Persoonlijk ophalen.** Een buurman haalde mensen op die slecht ter been waren.
- **Kleine taken.** Al snel hielpen bezoekers zelf mee: koekjes bakken, afwassen.

## Wat het nu is

Na een jaar komen er elke week zo'n dertig mensen. Er is een breiclub en een wandelgroep ontstaan.
Met een kleine bijdrage uit het bewonersbudget van de gemeente betalen ze koffie en materiaal.

## Hun tip

*Begin gewoon. Je hoeft geen plan van tien kantjes te hebben.*
""",
    },
    {
        "slug": "dorpshuis-overnemen",
        "title": "Praktijkvoorbeeld: bewoners nemen het dorpshuis over",
        "kind": "praktijkvoorbeeld",
        "organisation": "lvkk",
        "province": "fryslan",
        "themes": ["ontmoeting-en-cultuur", "wonen", "ouderen"],
        "phases": ["groeien", "blijven-bestaan"],
        "summary": "Toen de gemeente het dorpshuis wilde verkopen, richtten bewoners een stichting op en namen het zelf over.",
        "related": ["een-stichting-oprichten", "right-to-challenge-uitgelegd"],
        "body": """
*De namen in dit voorbeeld zijn verzonnen. Zo gaat het wel vaak.*

In een dorp van achthonderd inwoners wilde de gemeente het dorpshuis verkopen. Te duur in
onderhoud, vond de gemeente. Voor het dorp was het de enige plek om samen te komen.

## Wat deden ze?

1. Het dorpsbelang belegde een avond. Er kwamen honderd mensen.
2. Een werkgroep maakte een plan: wat kost het gebouw, en hoe verdien je dat terug?
3. Ze richtten een stichting op, met een bewonersraad zodat het dorp mee kon praten.
4. Met de gemeente spraken ze af dat de stichting het gebouw voor een symbolisch bedrag kreeg, met een onderhoudsbijdrage voor vijf jaar.
5. Met giften van fondsen en een actie in het dorp betaalden ze zonnepanelen en isolatie.

## Hoe gaat het nu?

Het dorpshuis draait op vrijwilligers. Er is een huiskamer voor ouderen, een repaircafé en een
plek voor de huisarts op dinsdag. Verhuur aan verenigingen en feesten betaalt de vaste lasten.

## Lessen

- Reken goed uit wat een gebouw kost, ook op de lange termijn.
- Zorg dat meer mensen de kennis hebben, niet alleen de voorzitter.
- Vraag hulp: de LVKK kent veel dorpen die dit deden.
""",
    },
    {
        "slug": "zorgcooperatie-starten",
        "title": "Een zorgcoöperatie starten: zorg voor elkaar in je dorp of wijk",
        "kind": "stappenplan",
        "organisation": "nederland-zorgt-voor-elkaar",
        "themes": ["zorg-en-welzijn", "ouderen"],
        "phases": ["idee", "starten"],
        "summary": "In een zorgcoöperatie regelen bewoners samen hulp en zorg. Zo begin je er een, stap voor stap.",
        "related": ["een-cooperatie-oprichten", "kostprijs-plus-afspraak"],
        "body": """
In een zorgcoöperatie of zorgzame gemeenschap helpen bewoners elkaar: boodschappen, vervoer naar de
dokter, een maaltijd, een luisterend oor. Soms ook met betaalde zorg.

## 1. Breng de vraag in kaart

Praat met ouderen, mantelzorgers, de huisarts en het wijkteam. Wat missen mensen?

## 2. Begin met wat kan

Start met een paar diensten die makkelijk te regelen zijn, zoals vervoer of klusjes. Zo leer je en
bouw je vertrouwen op.

## 3. Zoek een coördinator

Iemand die vraag en aanbod bij elkaar brengt. Een vast telefoonnummer waar mensen kunnen bellen
werkt goed.

## 4. Kies een rechtsvorm

Veel zorginitiatieven kiezen voor een coöperatie of vereniging, zodat bewoners lid zijn en mee
beslissen. Lees *Een coöperatie oprichten met je buren*.

## 5. Maak afspraken met de gemeente

Jullie werk helpt de gemeente, bijvoorbeeld omdat mensen langer thuis kunnen wonen. Vraag om
steun, en denk aan een afspraak voor meerdere jaren.

## 6. Werk samen met professionals

Huisarts, wijkverpleging en welzijnswerk. Spreek af wie wat doet en wanneer je elkaar belt.

Nederland Zorgt Voor Elkaar helpt bij elke stap.
""",
    },
    {
        "slug": "energiecooperatie-starten",
        "title": "Samen energie opwekken: een energiecoöperatie starten",
        "kind": "stappenplan",
        "organisation": "stichting-doen",
        "themes": ["energie-en-klimaat", "wonen"],
        "phases": ["idee", "starten"],
        "summary": "Zonnepanelen op het dak van de school, een windmolen van het dorp. Zo begin je met buren een energiecoöperatie.",
        "related": ["een-cooperatie-oprichten", "samen-energie-besparen"],
        "body": """
Een energiecoöperatie is van de leden. Samen wekken jullie energie op of besparen jullie energie.
De opbrengst blijft in de buurt.

## 1. Vorm een kerngroep

Zoek vijf tot tien mensen met verschillende talenten: techniek, geld, communicatie, contact met de
gemeente.

## 2. Kies een project

Begin met iets wat haalbaar is. Zonnepanelen op een groot dak (school, sporthal, boer) is een
veelgekozen eerste project.

## 3. Zoek een locatie en partners

Praat met de eigenaar van het dak. Vraag de netbeheerder of er ruimte is op het net. Dat is niet
overal zo.

## 4. Richt de coöperatie op

Leg de statuten vast bij de notaris. Kies een coöperatie U.A.

## 5. Zorg voor geld

Leden kopen een deel van het project. Daarnaast zijn er leningen en soms subsidies. Reken met een
deskundige uit wat het oplevert.

## 6. Betrek de hele buurt

Ook mensen zonder geld om te investeren moeten kunnen meedoen. Denk aan een buurtfonds dat een deel
van de opbrengst besteedt aan energiebesparing voor huishoudens met weinig geld.

**Tip:** er zijn regionale en landelijke organisaties voor energiecoöperaties. Vraag hun hulp.
""",
    },
    {
        "slug": "samen-energie-besparen",
        "title": "Praktijkvoorbeeld: een straat die samen energie bespaart",
        "kind": "praktijkvoorbeeld",
        "organisation": "stichting-doen",
        "themes": ["energie-en-klimaat", "armoede-en-bestaanszekerheid", "wonen"],
        "phases": ["starten"],
        "summary": "Buren gingen samen langs de deur met tochtstrips en radiatorfolie. De energierekening ging omlaag en de straat leerde elkaar kennen.",
        "related": ["energiecooperatie-starten"],
        "body": """
*De namen in dit voorbeeld zijn verzonnen. Zo gaat het wel vaak.*

In een straat met oude huurwoningen hadden veel mensen een hoge energierekening. Een paar buren
besloten: *we gaan het samen aanpakken.*

## Wat deden ze?

- Ze volgden een korte training om energiecoach te worden.
- Met geld uit een regeling van de gemeente kochten ze tochtstrips, radiatorfolie en ledlampen.
- Op zaterdagen gingen ze in tweetallen langs de deur. Ze gaven tips en hielpen meteen met plakken.
- Met de woningcorporatie maakten ze afspraken over betere isolatie.

## Wat leverde het op?

De meeste huishoudens bespaarden een mooi bedrag per jaar. Nog belangrijker: mensen die het moeilijk
hadden, durfden nu ook over andere zorgen te praten. De energiecoaches verwezen ze door naar
schuldhulp of de voedselbank.

## Tip

Combineer energie met andere zorgen. De voordeur staat open; gebruik dat moment goed en met respect.
""",
    },
    {
        "slug": "buurtmoestuin-beginnen",
        "title": "Praktijkvoorbeeld: van grasveld naar buurtmoestuin",
        "kind": "praktijkvoorbeeld",
        "organisation": "stichting-doen",
        "themes": ["voedsel", "groen-en-leefomgeving", "ontmoeting-en-cultuur"],
        "phases": ["idee", "starten"],
        "summary": "Een saai grasveld werd een moestuin waar buren samen groenten kweken. Zo kregen ze toestemming en hielden ze het vol.",
        "related": ["groen-adopteren", "crowdfunding-in-de-buurt"],
        "body": """
*De namen in dit voorbeeld zijn verzonnen. Zo gaat het wel vaak.*

Midden in de wijk lag een grasveld waar niemand kwam. Een groep buren wilde er een moestuin van maken.

## De stappen

1. **Toestemming.** Het veld was van de gemeente. Via de wijkbeheerder kregen ze een
   gebruiksovereenkomst voor drie jaar.
2. **Plan.** Samen met buren tekenden ze de tuin: bakken op hoogte voor wie slecht kan bukken, een
   kruidenhoek, een plek voor de kinderen.
3. **Geld.** Een crowdfunding en een klein fonds betaalden hout, aarde en gereedschap. Een
   tuincentrum gaf zaden.
4. **Werken.** Elke zaterdagochtend is er een tuinochtend. Wie wil, komt.

## Wat het opleverde

Verse groenten voor iedereen die meehelpt, en een deel voor de voedselbank. Maar vooral: buren die
elkaar eerst niet kenden, drinken nu samen koffie in de tuin.

## Lessen

- Maak afspraken over water, gereedschap en wie in de vakantie de planten water geeft.
- Betrek de kinderen. Zij nemen hun ouders mee.
""",
    },
    {
        "slug": "samen-eten-in-de-buurt",
        "title": "Samen eten in de buurt: tegen eenzaamheid en voor een volle maag",
        "kind": "artikel",
        "organisation": "oranje-fonds",
        "themes": ["voedsel", "armoede-en-bestaanszekerheid", "ontmoeting-en-cultuur"],
        "phases": ["idee", "starten"],
        "summary": "Een buurtmaaltijd brengt mensen samen en helpt wie weinig te besteden heeft. Waar let je op bij het organiseren?",
        "related": ["armoede-bespreekbaar-maken", "koffieochtend-tegen-eenzaamheid"],
        "body": """
Samen eten verbindt. Een buurtmaaltijd is een laagdrempelige manier om mensen te ontmoeten. En
voor wie weinig geld heeft, is een goede maaltijd welkom.

## Hoe begin je?

- **Een plek.** Een buurthuis, een kerk, een school of een restaurant dat op een rustige avond meedoet.
- **Koks.** Vrijwilligers die graag koken. Wissel gerechten af, zodat iedereen zich thuis voelt.
- **Een prijs.** Vraag een kleine bijdrage. Wie meer kan betalen, betaalt een maaltijd voor een ander.

## Regels voor eten

Kook je voor anderen? Dan gelden regels voor hygiëne. Lees de hygiënecode voor vrijwilligers. Let
op allergieën en zet ingrediënten erbij.

## Zorg dat iedereen zich welkom voelt

Noem het geen *armoedemaaltijd*. Het is een maaltijd voor de buurt. Dan komt iedereen, en schaamt
niemand zich.

## Samenwerken

Voedselbanken, supermarkten en boeren hebben soms eten over. Vraag of ze willen leveren.
""",
    },
    {
        "slug": "armoede-bespreekbaar-maken",
        "title": "Armoede in de buurt: zo help je zonder te beschamen",
        "kind": "artikel",
        "organisation": "katalys",
        "themes": ["armoede-en-bestaanszekerheid", "zorg-en-welzijn"],
        "phases": ["starten", "groeien"],
        "summary": "Veel mensen met geldzorgen schamen zich. Initiatieven kunnen helpen, als ze het goed aanpakken. Tips uit de praktijk.",
        "related": ["samen-eten-in-de-buurt", "samen-energie-besparen"],
        "body": """
Geldzorgen komen vaker voor dan je denkt. En ze zijn vaak onzichtbaar. Mensen schamen zich en
vragen pas laat om hulp. Initiatieven van bewoners kunnen daar verschil maken.

## Wees er voor iedereen

Maak activiteiten voor de hele buurt, niet alleen voor *mensen met weinig geld*. Een kledingruil,
een repaircafé of een buurtmaaltijd is voor iedereen.

## Luister zonder oordeel

Wie vertelt over geldzorgen, heeft iemand nodig die luistert. Geef niet meteen advies. Vraag wat
iemand zelf wil.

## Weet waar je naartoe kunt verwijzen

Zoek uit welke hulp er is: schuldhulpverlening van de gemeente, het wijkteam, de voedselbank,
vrijwillige thuisadministratie. Maak een lijstje met namen en telefoonnummers.

## Help met de eerste stap

Bellen met een instantie is soms eng. Bied aan om mee te gaan of samen te bellen.

## Let op jezelf

Het is zwaar om steeds moeilijke verhalen te horen. Praat erover met andere vrijwilligers en zoek
steun van professionals.
""",
    },
    {
        "slug": "buurtbus-in-het-dorp",
        "title": "Praktijkvoorbeeld: een buurtbus voor het dorp",
        "kind": "praktijkvoorbeeld",
        "organisation": "lvkk",
        "province": "drenthe",
        "themes": ["mobiliteit", "ouderen"],
        "phases": ["groeien", "blijven-bestaan"],
        "summary": "De bus reed niet meer. Dorpsbewoners regelden zelf vervoer met vrijwillige chauffeurs. Zo houden ze het al jaren vol.",
        "related": ["dorpshuis-overnemen", "vrijwilligers-houden"],
        "body": """
*De namen in dit voorbeeld zijn verzonnen. Zo gaat het wel vaak.*

Toen de busdienst stopte, konden ouderen in het dorp niet meer zelf naar de dokter of supermarkt in
de stad. Het dorpsbelang besloot zelf vervoer te regelen.

## Hoe werkt het?

- Vrijwillige chauffeurs rijden met een elektrische bus van de vereniging.
- Mensen bellen een dag van tevoren naar een vast nummer.
- Een rit kost een klein bedrag. De gemeente betaalt een deel van de kosten, omdat het vervoer helpt
  om mensen zelfstandig te laten wonen.

## Wat is belangrijk?

- **Verzekering en veiligheid.** Goede afspraken over rijbewijs, verzekering en onderhoud.
- **Een vaste planner.** Iemand die de ritten verdeelt en de chauffeurs kent.
- **Genoeg chauffeurs.** Zo hoeft niemand te vaak te rijden.

## Na vijf jaar

Er rijden nu twintig chauffeurs. De bus brengt ook kinderen naar de sportclub en mensen naar het
station. Voor veel ouderen is de rit ook een gezellig uitje.
""",
    },
    {
        "slug": "buurtapp-veilig-en-prettig",
        "title": "Handleiding: een buurtapp die veilig en prettig blijft",
        "kind": "handleiding",
        "organisation": "lsa-bewoners",
        "themes": ["veiligheid", "ontmoeting-en-cultuur"],
        "phases": ["starten", "groeien"],
        "summary": "Een buurtapp helpt bij veiligheid en contact. Met duidelijke afspraken voorkom je ruzie, paniek en privacyproblemen.",
        "related": ["regels-voor-gegevens", "buren-betrekken-bij-je-plan"],
        "body": """
Een groepsapp voor de buurt is snel gemaakt. Maar zonder afspraken wordt het al gauw een plek voor
ruzie of roddel. Deze handleiding helpt.

## Begin met een doel

Is de app voor veiligheid, voor contact, of allebei? Voor veiligheid werkt een aparte, rustige
groep het best. Voor gezelligheid kan een tweede groep.

## Maak huisregels

Zet ze bovenaan in de groep. Bijvoorbeeld:

- Bel bij direct gevaar eerst 112. Daarna pas de app.
- Geen foto's of namen van mensen die je verdenkt. Beschrijf wat je ziet.
- Geen discriminatie, reclame of politiek.
- Blijf vriendelijk. Ben je het oneens? Bel of spreek elkaar.

## Kies beheerders

Twee of drie mensen die nieuwe leden toelaten en ingrijpen als regels worden overtreden.

## Werk samen met de wijkagent

Veel wijkagenten denken graag mee. Sommige gemeenten hebben afspraken voor buurtpreventie.

## Denk aan privacy

Telefoonnummers zijn persoonsgegevens. Vraag toestemming, deel de lijst niet buiten de groep en
haal mensen uit de groep als ze verhuizen.
""",
    },
    {
        "slug": "wooncooperatie-verkennen",
        "title": "Een wooncoöperatie: samen je woningen bezitten of beheren",
        "kind": "artikel",
        "organisation": "lsa-bewoners",
        "themes": ["wonen"],
        "phases": ["idee"],
        "summary": "In een wooncoöperatie besluiten bewoners samen over hun woningen. Wat houdt het in en is het iets voor jullie?",
        "related": ["een-cooperatie-oprichten", "welke-rechtsvorm-past-bij-jullie"],
        "body": """
In een wooncoöperatie zijn bewoners samen eigenaar of beheerder van hun woningen. Ze beslissen
samen over onderhoud, huur en wie er komt wonen.

## Vormen

- **Beheercoöperatie.** De woningen blijven van een corporatie, maar bewoners doen samen het beheer.
- **Eigendomscoöperatie.** De coöperatie koopt of bouwt de woningen. De leden huren van hun eigen coöperatie.

## Waarom kiezen mensen hiervoor?

- Meer zeggenschap over hun woning en buurt.
- Betaalbaar wonen op lange termijn, omdat er geen winst uit hoeft.
- Een hechte gemeenschap waarin buren naar elkaar omkijken.

## Wat komt erbij kijken?

Een wooncoöperatie opzetten duurt meestal een paar jaar. Je hebt een sterke groep nodig, kennis
van bouwen en geld, en partners zoals de gemeente, een corporatie of een financier.

## Eerste stap

Ga op bezoek bij een bestaande wooncoöperatie. Vraag de gemeente of er grond of gebouwen zijn voor
bewonersinitiatieven.
""",
    },
    {
        "slug": "wijkbedrijf-opzetten",
        "title": "Een wijkbedrijf opzetten: ondernemen voor de buurt",
        "kind": "artikel",
        "organisation": "lsa-bewoners",
        "themes": ["werk-en-economie", "groen-en-leefomgeving"],
        "phases": ["groeien"],
        "summary": "Een wijkbedrijf verdient geld met werk voor de buurt en investeert de winst weer in de buurt. Hoe pak je dat aan?",
        "related": ["right-to-challenge-uitgelegd", "kostprijs-plus-afspraak", "welke-rechtsvorm-past-bij-jullie"],
        "body": """
Een wijkbedrijf (of bewonersbedrijf) is een onderneming van en voor de buurt. Het doet werk waar de
buurt iets aan heeft: groenonderhoud, een buurtkantine, klussen, verhuur van ruimtes. Winst gaat
terug naar de buurt.

## Waarom een wijkbedrijf?

- Werk en inkomen voor buurtbewoners, ook voor mensen die moeilijk aan werk komen.
- Minder afhankelijk van subsidie.
- Bewoners bepalen zelf wat belangrijk is.

## Hoe begin je?

1. **Zoek een kans.** Welke dienst is nodig, en wie wil ervoor betalen? Vaak is de gemeente of
   een woningcorporatie de eerste klant.
2. **Maak een ondernemingsplan.** Wat verkoop je, wat kost het, wat levert het op?
3. **Kies een rechtsvorm.** Vaak een stichting, coöperatie of een bv met een stichting als eigenaar.
4. **Regel het eerste contract.** Bijvoorbeeld via het Right to Challenge of een aanbesteding voor
   sociale ondernemingen.

## Let op

Regels over aanbesteding en staatssteun kunnen lastig zijn. Vraag advies voordat je een contract
met de gemeente tekent.
""",
    },
    {
        "slug": "een-goed-bestuur",
        "title": "Handleiding: een goed bestuur voor je stichting of vereniging",
        "kind": "handleiding",
        "organisation": "katalys",
        "themes": GENERAL,
        "phases": ["groeien", "blijven-bestaan"],
        "summary": "Wie doet wat in het bestuur? Hoe neem je besluiten en voorkom je problemen? Een praktische handleiding voor bestuurders.",
        "related": ["opvolging-regelen", "sjabloon-ledenvergadering", "een-stichting-oprichten"],
        "body": """
Een goed bestuur zorgt dat een initiatief stevig staat. Ook als het een keer tegenzit.

## De drie vaste rollen

- **Voorzitter:** leidt vergaderingen, houdt het overzicht en is vaak het gezicht naar buiten.
- **Secretaris:** regelt post en mail, maakt notulen en houdt de ledenlijst bij.
- **Penningmeester:** beheert het geld, maakt de begroting en het financieel jaarverslag.

## Goede gewoonten

- **Vergader op vaste momenten** en maak een korte agenda.
- **Leg besluiten vast** in notulen. Zo weet iedereen later wat er is afgesproken.
- **Vier ogen bij geld.** Laat betalingen boven een bepaald bedrag door twee mensen goedkeuren.
- **Voorkom belangenverstrengeling.** Heeft een bestuurder een persoonlijk belang bij een besluit? Dan stemt die niet mee.

## Wat de wet vraagt

Sinds de Wet bestuur en toezicht rechtspersonen (WBTR) gelden duidelijkere regels voor bestuurders
van stichtingen en verenigingen. Bijvoorbeeld over tegenstrijdige belangen en wat er gebeurt als
het hele bestuur wegvalt. Kijk of jullie statuten daarop aansluiten.

## Jaarlijkse klussen

- Financieel jaarverslag maken en laten controleren (kascommissie bij een vereniging).
- Begroting voor het nieuwe jaar vaststellen.
- Gegevens bij de KVK controleren en bijwerken.
""",
    },
    {
        "slug": "opvolging-regelen",
        "title": "Wie neemt het stokje over? Zo regel je opvolging",
        "kind": "artikel",
        "organisation": "nov",
        "stale": True,
        "themes": ["ontmoeting-en-cultuur", "ouderen"],
        "phases": ["blijven-bestaan"],
        "summary": "Veel initiatieven stoppen als de trekker stopt. Zorg op tijd voor nieuwe mensen en deel kennis, zodat het initiatief blijft bestaan.",
        "related": ["een-goed-bestuur", "vrijwilligers-houden"],
        "body": """
Een initiatief draait vaak om een paar trekkers. Als zij stoppen, stopt het initiatief soms ook.
Dat is zonde. Zo voorkom je het.

## Begin op tijd

Wacht niet tot iemand stopt. Spreek af dat bestuursleden een vaste termijn hebben, bijvoorbeeld vier
jaar. Dan weet iedereen wanneer er nieuwe mensen nodig zijn.

## Werk in duo's

Laat nieuwe mensen eerst meelopen met een ervaren vrijwilliger. Zo leren ze het werk in de praktijk.

## Schrijf dingen op

Wachtwoorden, contactpersonen, afspraken met de gemeente, de jaarplanning. Maak een map of
gedeelde omgeving waar alles te vinden is.

## Maak taken kleiner

Eén persoon die alles doet, schrikt opvolgers af. Verdeel taken over meer mensen.

## Vraag persoonlijk

Zie je iemand die het in zich heeft? Vraag het direct. Veel mensen denken dat ze het niet kunnen,
tot iemand zegt dat ze het wel kunnen.
""",
    },
    {
        "slug": "laten-zien-wat-je-doet",
        "title": "Laat zien wat jullie doen en wat het oplevert",
        "kind": "artikel",
        "organisation": "vsbfonds",
        "themes": ["ontmoeting-en-cultuur", "werk-en-economie"],
        "phases": ["groeien", "blijven-bestaan"],
        "summary": "Fondsen, de gemeente en nieuwe vrijwilligers willen weten wat jullie bereiken. Zo maak je je werk zichtbaar, zonder ingewikkelde metingen.",
        "related": ["een-fondsaanvraag-schrijven", "kostprijs-plus-afspraak"],
        "body": """
Jullie doen mooi werk. Maar weten anderen dat ook? Zichtbaarheid helpt bij geld, vrijwilligers en
samenwerking.

## Tel wat je kunt tellen

Hoeveel mensen kwamen er? Hoeveel activiteiten waren er? Hoeveel uur zetten vrijwilligers in? Houd
het bij in een simpele lijst.

## Verzamel verhalen

Cijfers zeggen niet alles. Vraag deelnemers wat de activiteit voor hen betekent. Schrijf het op
(met toestemming). Eén goed verhaal blijft beter hangen dan tien cijfers.

## Maak foto's

Vraag altijd toestemming voordat je iemand herkenbaar op de foto zet en deelt.

## Vertel het verder

- Een jaarverslag van twee kantjes met foto's.
- Berichten in de buurtapp, op social media en in de lokale krant.
- Een open dag of jaarlijks feest.

## Nodig mensen uit

Vraag een raadslid, wethouder of iemand van een fonds om langs te komen. Zien is geloven.
""",
    },
    {
        "slug": "training-sterke-aanvraag",
        "title": "Online training: zo schrijf je een sterke aanvraag",
        "kind": "training",
        "organisation": "oranje-fonds",
        "event_in_days": 30,
        "event_place": "Online (je krijgt een link per mail)",
        "themes": ["ontmoeting-en-cultuur", "armoede-en-bestaanszekerheid"],
        "phases": ["starten", "groeien"],
        "summary": "In anderhalf uur leer je wat fondsen belangrijk vinden en hoe je je plan helder opschrijft. Gratis voor vrijwilligers van initiatieven.",
        "related": ["een-fondsaanvraag-schrijven", "geld-vinden-voor-je-initiatief"],
        "body": """
Wil je geld aanvragen bij een fonds, maar weet je niet goed hoe? In deze online training leer je
het stap voor stap.

## Wat leer je?

- Hoe je een fonds kiest dat bij je plan past.
- Hoe je in een paar zinnen uitlegt wat je wilt doen en waarom.
- Hoe je een begroting maakt die klopt.
- Welke fouten je makkelijk voorkomt.

## Voor wie?

Voor vrijwilligers en bestuurders van bewonersinitiatieven. Je hoeft geen ervaring te hebben.

## Praktisch

- Duur: anderhalf uur.
- Online. Je hebt een computer of tablet met internet nodig.
- Gratis.
- Neem als je wilt je eigen plan mee. Er is tijd voor vragen.

Aanmelden kan via de website van het Oranje Fonds.
""",
    },
    {
        "slug": "bijeenkomst-zeggenschap-in-je-buurt",
        "title": "Bijeenkomst: zeggenschap in je buurt",
        "kind": "training",
        "organisation": "lsa-bewoners",
        "province": "utrecht",
        "event_in_days": 45,
        "event_place": "Buurthuis in Utrecht (het adres staat in de bevestiging)",
        "themes": ["werk-en-economie", "wonen", "ontmoeting-en-cultuur"],
        "phases": ["groeien"],
        "summary": "Een middag voor bewoners die meer te zeggen willen hebben over hun buurt. Over het Right to Challenge, bewonersbedrijven en eigendom.",
        "related": ["right-to-challenge-uitgelegd", "wijkbedrijf-opzetten"],
        "body": """
Hoe krijg je als bewoners echt iets te zeggen over je buurt? Op deze middag delen bewoners uit het
hele land hun ervaringen.

## Programma

- Welkom en kennismaking.
- Korte verhalen van bewoners die een taak van de gemeente overnamen of een gebouw in eigendom kregen.
- Workshops: *het Right to Challenge in de praktijk*, *een bewonersbedrijf starten* en *in gesprek met je gemeente*.
- Borrel: praat na met andere bewoners.

## Voor wie?

Voor actieve bewoners, bestuurders van initiatieven en opbouwwerkers die hen ondersteunen.

## Praktisch

- Duur: een middag.
- Toegankelijk voor mensen met een rolstoel.
- Deelname is gratis. Aanmelden is nodig, want er is beperkt plek.
""",
    },
    {
        "slug": "training-vrijwilligers-begeleiden",
        "title": "Training: vrijwilligers begeleiden en vasthouden",
        "kind": "training",
        "organisation": "nov",
        "event_in_days": 60,
        "event_place": "Online, twee ochtenden",
        "themes": ["zorg-en-welzijn", "ontmoeting-en-cultuur"],
        "phases": ["groeien", "blijven-bestaan"],
        "summary": "Voor iedereen die vrijwilligers coördineert. Leer hoe je nieuwe mensen goed ontvangt, begeleidt en hoe je ze vasthoudt.",
        "related": ["vrijwilligers-houden", "vrijwilligers-vinden"],
        "body": """
Coördineer je vrijwilligers in je initiatief? In deze training krijg je praktische handvatten.

## Onderwerpen

- Een goed kennismakingsgesprek voeren.
- Afspraken maken en vastleggen.
- Lastige situaties: iemand die niet komt opdagen of steeds over grenzen gaat.
- Waardering tonen die past bij de persoon.
- Regels: verzekering, vergoedingen en VOG.

## Praktisch

- Twee online ochtenden van twee uur.
- Kleine groep, zodat er tijd is voor je eigen vragen.
- Je krijgt een werkboek met sjablonen.
""",
    },
    {
        "slug": "sjabloon-ledenvergadering",
        "title": "Sjabloon: agenda en verslag van een ledenvergadering",
        "kind": "tool-of-sjabloon",
        "organisation": "lvkk",
        "themes": ["ontmoeting-en-cultuur", "werk-en-economie"],
        "phases": ["starten", "blijven-bestaan"],
        "summary": "Een vaste agenda en een kort verslag maken de jaarlijkse ledenvergadering makkelijk. Gebruik dit sjabloon.",
        "related": ["een-vereniging-oprichten", "een-goed-bestuur"],
        "file": {
            "name": "sjabloon-ledenvergadering.odt",
            "title": "Sjabloon agenda en verslag ledenvergadering (ODT)",
            "lines": [
                "Agenda algemene ledenvergadering",
                "Datum, tijd en plaats: ...",
                "1. Opening en vaststellen agenda",
                "2. Verslag van de vorige vergadering",
                "3. Jaarverslag van het bestuur",
                "4. Financieel jaarverslag en verslag kascommissie",
                "5. Decharge van het bestuur",
                "6. Begroting en contributie volgend jaar",
                "7. Bestuursverkiezing",
                "8. Plannen voor het komende jaar",
                "9. Rondvraag en sluiting",
                "Verslag: aanwezigen, besluiten, actiepunten (wie, wat, wanneer)",
            ],
        },
        "body": """
Een vereniging houdt minstens één keer per jaar een algemene ledenvergadering (ALV). Daar leggen
het bestuur en de penningmeester verantwoording af. Met een vaste agenda vergeet je niets.

## Agenda

1. Opening en vaststellen agenda
2. Verslag van de vorige vergadering
3. Jaarverslag van het bestuur
4. Financieel jaarverslag en verslag van de kascommissie
5. Decharge van het bestuur
6. Begroting en contributie voor volgend jaar
7. Bestuursverkiezing
8. Plannen voor het komende jaar
9. Rondvraag en sluiting

## Het verslag

Schrijf geen lang verhaal. Noteer:

- wie er waren;
- welke besluiten zijn genomen;
- de actiepunten: wie doet wat, en wanneer.

Kijk in de statuten hoe lang van tevoren je de leden moet uitnodigen.
""",
    },
    {
        "slug": "regels-voor-gegevens",
        "title": "Welke regels gelden voor de gegevens van deelnemers?",
        "kind": "veelgestelde-vraag",
        "organisation": "katalys",
        "themes": ["veiligheid", "zorg-en-welzijn"],
        "phases": ["starten", "groeien"],
        "summary": "Ook een klein initiatief moet zorgvuldig omgaan met namen, adressen en telefoonnummers. Wat vraagt de AVG van jullie?",
        "related": ["buurtapp-veilig-en-prettig"],
        "body": """
**Kort antwoord:** de privacywet (AVG) geldt ook voor jullie. Maar met een paar eenvoudige
afspraken zit je meestal goed.

## Vijf basisregels

1. **Vraag alleen wat je nodig hebt.** Voor een nieuwsbrief heb je een e-mailadres nodig, geen geboortedatum.
2. **Vertel waarvoor je het gebruikt.** Zet het op het aanmeldformulier.
3. **Bewaar het veilig.** Gebruik een wachtwoord en deel lijsten niet zomaar.
4. **Gooi weg wat je niet meer nodig hebt.** Bijvoorbeeld gegevens van mensen die gestopt zijn.
5. **Laat mensen hun gegevens inzien en verwijderen** als ze daarom vragen.

## Extra voorzichtig

Gegevens over gezondheid, geloof of geldzorgen zijn extra gevoelig. Verzamel die alleen als het
echt nodig is en met duidelijke toestemming.

## Foto's

Vraag toestemming voordat je herkenbare foto's deelt, zeker van kinderen.
""",
    },
    {
        "slug": "groen-adopteren",
        "title": "Een stukje groen adopteren in vijf stappen",
        "kind": "stappenplan",
        "organisation": "stichting-doen",
        "themes": ["groen-en-leefomgeving", "energie-en-klimaat"],
        "phases": ["idee", "starten"],
        "summary": "Een boomspiegel, een plantsoen of een geveltuin: veel gemeenten laten bewoners zelf groen onderhouden. Zo regel je het.",
        "related": ["buurtmoestuin-beginnen", "right-to-challenge-uitgelegd"],
        "body": """
Meer groen maakt de straat mooier, koeler en beter voor insecten. Veel gemeenten vinden het fijn als
bewoners helpen.

## 1. Kies een plek

Een boomspiegel, een stuk plantsoen of een strook langs je gevel. Begin klein.

## 2. Vraag het de gemeente

Zoek op de website naar *groen adopteren* of *zelfbeheer*. Vaak is er een formulier. Je maakt
afspraken over wat je wel en niet mag.

## 3. Betrek de buren

Het is leuker en makkelijker met meer mensen. En de buren voelen zich samen verantwoordelijk.

## 4. Kies de planten

Kies planten die passen bij de plek: zon of schaduw, droog of nat. Inheemse planten zijn goed voor
bijen en vlinders. Vaak geeft de gemeente planten of tegoedbonnen.

## 5. Spreek onderhoud af

Wie geeft water in de zomer? Wie haalt onkruid weg? Maak een rooster.

**Tip:** combineer het met een *tegelwipactie*: tegels eruit, groen erin.
""",
    },
    {
        "slug": "moeten-we-naar-de-kvk",
        "title": "Moeten we ons inschrijven bij de KVK?",
        "kind": "veelgestelde-vraag",
        "organisation": "lvkk",
        "themes": GENERAL,
        "phases": ["idee", "starten"],
        "summary": "Een stichting, vereniging met statuten bij de notaris of coöperatie moet in het handelsregister. Een informele groep niet.",
        "related": ["welke-rechtsvorm-past-bij-jullie"],
        "body": """
**Het hangt af van jullie vorm.**

| Vorm | Inschrijven bij de KVK? |
|---|---|
| Informele groep zonder rechtsvorm | Nee |
| Vereniging met statuten bij de notaris | Ja |
| Vereniging zonder notaris (informele vereniging) | Kan, niet altijd verplicht; inschrijven beperkt wel de aansprakelijkheid van bestuurders |
| Stichting | Ja |
| Coöperatie | Ja |

## Wie regelt het?

Bij een stichting, vereniging of coöperatie die bij de notaris wordt opgericht, regelt de notaris
meestal de inschrijving.

## Wat moet je daarna doen?

- Wijzigingen doorgeven, zoals een nieuwe bestuurder of een nieuw adres.
- De uiteindelijk belanghebbenden (UBO's) registreren. Bij stichtingen en verenigingen zijn dat
  vaak de bestuurders.

Kijk op de website van de KVK voor de actuele regels en kosten.
""",
    },
    {
        "slug": "jongerenbudget-in-de-wijk",
        "title": "Praktijkvoorbeeld: jongeren verdelen zelf een wijkbudget",
        "kind": "praktijkvoorbeeld",
        "organisation": "oranje-fonds",
        "province": "zuid-holland",
        "themes": ["jongeren", "ontmoeting-en-cultuur", "veiligheid"],
        "phases": ["groeien"],
        "summary": "Een groep jongeren kreeg een eigen budget voor de wijk. Zij bepaalden waar het geld naartoe ging. Dit leerden ze ervan.",
        "related": ["jongeren-betrekken"],
        "body": """
*De namen in dit voorbeeld zijn verzonnen. Zo gaat het wel vaak.*

In een wijk met veel jongeren klaagden bewoners over overlast. De bewonersvereniging koos voor een
andere aanpak: *Laat de jongeren zelf bepalen wat er moet gebeuren.*

## Hoe werkte het?

- Tien jongeren vormden een jongerenraad, met hulp van een jongerenwerker.
- Ze kregen een eigen budget van de vereniging en een lokaal fonds.
- Iedereen in de wijk tot 23 jaar mocht ideeën insturen.
- De jongerenraad koos de plannen en hield bij hoe het geld werd besteed.

## Wat kwam eruit?

Een voetbaltoernooi met de wijkagent, een studioruimte om muziek te maken, en een bijlesproject
waarin oudere jongeren jongere kinderen helpen.

## Wat leerden ze?

- Jongeren nemen verantwoordelijkheid als ze die echt krijgen.
- Een vaste begeleider die vertrouwen heeft, maakt het verschil.
- De overlast nam af. Niet door regels, maar door betrokkenheid.
""",
    },
    {
        "slug": "ouderen-langer-thuis",
        "title": "Zo help je ouderen in je buurt langer thuis wonen",
        "kind": "artikel",
        "organisation": "nederland-zorgt-voor-elkaar",
        "themes": ["ouderen", "zorg-en-welzijn", "wonen", "mobiliteit"],
        "phases": ["idee", "starten"],
        "summary": "Kleine hulp maakt groot verschil: een boodschap, een klusje, een praatje. Ideeën om als buurt ouderen te steunen.",
        "related": ["zorgcooperatie-starten", "koffieochtend-tegen-eenzaamheid"],
        "body": """
De meeste ouderen willen zo lang mogelijk thuis blijven wonen. Een zorgzame buurt helpt daarbij.

## Ideeën om mee te beginnen

- **Een klussendienst.** Handige buren helpen met een lamp, een lekkende kraan of de tuin.
- **Boodschappenhulp.** Samen naar de winkel of boodschappen laten bezorgen.
- **Een belcirkel.** Ouderen bellen elkaar elke ochtend even. Neemt iemand niet op? Dan gaat er iemand kijken.
- **Vervoer.** Vrijwilligers rijden naar de dokter, het ziekenhuis of de kapper.
- **Een huiskamer in de buurt.** Een plek om samen koffie te drinken of te eten.

## Samen met professionals

Werk samen met de huisarts, de wijkverpleging en het wijkteam. Zij kennen de mensen die hulp
nodig hebben. Spreek af hoe jullie elkaar bereiken.

## Let op de grens

Vrijwilligers helpen, maar nemen geen professionele zorg over. Bespreek wat wel en niet kan.
""",
    },
    {
        "slug": "ruimte-vinden-voor-je-initiatief",
        "title": "Een ruimte vinden voor je initiatief",
        "kind": "artikel",
        "organisation": "lvkk",
        "themes": ["ontmoeting-en-cultuur", "wonen"],
        "phases": ["starten"],
        "summary": "Een buurthuis, een leeg winkelpand of een lokaal op school: zo vind je een plek om samen te komen, liefst tegen lage kosten.",
        "related": ["dorpshuis-overnemen", "samenwerken-met-de-gemeente"],
        "body": """
Veel initiatieven hebben een plek nodig. Om te vergaderen, activiteiten te doen of spullen op te
slaan. Zo vind je er een.

## Kijk wat er al is

- Buurthuizen en dorpshuizen
- Scholen en sportclubs, vooral 's avonds en in het weekend
- Kerken, moskeeën en andere gebedshuizen
- Zorgcentra met een ontmoetingsruimte
- Gemeenschappelijke ruimtes van woningcorporaties

## Leegstand

Staat er een winkel of kantoor leeg? Vraag de eigenaar of jullie het tijdelijk mogen gebruiken.
Soms tegen alleen de vaste lasten. Ook de gemeente weet vaak welke panden leeg staan.

## Maatschappelijk vastgoed

Sommige gemeenten verhuren gebouwen goedkoop aan maatschappelijke initiatieven, of dragen ze over.
Vraag naar het beleid voor *maatschappelijk vastgoed*.

## Maak goede afspraken

Leg vast wat jullie betalen, wie verantwoordelijk is voor schoonmaak en onderhoud, en hoe lang de
afspraak geldt.
""",
    },
    {
        "slug": "samenwerken-met-andere-initiatieven",
        "title": "Samen sterker: werk samen met andere initiatieven",
        "kind": "artikel",
        "organisation": "lsa-bewoners",
        "themes": ["ontmoeting-en-cultuur", "werk-en-economie"],
        "phases": ["groeien", "blijven-bestaan"],
        "summary": "Andere initiatieven in je buurt of verderop hebben dezelfde vragen. Samenwerken bespaart tijd en geeft meer invloed.",
        "related": ["samenwerken-met-de-gemeente", "bijeenkomst-zeggenschap-in-je-buurt"],
        "body": """
Je hoeft niet alles zelf uit te vinden. Andere initiatieven hebben vaak al gedaan wat jullie van
plan zijn.

## Wat levert samenwerken op?

- **Kennis.** Leer van elkaars successen en fouten.
- **Spullen en ruimte delen.** Een partytent, een beamer, een bus.
- **Samen sterker richting gemeente.** Eén stem van tien initiatieven valt meer op.
- **Vrijwilligers uitwisselen.** Wie bij jullie even niks te doen heeft, helpt misschien ergens anders.

## Hoe vind je elkaar?

- Kijk op dit platform bij *Initiatieven*.
- Vraag de opbouwwerker of het buurthuis.
- Ga naar bijeenkomsten van de partners.

## Begin met een kop koffie

Nodig een ander initiatief uit. Vertel wat jullie doen en vraag waar zij mee bezig zijn. Vaak
ontstaat er vanzelf iets moois.
""",
    },
    {
        "slug": "klimaatbestendige-straat",
        "title": "Samen je straat klimaatbestendig maken",
        "kind": "handleiding",
        "organisation": "stichting-doen",
        "themes": ["energie-en-klimaat", "groen-en-leefomgeving"],
        "phases": ["starten", "groeien"],
        "summary": "Hitte en hoosbuien komen vaker voor. Met groen, regentonnen en minder tegels maken buren hun straat samen klaar voor de toekomst.",
        "related": ["groen-adopteren", "samen-energie-besparen"],
        "body": """
Zomers worden heter en buien heviger. In een stenige straat wordt het snel te warm en loopt water
de kelder in. Buren kunnen daar samen veel aan doen.

## Wat kun je doen?

- **Tegels eruit, groen erin.** Groen koelt en neemt water op.
- **Regentonnen.** Vang regenwater op voor de tuin.
- **Geveltuinen.** Ook in smalle straten past een strook planten.
- **Groene daken.** Op schuurtjes en bergingen.
- **Bomen.** Vraag de gemeente om extra bomen in de straat.

## Zo pak je het samen aan

1. Organiseer een straatbijeenkomst. Vraag wie last heeft van hitte of wateroverlast.
2. Maak een plan voor de straat, met een kaart.
3. Vraag de gemeente om mee te doen. Veel gemeenten hebben subsidie voor groene daken of afkoppelen.
4. Houd een gezamenlijke klusdag.

## Denk aan iedereen

Ouderen hebben meer last van hitte. Help buren die het zelf niet kunnen.
""",
    },
    {
        "slug": "buurthulp-bij-geldzorgen",
        "title": "Veelgestelde vraag: hoe verwijs ik iemand met schulden door?",
        "kind": "veelgestelde-vraag",
        "organisation": "katalys",
        "themes": ["armoede-en-bestaanszekerheid"],
        "phases": ["groeien"],
        "summary": "Je merkt dat een deelnemer geldzorgen heeft. Waar kan diegene terecht, en hoe breng je het ter sprake?",
        "related": ["armoede-bespreekbaar-maken"],
        "body": """
**Kort antwoord:** bij de gemeente. Elke gemeente moet schuldhulpverlening bieden. Die is gratis.

## Hoe breng je het ter sprake?

- Kies een rustig moment, niet waar anderen bij zijn.
- Vertel wat je ziet, zonder oordeel. *Ik merk dat je je zorgen maakt over geld. Wil je erover praten?*
- Laat de ander bepalen wat er gebeurt.

## Waar kan iemand terecht?

| Hulp | Voor wat |
|---|---|
| Schuldhulpverlening van de gemeente | Schulden regelen en een plan maken |
| Wijkteam of sociaal team | Hulp bij meerdere problemen tegelijk |
| Vrijwillige thuisadministratie | Samen de post en rekeningen op orde brengen |
| Voedselbank | Eten als het echt niet anders kan |

## Bied aan om mee te gaan

De eerste stap is het moeilijkst. Samen bellen of meegaan naar een eerste gesprek helpt veel.
""",
    },
]
