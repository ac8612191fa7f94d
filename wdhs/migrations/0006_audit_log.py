"""The audit log (django-auditlog) under a Dutch name in /beheer/ (a proxy, wdhs/audit.py); staff may read it."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.management import create_permissions
from django.db import migrations

from wdhs.roles import STAFF_GROUP


def forwards(apps: Any, schema_editor: Any) -> None:
    app_config = apps.get_app_config("wdhs")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    permission = apps.get_model("auth", "Permission").objects.get(
        content_type__app_label="wdhs", codename="view_auditentry"
    )
    group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=STAFF_GROUP)
    group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("auditlog", "0017_add_actor_email"),
        ("wdhs", "0005_authz_groups"),
    ]

    operations = [
        migrations.CreateModel(
            name="AuditEntry",
            fields=[],
            options={
                "verbose_name": "regel uit het auditlog",
                "verbose_name_plural": "auditlog: wie wijzigde wat",
                "proxy": True,
                "default_permissions": ("view",),
                "indexes": [],
                "constraints": [],
            },
            bases=("auditlog.logentry",),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
