"""Goal 1's explanation in Dutch only: "community building" becomes "gemeenschappen op te bouwen" (issue #13).

A fresh database gets the new text from goals.reference; this changes it where the goals were loaded before.
"""

from __future__ import annotations

from typing import Any

from django.db import migrations

OLD = "Daarvoor is geld nodig voor community building."
NEW = "Daarvoor is geld nodig om gemeenschappen op te bouwen."


def forwards(apps: Any, schema_editor: Any) -> None:
    Goal = apps.get_model("goals", "Goal")  # noqa: N806
    for goal in Goal.objects.filter(explanation__contains=OLD):
        goal.explanation = goal.explanation.replace(OLD, NEW)
        goal.save(update_fields=["explanation"])


def backwards(apps: Any, schema_editor: Any) -> None:
    Goal = apps.get_model("goals", "Goal")  # noqa: N806
    for goal in Goal.objects.filter(explanation__contains=NEW):
        goal.explanation = goal.explanation.replace(NEW, OLD)
        goal.save(update_fields=["explanation"])


class Migration(migrations.Migration):
    dependencies = [("goals", "0003_authz_permissions")]

    operations = [migrations.RunPython(forwards, backwards)]
