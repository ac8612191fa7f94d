"""Initiatives keep their description as HTML, rendered when saved instead of on every page (issue #17).

The HTML is rendered once here, in batches, and from then on by Initiative.save(); pages only show it.
The search trigger is switched off while the rows are written: the indexed text does not change.
"""

from __future__ import annotations

from typing import Any

import django.core.validators
from django.db import migrations, models

import wdhs.markup

BATCH = 500


def forwards(apps: Any, schema_editor: Any) -> None:
    model = apps.get_model("initiatives", "Initiative")
    table = model._meta.db_table
    quote = schema_editor.quote_name
    trigger = quote(f"{table}_search_vector")
    schema_editor.execute(f"ALTER TABLE {quote(table)} DISABLE TRIGGER {trigger}")
    last = 0
    while True:
        batch = list(model.objects.filter(pk__gt=last).order_by("pk").only("pk", "description")[:BATCH])
        if not batch:
            break
        for row in batch:
            row.description_html = str(wdhs.markup.render_markdown_safely(row.description, short=True))
        model.objects.bulk_update(batch, ["description_html"])
        last = batch[-1].pk
    schema_editor.execute(f"ALTER TABLE {quote(table)} ENABLE TRIGGER {trigger}")


class Migration(migrations.Migration):
    dependencies = [
        ("initiatives", "0004_search_title_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="initiative",
            name="description_html",
            field=models.TextField(blank=True, default="", editable=False, verbose_name="beschrijving als HTML"),
        ),
        migrations.AlterField(
            model_name="initiative",
            name="description",
            field=models.TextField(
                help_text="Gewone tekst of Markdown.",
                validators=[django.core.validators.MaxLengthValidator(5000), wdhs.markup.validate_markdown],
                verbose_name="beschrijving",
            ),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
