"""/open-data/: every dataset listed with files, licence, fields and last change; every dataset downloadable as
CSV and JSON (streamed, without personal data, safe in a spreadsheet, in a fixed number of queries); the date of
last change read from an index."""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse, reverse_lazy
from django.utils import timezone

from knowledge.events.models import Event
from knowledge.models import Resource
from tests.factories import (
    EventFactory,
    FundingSchemeFactory,
    IndicatorFactory,
    InitiativeFactory,
    MeasurementFactory,
    OrganisationFactory,
    ResourceFactory,
    UserFactory,
    municipality,
    province,
    term,
)
from wdhs.opendata import datasets, stream

pytestmark = pytest.mark.django_db

DOWNLOADABLE = [dataset.slug for dataset in datasets.DATASETS if dataset.rows is not None]
SECRET = "geheim-persoon"


def _body(response) -> str:  # noqa: ANN001
    return b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()


def _uid() -> str:
    return uuid.uuid4().hex[:8]


def _one_of_each(n: int = 1) -> None:
    """n rows in every dataset, with relations filled (themes, places) so the many-to-many columns are read."""
    for _ in range(n):
        InitiativeFactory()
        ResourceFactory(author=UserFactory(email=f"{SECRET}-{_uid()}@example.org"))
        OrganisationFactory(contact=f"Bel Piet via {SECRET}@example.org").provinces.set([province("Utrecht")])
        scheme = FundingSchemeFactory(min_amount=100, max_amount=5000, scope="regio")
        scheme.themes.set([term("theme", "wonen")])
        scheme.legal_forms.set([term("legal_form", "stichting")])
        scheme.provinces.set([province("Utrecht")])
        scheme.municipalities.set([municipality("Utrecht")])
        EventFactory().themes.set([term("theme", "wonen")])
        MeasurementFactory(indicator=IndicatorFactory(), entered_by=UserFactory(email=f"{SECRET}-{_uid()}@example.org"))


def _csv(slug: str, client) -> list[dict[str, str]]:  # noqa: ANN001
    response = client.get(reverse("opendata:download_csv", args=[slug]))
    assert response.status_code == 200, slug
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.DictReader(io.StringIO(_body(response).lstrip("\ufeff"))))


def _json(slug: str, client) -> dict:  # noqa: ANN001
    response = client.get(reverse("opendata:download_json", args=[slug]))
    assert response.status_code == 200, slug
    assert response["Content-Type"] == "application/json; charset=utf-8"
    return json.loads(_body(response))


def test_page_lists_every_dataset_with_files_licence_fields_and_last_change(client):
    ResourceFactory(title="Nieuw in de kennis")
    html = client.get(reverse("open_data")).content.decode()
    for dataset in datasets.DATASETS:
        assert f'id="{dataset.slug}"' in html and dataset.title in html
        assert f'href="/api/v1/{dataset.api_path}"' in html
        for name, meaning in dataset.columns:
            assert f"<code>{name}</code>" in html and meaning.replace("'", "&#x27;") in html
    assert 'href="/initiatieven/export.csv"' in html and 'href="/open-data/kennis.json"' in html
    assert "CC0 1.0" in html and "Vraag de organisatie" in html
    today = timezone.localdate()
    assert f'<time datetime="{today.isoformat()}">' in html
    assert "Nog niets gepubliceerd" in html  # no events, no measurements: said plainly, not an invented date


def test_page_links_its_catalogue_for_harvesters(client):
    html = client.get(reverse("open_data")).content.decode()
    assert re.search(r'<link rel="alternate" type="application/ld\+json"[^>]*href="/open-data/catalogus.jsonld"', html)


