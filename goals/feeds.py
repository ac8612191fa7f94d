"""Atom feeds of the progress updates: all goals, and one goal."""

from __future__ import annotations

import datetime

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from goals.models import Goal, Update
from wdhs.feeds import PortalFeed

FEED_SIZE = 20


class LatestUpdatesFeed(PortalFeed):
    feed_type = Atom1Feed
    title = "Voortgang van de vijf doelen · We Doen Het Samen"
    subtitle = "Nieuws over de doelen van het actieprogramma We Doen Het Samen."

    def link(self) -> str:
        return reverse("goals:index")

    def items(self) -> list[Update]:
        return list(Update.objects.published().select_related("goal", "author")[:FEED_SIZE])

    def item_title(self, item: Update) -> str:
        return f"Doel {item.goal.number}: {item.title}"

    def item_description(self, item: Update) -> str:
        return item.body

    def item_link(self, item: Update) -> str:
        return item.get_absolute_url()

    def item_pubdate(self, item: Update) -> datetime.datetime:
        return item.published_at

    def item_author_name(self, item: Update) -> str | None:
        # Only a chosen display name is public; never a part of the e-mail address.
        return item.author.display_name if item.author and item.author.display_name else "Redactie We Doen Het Samen"


class GoalUpdatesFeed(LatestUpdatesFeed):
    def get_object(self, request: HttpRequest, number: int) -> Goal:
        return get_object_or_404(Goal, number=number)

    # Feed passes the object to title, link and items only when they take it (it inspects the signature), so
    # these overrides of the feed above differ from it on purpose.
    def title(self, obj: Goal) -> str:  # type: ignore[override]
        return f"Voortgang van doel {obj.number}: {obj.short_title} · We Doen Het Samen"

    def link(self, obj: Goal) -> str:  # type: ignore[override]
        return obj.get_absolute_url()

    def items(self, obj: Goal) -> list[Update]:  # type: ignore[override]
        return list(Update.objects.published().filter(goal=obj).select_related("goal", "author")[:FEED_SIZE])
