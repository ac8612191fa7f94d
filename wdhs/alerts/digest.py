"""Build and queue the digests: one transaction per subscription, so a run can stop anywhere and start again.

For each confirmed subscription that is due (daily: not yet today; weekly: not in the last 6 days), in one
transaction: lock its row, find per kind what became public after the last digest (an indexed timestamp,
filtered by theme and region in SQL, at most ITEMS_PER_KIND per kind), leave out what it was sent before,
record each item in SentItem (unique per subscription and item), move the window on, and hand the mail to
the mail server as the last step before the commit (wdhs.emails.send_now, not the queue).
A run that is interrupted leaves every subscription either done (items recorded, mail sent) or untouched; the
next run does the untouched ones, and SentItem makes a double send impossible.

When the mail server refuses, the transaction rolls back: nothing is recorded as sent, the window stays, the
failure is logged and the run goes on with the next subscription; the day's task then fails and the next
hour's run sends the same items (and what came since) once the server is back. Through the queue, the items
would count as sent while the mail waited, and were lost when its last attempt failed. After
MAIL_FAILURES_IN_A_ROW refusals in a row the server is down, not one address wrong: the run stops, so that it
does not wait out a timeout for every alert, and leaves the rest for the next run. The one case left: the
server takes the mail and then the commit fails (the database goes away in that instant); the next run then
sends those items again. A mail twice is better than a mail lost.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from wdhs import emails
from wdhs.alerts import sources
from wdhs.alerts.models import Frequency, Region, SentItem, Subscription
from wdhs.alerts.services import edit_url, unsubscribe_url
from wdhs.models import MunicipalityNeighbour

logger = logging.getLogger(__name__)

ITEMS_PER_KIND = 20  # per kind in one mail; the rest is "en N meer" with a link to the list
COUNT_AT_MOST = 1000  # "en meer dan 1000 meer" is never needed; the count stays bounded
MAIL_FAILURES_IN_A_ROW = 5  # refused this often in a row: the mail server is down, stop the run


@dataclass
class Section:
    heading: str
    items: list[dict[str, str]]
    more: int = 0
    more_url: str = ""
    keys: list[tuple[int, int]] = field(default_factory=list)  # (content type, object id) to record as sent


def start_of_day(moment: datetime) -> datetime:
    return timezone.make_aware(datetime.combine(timezone.localtime(moment).date(), time.min))


def due(now: datetime) -> QuerySet[Subscription]:
    """The confirmed subscriptions whose next digest is due at `now` (served by the index alert_due)."""
    today = start_of_day(now)
    return Subscription.objects.confirmed().filter(
        Q(last_digest_at__isnull=True)
        | Q(frequency=Frequency.DAILY, last_digest_at__lt=today)
        | Q(frequency=Frequency.WEEKLY, last_digest_at__lt=today - timedelta(days=6))
    )


def _place_filter(subscription: Subscription, source: sources.AlertSource) -> Q:
    """The rows of `source` in the subscription's region (plus the national ones if asked), as one condition."""
    if subscription.region == Region.COUNTRY:
        return Q()
    municipality, province = source.municipality_field, source.province_field
    if subscription.region == Region.PROVINCE:
        condition = Q(**{f"{municipality}__province": subscription.province_id})
        if province:
            condition |= Q(**{province: subscription.province_id})
    else:
        assert subscription.municipality is not None
        municipalities = [subscription.municipality_id]
        provinces = {subscription.municipality.province_id}
        if subscription.region == Region.NEIGHBOURS:
            for neighbour_id, province_id in MunicipalityNeighbour.objects.filter(
                municipality=subscription.municipality_id
            ).values_list("neighbour_id", "neighbour__province_id"):
                municipalities.append(neighbour_id)
                provinces.add(province_id)
        condition = Q(**{f"{municipality}__in": municipalities})
        if province:
            # What holds for the whole province holds for each municipality in it.
            condition |= Q(**{f"{province}__in": provinces, f"{municipality}__isnull": True})
    if subscription.include_national and source.national is not None:
        condition |= source.national
    return condition


