"""The knowledge items of the kind "Training of bijeenkomst" that have a date become events in the agenda.

Conservative: only items whose date and time were filled in (Resource.event_starts_at); no dates are guessed
from free text. The knowledge item itself stays (its address, links from routes and related items keep
working); the event remembers where it came from (Event.source_resource), so the way back removes exactly
the events made here. The end time was never stored: two hours after the start, the usual length of such a
meeting; the editors can change it in /beheer/. Set-based: a few queries, also for 50,000 items.
"""

from datetime import timedelta
from typing import Any

from django.contrib.auth.management import create_permissions
from django.db import migrations

from wdhs.roles import ensure_groups

ASSUMED_LENGTH = timedelta(hours=2)
BATCH = 2000


def give_editors_the_agenda(apps: Any, schema_editor: Any) -> None:
    """The editorial groups edit the agenda (wdhs/roles.py); permissions are made here first, as in 0007."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    ensure_groups(apps, strict=False)


def forwards(apps: Any, schema_editor: Any) -> None:
    Resource = apps.get_model("knowledge", "Resource")
    Event = apps.get_model("knowledge", "Event")
    candidates = (
        Resource.objects.filter(kind__vocabulary="knowledge_kind", kind__slug="training", event_starts_at__isnull=False)
        .exclude(status="gearchiveerd")
        .filter(event__isnull=True)
        .order_by("pk")
        .values(
            "pk",
            "title",
            "slug",
            "summary",
            "body",
            "organisation_id",
            "province_id",
            "municipality_id",
            "event_starts_at",
            "event_place",
            "status",
        )  # fmt: skip
    )
    taken = set(Event.objects.values_list("slug", flat=True))
    batch: list[Any] = []

    def flush() -> None:
        created = Event.objects.bulk_create(batch)
        by_resource = {event.source_resource_id: event.pk for event in created}
        through = Resource.themes.through
        links = through.objects.filter(resource_id__in=by_resource).values_list("resource_id", "term_id")
        Event.themes.through.objects.bulk_create(
            [Event.themes.through(event_id=by_resource[r], term_id=t) for r, t in links], ignore_conflicts=True
        )
        batch.clear()

    for row in candidates.iterator(chunk_size=BATCH):
        slug = row["slug"][:180]
        if slug in taken:
            slug = f"{slug[:170]}-{row['pk']}"
        taken.add(slug)
        batch.append(
            Event(
                title=row["title"],
                slug=slug,
                summary=row["summary"],
                description=row["body"],
                organisation_id=row["organisation_id"],
                province_id=row["province_id"],
                municipality_id=row["municipality_id"],
                starts_at=row["event_starts_at"],
                ends_at=row["event_starts_at"] + ASSUMED_LENGTH,
                location=row["event_place"],
                is_published=row["status"] == "gepubliceerd",
                source_resource_id=row["pk"],
            )
        )
        if len(batch) >= BATCH:
            flush()
    if batch:
        flush()


def backwards(apps: Any, schema_editor: Any) -> None:
    apps.get_model("knowledge", "Event").objects.filter(source_resource__isnull=False).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0011_events_agenda"),
    ]

    operations = [
        migrations.RunPython(give_editors_the_agenda, migrations.RunPython.noop),
        migrations.RunPython(forwards, backwards),
    ]
