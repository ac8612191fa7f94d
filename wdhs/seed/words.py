"""Shared Dutch word pools for seeded data: people, neighbourhoods, villages and the larger municipalities.

Invented but Dutch-looking. Every e-mail address and website the seed makes uses a reserved .example
domain, so nobody is contacted by accident.
"""

from __future__ import annotations

FIRST_NAMES = (
    "Anna", "Emma", "Sophie", "Julia", "Lotte", "Fleur", "Sanne", "Eva", "Lisa", "Noor", "Fatima", "Yasmina",
    "Ayşe", "Mila", "Tess", "Iris", "Marieke", "Ingrid", "Joke", "Petra", "Annelies", "Hanneke", "Wilma",
    "Grietje", "Sevda", "Priya", "Jan", "Piet", "Kees", "Henk", "Gerrit", "Willem", "Daan", "Sem", "Lucas",
    "Thijs", "Bram", "Ruben", "Jesse", "Milan", "Mohamed", "Youssef", "Ahmed", "Mehmet", "Kofi", "Rajesh",
    "Bas", "Joost", "Maarten", "Wouter", "Sjoerd", "Hidde", "Freek", "Gijs", "Teun", "Arie", "Klaas", "Hendrik",
    "Tjitske", "Durk",
)  # fmt: skip

LAST_NAMES = (
    "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit", "Meijer",
    "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer",
    "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "van der Linden", "Kok", "Jacobs", "de Haan",
    "Vermeulen", "van den Heuvel", "van der Veen", "van den Broek", "de Bruijn", "de Bruin", "van der Heijden",
    "Schouten", "van Beek", "Willems", "van Vliet", "van de Ven", "Hoekstra", "Maas", "Verhoeven", "Koster",
    "van Dam", "Prins", "Blom", "Huisman", "Peeters", "Yılmaz", "El Amrani", "Bouzid", "Kaya", "Ramdin",
    "Pinas", "Nguyen", "Wijnands", "Postma", "Zijlstra",
)  # fmt: skip

# Neighbourhoods as they are called in many towns; combined with a municipality they look real enough.
NEIGHBOURHOODS = (
    "Centrum", "Binnenstad", "Oud-Zuid", "Oud-West", "Noord", "Oost", "Zuid", "West", "Stationsbuurt",
    "Bloemenbuurt", "Vogelwijk", "Rivierenwijk", "Schildersbuurt", "Componistenbuurt", "Bomenbuurt",
    "Indische Buurt", "Transvaalbuurt", "Sterrenwijk", "Parkwijk", "Molenwijk", "Heidewijk", "Tuindorp",
    "Havenkwartier", "Spoorzone", "De Hoven", "Het Zand", "De Maten", "De Hoek", "Kerkbuurt", "Dorpskern",
    "Oude Dorp", "Nieuw-West", "Hoograven", "Lombok", "Kanaleneiland", "Overvecht", "Assendorp", "Holtenbroek",
    "Malburgen", "Presikhaaf", "Kattenbroek", "Zandweerd", "Stadsveld", "De Schilderswijk", "Het Hogeland",
    "De Wielewaal", "De Muntel", "Velve-Lindenhof", "Boschveld", "Kruiskamp", "Selwerd", "Vinkhuizen",
    "De Hoogte", "Paddepoel", "Lewenborg", "Beijum", "Tarwewijk", "Bospolder", "Oosterpark", "De Kolenkit",
    "Nieuwland", "Zeeheldenbuurt", "Professorenbuurt", "Dichtersbuurt", "Muziekwijk", "Waterwijk",
    "De Meent", "Het Ven", "Angelslo", "Emmerhout", "Bargeres", "Pottenberg", "Geitenkamp", "Klarendal",
    "Spijkerkwartier", "Hengstdal", "Wolfskuil", "Heseweg", "Boerhaavewijk", "Meerwijk", "Delftse Hout",
    "Tanthof", "Buitenhof", "Morgenstond", "Moerwijk", "Laakkwartier", "Bouwlust", "Zuidwijk", "Pendrecht",
)  # fmt: skip

# Village names from Dutch building blocks: Ooster + wolde, Nieuw + veen, Sint + Jansbeek, ...
VILLAGE_STARTS = (
    "Ooster", "Wester", "Noorder", "Zuider", "Nieuw", "Oud", "Groot", "Klein", "Hoog", "Laag", "Eel", "Bor",
    "Hol", "Ter", "Mid", "Wol", "Bruin", "Zand", "Veen", "Heer", "Beek", "Berg", "Haren", "Ulft", "Lutte",
    "Boven", "Achter", "Marum", "Dwinge", "Lemel",
)  # fmt: skip
VILLAGE_ENDS = (
    "dijk", "horn", "wolde", "veen", "broek", "hoven", "rade", "loo", "beek", "hem", "ingen", "wijk", "dam",
    "zijl", "rode", "wierde", "haar", "lo", "meer", "kerk", "huizen", "bergen", "woude", "voort", "sloot",
    "vaart",
)  # fmt: skip

# The four large cities and the G40: more people, so more initiatives. All other municipalities weigh 1.
LARGE_CITIES = frozenset(["Amsterdam", "Rotterdam", "'s-Gravenhage", "Utrecht"])
CITIES = frozenset(
    [
        "Alkmaar", "Almelo", "Almere", "Alphen aan den Rijn", "Amersfoort", "Apeldoorn", "Arnhem", "Assen",
        "Breda", "Capelle aan den IJssel", "Delft", "Den Helder", "Deventer", "Dordrecht", "Ede", "Eindhoven",
        "Emmen", "Enschede", "Gouda", "Groningen", "Haarlem", "Haarlemmermeer", "Heerlen", "Helmond", "Hengelo",
        "'s-Hertogenbosch", "Hilversum", "Hoorn", "Leeuwarden", "Leiden", "Lelystad", "Maastricht", "Nijmegen",
        "Oss", "Purmerend", "Roosendaal", "Schiedam", "Sittard-Geleen", "Tilburg", "Venlo", "Vlaardingen",
        "Zaanstad", "Zoetermeer", "Zwolle",
    ]
)  # fmt: skip
LARGE_CITY_WEIGHT = 10
CITY_WEIGHT = 4

# Names that buildings, gardens and groups are given: De Vlier, Het Anker, ...
PLACE_NAMES = (
    "De Vlier", "Het Anker", "De Linde", "De Kastanje", "De Boomgaard", "De Ontmoeting", "Het Trefpunt",
    "De Schakel", "De Brug", "Het Baken", "De Horst", "De Zonnebloem", "De Klaproos", "Het Hart", "De Eik",
    "De Wilg", "De Populier", "De Notenboom", "Het Kompas", "De Vonk", "De Lantaarn", "De Kapel", "De Molen",
    "De Smidse", "Het Wapen", "De Kroon", "De Hoeksteen", "De Stek", "De Zwaluw", "De Reiger", "De Vlinder",
    "De Bron", "Het Veld", "De Akker", "De Wei", "De Pompe", "De Spil", "Het Podium", "De Kiem", "De Oogst",
)  # fmt: skip

WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
PARTS_OF_DAY = ("ochtend", "middag", "avond")
