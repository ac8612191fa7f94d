from __future__ import annotations

import pytest
from django.contrib import admin
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_every_model_of_our_apps_is_registered():
    from django.apps import apps

    ours = {"wdhs", "knowledge", "initiatives", "goals"}
    missing = [
        model._meta.label
        for model in apps.get_models()
        if model._meta.app_label in ours and model not in admin.site._registry and not model._meta.auto_created
    ]
    assert missing == []


def test_admin_changelists_and_add_pages_open_for_staff(client, staff):
    client.force_login(staff)
    for model in admin.site._registry:
        opts = model._meta
        changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        response = client.get(changelist, {"q": "test"})
        assert response.status_code == 200, changelist
    assert "Beheer We Doen Het Samen" in client.get(reverse("admin:index")).content.decode()


def test_admin_is_closed_to_ordinary_users(client, user):
    client.force_login(user)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