@pytest.mark.parametrize("slug", DOWNLOADABLE)
def test_every_dataset_downloads_as_csv_and_json_with_its_columns(client, slug):
    _one_of_each()
    dataset = datasets.BY_SLUG[slug]
    names = [name for name, _ in dataset.columns]
    rows = _csv(slug, client)
    assert rows and list(rows[0]) == names
    data = _json(slug, client)
    assert list(data["kolommen"]) == names and dataset.licence.name in data["licentie"]
    assert data[dataset.list_key] and all(list(row) == names for row in data[dataset.list_key])
    assert [row["url"] if "url" in row else row["naam"] for row in rows] == [
        row["url"] if "url" in row else row["naam"] for row in data[dataset.list_key]
    ]


def test_the_register_keeps_its_own_download(client):
    assert client.get(reverse("opendata:download_csv", args=["initiatieven"])).url == reverse("initiatives:export_csv")
    assert client.get(reverse("opendata:download_json", args=["initiatieven"])).url == reverse(
        "initiatives:export_json"
    )


@pytest.mark.parametrize("slug", ["bestaat-niet", "kennis-en-meer", "a" * 300])
def test_unknown_dataset_is_a_dutch_404(client, slug):
    response = client.get(f"/open-data/{slug}.csv")
    assert response.status_code == 404
    assert "Deze pagina bestaat niet" in response.content.decode() or "bestaat" in response.content.decode()


def test_downloads_hold_the_rules_of_a_funding_scheme(client):
    _one_of_each()
    (row,) = _csv("financiering", client)
    assert row["minimumbedrag"] == "100" and row["maximumbedrag"] == "5000"
    assert row["rechtsvormen"] == "Stichting" and row["themas"] == "Wonen"
    assert row["landelijk"] == "nee" and row["provincies"] == "Utrecht" and row["gemeenten"] == "Utrecht"


@pytest.mark.parametrize("slug", DOWNLOADABLE)
def test_downloads_hold_no_personal_data(client, slug):
    _one_of_each()
    for response in (
        client.get(reverse("opendata:download_csv", args=[slug])),
        client.get(reverse("opendata:download_json", args=[slug])),
    ):
        body = _body(response)
        assert SECRET not in body and "Piet" not in body


def test_downloads_hold_only_what_is_public(client):
    ResourceFactory(title="Zichtbaar")
    ResourceFactory(title="Nog een concept", status=Resource.Status.DRAFT, published_at=None)
    EventFactory(title="Komt eraan")
    EventFactory(title="Verborgen activiteit", is_published=False)
    FundingSchemeFactory(name="Open regeling")
    FundingSchemeFactory(name="Gesloten regeling", is_active=False)
    assert [row["titel"] for row in _csv("kennis", client)] == ["Zichtbaar"]
    assert [row["titel"] for row in _csv("agenda", client)] == ["Komt eraan"]
    assert [row["naam"] for row in _csv("financiering", client)] == ["Open regeling"]


def test_a_cell_that_looks_like_a_formula_stays_text(client):
    ResourceFactory(title='=HYPERLINK("https://evil.example","Klik")')
    (row,) = _csv("kennis", client)
    assert row["titel"].startswith("'=HYPERLINK")


@pytest.mark.parametrize("slug", DOWNLOADABLE)
def test_download_query_count_does_not_grow_with_rows(client, slug):
    _one_of_each(2)
    with CaptureQueriesContext(connection) as few:
        before = _csv(slug, client)
    _one_of_each(8)
    with CaptureQueriesContext(connection) as many:
        after = _csv(slug, client)
    assert len(after) >= len(before) + 8
    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]


def test_download_reads_in_chunks_and_loses_or_repeats_no_row(client, monkeypatch):
    monkeypatch.setattr(stream, "CHUNK", 3)
    for n in range(7):
        ResourceFactory(title=f"Item {n}")
    with CaptureQueriesContext(connection) as queries:
        rows = _csv("kennis", client)
    assert sorted(row["titel"] for row in rows) == [f"Item {n}" for n in range(7)]
    chunks = [q for q in queries.captured_queries if 'FROM "knowledge_resource"' in q["sql"]]
    assert len(chunks) == 3  # 3 + 3 + 1: each chunk its own short query, never the whole table at once


