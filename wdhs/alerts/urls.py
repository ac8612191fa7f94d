from __future__ import annotations

from django.urls import path

from wdhs.alerts import views

app_name = "alerts"

urlpatterns = [
    path("meldingen/", views.subscribe, name="subscribe"),
    path("meldingen/bevestigen/<str:token>/", views.confirm, name="confirm"),
    path("meldingen/wijzigen/<str:token>/", views.edit, name="edit"),
    path("meldingen/uitschrijven/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("mijn/meldingen/", views.mine, name="mine"),
    path("mijn/meldingen/<int:pk>/wijzigen/", views.mine_edit, name="mine_edit"),
    path("mijn/meldingen/<int:pk>/verwijderen/", views.delete, name="delete"),
]
