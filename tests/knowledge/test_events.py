"""The agenda: the Event model, /agenda/ with its filters and past page, event pages with JSON-LD, .ics feeds,
the admin actions, and the data migration that turns dated trainings into events."""

from __future__ import annotations

import importlib
import json
import re
from datetime import UTC, timedelta

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from knowledge.models import Event
from tests.factories import EventFactory, OrganisationFactory, ResourceFactory, municipality, province, term

pytestmark = pytest.mark.django_db

THEME = "zorg-en-welzijn"


def _ics(response) -> Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def _vevents(calendar: Calendar) -> list:
    return [c for c in calendar.walk() if c.name == "VEVENT"]


# --- model ---


def test_clean_asks_for_a_place_an_organiser_and_an_end_after_the_start():
    event = EventFactory.build(location="", online_url="", organiser_name="")
    event.ends_at = event.starts_at - timedelta(hours=1)
    with pytest.raises(ValidationError) as caught:
        event.full_clean()
    assert {"ends_at", "location", "organiser_name"} <= set(caught.value.message_dict)


@pytest.mark.parametrize("link", ["javascript:alert(1)", "ftp://example.org/x", "data:text/html,hoi"])
def test_online_and_signup_links_must_be_web_links(link):
    event = EventFactory.build(online_url=link, signup_url=link)
    with pytest.raises(ValidationError) as caught:
        event.full_clean(exclude=["slug"])
    assert {"online_url", "signup_url"} <= set(caught.value.message_dict)


def test_sequence_goes_up_only_when_the_calendar_changes():
    event = EventFactory()
    assert event.sequence == 0
    event.description = "Andere uitleg, zelfde tijd en plaats."
    event.save()
    assert event.sequence == 0
    event.starts_at += timedelta(hours=1)
    event.ends_at += timedelta(hours=1)
    event.save()
    assert event.sequence == 1


# --- /agenda/ ---


def test_list_shows_upcoming_soonest_first_and_past_on_its_own_page(client):
    now = timezone.now()
    later = EventFactory(title="Later", starts_at=now + timedelta(days=20), ends_at=now + timedelta(days=20, hours=2))
    soon = EventFactory(title="Straks", starts_at=now + timedelta(days=2), ends_at=now + timedelta(days=2, hours=2))
    running = EventFactory(title="Bezig", starts_at=now - timedelta(hours=1), ends_at=now + timedelta(hours=1))
    old = EventFactory(
        title="Geweest", starts_at=now - timedelta(days=3), ends_at=now - timedelta(days=3) + timedelta(hours=2)
    )
    older = EventFactory(
        title="Lang geleden", starts_at=now - timedelta(days=30), ends_at=now - timedelta(days=30) + timedelta(hours=2)
    )
    EventFactory(title="Verborgen", is_published=False)

    response = client.get(reverse("events:list"))
    assert response.status_code == 200
    assert response.context["events"] == [running, soon, later]
    assert "Verborgen" not in response.content.decode()

    past = client.get(reverse("events:past"))
    assert past.status_code == 200
    assert past.context["events"] == [old, older]


def test_list_filters_by_theme_and_province_with_national_events_included(client):
    care = term("theme", THEME)
    in_utrecht = EventFactory(title="In Utrecht", province=province("Utrecht"))
    in_city = EventFactory(title="In de stad Utrecht", municipality=municipality("Utrecht"))
    national = EventFactory(title="Online voor iedereen", location="", online_url="https://example.org/webinar")
    EventFactory(title="In Groningen", province=province("Groningen"))
    in_utrecht.themes.add(care)

    by_province = client.get(reverse("events:list"), {"provincie": province("Utrecht").slug})
    assert set(by_province.context["events"]) == {in_utrecht, in_city, national}
    by_both = client.get(reverse("events:list"), {"provincie": province("Utrecht").slug, "thema": THEME})
    assert by_both.context["events"] == [in_utrecht]


@pytest.mark.parametrize(
    "params",
    [
        {"thema": "bestaat-niet"},
        {"provincie": "atlantis"},
        {"thema": "<script>alert(1)</script>"},
        {"provincie": "x" * 5000},
        {"thema": "' OR 1=1 --"},
    ],
)
@pytest.mark.parametrize("url_name", ["events:list", "events:past", "events:feed"])
def test_bad_filters_get_a_400_with_a_dutch_message(client, params, url_name):
    response = client.get(reverse(url_name), params)
    assert response.status_code == 400
    assert "filters" in response.content.decode()
    assert "<script>alert(1)" not in response.content.decode()


def test_a_null_byte_in_a_filter_is_refused(client):
    assert client.get(reverse("events:list"), {"thema": "\x00"}).status_code == 400


@pytest.mark.parametrize("page", ["2", "999", "-1", "abc", "x" * 1000])
def test_any_page_number_shows_a_page(client, page):
    EventFactory()
    assert client.get(reverse("events:list"), {"page": page}).status_code == 200


