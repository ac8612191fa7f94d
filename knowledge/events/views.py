"""/agenda/: the upcoming events with filters, the past ones on their own page, one page per event, and .ics feeds."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_GET

from knowledge.events import ical
from knowledge.events.filters import EventFilter
from knowledge.events.models import Event
from knowledge.reads import is_reader
from wdhs import reads

PAGE_SIZE = 20
# A feed holds the events of the last month and everything to come, at most this many.
FEED_LIMIT = 500
FEED_PAST_DAYS = 31
CALENDAR = "text/calendar; charset=utf-8"
BAD_FILTER = "Een van de filters in het webadres kennen we niet. Kies een thema of provincie uit de lijst."

# The characters that could end a <script> element, written as JSON escapes (as Django's json_script does).
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def _filtered(request: HttpRequest) -> EventFilter:
    return EventFilter(request.GET or None, queryset=Event.objects.published())


def _listing(request: HttpRequest, *, past: bool) -> HttpResponse:
    filterset = _filtered(request)
    template = "events/list.html"
    context: dict[str, Any] = {"filter": filterset, "past": past}
    if filterset.is_bound and not filterset.is_valid():
        context["error"] = BAD_FILTER
        return render(request, template, context, status=400)
    now = timezone.now()
    events = filterset.qs.past(now) if past else filterset.qs.upcoming(now)
    page = Paginator(events.for_listing(), PAGE_SIZE).get_page(request.GET.get("page"))
    context.update(
        {
            "page_obj": page,
            "events": list(page.object_list),
            "now": now,
            "feed_query": request.GET.copy(),
        }
    )
    context["feed_query"].pop("page", None)
    return render(request, template, context)


@require_GET
def event_list(request: HttpRequest) -> HttpResponse:
    return _listing(request, past=False)


@require_GET
def past_list(request: HttpRequest) -> HttpResponse:
    return _listing(request, past=True)


def json_ld(event: Event, request: HttpRequest) -> SafeString:
    """schema.org Event data for search engines and calendar helpers, safe inside a <script> element."""
    attendance = {
        (True, False): "OnlineEventAttendanceMode",
        (False, True): "OfflineEventAttendanceMode",
        (True, True): "MixedEventAttendanceMode",
        (False, False): "OfflineEventAttendanceMode",
    }[(event.is_online, event.is_offline)]
    locations: list[dict[str, Any]] = []
    if event.location:
        place: dict[str, Any] = {"@type": "Place", "name": event.location, "address": event.location}
        locations.append(place)
    if event.online_url:
        locations.append({"@type": "VirtualLocation", "url": event.online_url})
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "startDate": timezone.localtime(event.starts_at).isoformat(),
        "endDate": timezone.localtime(event.ends_at).isoformat(),
        "eventStatus": f"https://schema.org/{'EventCancelled' if event.is_cancelled else 'EventScheduled'}",
        "eventAttendanceMode": f"https://schema.org/{attendance}",
        "location": locations[0] if len(locations) == 1 else locations,
        "organizer": {"@type": "Organization", "name": event.organiser_display},
        "url": request.build_absolute_uri(event.get_absolute_url()),
        "inLanguage": "nl",
    }
    if event.organisation is not None:
        data["organizer"]["url"] = request.build_absolute_uri(event.organisation.get_absolute_url())
    if event.signup_url:
        data["offers"] = {"@type": "Offer", "url": event.signup_url, "availability": "https://schema.org/InStock"}
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES))  # noqa: S308 - escaped above


@require_GET
def event_detail(request: HttpRequest, slug: str) -> HttpResponse:
    event = get_object_or_404(Event.objects.published().for_listing(), slug=slug)
    response = render(
        request,
        "events/detail.html",
        {"event": event, "json_ld": json_ld(event, request), "is_past": event.is_past()},
    )
    return reads.mark(response, event, counted=is_reader(request.user, event.organisation_id))


def _calendar(request: HttpRequest, events: Any, name: str, filename: str) -> HttpResponse:
    host = request.get_host().split(":")[0]
    body = ical.build(events, host=host, base_url=f"{request.scheme}://{request.get_host()}", name=name)
    response = HttpResponse(body, content_type=CALENDAR)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_GET
def calendar_feed(request: HttpRequest) -> HttpResponse:
    filterset = _filtered(request)
    if filterset.is_bound and not filterset.is_valid():
        return HttpResponse(BAD_FILTER, status=400, content_type="text/plain; charset=utf-8")
    since = timezone.now() - timedelta(days=FEED_PAST_DAYS)
    events = filterset.qs.filter(ends_at__gte=since).order_by("starts_at", "id").for_listing()[:FEED_LIMIT]
    return _calendar(request, events, "Agenda We Doen Het Samen", "agenda.ics")


@require_GET
def event_feed(request: HttpRequest, slug: str) -> HttpResponse:
    event = get_object_or_404(Event.objects.published().for_listing(), slug=slug)
    return _calendar(request, [event], event.title, f"{event.slug}.ics")
