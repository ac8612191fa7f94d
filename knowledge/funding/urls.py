from __future__ import annotations

from django.urls import path

from knowledge.funding import views

app_name = "funding"

urlpatterns = [
    path("", views.finder, name="finder"),
    path("<slug:slug>/", views.scheme_detail, name="detail"),
]