def test_list_query_count_does_not_grow_with_the_events(client):
    def count_queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("events:list"), {"thema": THEME}).status_code == 200
        return len(ctx.captured_queries)

    def make(n: int) -> None:
        for _ in range(n):
            event = EventFactory(organisation=OrganisationFactory(), municipality=municipality("Utrecht"))
            event.themes.add(term("theme", THEME), term("theme", "wonen"))

    make(2)
    count_queries()  # warm-up
    few = count_queries()
    make(10)
    assert count_queries() == few
    assert few <= 12


def test_detail_shows_the_event_and_a_hidden_one_is_not_found(client):
    event = EventFactory(title="Samen een buurtfonds opzetten", signup_url="https://example.org/aanmelden")
    response = client.get(event.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Samen een buurtfonds opzetten" in html
    assert "https://example.org/aanmelden" in html
    hidden = EventFactory(is_published=False)
    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert client.get(reverse("events:detail", args=["bestaat-niet"])).status_code == 404


def _json_ld(response) -> dict:
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S)
    assert found is not None
    return json.loads(found.group(1))


def test_detail_has_schema_org_event_data(client):
    event = EventFactory(location="Wijkcentrum Oost, Dorpsstraat 1, Zwolle", title="Burenavond </script><b>")
    data = _json_ld(client.get(event.get_absolute_url()))
    assert data["@type"] == "Event"
    assert data["name"] == "Burenavond </script><b>"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["startDate"] == timezone.localtime(event.starts_at).isoformat()
    assert data["location"]["@type"] == "Place"

    online = EventFactory(location="", online_url="https://example.org/live", is_cancelled=True)
    data = _json_ld(client.get(online.get_absolute_url()))
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://example.org/live"}


# --- iCalendar ---