def test_download_is_valid_json_when_empty(client):
    data = _json("agenda", client)
    assert data["activiteiten"] == [] and "kolommen" in data


@pytest.mark.parametrize(
    ("slug", "index"),
    [
        ("initiatieven", "initiative_updated"),
        ("kennis", "resource_updated"),
        ("organisaties", "organisation_updated"),
        ("financiering", "fundingscheme_updated"),
        ("agenda", "event_updated"),
        ("indicatoren", "goals_measurement_created"),
    ],
)
def test_last_change_is_read_from_the_end_of_an_index(slug, index):
    """At national size the date must come from the index on the timestamp, never from reading the table."""
    with CaptureQueriesContext(connection) as queries:
        datasets._newest(datasets.BY_SLUG[slug])
    (query,) = queries.captured_queries
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {query['sql']}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Seq Scan" not in plan and index in plan and "Sort" not in plan, plan


def test_last_change_follows_the_newest_edit(client, empty_cache):
    event = EventFactory()
    MeasurementFactory()
    changes = datasets.last_changes()
    assert changes["agenda"] is not None and changes["indicatoren"] is not None
    event.title = "Nieuwe titel"
    event.save()
    newest = datasets.last_changes()["agenda"]
    assert newest is not None and newest > changes["agenda"]
    assert datasets.last_changes()["indicatoren"] == changes["indicatoren"]


def test_last_change_before_the_first_kept_write_is_the_newest_row(empty_cache):
    """Just after the upgrade no write has been kept yet: the date comes from the rows, as it did before."""
    old = timezone.now() - datetime.timedelta(days=40)
    event = EventFactory()
    Event.objects.filter(pk=event.pk).update(updated_at=old)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE wdhs_table_version SET changed_at = NULL")
    assert datasets.last_changes()["agenda"] == old


@pytest.mark.parametrize("how", ["verwijderd", "niet-meer-gepubliceerd"])
def test_a_deleted_or_unpublished_row_moves_the_last_change_and_the_etag(client, empty_cache, how):
    keep, gone = EventFactory(), EventFactory()
    before = datasets.last_changes()["agenda"]
    response = client.get(reverse("opendata:download_csv", args=["agenda"]))
    etag = response["ETag"]
    b"".join(response.streaming_content)
    assert client.get(reverse("opendata:download_csv", args=["agenda"]), HTTP_IF_NONE_MATCH=etag).status_code == 304
    if how == "verwijderd":
        gone.delete()
    else:
        Event.objects.filter(pk=gone.pk).update(is_published=False)
    after = datasets.last_changes()["agenda"]
    assert before is not None and after is not None and after > before
    assert Event.objects.order_by("-updated_at").values_list("updated_at", flat=True)[0] < after
    again = client.get(reverse("opendata:download_csv", args=["agenda"]), HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 200 and again["ETag"] != etag
    assert keep.title in b"".join(again.streaming_content).decode()


def test_the_register_etag_moves_when_an_initiative_is_deleted(client):
    keep, gone = InitiativeFactory(), InitiativeFactory()
    first = client.get(reverse("initiatives:export_csv"))
    b"".join(first.streaming_content)
    gone.delete()
    again = client.get(reverse("initiatives:export_csv"), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200 and again["ETag"] != first["ETag"]
    assert keep.name in b"".join(again.streaming_content).decode()


@pytest.mark.parametrize(
    ("url", "make"),
    [
        (reverse_lazy("initiatives:export_csv"), InitiativeFactory),
        (reverse_lazy("opendata:download_json", args=["kennis"]), ResourceFactory),
    ],
)
def test_the_etag_is_one_small_query_whatever_the_number_of_rows(client, url, make):
    """A client that polls with If-None-Match gets its 304 from the table versions, without a row being read."""
    make()
    etag = client.get(url)["ETag"]
    for _ in range(5):
        make()
    etag = client.get(url)["ETag"]
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert [query["sql"] for query in queries.captured_queries if "wdhs_table_version" not in query["sql"]] == []
    assert len(queries.captured_queries) == 1
