from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from initiatives.models import Initiative
from tests.background import committed
from tests.factories import UserFactory
from tests.initiatives.test_register import valid_data

pytestmark = pytest.mark.django_db


def test_register_review_public_contact_invite(client, staff):
    founder = UserFactory(email="oprichter@example.org")
    visitor_client = client.__class__()

    # 1. register
    client.force_login(founder)
    with committed():
        client.post(reverse("initiatives:register"), valid_data())
    initiative = Initiative.objects.get()
    assert visitor_client.get(initiative.get_absolute_url()).status_code == 404

    # 2. review by staff
    staff_client = client.__class__()
    staff_client.force_login(staff)
    with committed():
        staff_client.post(
            reverse("admin:initiatives_initiative_changelist"),
            {"action": "approve", "_selected_action": [initiative.pk]},
        )
    assert mail.outbox[-1].to == ["oprichter@example.org"]

    # 3. public: list, detail, search
    assert initiative.name in visitor_client.get(reverse("initiatives:list"), {"q": "schroef"}).content.decode()
    assert visitor_client.get(initiative.get_absolute_url()).status_code == 200

    # 4. a visitor writes to the managers
    with committed():
        visitor_client.post(
            reverse("initiatives:contact", args=[initiative.slug]),
            {"name": "Bert", "email": "bert@example.org", "message": "Ik heb een kapotte lamp."},
        )
    assert mail.outbox[-1].to == ["oprichter@example.org"]
    assert mail.outbox[-1].reply_to == ["bert@example.org"]

    # 5. the founder invites a co-manager, who accepts
    with committed():
        client.post(reverse("initiatives:invite", args=[initiative.slug]), {"email": "buur@example.org"})
    link = mail.outbox[-1].body[mail.outbox[-1].body.index("/initiatieven/uitnodiging/") :].split()[0]
    neighbour = UserFactory(email="buur@example.org")
    neighbour_client = client.__class__()
    neighbour_client.force_login(neighbour)
    assert neighbour_client.post(link).status_code == 302
    assert neighbour_client.get(initiative.get_manage_url()).status_code == 200

    # 6. the founder steps back; the co-manager is now the last one and cannot leave
    own = initiative.memberships.get(user=founder)
    client.post(reverse("initiatives:remove_manager", args=[initiative.slug, own.pk]))
    last = initiative.memberships.get()
    assert last.user == neighbour
    neighbour_client.post(reverse("initiatives:remove_manager", args=[initiative.slug, last.pk]))
    assert initiative.memberships.count() == 1
    assert client.get(initiative.get_manage_url()).status_code == 404
