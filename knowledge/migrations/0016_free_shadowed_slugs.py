"""Give rows whose slug a fixed page shadows (/kennis/feed/, /mijn/kennis/nieuw/, /financiering/feed/,
/agenda/afgelopen/) the next free slug (`feed` -> `feed-2`): they could never be reached at their address.

The words are frozen here; new rows are kept clear by wdhs.slugs, which reads the URLs. One indexed lookup
per model (slug IN (...) on the unique index), so it costs the same at 50,000 rows as at 50.
"""

from __future__ import annotations

from typing import Any

from django.db import migrations

SHADOWED = {
    "Resource": ("feed", "nieuw"),
    "FundingScheme": ("feed",),
    "Event": ("afgelopen",),
}


def free_shadowed_slugs(apps: Any, schema_editor: Any) -> None:
    for name, words in SHADOWED.items():
        model = apps.get_model("knowledge", name)
        for pk, slug in model.objects.filter(slug__in=words).values_list("pk", "slug"):
            n = 2
            while model.objects.filter(slug=f"{slug}-{n}").exists():
                n += 1
            model.objects.filter(pk=pk).update(slug=f"{slug}-{n}")


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0015_open_data_updated_indexes")]

    operations = [migrations.RunPython(free_shadowed_slugs, migrations.RunPython.noop, elidable=True)]
