from __future__ import annotations

from django.urls import path

from goals import views
from goals.feeds import GoalUpdatesFeed, LatestUpdatesFeed

app_name = "goals"

urlpatterns = [
    path("", views.index, name="index"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("dashboard/<str:code>.csv", views.dashboard_csv, name="dashboard_csv"),
    path("updates/feed/", LatestUpdatesFeed(), name="feed"),
    path("<int:number>/", views.detail, name="detail"),
    path("<int:number>/updates/feed/", GoalUpdatesFeed(), name="goal_feed"),
    path("<int:number>/updates/<slug:slug>/", views.update_detail, name="update"),
]
