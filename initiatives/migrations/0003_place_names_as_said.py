"""Initiatives' search text gets every name of their place (Ljouwert, Den Bosch, Friesland): issue #12.

Only initiatives in a place with other names change; the search trigger re-indexes those rows.
"""

from __future__ import annotations

from typing import Any

from django.db import migrations

from wdhs.models import DISPLAY_NAMES
from wdhs.placenames import OTHER_NAMES, OTHER_PROVINCE_NAMES, place_search_text


def forwards(apps: Any, schema_editor: Any) -> None:
    initiative = apps.get_model("initiatives", "Initiative")
    municipality = apps.get_model("wdhs", "Municipality")
    places = municipality.objects.select_related("province").filter(initiatives__isnull=False).distinct()
    for place in places:
        if not (
            place.name in OTHER_NAMES
            or place.province.name in OTHER_PROVINCE_NAMES
            or place.name.startswith("'s-")
            or "(" in place.name
            or "," in place.name
        ):
            continue
        text = place_search_text(place.name, place.province.name, display=DISPLAY_NAMES.get(place.name, place.name))
        initiative.objects.filter(municipality=place).update(place_names=text[:255])


class Migration(migrations.Migration):
    dependencies = [("initiatives", "0002_listing_indexes"), ("wdhs", "0002_workerheartbeat")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
