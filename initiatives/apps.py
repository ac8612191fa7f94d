from __future__ import annotations

from django.apps import AppConfig


class InitiativesConfig(AppConfig):
    """The register of citizen collectives: public list and map, registration, managers, review."""

    name = "initiatives"
    verbose_name = "Initiatieven"

    def ready(self) -> None:
        from initiatives import alerts, counts, feedback, metrics, personal_data, search, workqueue

        search.register()
        counts.register()
        metrics.register()
        personal_data.register()
        workqueue.register()
        feedback.register()
        alerts.register()
