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

# Lines that name a category and its members: "stichting" should not find every text about "rechtsvorm".
ONE_WAY = frozenset(["rechtsvorm"])

# Everyday words for the formal ones in our texts (issue #12), verbs too. The query also reads every
# line the other way round (a search for "oprichten" finds "beginnen"), so one line per idea is enough
# unless the formal words should find each other too (staff can switch "ook andersom" off per line).
# Added to existing installs by wdhs/0003.
EVERYDAY_SYNONYMS = {
    "beginnen": "starten, oprichten, opzetten",
    "starten": "beginnen, oprichten, opzetten",
    "oprichten": "starten, beginnen, opzetten",
    "opzetten": "starten, oprichten, beginnen",
    "club": "vereniging",
    "bejaarden": "ouderen, senioren",
    "pubers": "jongeren, tieners",
    "kinderen": "jeugd",
    "buurtkamer": "huiskamer, buurthuis, ontmoetingsplek",
    "renoveren": "opknappen, verbouwen",
    "verbouwen": "opknappen",
    "zwerfvuil": "zwerfafval",
    "opruimen": "schoonmaken",
    "donatie": "gift, doneren, crowdfunding",
    "helper": "vrijwilliger",
    "bijeenkomst": "vergadering, ontmoeting",
    "kosten": "begroting",
    "geldzaken": "financiën, financieel, administratie",
    "groentetuin": "moestuin, voedseltuin",
    "volkstuin": "moestuin",
    "dokter": "huisarts",
    "buurtbudget": "wijkbudget, buurtfonds",
    "regelen": "organiseren",
    "meedoen": "deelnemen",
    "praten": "gesprek",
    "ambtenaar": "gemeente",
    "aanmelden": "inschrijven",
    "financiën": "financieel, financiering, geldzaken",
    "ondersteuning": "hulp, steun, helpen",
}


def load_starting_synonyms() -> int:
    """The starting list, into an empty table only: after that the list is the staff's. Returns how many were made."""
    if SearchSynonym.objects.exists():
        return 0
    made = SearchSynonym.objects.bulk_create(
        SearchSynonym(word=word, synonyms=synonyms, both_ways=word not in ONE_WAY)
        for word, synonyms in {**STARTING_SYNONYMS, **EVERYDAY_SYNONYMS}.items()
    )
    return len(made)
