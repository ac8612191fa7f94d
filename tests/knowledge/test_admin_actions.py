from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from knowledge.models import Resource, StatusChange
from tests.factories import ResourceFactory, StaffFactory, UserFactory
from wdhs.search.query import parse_query, search_query

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
    assert stale.last_reviewed_at is not None and stale.last_reviewed_at > old

    run_action(client, "archive", [draft])
    draft.refresh_from_db()
    assert draft.status == Resource.Status.ARCHIVED
    assert list(StatusChange.objects.filter(resource=draft).values_list("to_status", "by")) == [
        (Resource.Status.ARCHIVED, staff.pk),
        (Resource.Status.PUBLISHED, staff.pk),
    ]


def test_admin_actions_need_the_right_permission_not_just_staff(client):
    """A staff member who may only read kennisitems cannot publish or archive them with an action (issue #17)."""
    from django.contrib.auth.models import Permission

    reader = UserFactory(is_staff=True)
    reader.user_permissions.add(Permission.objects.get(codename="view_resource"))
    waiting = ResourceFactory(status=Resource.Status.REVIEW, published_at=None)
    client.force_login(reader)
    assert client.get(CHANGELIST).status_code == 200
    for action in ("publish", "archive", "mark_reviewed"):
        run_action(client, action, [waiting])
    waiting.refresh_from_db()
    assert waiting.status == Resource.Status.REVIEW
    assert not StatusChange.objects.filter(resource=waiting).exists()


def test_the_editorial_group_publishes_in_the_admin(client):
    editor = StaffFactory(groups=["Redactie"])
    waiting = ResourceFactory(status=Resource.Status.REVIEW, published_at=None)
    client.force_login(editor)
    run_action(client, "publish", [waiting])
    waiting.refresh_from_db()
    assert waiting.status == Resource.Status.PUBLISHED


def test_visible_to_per_role():
    draft = ResourceFactory(status=Resource.Status.DRAFT, published_at=None)
    published = ResourceFactory()
    from django.contrib.auth.models import AnonymousUser

    assert set(Resource.objects.visible_to(AnonymousUser())) == {published}
    assert set(Resource.objects.visible_to(UserFactory())) == {published}
    assert set(Resource.objects.visible_to(StaffFactory())) == {published, draft}
    # Being staff alone gives no editorial rights: those come from the group (wdhs/roles.py).
    assert set(Resource.objects.visible_to(UserFactory(is_staff=True))) == {published}


def test_index_follows_organisation_rename():
    resource = ResourceFactory()
    organisation = resource.organisation
    organisation.name = "Dorpenbond Zuidwest"
    organisation.save()
    assert Resource.objects.filter(search_vector=search_query(parse_query("dorpenbond"))).exists()


def test_resource_links_to_a_goal_and_shows_there_only_when_published(client):
    from django.contrib.contenttypes.models import ContentType

    from goals.models import GoalLink
    from tests.factories import goal

    published = ResourceFactory(title="Gekoppeld en openbaar")
    draft = ResourceFactory(title="Gekoppeld concept", status=Resource.Status.DRAFT, published_at=None)
    content_type = ContentType.objects.get_for_model(Resource)
    for resource in (published, draft):
        GoalLink.objects.create(goal=goal(5), content_type=content_type, object_id=resource.pk)
    html = client.get(goal(5).get_absolute_url()).content.decode()
    assert "Gekoppeld en openbaar" in html and "Gekoppeld concept" not in html
    draft.delete()
    assert GoalLink.objects.filter(object_id=draft.pk, content_type=content_type).count() == 0


def test_resource_change_page_has_goal_inline(client, staff):
    resource = ResourceFactory()
    client.force_login(staff)
    html = client.get(reverse("admin:knowledge_resource_change", args=[resource.pk])).content.decode()
    assert "bijdragen aan de doelen" in html.lower()
