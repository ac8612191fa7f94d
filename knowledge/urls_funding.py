from __future__ import annotations

from django.urls import path

from knowledge import views_funding

app_name = "funding"

urlpatterns = [
    path("", views_funding.finder, name="finder"),
    path("<slug:slug>/", views_funding.scheme_detail, name="detail"),
]
