from __future__ import annotations

from django.urls import path

from knowledge.questions import views

app_name = "questions"

urlpatterns = [
    path("vraag/", views.ask, name="ask"),
    path("vraag/verstuurd/", views.thanks, name="thanks"),
    path("mijn/vragen/", views.inbox, name="inbox"),
    path("mijn/vragen/<int:pk>/", views.inbox_detail, name="inbox_detail"),
    path("mijn/vragen/<int:pk>/doorsturen/", views.inbox_pass_on, name="inbox_pass_on"),
]
