from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from knowledge.models import Resource, StatusChange
from tests.factories import ResourceFactory, UserFactory
from wdhs.search import parse_query, search_query

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:knowledge_resource_changelist")


def run_action(client, action: str, resources: list[Resource]):
    data = {"action": action, "_selected_action": [r.pk for r in resources]}
    return client.post(CHANGELIST, data, follow=True)


def test_admin_publish_archive_and_review_actions_log_who(client, staff):
    draft = ResourceFactory(status=Resource.Status.REVIEW, published_at=None)
    client.force_login(staff)
    assert run_action(client, "publish", [draft]).status_code == 200
    draft.refresh_from_db()
    assert draft.status == Resource.Status.PUBLISHED and draft.published_at is not None

    old = timezone.now() - timedelta(days=500)
    stale = ResourceFactory(published_at=old, last_reviewed_at=old)
    run_action(client, "mark_reviewed", [stale])
    stale.refresh_from_db()
    assert stale.last_reviewed_at > old

    run_action(client, "archive", [draft])
    draft.refresh_from_db()
    assert draft.status == Resource.Status.ARCHIVED
    assert list(StatusChange.objects.filter(resource=draft).values_list("to_status", "by")) == [
        ("gearchiveerd", staff.pk),
        ("gepubliceerd", staff.pk),
    ]


def test_visible_to_per_role():
    draft = ResourceFactory(status=Resource.Status.DRAFT, published_at=None)
    published = ResourceFactory()
    from django.contrib.auth.models import AnonymousUser

    assert set(Resource.objects.visible_to(AnonymousUser())) == {published}
    assert set(Resource.objects.visible_to(UserFactory())) == {published}
    assert set(Resource.objects.visible_to(UserFactory(is_staff=True))) == {published, draft}


def test_index_follows_organisation_rename():
    resource = ResourceFactory()
    organisation = resource.organisation
    organisation.name = "Dorpenbond Zuidwest"
    organisation.save()
    assert Resource.objects.filter(search_vector=search_query(parse_query("dorpenbond"))).exists()
