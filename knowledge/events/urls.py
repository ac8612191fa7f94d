from __future__ import annotations

from django.urls import path

from knowledge.events import views

app_name = "events"

urlpatterns = [
    path("", views.event_list, name="list"),
    path("afgelopen/", views.past_list, name="past"),
    path("agenda.ics", views.calendar_feed, name="feed"),
    path("<slug:slug>/", views.event_detail, name="detail"),
    path("<slug:slug>/agenda.ics", views.event_feed, name="event_feed"),
]
