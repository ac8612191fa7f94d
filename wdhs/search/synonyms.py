"""The starting list of search synonyms; staff edit the list in the admin (Zoeken: synoniemen)."""

from __future__ import annotations

from wdhs.models import SearchSynonym

STARTING_SYNONYMS = {
    "geld": "financiering, subsidie, fonds, crowdfunding",
    "financiering": "subsidie, fonds, lening, crowdfunding",
    "subsidie": "financiering, bijdrage",
    "buurthuis": "ontmoetingsplek, huiskamer, wijkcentrum, dorpshuis",
    "ontmoetingsplek": "buurthuis, huiskamer, wijkcentrum",
    "wijkcentrum": "buurthuis, ontmoetingsplek",
    "vrijwilligerswerk": "vrijwilligers",
    "eenzaam": "eenzaamheid",
    "uitdaagrecht": "right to challenge",
    "kvk": "kamer van koophandel",
    "doneren": "donatie, gift, crowdfunding",
    "schenken": "gift, donatie",
    "rechtsvorm": "stichting, vereniging, coöperatie",
    "zonnepanelen": "zonne-energie",
    "ouderen": "senioren",
    "senioren": "ouderen",
    "jongeren": "jeugd, tieners",
    "statuten": "notaris",
}


def load_starting_synonyms() -> int:
    """The starting list, into an empty table only: after that the list is the staff's. Returns how many were made."""
    if SearchSynonym.objects.exists():
        return 0
    made = SearchSynonym.objects.bulk_create(
        SearchSynonym(word=word, synonyms=synonyms) for word, synonyms in STARTING_SYNONYMS.items()
    )
    return len(made)
