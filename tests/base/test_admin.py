from __future__ import annotations

import pytest
from django.contrib import admin
from django.urls import reverse

pytestmark = pytest.mark.django_db


# Models that are not in /beheer/, each with the reason.
NOT_IN_THE_ADMIN = {
    # Counts kept by database triggers (wdhs/counts.py), recounted every day; no person edits them, and Django's
    # admin refuses a model with a composite primary key. The pages that show them are the view.
    "wdhs.ContentCount",
}


def test_every_model_of_our_apps_is_registered():
    from django.apps import apps

    ours = {"wdhs", "knowledge", "initiatives", "goals", "alerts"}
    missing = [
        model._meta.label
        for model in apps.get_models()
        if model._meta.app_label in ours and model not in admin.site._registry and not model._meta.auto_created
    ]
    assert sorted(missing) == sorted(NOT_IN_THE_ADMIN)


def test_admin_changelists_open_for_a_superuser(client):
    from tests.factories import UserFactory

    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    for model in admin.site._registry:
        opts = model._meta
        changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        response = client.get(changelist, {"q": "test"})
        assert response.status_code == 200, changelist
    assert "Beheer We Doen Het Samen" in client.get(reverse("admin:index")).content.decode()


def test_coalition_staff_open_every_changelist_but_the_groups(client, staff):
    # Staff are no superusers: their group (wdhs/roles.py) lets them see everything but who has which rights
    # and the authenticator apps of others.
    client.force_login(staff)
    closed = []
    for model in admin.site._registry:
        opts = model._meta
        changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        response = client.get(changelist, {"q": "test"})
        assert response.status_code in (200, 403), changelist
        if response.status_code == 403:
            closed.append(opts.label_lower)
    assert closed == ["auth.group", "mfa.authenticator"]


def test_admin_is_closed_to_ordinary_users(client, user):
    client.force_login(user)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302


def test_background_tasks_are_listed_read_only_in_dutch_without_the_mail_itself(client, staff, settings):
    from django_tasks_db.models import DBTaskResult

    from tests.background import DATABASE_QUEUE
    from wdhs import emails

    settings.TASKS = DATABASE_QUEUE
    emails.send("question-answered", to=["vrager@example.org"], context={"question": {"text": "Geheime vraag"}})
    row = DBTaskResult.objects.get()
    client.force_login(staff)
    index = client.get(reverse("admin:index")).content.decode()
    assert "Achtergrondtaken" in index
    listing = client.get(reverse("admin:django_tasks_database_dbtaskresult_changelist"))
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "In de wachtrij sinds" in html and "Uitkomst" in html and "deliver" in html
    assert "Gereed" in html  # the status, in Django's Dutch
    detail = client.get(reverse("admin:django_tasks_database_dbtaskresult_change", args=[row.pk]))
    assert detail.status_code == 200
    assert "Geheime vraag" not in detail.content.decode()
    assert "vrager@example.org" not in detail.content.decode()
    assert client.get(reverse("admin:django_tasks_database_dbtaskresult_add")).status_code == 403


def test_only_a_superuser_gives_rights_in_the_user_admin(client, staff):
    """A staff member may block accounts, but not make anyone staff or superuser, not even themselves."""
    from django.contrib.auth.models import Group

    from tests.factories import UserFactory

    other = UserFactory()
    superuser = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(staff)
    assert client.get(reverse("admin:wdhs_user_change", args=[other.pk])).status_code == 200
    rights = {"is_active": "on", "is_staff": "on", "is_superuser": "on", "groups": [g.pk for g in Group.objects.all()]}
    response = client.post(
        reverse("admin:wdhs_user_change", args=[other.pk]),
        {"email": other.email, "display_name": other.display_name, "first_name": "", "last_name": "", **rights},
    )
    assert response.status_code == 302
    other.refresh_from_db()
    assert not other.is_staff and not other.is_superuser and not other.groups.exists()
    # A staff account, their own or a superuser's, only a superuser changes (an e-mail address could take it over).
    for target in (staff, superuser):
        data = {"email": "overname@example.org", "display_name": "x", "first_name": "", "last_name": "", **rights}
        assert client.post(reverse("admin:wdhs_user_change", args=[target.pk]), data).status_code == 403
        target.refresh_from_db()
        assert target.email != "overname@example.org"
    assert not staff.is_superuser and list(staff.groups.values_list("name", flat=True)) == ["Coalitiemedewerkers"]
    assert client.get(reverse("admin:auth_user_password_change", args=[other.pk])).status_code == 403
    client.post(
        reverse("admin:wdhs_user_changelist"),
        {"action": "deactivate_users", "_selected_action": [other.pk, superuser.pk]},
    )
    other.refresh_from_db()
    superuser.refresh_from_db()
    assert not other.is_active and superuser.is_active


def test_the_admin_javascript_catalogue_has_dutch_for_every_string_of_the_admin_scripts(client):
    """The calendar, clock and other admin scripts take their words from /beheer/jsi18n/ (Django's Dutch plus
    wdhs/locale/nl/LC_MESSAGES/djangojs.po). A Django upgrade that adds a string fails here until it has Dutch."""
    import json
    import re
    from pathlib import Path

    import django.contrib.admin

    from tests.factories import UserFactory

    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.get(reverse("admin:jsi18n"))
    assert response.status_code == 200
    body = response.content.decode()
    found = re.search(r"const newcatalog = (\{.*?\});\n", body, re.S)
    assert found is not None
    catalog = json.loads(found.group(1))
    literal = r'"(?:[^"\\]|\\.)*"'
    call = re.compile(rf"\bn?gettext\(\s*({literal}(?:\s*\+\s*{literal})*)")
    used = set()
    scripts = Path(django.contrib.admin.__file__).parent / "static" / "admin" / "js"
    for script in scripts.rglob("*.js"):
        if "vendor" in script.parts:
            continue
        for match in call.finditer(script.read_text(encoding="utf-8")):
            used.add("".join(json.loads(part) for part in re.findall(literal, match.group(1))))
    assert len(used) > 40
    missing = sorted(text for text in used if text not in catalog)
    assert not missing, missing
    assert catalog["Today (%(date)s)"] == "Vandaag (%(date)s)"
    assert catalog["%(month)s %(day)s, %(year)s"] == "%(day)s %(month)s %(year)s"
