"""The neighbours of each municipality (wdhs.nearby), filled after migrate by wdhs.reference; staff may view them.

The group Coalitiemedewerkers gets the view permission here (wdhs/roles.py): permissions are made first, as in
0005_authz_groups, because normally they come only after all migrations.
"""

from typing import Any

import django.db.models.deletion
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

from wdhs.roles import ensure_groups


def groups_again(apps: Any, schema_editor: Any) -> None:
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    ensure_groups(apps, strict=False)


class Migration(migrations.Migration):
    dependencies = [
        ("wdhs", "0008_page_feedback_groups"),
    ]

    operations = [
        migrations.CreateModel(
            name="MunicipalityNeighbour",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("distance_km", models.FloatField(verbose_name="afstand tussen de middens (km)")),
                ("shares_border", models.BooleanField(default=True, verbose_name="grenst eraan")),
                (
                    "municipality",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="neighbour_links",
                        to="wdhs.municipality",
                        verbose_name="gemeente",
                    ),
                ),
                (
                    "neighbour",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="wdhs.municipality",
                        verbose_name="buurgemeente",
                    ),
                ),
            ],
            options={
                "verbose_name": "buurgemeente",
                "verbose_name_plural": "buurgemeenten",
                "ordering": ["municipality", "distance_km"],
                "indexes": [models.Index(fields=["municipality", "distance_km"], name="neighbour_nearest")],
                "constraints": [
                    models.UniqueConstraint(fields=("municipality", "neighbour"), name="municipality_neighbour_once"),
                    models.CheckConstraint(
                        condition=models.Q(("municipality", models.F("neighbour")), _negated=True),
                        name="neighbour_not_self",
                    ),
                ],
            },
        ),
        migrations.RunPython(groups_again, migrations.RunPython.noop),
    ]
