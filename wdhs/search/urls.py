from __future__ import annotations

from django.urls import path

from wdhs.search import views as search_views

app_name = "search"

urlpatterns = [path("zoeken/", search_views.results, name="results")]
