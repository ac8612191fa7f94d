"""The staff groups may read and handle readers' feedback (wdhs.PageFeedback): wdhs/roles.py, run again."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.management import create_permissions
from django.db import migrations

from wdhs.roles import ensure_groups


def forwards(apps: Any, schema_editor: Any) -> None:
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    ensure_groups(apps, strict=False)


class Migration(migrations.Migration):
    dependencies = [("wdhs", "0007_page_feedback"), ("knowledge", "0010_organisation_name_trigram_indexes")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
