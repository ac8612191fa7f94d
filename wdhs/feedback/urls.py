from __future__ import annotations

from django.urls import path

from wdhs.feedback import views

app_name = "feedback"

urlpatterns = [
    path("reactie/<slug:kind>/<slug:slug>/", views.give, name="give"),
]
