from __future__ import annotations

from django.urls import path

from initiatives import exports, views
from initiatives.feeds import InitiativeAtomFeed

app_name = "initiatives"

urlpatterns = [
    path("initiatieven/", views.initiative_list, name="list"),
    path("initiatieven/aanmelden/", views.initiative_register, name="register"),
    path("initiatieven/kaart/", views.initiative_map, name="map"),
    path("initiatieven/export.csv", exports.export_csv, name="export_csv"),
    path("initiatieven/export.json", exports.export_json, name="export_json"),
    path("initiatieven/feed/", InitiativeAtomFeed(), name="feed"),
    path("initiatieven/uitnodiging/<str:token>/", views.invitation_accept, name="invitation"),
    path("initiatieven/<slug:slug>/", views.initiative_detail, name="detail"),
    path("initiatieven/<slug:slug>/melden/", views.initiative_report, name="report"),
    path("initiatieven/<slug:slug>/contact/", views.initiative_contact, name="contact"),
    path("mijn/initiatieven/<slug:slug>/", views.initiative_manage, name="manage"),
    path("mijn/initiatieven/<slug:slug>/bewerken/", views.initiative_edit, name="edit"),
    path("mijn/initiatieven/<slug:slug>/bevestigen/", views.initiative_confirm, name="confirm"),
    path("mijn/initiatieven/<slug:slug>/beheerders/uitnodigen/", views.manager_invite, name="invite"),
    path("mijn/initiatieven/<slug:slug>/beheerders/<int:pk>/verwijderen/", views.manager_remove, name="remove_manager"),
]
