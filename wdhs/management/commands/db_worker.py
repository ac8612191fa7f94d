"""django-tasks-db's task worker, which first loads the Dutch dictionary of search (the index tasks need it).

While it runs it gives a heartbeat (`wdhs.health`), so `/healthz` can tell whether a worker is alive.
"""

from __future__ import annotations

import os
from typing import Any

from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from wdhs.health import Heartbeat
from wdhs.search.lexicon import warm_up


class Command(DatabaseWorkerCommand):
    def handle(self, *args: Any, **options: Any) -> None:
        warm_up()
        # A --batch run empties the queue and stops: no worker to report. With --reload (development) only
        # the child process that runs the tasks beats, not the process that watches the files.
        beats = not options["batch"] and (not options["reload"] or os.environ.get(DJANGO_AUTORELOAD_ENV) == "true")
        heartbeat = Heartbeat(options["worker_id"]) if beats else None
        if heartbeat:
            heartbeat.start()
        try:
            super().handle(*args, **options)
        finally:
            if heartbeat:
                heartbeat.stop()
