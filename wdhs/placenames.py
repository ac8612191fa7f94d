"""Place names as people say them, next to CBS's official spelling (wdhs/data/gemeenten.csv).

The Frisian and the Dutch name (Leeuwarden is Ljouwert, Súdwest-Fryslân is Zuidwest-Friesland), the
short name for the official one (Den Bosch for 's-Hertogenbosch) and the name without CBS's additions
("Bergen (NH.)", "Nuenen, Gerwen en Nederwetten"). An initiative's search text holds all names of its
place, so a place typed either way finds it; one-word names also find each other in every text
(`one_word_aliases`, read by the query). No imports: the models use this module.
"""

from __future__ import annotations

import re
from functools import cache

# Official name (as in gemeenten.csv) -> other names in use. Frisian municipalities with a Frisian
# official name get their Dutch name, and the other way round.
OTHER_NAMES: dict[str, tuple[str, ...]] = {
    "'s-Hertogenbosch": ("Den Bosch",),
    "'s-Gravenhage": ("Den Haag",),
    "Leeuwarden": ("Ljouwert",),
    "Súdwest-Fryslân": ("Zuidwest-Friesland",),
    "Noardeast-Fryslân": ("Noordoost-Friesland",),
    "De Fryske Marren": ("De Friese Meren",),
    "Tytsjerksteradiel": ("Tietjerksteradeel",),
    "Dantumadiel": ("Dantumadeel",),
    "Harlingen": ("Harns",),
    "Heerenveen": ("It Hearrenfean",),
    "Smallingerland": ("Smellingerlân",),
    "Opsterland": ("Opsterlân",),
    "Ooststellingwerf": ("Eaststellingwerf",),
    "Schiermonnikoog": ("Skiermûntseach",),
    "Terschelling": ("Skylge",),
    "Vlieland": ("Flylân",),
    "Ameland": ("It Amelân",),
}
# Province names (as in gemeenten.csv) -> other names in use.
OTHER_PROVINCE_NAMES: dict[str, tuple[str, ...]] = {"Fryslân": ("Friesland",)}

_ADDITION = re.compile(r"\s*\([^)]*\)$")  # "Bergen (NH.)"


def other_names(official: str, *, province: bool = False) -> tuple[str, ...]:
    """The names people use for a place besides the official one: listed ones and the CBS name without its additions."""
    names = list((OTHER_PROVINCE_NAMES if province else OTHER_NAMES).get(official, ()))
    if official.startswith("'s-"):
        names.append(official[3:])  # "Hertogenbosch", as in "'s-Hertogenbosch" typed without "'s-"
    shorter = _ADDITION.sub("", official).split(",")[0].strip()
    if shorter != official:
        names.append(shorter)
    return tuple(dict.fromkeys(names))


def place_search_text(municipality: str, province: str, *, display: str | None = None) -> str:
    """Every name of a municipality and its province, as one text for a search vector (an initiative's place).

    "Leeuwarden Ljouwert Fryslân Friesland"; `display` replaces the official name in front when the
    portal shows another one ("Den Haag (’s-Gravenhage)").
    """
    names = [display or municipality, *other_names(municipality), province, *other_names(province, province=True)]
    return " ".join(dict.fromkeys(names))


@cache
def one_word_aliases() -> dict[str, str]:
    """One-word names that mean the same place, lower case: {"ljouwert": "leeuwarden", "friesland": "fryslân"}.

    The query reads this as synonyms (both ways); names of several words are found through the
    documents' own text.
    """
    table: dict[str, str] = {}
    for official, others in [*OTHER_NAMES.items(), *OTHER_PROVINCE_NAMES.items()]:
        for other in others:
            if " " not in official and "-" not in official and " " not in other and "-" not in other:
                table[other.lower()] = official.lower()
    return table
