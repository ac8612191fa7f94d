"""Synonyms work both ways unless staff say otherwise; the everyday words of issue #12 (beginnen for oprichten,
club for vereniging) for installs that already have synonyms.

A new install gets them with the starting list after `migrate` (wdhs.search.synonyms). An existing one
gets only the words its staff have not listed yet; their own lines stay as they are.
"""

from __future__ import annotations

from typing import Any

from django.db import migrations, models

# Copies: a migration must not change when the code's lists do.
ONE_WAY = ["rechtsvorm"]
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


def forwards(apps: Any, schema_editor: Any) -> None:
    synonym = apps.get_model("wdhs", "SearchSynonym")
    if not synonym.objects.exists():
        return  # a new install: the starting list, with these words, is loaded after migrate
    synonym.objects.filter(word__in=ONE_WAY).update(both_ways=False)
    listed = set(synonym.objects.values_list("word", flat=True))
    synonym.objects.bulk_create(
        synonym(word=word, synonyms=synonyms) for word, synonyms in EVERYDAY_SYNONYMS.items() if word not in listed
    )


class Migration(migrations.Migration):
    dependencies = [("wdhs", "0002_workerheartbeat")]

    operations = [
        migrations.AddField(
            model_name="searchsynonym",
            name="both_ways",
            field=models.BooleanField(
                default=True,
                help_text="Aan: wie ‘subsidie’ zoekt, vindt ook teksten met ‘geld’. Zet uit bij een verzamelwoord: "
                "wie ‘coöperatie’ zoekt, hoeft niet alles over ‘rechtsvorm’ te zien.",
                verbose_name="ook andersom",
            ),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
