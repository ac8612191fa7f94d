from __future__ import annotations

from django.urls import path

from wdhs.embed import views

app_name = "embed"

urlpatterns = [
    path("", views.builder, name="builder"),
    path("initiatieven/", views.initiatives, name="initiatives"),
    path("kennis/", views.knowledge, name="knowledge"),
    path("agenda/", views.events, name="events"),
]
