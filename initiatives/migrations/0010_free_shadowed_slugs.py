"""Give initiatives whose slug a fixed page shadows (/initiatieven/feed/, /kaart/, /aanmelden/) the next free
slug (`feed` -> `feed-2`): their page could never be reached.

The words are frozen here; new initiatives are kept clear by wdhs.slugs, which reads the URLs. One indexed
lookup (slug IN (...) on the unique index), so it costs the same at 100,000 initiatives as at 100.
"""

from __future__ import annotations

from typing import Any

from django.db import migrations

SHADOWED = ("feed", "kaart", "aanmelden")


def free_shadowed_slugs(apps: Any, schema_editor: Any) -> None:
    initiative = apps.get_model("initiatives", "Initiative")
    for pk, slug in initiative.objects.filter(slug__in=SHADOWED).values_list("pk", "slug"):
        n = 2
        while initiative.objects.filter(slug=f"{slug}-{n}").exists():
            n += 1
        initiative.objects.filter(pk=pk).update(slug=f"{slug}-{n}")


class Migration(migrations.Migration):
    dependencies = [("initiatives", "0009_open_data_indexes")]

    operations = [migrations.RunPython(free_shadowed_slugs, migrations.RunPython.noop, elidable=True)]
