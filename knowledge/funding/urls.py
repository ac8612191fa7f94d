from __future__ import annotations

from django.urls import path

from knowledge.funding import views
from knowledge.funding.feeds import FundingAtomFeed

app_name = "funding"

urlpatterns = [
    path("", views.finder, name="finder"),
    path("feed/", FundingAtomFeed(), name="feed"),
    path("<slug:slug>/", views.scheme_detail, name="detail"),
]
