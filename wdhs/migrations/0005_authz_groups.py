"""The staff groups "Coalitiemedewerkers" and "Redactie" with their permissions (wdhs/roles.py), issue #17.

Permissions are normally made after all migrations (post_migrate); they are made here first, so the groups can
get them on a new database too. Staff accounts that exist already keep what they could do before (editorial rights
came from is_staff): they go into the group Coalitiemedewerkers.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.management import create_permissions
from django.db import migrations

from wdhs.roles import STAFF_GROUP, ensure_groups


def forwards(apps: Any, schema_editor: Any) -> None:
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    ensure_groups(apps, strict=False)
    group = apps.get_model("auth", "Group").objects.get(name=STAFF_GROUP)
    for user in apps.get_model("wdhs", "User").objects.filter(is_staff=True, is_superuser=False):
        user.groups.add(group)


def backwards(apps: Any, schema_editor: Any) -> None:
    from wdhs.roles import GROUP_PERMISSIONS

    apps.get_model("auth", "Group").objects.filter(name__in=GROUP_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("wdhs", "0004_races_formsubmission"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("account", "0009_emailaddress_unique_primary_email"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
        ("knowledge", "0006_authz_permissions"),
        ("initiatives", "0005_content_description_html"),
        ("goals", "0003_authz_permissions"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
