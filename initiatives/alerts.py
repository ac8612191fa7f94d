"""What alerts (wdhs.alerts) can follow from the register: new initiatives."""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import reverse

from initiatives.models import Initiative
from wdhs.alerts.sources import AlertSource, register_alert_source


def _list_url(themes: list[str], province: str, municipality: str) -> str:
    pairs = [("thema", theme) for theme in themes] + [("provincie", province), ("gemeente", municipality)]
    query = urlencode([(key, value) for key, value in pairs if value])
    return reverse("initiatives:list") + (f"?{query}" if query else "")


def register() -> None:
    register_alert_source(
        AlertSource(
            kind="initiatieven",
            label="Nieuwe initiatieven van bewoners",
            heading="Nieuwe initiatieven",
            model=Initiative,
            public=lambda: Initiative.objects.published(),
            since_field="published_at",  # index initiative_published_newest
            themes_field="themes",
            municipality_field="municipality",
            list_url=_list_url,
            position=20,
        )
    )
