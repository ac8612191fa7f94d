"""The agenda as iCalendar (RFC 5545): one VCALENDAR with a VEVENT per event, built with the icalendar package.

UID is stable per event (its id and the site's host), DTSTAMP is the moment of the answer in UTC, DTSTART and
DTEND carry TZID=Europe/Amsterdam with the matching VTIMEZONE, a cancelled event has STATUS:CANCELLED, and
SEQUENCE goes up with every change a calendar shows (Event.sequence).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as VEvent

from knowledge.events.models import Event

ZONE = ZoneInfo(settings.TIME_ZONE)
PRODID = "-//We Doen Het Samen//Agenda//NL"


def uid(event: Event, host: str) -> str:
    return f"agenda-{event.pk}@{host}"


def build(events: Iterable[Event], *, host: str, base_url: str, name: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    stamp = datetime.now(UTC).replace(microsecond=0)
    for event in events:
        item = VEvent()
        item.add("uid", uid(event, host))
        item.add("dtstamp", stamp)
        item.add("dtstart", timezone.localtime(event.starts_at, ZONE).replace(microsecond=0))
        item.add("dtend", timezone.localtime(event.ends_at, ZONE).replace(microsecond=0))
        item.add("last-modified", event.updated_at.astimezone(UTC).replace(microsecond=0))
        item.add("sequence", event.sequence)
        item.add("summary", event.title)
        url = base_url + event.get_absolute_url()
        details = [event.summary, f"Door: {event.organiser_display}", f"Meer informatie: {url}"]
        if event.signup_url:
            details.append(f"Aanmelden: {event.signup_url}")
        if event.online_url:
            details.append(f"Online meedoen: {event.online_url}")
        item.add("description", "\n\n".join(details))
        location = event.location or event.online_url
        if location:
            item.add("location", location)
        item.add("url", url)
        item.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
        item.add("transp", "TRANSPARENT" if event.is_cancelled else "OPAQUE")
        calendar.add_component(item)
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())
