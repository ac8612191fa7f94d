"""django-tasks-db's task worker, which first loads the Dutch dictionary of search (the index tasks need it)."""

from __future__ import annotations

from typing import Any

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from wdhs.search.lexicon import warm_up


class Command(DatabaseWorkerCommand):
    def handle(self, *args: Any, **options: Any) -> None:
        warm_up()
        super().handle(*args, **options)