def test_whole_agenda_feed_is_valid_icalendar(client):
    event = EventFactory(title="Training: een vereniging oprichten")
    cancelled = EventFactory(title="Gaat niet door", is_cancelled=True)
    EventFactory(is_published=False)
    calendar = _ics(client.get(reverse("events:feed")))

    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    timezones = [c for c in calendar.walk() if c.name == "VTIMEZONE"]
    assert [str(tz["TZID"]) for tz in timezones] == ["Europe/Amsterdam"]
    events = {str(e["SUMMARY"]): e for e in _vevents(calendar)}
    assert set(events) == {event.title, cancelled.title}

    item = events[event.title]
    assert str(item["UID"]) == f"agenda-{event.pk}@testserver"
    stamp = item["DTSTAMP"].dt
    assert stamp.tzinfo is not None and stamp.utcoffset() == timedelta(0)
    assert item["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert item["DTEND"].params["TZID"] == "Europe/Amsterdam"
    assert item["DTSTART"].dt == event.starts_at.replace(microsecond=0)
    assert item["DTEND"].dt == event.ends_at.replace(microsecond=0)
    assert str(item["STATUS"]) == "CONFIRMED"
    assert str(events[cancelled.title]["STATUS"]) == "CANCELLED"
    assert b"DTSTAMP:" in response_line(client) and b"Z\r\n" in response_line(client)


def response_line(client) -> bytes:
    """The raw DTSTAMP line: UTC written with a Z, as RFC 5545 asks."""
    body = client.get(reverse("events:feed")).content
    return next(line for line in body.split(b"\r\n") if line.startswith(b"DTSTAMP:")) + b"\r\n"


def test_uid_stays_the_same_and_sequence_goes_up_after_a_change(client):
    event = EventFactory()
    first = _vevents(_ics(client.get(reverse("events:event_feed", args=[event.slug]))))[0]
    event.starts_at += timedelta(days=1)
    event.ends_at += timedelta(days=1)
    event.save()
    second = _vevents(_ics(client.get(reverse("events:event_feed", args=[event.slug]))))[0]
    assert first["UID"] == second["UID"]
    assert int(second["SEQUENCE"]) == int(first["SEQUENCE"]) + 1


def test_filtered_feed_holds_only_the_matching_events(client):
    wanted = EventFactory(title="Zorg in Utrecht", province=province("Utrecht"))
    wanted.themes.add(term("theme", THEME))
    EventFactory(title="Zorg in Groningen", province=province("Groningen")).themes.add(term("theme", THEME))
    EventFactory(title="Iets anders in Utrecht", province=province("Utrecht"))
    calendar = _ics(client.get(reverse("events:feed"), {"thema": THEME, "provincie": province("Utrecht").slug}))
    assert [str(e["SUMMARY"]) for e in _vevents(calendar)] == ["Zorg in Utrecht"]


def test_feed_leaves_out_events_long_past(client):
    now = timezone.now()
    EventFactory(title="Oud", starts_at=now - timedelta(days=90), ends_at=now - timedelta(days=90) + timedelta(hours=1))
    EventFactory(
        title="Vorige week", starts_at=now - timedelta(days=7), ends_at=now - timedelta(days=7) + timedelta(hours=1)
    )
    calendar = _ics(client.get(reverse("events:feed")))
    assert [str(e["SUMMARY"]) for e in _vevents(calendar)] == ["Vorige week"]


def test_event_feed_has_one_event_and_hidden_events_have_none(client):
    event = EventFactory(online_url="https://example.org/live", signup_url="https://example.org/aanmelden")
    calendar = _ics(client.get(reverse("events:event_feed", args=[event.slug])))
    (item,) = _vevents(calendar)
    assert "https://example.org/aanmelden" in str(item["DESCRIPTION"])
    assert str(item["URL"]).endswith(event.get_absolute_url())
    hidden = EventFactory(is_published=False)
    assert client.get(reverse("events:event_feed", args=[hidden.slug])).status_code == 404


def test_feed_query_count_does_not_grow(client):
    def count_queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            _ics(client.get(reverse("events:feed")))
        return len(ctx.captured_queries)

    for _ in range(2):
        EventFactory(organisation=OrganisationFactory())
    few = count_queries()
    for _ in range(10):
        EventFactory(organisation=OrganisationFactory())
    assert count_queries() == few


# --- data migration ---


def _migration():
    return importlib.import_module("knowledge.migrations.0012_training_resources_to_events")


def test_migration_moves_dated_trainings_and_can_go_back():
    training = term("knowledge_kind", "training")
    starts = timezone.now().replace(microsecond=0) + timedelta(days=10)
    dated = ResourceFactory(kind=training, event_starts_at=starts, event_place="Buurthuis Noord, Utrecht")
    dated.themes.add(term("theme", THEME))
    undated = ResourceFactory(kind=training, event_starts_at=None)
    article = ResourceFactory(event_starts_at=starts)  # an article with a date is not an event

    migration = _migration()
    migration.forwards(apps, None)
    migration.forwards(apps, None)  # a second run adds nothing
    event = Event.objects.get()
    assert event.source_resource == dated
    assert (event.title, event.slug, event.starts_at) == (dated.title, dated.slug, starts)
    assert event.ends_at == starts + migration.ASSUMED_LENGTH
    assert event.location == "Buurthuis Noord, Utrecht"
    assert event.organisation == dated.organisation
    assert list(event.themes.values_list("slug", flat=True)) == [THEME]
    assert not Event.objects.filter(source_resource__in=[undated, article]).exists()

    handmade = EventFactory()
    migration.backwards(apps, None)
    assert list(Event.objects.all()) == [handmade]
    assert dated.__class__.objects.filter(pk__in=[dated.pk, undated.pk, article.pk]).count() == 3


# --- admin ---


def test_admin_actions_cancel_and_hide(client, staff):
    client.force_login(staff)
    admin_client_with_mfa = client
    event = EventFactory()
    url = reverse("admin:knowledge_event_changelist")
    response = admin_client_with_mfa.post(url, {"action": "cancel", "_selected_action": [event.pk]}, follow=True)
    assert response.status_code == 200
    event.refresh_from_db()
    assert event.is_cancelled and event.sequence == 1
    admin_client_with_mfa.post(url, {"action": "unpublish", "_selected_action": [event.pk]})
    event.refresh_from_db()
    assert not event.is_published


def test_admin_list_and_search_work(client, staff):
    client.force_login(staff)
    admin_client_with_mfa = client
    EventFactory(title="Webinar over energie")
    url = reverse("admin:knowledge_event_changelist")
    assert "Webinar over energie" in admin_client_with_mfa.get(url, {"q": "energie"}).content.decode()
    assert admin_client_with_mfa.get(url, {"wanneer": "voorbij"}).status_code == 200
    assert admin_client_with_mfa.get(reverse("admin:knowledge_event_add")).status_code == 200


def test_utc_is_not_shown_to_visitors(client):
    starts = timezone.now().astimezone(UTC).replace(hour=18, minute=30, second=0, microsecond=0) + timedelta(days=3)
    event = EventFactory(starts_at=starts, ends_at=starts + timedelta(hours=2))
    local = timezone.localtime(starts).strftime("%H.%M")
    assert f"{local} uur" in client.get(event.get_absolute_url()).content.decode()


def test_the_agenda_announces_its_calendar_with_the_same_filters(client):
    def alternate(path: str) -> str:
        html = client.get(path).content.decode()
        (link,) = re.findall(r'<link rel="alternate" type="text/calendar"[^>]*>', html)
        return re.search(r'href="([^"]*)"', link).group(1).replace("&amp;", "&")  # type: ignore[union-attr]

    assert alternate(reverse("events:list")) == reverse("events:feed")
    assert alternate(reverse("events:list") + "?thema=wonen&page=2") == reverse("events:feed") + "?thema=wonen"
