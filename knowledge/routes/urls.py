from __future__ import annotations

from django.urls import path

from knowledge.routes import views

app_name = "routes"

urlpatterns = [
    path("", views.route_list, name="list"),
    path("<slug:slug>/", views.route_detail, name="detail"),
]
