"""/open-data/: the datasets with their formats, licence, fields and last change; the catalogue; the downloads."""

from __future__ import annotations

import json

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import condition, require_GET

from wdhs.opendata import dcat
from wdhs.opendata.datasets import BY_SLUG, DATASETS, Dataset, etag, last_changes
from wdhs.opendata.stream import csv_lines, json_parts, streamed

JSON_LD = "application/ld+json; charset=utf-8"


def _downloadable(slug: str) -> Dataset:
    dataset = BY_SLUG.get(slug)
    if dataset is None:
        raise Http404("Deze dataset kennen we niet. Kijk op /open-data/ welke er zijn.")
    return dataset


def _url(dataset: Dataset, url_name: str) -> str:
    return reverse(url_name) if url_name.startswith("initiatives:") else reverse(url_name, args=[dataset.slug])


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    changes = last_changes()
    datasets = [
        {
            "dataset": dataset,
            "csv_url": _url(dataset, dataset.csv_url_name),
            "json_url": _url(dataset, dataset.json_url_name),
            "api_url": f"/api/v1/{dataset.api_path}",
            "last_change": changes.get(dataset.slug),
        }
        for dataset in DATASETS
    ]
    licences = list({dataset.licence.key: dataset.licence for dataset in DATASETS}.values())
    return render(request, "opendata/index.html", {"datasets": datasets, "licences": licences})


@require_GET
def catalogue(request: HttpRequest) -> HttpResponse:
    body = json.dumps(dcat.catalogue(request, last_changes()), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type=JSON_LD)
    response["Access-Control-Allow-Origin"] = "*"  # harvesters and browser tools read it from elsewhere
    response["Cache-Control"] = "public, max-age=300"
    return response


def _head(request: HttpRequest, dataset: Dataset) -> dict[str, object]:
    return {
        "titel": f"{dataset.title} op het kennisplatform We Doen Het Samen",
        "licentie": f"{dataset.licence.name}: {dataset.licence.text}",
        "bron": request.build_absolute_uri(dataset.landing_url),
        "gemaakt": timezone.now().isoformat(timespec="seconds"),
        "kolommen": dict(dataset.columns),
    }


def _etag(request: HttpRequest, slug: str) -> str | None:
    """The ETag of a download: a client that has it gets a 304 until the dataset changes (no rows are read)."""
    dataset = BY_SLUG.get(slug)
    return etag(dataset) if dataset is not None and dataset.rows is not None else None


@require_GET
@condition(etag_func=_etag)
def download_csv(request: HttpRequest, slug: str) -> StreamingHttpResponse | HttpResponseRedirect:
    dataset = _downloadable(slug)
    if dataset.rows is None:  # the register has its own download (initiatives.exports)
        return redirect(dataset.csv_url_name)
    return streamed(
        csv_lines(dataset.columns, dataset.rows(request)),
        "text/csv; charset=utf-8",
        f"{dataset.slug}.csv",
        dcat.licence_uri(request, dataset.licence),
    )


@require_GET
@condition(etag_func=_etag)
def download_json(request: HttpRequest, slug: str) -> StreamingHttpResponse | HttpResponseRedirect:
    dataset = _downloadable(slug)
    if dataset.rows is None:  # the register has its own download (initiatives.exports)
        return redirect(dataset.json_url_name)
    return streamed(
        json_parts(_head(request, dataset), dataset.list_key, dataset.rows(request)),
        "application/json; charset=utf-8",
        f"{dataset.slug}.json",
        dcat.licence_uri(request, dataset.licence),
    )
