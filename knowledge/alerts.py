"""What alerts (wdhs.alerts) can follow from knowledge: new knowledge, new funding schemes, new events."""

from __future__ import annotations

from urllib.parse import urlencode

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from knowledge.events.models import Event
from knowledge.funding.models import FundingScheme
from knowledge.models import Resource
from wdhs.alerts.sources import AlertSource, register_alert_source


def _url(name: str, pairs: list[tuple[str, str]]) -> str:
    query = urlencode([(key, value) for key, value in pairs if value])
    return reverse(name) + (f"?{query}" if query else "")


def _knowledge_url(themes: list[str], province: str, municipality: str) -> str:
    return _url("knowledge:list", [("thema", theme) for theme in themes] + [("regio", province)])


def _funding_url(themes: list[str], province: str, municipality: str) -> str:
    # The finder takes one theme; its place is a municipality typed by name, so the link leaves it out.
    return _url("funding:finder", [("thema", themes[0] if len(themes) == 1 else "")])


def _events_url(themes: list[str], province: str, municipality: str) -> str:
    return _url("events:list", [("thema", themes[0] if len(themes) == 1 else ""), ("provincie", province)])


def _upcoming_events() -> QuerySet[Event]:
    return Event.objects.published().filter(ends_at__gte=timezone.now())


def register() -> None:
    register_alert_source(
        AlertSource(
            kind="kennis",
            label="Nieuwe kennis: handleidingen, voorbeelden en artikelen",
            heading="Nieuwe kennis",
            model=Resource,
            public=lambda: Resource.objects.published(),
            since_field="published_at",  # index resource_status_published (status, -published_at)
            themes_field="themes",
            municipality_field="municipality",
            province_field="province",
            national=Q(scope=Resource.Scope.NATIONAL),
            list_url=_knowledge_url,
            position=10,
        )
    )
    register_alert_source(
        AlertSource(
            kind="regelingen",
            label="Nieuwe regelingen voor geld of hulp",
            heading="Nieuwe regelingen voor geld of hulp",
            model=FundingScheme,
            public=lambda: FundingScheme.objects.active(),
            since_field="created_at",  # index fundingscheme_active_created
            themes_field="themes",
            municipality_field="municipalities",
            province_field="provinces",
            national=Q(scope=FundingScheme.Scope.NATIONAL),
            list_url=_funding_url,
            position=30,
        )
    )
    register_alert_source(
        AlertSource(
            kind="agenda",
            label="Nieuwe activiteiten in de agenda: bijeenkomsten, trainingen en webinars",
            heading="Nieuw in de agenda",
            model=Event,
            public=_upcoming_events,
            since_field="created_at",  # index event_published_created
            themes_field="themes",
            municipality_field="municipality",
            province_field="province",
            # Without a place: online or for the whole country.
            national=Q(province__isnull=True, municipality__isnull=True),
            list_url=_events_url,
            position=40,
        )
    )
