"""Knowledge items keep their body as HTML, rendered when saved instead of on every page (issue #17).

The logo's help text names the new limit of 4000 by 4000 pixels and WebP, now allowed too.

The HTML is rendered once here, in batches, and from then on by Resource.save(); pages only show it.
The search trigger is switched off while the rows are written: the indexed text does not change.
"""

from __future__ import annotations

from typing import Any

import django.core.validators
from django.db import migrations, models

import knowledge.models
import wdhs.markup

BATCH = 500


def forwards(apps: Any, schema_editor: Any) -> None:
    model = apps.get_model("knowledge", "Resource")
    table = model._meta.db_table
    quote = schema_editor.quote_name
    trigger = quote(f"{table}_search_vector")
    schema_editor.execute(f"ALTER TABLE {quote(table)} DISABLE TRIGGER {trigger}")
    last = 0
    while True:
        batch = list(model.objects.filter(pk__gt=last).order_by("pk").only("pk", "body")[:BATCH])
        if not batch:
            break
        for row in batch:
            row.body_html = str(wdhs.markup.render_markdown_safely(row.body))
        model.objects.bulk_update(batch, ["body_html"])
        last = batch[-1].pk
    schema_editor.execute(f"ALTER TABLE {quote(table)} ENABLE TRIGGER {trigger}")


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0004_goals_structural_funding"),
    ]

    operations = [
        migrations.AddField(
            model_name="resource",
            name="body_html",
            field=models.TextField(blank=True, default="", editable=False, verbose_name="tekst als HTML"),
        ),
        migrations.AlterField(
            model_name="resource",
            name="body",
            field=models.TextField(
                help_text="Schrijf in Markdown: ## voor een tussenkop, - voor een opsomming.",
                validators=[django.core.validators.MaxLengthValidator(50000), wdhs.markup.validate_markdown],
                verbose_name="tekst",
            ),
        ),
        migrations.AlterField(
            model_name="organisation",
            name="logo",
            field=models.FileField(
                blank=True,
                help_text="PNG, JPG of WebP, hoogstens 2 MB en 4000 bij 4000 pixels. Mag leeg blijven.",
                upload_to=knowledge.models.logo_upload_to,
                validators=[knowledge.models.validate_logo],
                verbose_name="logo",
            ),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
