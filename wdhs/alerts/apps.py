from __future__ import annotations

from django.apps import AppConfig


class AlertsConfig(AppConfig):
    name = "wdhs.alerts"
    label = "alerts"
    verbose_name = "Meldingen per e-mail"

    def ready(self) -> None:
        from wdhs.alerts import personal_data

        personal_data.register()
