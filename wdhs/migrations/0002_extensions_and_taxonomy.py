from __future__ import annotations

from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations


def load_starting_terms(apps, schema_editor) -> None:  # noqa: ANN001
    from wdhs.taxonomy import load_terms

    load_terms(apps.get_model("wdhs", "Term"))


class Migration(migrations.Migration):
    dependencies = [("wdhs", "0001_initial")]

    operations = [
        UnaccentExtension(),
        TrigramExtension(),
        migrations.RunPython(load_starting_terms, migrations.RunPython.noop),
    ]