def section_for(
    subscription: Subscription, source: sources.AlertSource, *, since: datetime, until: datetime, theme_ids: list[int]
) -> Section | None:
    """What is new for one kind: at most ITEMS_PER_KIND, newest first, never one the subscription was sent."""
    content_type = ContentType.objects.get_for_model(source.model)
    matching = Q()
    if theme_ids:
        matching &= Q(**{f"{source.themes_field}__in": theme_ids})
    matching &= _place_filter(subscription, source)
    window = source.public().filter(**{f"{source.since_field}__gt": since, f"{source.since_field}__lte": until})
    if matching:
        # A subquery, so that the joins of many-to-many themes and places give each row once.
        window = window.filter(pk__in=source.model._default_manager.filter(matching).values("pk"))
    window = window.exclude(
        pk__in=SentItem.objects.filter(subscription=subscription, content_type=content_type).values("object_id")
    ).order_by(f"-{source.since_field}", "-pk")
    rows = list(window[:ITEMS_PER_KIND])
    if not rows:
        return None
    more = window[:COUNT_AT_MOST].count() - len(rows) if len(rows) == ITEMS_PER_KIND else 0
    items = [{"title": str(row), "url": settings.SITE_URL + row.get_absolute_url()} for row in rows]
    more_url = ""
    if more:
        themes = list(subscription.themes.values_list("slug", flat=True))
        province = subscription.province.slug if subscription.province else ""
        municipality = subscription.municipality.slug if subscription.municipality else ""
        more_url = settings.SITE_URL + source.list_url(themes, province, municipality)
    return Section(
        heading=source.heading,
        items=items,
        more=more,
        more_url=more_url,
        keys=[(content_type.pk, row.pk) for row in rows],
    )


def digest_headers(subscription: Subscription) -> dict[str, str]:
    """RFC 2369 and RFC 8058: mail programs show an unsubscribe button that posts to our link, in one click."""
    targets = [f"<{unsubscribe_url(subscription)}>"]
    if settings.WDHS_ALERTS_UNSUBSCRIBE_MAILTO:
        targets.append(f"<mailto:{settings.WDHS_ALERTS_UNSUBSCRIBE_MAILTO}?subject=uitschrijven%20{subscription.pk}>")
    return {"List-Unsubscribe": ", ".join(targets), "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def digest_send(pk: int, now: datetime) -> int:
    """One subscription's digest, in one transaction; returns how many items it sent (0: nothing new or not due)."""
    with transaction.atomic():
        subscription = (
            due(now)
            .select_for_update(skip_locked=True, of=("self",))
            .select_related("province", "municipality")
            .filter(pk=pk)
            .first()
        )
        if subscription is None:
            return 0  # done by an earlier run (or another worker has it now)
        since = subscription.last_digest_at or subscription.confirmed_at or subscription.created_at
        theme_ids = list(subscription.themes.values_list("pk", flat=True))
        sections = []
        for kind in subscription.kinds:
            source = sources.source(kind)
            if source is None:
                continue
            section = section_for(subscription, source, since=since, until=now, theme_ids=theme_ids)
            if section is not None:
                sections.append(section)
        sent = sum(len(section.items) for section in sections)
        if sections:
            SentItem.objects.bulk_create(
                [
                    SentItem(subscription=subscription, content_type_id=content_type, object_id=object_id)
                    for section in sections
                    for content_type, object_id in section.keys
                ]
            )
            subscription.last_sent_at = now
        subscription.last_digest_at = now
        subscription.save(update_fields=["last_digest_at", "last_sent_at"])
        if sections:
            # The last step: when the server refuses, the OSError rolls back all of the above.
            emails.send_now(
                "alert-digest",
                to=[subscription.email],
                context={
                    "subscription": subscription,
                    "sections": sections,
                    "count": sent,
                    "unsubscribe_url": unsubscribe_url(subscription),
                    "edit_url": edit_url(subscription),
                    "manage_url": settings.SITE_URL + reverse("alerts:mine"),
                    "subscribe_url": settings.SITE_URL + reverse("alerts:subscribe"),
                },
                headers=digest_headers(subscription),
            )
    return sent


def digests_send(now: datetime | None = None) -> dict[str, Any]:
    """Every due digest; a subscription that fails is logged and left for the next run, the others go on.

    `failed` counts what is not done: the ones that failed and, when the mail server is down, the ones the
    run did not try any more."""
    now = now or timezone.now()
    mails = items = failed = refused_in_a_row = 0
    pks = list(due(now).order_by("pk").values_list("pk", flat=True))
    for index, pk in enumerate(pks):
        try:
            sent = digest_send(pk, now)
        except OSError as error:  # the mail server refused or could not be reached (smtplib errors are OSErrors)
            logger.error(
                "Digest of alert %s not sent, the mail server refused: %s; nothing recorded, the next run tries again",
                pk,
                error,
            )
            failed += 1
            refused_in_a_row += 1
            if refused_in_a_row >= MAIL_FAILURES_IN_A_ROW and index + 1 < len(pks):
                left = len(pks) - index - 1
                logger.error(
                    "The mail server refused %d digests in a row; run stopped, %d left for the next run",
                    refused_in_a_row,
                    left,
                )
                failed += left
                break
            continue
        except Exception:
            logger.exception("Digest of alert %s not sent; the next run tries again", pk)
            failed += 1
            continue
        refused_in_a_row = 0
        if sent:
            mails += 1
            items += sent
    return {"mails": mails, "items": items, "failed": failed}
