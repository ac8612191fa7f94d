"""The Atom feed of /financiering/: the newest schemes that fit (or may fit) the finder's answers in its URL.

Answers the finder does not accept give a 400 with the finder's own Dutch messages, as the finder answers 400.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from knowledge.funding.forms import FinderForm
from knowledge.funding.models import FundingScheme
from knowledge.funding.rules import Verdict, evaluate
from knowledge.funding.search import SCHEMES
from knowledge.funding.views import active_schemes
from wdhs.feeds import FEED_SIZE, FILTER_ERROR, PortalFeed, feed_query, refused
from wdhs.search.query import expand_query, parse_query

SITE = "We Doen Het Samen"


class FundingQuery:
    """The answers of the funding finder read from a feed's URL: schemes that (may) fit them, newest first."""

    def __init__(self, request: HttpRequest) -> None:
        self.params = request.GET
        self.form = FinderForm(self.params) if self.params else FinderForm()
        self.valid = not self.form.is_bound or self.form.is_valid()

    def problem(self) -> str | None:
        if self.valid:
            return None
        messages = [str(message) for errors in self.form.errors.values() for message in errors]
        return " ".join(dict.fromkeys(messages)) or FILTER_ERROR

    def answered(self) -> bool:
        return any(key in FinderForm.base_fields and key != "q" for key in self.params)

    def schemes(self) -> list[FundingScheme]:
        # Hundreds of schemes at most, with their rules kept in memory by the finder (active_schemes).
        schemes = active_schemes()
        if self.form.is_bound and self.valid:
            parsed = parse_query(self.form.cleaned_data.get("q"))
            if parsed.is_searchable:
                found = set(
                    SCHEMES.search(None, expand_query(parsed), queryset=FundingScheme.objects.active()).values_list(
                        "pk", flat=True
                    )
                )
                schemes = [(scheme, rules) for scheme, rules in schemes if scheme.pk in found]
            if self.answered():
                answers = self.form.answers()
                schemes = [(s, r) for s, r in schemes if evaluate(r, answers).verdict != Verdict.DOES_NOT_FIT]
        newest = sorted((scheme for scheme, _ in schemes), key=lambda s: (s.created_at, s.pk), reverse=True)
        return newest[:FEED_SIZE]


class FundingAtomFeed(PortalFeed):
    feed_type = Atom1Feed
    subtitle = "Nieuwe regelingen in de financieringswijzer van We Doen Het Samen."

    def __call__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        problem = FundingQuery(request).problem()
        if problem:
            return refused(request, problem)
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> FundingQuery:
        return FundingQuery(request)

    def title(self, obj: FundingQuery) -> str:
        fitting = " die passen bij je antwoorden" if obj.answered() else ""
        return f"Nieuwe regelingen{fitting} · {SITE}"

    def link(self, obj: FundingQuery) -> str:
        return reverse("funding:finder") + feed_query(obj.params)

    def items(self, obj: FundingQuery) -> list[FundingScheme]:
        return obj.schemes()

    def item_title(self, item: FundingScheme) -> str:
        return item.name

    def item_description(self, item: FundingScheme) -> str:
        return item.summary

    def item_pubdate(self, item: FundingScheme) -> datetime:
        return item.created_at

    def item_updateddate(self, item: FundingScheme) -> datetime:
        return item.updated_at

    def item_author_name(self, item: FundingScheme) -> str:
        return item.funder_display

    def item_categories(self, item: FundingScheme) -> list[str]:
        return [item.kind.name]
