"""/organisaties/feed/ (the partners' feed) takes the slug `feed` from organisations: a partner with that slug moves
to the next free one (`feed-2`), as 0016 did for the other kinds. One indexed lookup on the unique slug."""

from __future__ import annotations

from typing import Any

from django.db import migrations


def free_organisation_feed_slug(apps: Any, schema_editor: Any) -> None:
    model = apps.get_model("knowledge", "Organisation")
    for pk, slug in model.objects.filter(slug="feed").values_list("pk", "slug"):
        n = 2
        while model.objects.filter(slug=f"{slug}-{n}").exists():
            n += 1
        model.objects.filter(pk=pk).update(slug=f"{slug}-{n}")


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0017_covering_newest_indexes")]

    operations = [migrations.RunPython(free_organisation_feed_slug, migrations.RunPython.noop, elidable=True)]
