"""/open-data/...: the catalogue and the downloads; the page itself is named `open_data` in wdhs.urls."""

from __future__ import annotations

from django.urls import path

from wdhs.opendata import views

app_name = "opendata"

urlpatterns = [
    path("catalogus.jsonld", views.catalogue, name="catalogue"),
    path("<slug:slug>.csv", views.download_csv, name="download_csv"),
    path("<slug:slug>.json", views.download_json, name="download_json"),
]
