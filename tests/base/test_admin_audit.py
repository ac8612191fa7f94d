"""Every admin action, custom admin view and extra button of /beheer/ that changes data writes the audit log.

The list of what exists is read from the admin itself (each model admin's actions, the URLs it adds, the
"Markeren als afgehandeld" button), so a new action without a case here makes the first test fail: give it a case
below (how to make a row it changes and which field the log must show) or a reason in NOT_LOGGED.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from auditlog.models import LogEntry
from django.contrib import admin
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    EventFactory,
    FundingSchemeFactory,
    InitiativeFactory,
    MembershipFactory,
    MilestoneFactory,
    OrganisationFactory,
    QuestionFactory,
    ResourceFactory,
    RouteFactory,
    UpdateFactory,
    UserFactory,
    province,
)
from wdhs.feedback.admin import HANDLED_BUTTON, HandledButtonMixin

pytestmark = pytest.mark.django_db

# Django's own admin URLs of a model; any other URL a model admin adds is a custom view.
STANDARD_VIEWS = ("_changelist", "_add", "_history", "_delete", "_change")


def admin_actions() -> set[str]:
    """ "action:app.model.name" for every action of every model admin (Django's delete included)."""
    found = set()
    for model, model_admin in admin.site._registry.items():
        for action in model_admin._get_base_actions():  # type: ignore[attr-defined]
            found.add(f"action:{model._meta.label_lower}.{action.name}")
    return found


def custom_views() -> set[str]:
    """ "view:url name" for every URL a model admin adds to Django's own."""
    found = set()
    for model_admin in admin.site._registry.values():
        for pattern in model_admin.get_urls():
            name = getattr(pattern, "name", None)
            if name and not name.endswith(STANDARD_VIEWS):
                found.add(f"view:{name}")
    return found


def buttons() -> set[str]:
    """ "button:app.model._afgehandeld" for every change page with the "Markeren als afgehandeld" button."""
    return {
        f"button:{model._meta.label_lower}.{HANDLED_BUTTON}"
        for model, model_admin in admin.site._registry.items()
        if isinstance(model_admin, HandledButtonMixin)
    }


@dataclass
class Case:
    make: Callable[[], models.Model]  # a row the action changes
    changed: str  # a field the log line must show with its before and after
    data: dict[str, Any] = field(default_factory=dict)  # more form data (a reason)


def _page_feedback() -> models.Model:
    from wdhs.models import PageFeedback

    resource = ResourceFactory()
    return PageFeedback.objects.create(
        page=resource, page_kind="kennis", page_title=resource.title, kind=PageFeedback.Kind.ERROR, message="Fout."
    )


def _problem_report() -> models.Model:
    from initiatives.models import ProblemReport

    return ProblemReport.objects.create(initiative=InitiativeFactory(), reason="onjuist", message="Klopt niet.")


def _invitation() -> models.Model:
    from initiatives.models import Invitation

    return Invitation.objects.create(
        initiative=InitiativeFactory(),
        email="nieuw@example.org",
        token_hash=uuid.uuid4().hex,
        expires_at=timezone.now() + datetime.timedelta(days=14),
    )


def _subscription(active: bool) -> Callable[[], models.Model]:
    def make() -> models.Model:
        from wdhs.alerts.models import Region, Subscription

        return Subscription.objects.create(
            email="lezer@example.org",
            kinds=["kennis"],
            region=Region.PROVINCE,
            province=province("Gelderland"),
            is_active=active,
        )

    return make


def _unconfirmed_address() -> models.Model:
    from allauth.account.models import EmailAddress

    address = EmailAddress.objects.get(user=UserFactory())
    EmailAddress.objects.filter(pk=address.pk).update(verified=False)
    return address


def _term(active: bool) -> Callable[[], models.Model]:
    def make() -> models.Model:
        from wdhs.models import Term

        return Term.objects.create(vocabulary="theme", name=f"Thema {uuid.uuid4().hex[:6]}", is_active=active)

    return make


def _synonym(active: bool) -> Callable[[], models.Model]:
    def make() -> models.Model:
        from wdhs.models import SearchSynonym

        return SearchSynonym.objects.create(word=f"woord{uuid.uuid4().hex[:6]}", synonyms="buurthuis", is_active=active)

    return make


def _submitted_initiative() -> models.Model:
    from initiatives.models import Status

    return InitiativeFactory(status=Status.SUBMITTED, published_at=None)


def _staff_question() -> models.Model:
    from knowledge.models import Question

    return QuestionFactory(organisation=OrganisationFactory(), routing=Question.Routing.STAFF, routing_reason="Hand.")


def _answered_question() -> models.Model:
    return QuestionFactory(
        organisation=OrganisationFactory(),
        consent_publish=True,
        answer="Kijk bij de Kamer van Koophandel.",
        answered_at=timezone.now(),
    )


def _draft_resource() -> models.Model:
    from knowledge.models import Resource

    return ResourceFactory(status=Resource.Status.DRAFT, published_at=None)


def _old_resource() -> models.Model:
    return ResourceFactory(last_reviewed_at=timezone.now() - datetime.timedelta(days=400))


REASON = {"reason": "Er staat nog geen contactpersoon bij."}

CASES: dict[str, Case] = {
    "action:wdhs.user.deactivate_users": Case(UserFactory, "is_active"),
    "action:account.emailaddress.make_verified": Case(_unconfirmed_address, "verified"),
    "action:wdhs.term.activate": Case(_term(False), "is_active"),
    "action:wdhs.term.deactivate": Case(_term(True), "is_active"),
    "action:wdhs.searchsynonym.activate": Case(_synonym(False), "is_active"),
    "action:wdhs.searchsynonym.deactivate": Case(_synonym(True), "is_active"),
    "action:wdhs.pagefeedback.mark_handled": Case(_page_feedback, "handled_at"),
    "action:alerts.subscription.deactivate": Case(_subscription(True), "is_active"),
    "action:alerts.subscription.activate": Case(_subscription(False), "is_active"),
    "action:initiatives.initiative.approve": Case(_submitted_initiative, "status"),
    "action:initiatives.initiative.reject": Case(_submitted_initiative, "status", {"reden_versturen": "1", **REASON}),
    "action:initiatives.initiative.archive": Case(InitiativeFactory, "status"),
    "action:initiatives.invitation.revoke": Case(_invitation, "revoked_at"),
    "action:initiatives.problemreport.mark_handled": Case(_problem_report, "handled_at"),
    "action:knowledge.membership.grant_publish": Case(lambda: MembershipFactory(can_publish=False), "can_publish"),
    "action:knowledge.membership.revoke_publish": Case(lambda: MembershipFactory(can_publish=True), "can_publish"),
    "action:knowledge.resource.publish": Case(_draft_resource, "status"),
    "action:knowledge.resource.archive": Case(ResourceFactory, "status"),
    "action:knowledge.resource.mark_reviewed": Case(_old_resource, "last_reviewed_at"),
    "action:knowledge.question.reroute": Case(_staff_question, "routing"),
    "action:knowledge.question.to_staff_inbox": Case(_staff_question, "organisation"),
    "action:knowledge.question.publish_faq": Case(_answered_question, "faq"),
    "action:knowledge.event.cancel": Case(EventFactory, "is_cancelled"),
    "action:knowledge.event.uncancel": Case(lambda: EventFactory(is_cancelled=True), "is_cancelled"),
    "action:knowledge.event.publish": Case(lambda: EventFactory(is_published=False), "is_published"),
    "action:knowledge.event.unpublish": Case(EventFactory, "is_published"),
    "action:knowledge.fundingscheme.activate": Case(lambda: FundingSchemeFactory(is_active=False), "is_active"),
    "action:knowledge.fundingscheme.deactivate": Case(lambda: FundingSchemeFactory(is_active=True), "is_active"),
    "action:knowledge.route.publish": Case(lambda: RouteFactory(is_published=False), "is_published"),
    "action:knowledge.route.unpublish": Case(RouteFactory, "is_published"),
    "action:goals.milestone.mark_done": Case(lambda: MilestoneFactory(done=False), "done"),
    "action:goals.milestone.mark_not_done": Case(lambda: MilestoneFactory(done=True), "done"),
    "action:goals.update.publish": Case(lambda: UpdateFactory(is_published=False), "is_published"),
    "action:goals.update.unpublish": Case(UpdateFactory, "is_published"),
    "view:initiatives_initiative_approve": Case(_submitted_initiative, "status"),
    "view:initiatives_initiative_reject": Case(_submitted_initiative, "status", REASON),
    f"button:initiatives.problemreport.{HANDLED_BUTTON}": Case(_problem_report, "handled_at"),
    f"button:wdhs.pagefeedback.{HANDLED_BUTTON}": Case(_page_feedback, "handled_at"),
}

# Actions that are not logged here, each with the reason.
NOT_LOGGED = {
    "action:wdhs.searchword.refresh": "search bookkeeping: fills the forms of waiting words, no content or account",
}


def is_delete(key: str) -> bool:
    # Django's own "delete selected": a delete sends a signal per row, which the library logs (a deletion).
    return key.endswith(".delete_selected")


def test_every_action_view_and_button_of_the_admin_has_an_audit_case_or_a_reason():
    found = {key for key in admin_actions() if not is_delete(key)} | custom_views() | buttons()
    assert found == set(CASES) | set(NOT_LOGGED)


def entries_for(obj: models.Model) -> list[LogEntry]:
    content_type = ContentType.objects.get_for_model(type(obj))
    return list(LogEntry.objects.filter(content_type=content_type, object_pk=str(obj.pk)).order_by("pk"))


def perform(client: Any, key: str, obj: models.Model, data: dict[str, Any]) -> Any:
    opts = obj._meta
    kind, _, rest = key.partition(":")
    if kind == "action":
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        return client.post(url, {"action": rest.rsplit(".", 1)[1], ACTION_CHECKBOX_NAME: [obj.pk], **data})
    if kind == "view":
        return client.post(reverse(f"admin:{rest}", args=[obj.pk]), data)
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    return client.post(url, {HANDLED_BUTTON: "Markeren als afgehandeld", **data})


@pytest.mark.parametrize("key", sorted(CASES))
def test_the_change_is_in_the_audit_log_with_who_and_before_and_after(client, key):
    case = CASES[key]
    superuser = UserFactory(is_staff=True, is_superuser=True)
    obj = case.make()
    before = {entry.pk for entry in entries_for(obj)}
    client.force_login(superuser)
    response = perform(client, key, obj, case.data)
    assert response.status_code == 302, response.content.decode()[:2000]
    new = [entry for entry in entries_for(obj) if entry.pk not in before]
    assert new, f"{key}: no audit log line for {obj!r}"
    entry = new[-1]
    assert entry.action == LogEntry.Action.UPDATE
    assert entry.actor == superuser
    assert entry.timestamp <= timezone.now()
    old, now = entry.changes_dict[case.changed]
    assert old != now
    if key.startswith(("action:alerts.", "action:initiatives.invitation")):
        assert "@example.org" not in entry.object_repr  # no reader's address in the log (AVG)


def test_update_logged_logs_each_row_in_a_fixed_number_of_queries(django_assert_max_num_queries):
    from auditlog.context import set_actor

    from knowledge.models import Event
    from wdhs.audit import update_logged

    staff = UserFactory(is_staff=True)
    events = [EventFactory() for _ in range(30)]
    sequences = {event.pk: event.sequence for event in events}
    queryset = Event.objects.filter(pk__in=sequences)
    with set_actor(staff), django_assert_max_num_queries(8):
        done = update_logged(queryset, is_cancelled=True, sequence=models.F("sequence") + 1)
    assert done == 30
    for event in events:
        entry = entries_for(event)[-1]
        assert entry.actor == staff
        # An expression is logged as stored, not as the expression.
        assert entry.changes_dict["sequence"] == [sequences[event.pk], sequences[event.pk] + 1]
    # Rows that do not change get no line.
    count = LogEntry.objects.count()
    with set_actor(staff):
        assert update_logged(queryset, is_cancelled=True) == 30
    assert LogEntry.objects.count() == count
