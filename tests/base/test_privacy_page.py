"""The privacy page tells the truth: what a visitor without an account leaves behind, and every retention period."""

from __future__ import annotations

import pytest
from django.urls import reverse

from wdhs.retention import TABLE

pytestmark = pytest.mark.django_db


def test_the_privacy_page_no_longer_says_visitors_leave_nothing(client):
    page = client.get(reverse("privacy")).content.decode()
    assert "bewaren we niets" not in page
    for stored in ("IP-adres", "logbestand", "Een vraag stellen", "Een fout melden", "bericht sturen"):
        assert stored in page, stored


def test_the_privacy_page_renders_every_row_of_the_retention_table(client):
    page = client.get(reverse("privacy")).content.decode()
    for row in TABLE:
        assert f'id="bewaren-{row.key}"' in page, row.key
        assert row.basis in page and row.who in page
        if row.period is not None:
            assert f"{row.period_text} {row.start}" in page, row.key


def test_the_privacy_page_follows_a_changed_period(client, monkeypatch):
    from datetime import timedelta

    from wdhs import retention

    changed = tuple(
        retention.Retention(**{**row.__dict__, "period": timedelta(days=90)}) if row.key == "reports" else row
        for row in TABLE
    )
    monkeypatch.setattr("wdhs.templatetags.privacy.TABLE", changed)
    assert "3 maanden na de melding" in client.get(reverse("privacy")).content.decode()


def test_the_privacy_page_names_the_rights_and_how_to_use_them(client):
    page = client.get(reverse("privacy")).content.decode()
    for right in ("Inzien", "Verbeteren", "Wissen", "Zonder account", "Autoriteit Persoonsgegevens"):
        assert right in page
    assert reverse("mijn") in page and reverse("contact") in page
