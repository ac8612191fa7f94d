"""The one way the public forms (report, contact, ask) handle spam, floods, bad input and success."""

from __future__ import annotations

from typing import Any

import pytest
from django import forms
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.middleware import SessionMiddleware
from django.http import HttpRequest, HttpResponse

from wdhs.forms.fields import HoneypotMixin
from wdhs.forms.public import RATE_LIMIT, handle_public_form

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]


class NoteForm(HoneypotMixin):
    text = forms.CharField(label="Je bericht", max_length=20)


def send(rf: Any, data: dict[str, str] | None, saved: list[dict[str, Any]]) -> tuple[HttpRequest, HttpResponse]:
    request = rf.post("/", data) if data is not None else rf.get("/")
    SessionMiddleware(lambda r: HttpResponse()).process_request(request)
    request._messages = FallbackStorage(request)
    request.user = AnonymousUser()
    response = handle_public_form(
        request,
        NoteForm(request.POST or None),
        template="questions/ask.html",
        context={},
        action="test-note",
        limited_message="Je hebt al veel berichtjes gestuurd. Probeer het over een uur opnieuw.",
        save=saved.append,
        success_url="/bedankt/",
        success_message="Bedankt voor je bericht.",
    )
    return request, response


def texts(request: HttpRequest) -> list[str]:
    return [str(message) for message in get_messages(request)]


def test_get_shows_the_form(rf):
    saved: list[dict[str, Any]] = []
    _, response = send(rf, None, saved)
    assert response.status_code == 200
    assert 'name="text"' in response.content.decode()
    assert saved == []


def test_valid_input_is_saved_then_redirected_with_the_message(rf):
    saved: list[dict[str, Any]] = []
    request, response = send(rf, {"text": "Hallo"}, saved)
    assert response.status_code == 302 and response["Location"] == "/bedankt/"
    assert saved == [{"text": "Hallo", "website_url": ""}]
    assert texts(request) == ["Bedankt voor je bericht."]


def test_spam_gets_the_same_answer_and_nothing_is_saved(rf):
    saved: list[dict[str, Any]] = []
    request, response = send(rf, {"text": "Koop nu", "website_url": "https://spam.example"}, saved)
    assert response.status_code == 302 and response["Location"] == "/bedankt/"
    assert texts(request) == ["Bedankt voor je bericht."]
    assert saved == []


def test_invalid_input_is_a_400_with_the_fields_message(rf):
    saved: list[dict[str, Any]] = []
    _, response = send(rf, {"text": "x" * 50}, saved)
    assert response.status_code == 400
    body = response.content.decode()
    assert 'id="foutmeldingen"' in body and "Je bericht" in body
    assert saved == []


def test_too_many_messages_from_one_address_give_a_429_with_the_dutch_message(rf):
    saved: list[dict[str, Any]] = []
    for _ in range(RATE_LIMIT):
        assert send(rf, {"text": "Hallo"}, saved)[1].status_code == 302
    request, response = send(rf, {"text": "Hallo"}, saved)
    assert response.status_code == 429
    assert "Je hebt al veel berichtjes gestuurd. Probeer het over een uur opnieuw." in response.content.decode()
    assert len(saved) == RATE_LIMIT
