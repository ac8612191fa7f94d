from __future__ import annotations

from django.urls import path

from knowledge import views_questions

app_name = "questions"

urlpatterns = [
    path("vraag/", views_questions.ask, name="ask"),
    path("vraag/verstuurd/", views_questions.thanks, name="thanks"),
    path("mijn/vragen/", views_questions.inbox, name="inbox"),
    path("mijn/vragen/<int:pk>/", views_questions.inbox_detail, name="inbox_detail"),
]
