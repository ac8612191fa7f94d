from __future__ import annotations

from django.apps import AppConfig


class InitiativesConfig(AppConfig):
    name = "initiatives"
    verbose_name = "Initiatieven"

    def ready(self) -> None:
        from initiatives import portal

        portal.register()
