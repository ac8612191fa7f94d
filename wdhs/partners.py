"""The coalition partners of We Doen Het Samen (../shared/seeds), named in the footer and loaded as organisations."""

from __future__ import annotations

from typing import NamedTuple


class Partner(NamedTuple):
    slug: str
    short_name: str
    name: str
    website: str


COALITION_PARTNERS: list[Partner] = [
    Partner("lvkk", "LVKK", "Landelijke Vereniging voor Kleine Kernen", "https://www.lvkk.nl/"),
    Partner("katalys", "Katalys", "Katalys", "https://www.katalys.nl/"),
    Partner("lsa-bewoners", "LSA Bewoners", "LSA Bewoners", "https://www.lsabewoners.nl/"),
    Partner(
        "nederland-zorgt-voor-elkaar",
        "NL Zorgt Voor Elkaar",
        "Nederland Zorgt Voor Elkaar",
        "https://www.nlzorgtvoorelkaar.nl/",
    ),
    Partner("nov", "NOV", "Nederlandse Organisaties Vrijwilligerswerk", "https://www.nov.nl/"),
    Partner("oranje-fonds", "Oranje Fonds", "Oranje Fonds", "https://www.oranjefonds.nl/"),
    Partner("stichting-doen", "Stichting DOEN", "Stichting DOEN", "https://www.doen.nl/"),
    Partner("vsbfonds", "VSBfonds", "VSBfonds", "https://www.vsbfonds.nl/"),
]
