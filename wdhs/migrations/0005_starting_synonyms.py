from __future__ import annotations

from django.db import migrations

# A starting list; staff edit it in the admin (Zoeken: synoniemen).
SYNONYMS = {
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


def load(apps, schema_editor) -> None:  # noqa: ANN001
    SearchSynonym = apps.get_model("wdhs", "SearchSynonym")
    for word, synonyms in SYNONYMS.items():
        SearchSynonym.objects.get_or_create(word=word, defaults={"synonyms": synonyms})


def unload(apps, schema_editor) -> None:  # noqa: ANN001
    apps.get_model("wdhs", "SearchSynonym").objects.filter(word__in=SYNONYMS).delete()


class Migration(migrations.Migration):
    dependencies = [("wdhs", "0004_search_lexicon")]

    operations = [migrations.RunPython(load, unload)]
