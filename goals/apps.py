from __future__ import annotations

from django.apps import AppConfig
from django.db.models.signals import post_migrate


class GoalsConfig(AppConfig):
    """The five goals of the action programme, their indicators and progress."""

    name = "goals"
    verbose_name = "Doelen"

    def ready(self) -> None:
        from goals import metrics, personal_data, search
        from goals.reference import after_migrate

        search.register()
        metrics.register()
        personal_data.register()
        # The five goals are part of every installation, loaded like Django's content types after migrate.
        post_migrate.connect(after_migrate, sender=self, dispatch_uid="goals.reference")
