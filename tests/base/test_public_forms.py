"""The one way the public forms (report, contact, ask) handle spam, floods, bad input and success."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django import forms
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.middleware import SessionMiddleware
from django.http import HttpRequest, HttpResponse

from wdhs.forms.once import ALREADY_SENT, BAD_KEY
from wdhs.forms.public import RATE_LIMIT, PublicForm, handle_public_form
from wdhs.models import FormSubmission

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]


class NoteForm(PublicForm):
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
    assert saved == [{"text": "Hallo", "website_url": "", "form_key": ""}]
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


def form_key(response: HttpResponse) -> str:
    match = re.search(r'name="form_key" value="([^"]+)"', response.content.decode())
    assert match, "every rendered public form carries its own key"
    return match.group(1)


def test_the_same_form_sent_twice_is_saved_once_and_says_so(rf):
    saved: list[dict[str, Any]] = []
    key = form_key(send(rf, None, saved)[1])
    assert key != form_key(send(rf, None, saved)[1])  # one key per rendered form
    _, first = send(rf, {"text": "Hallo", "form_key": key}, saved)
    request, again = send(rf, {"text": "Hallo", "form_key": key}, saved)
    assert first.status_code == again.status_code == 302
    assert again["Location"] == "/bedankt/"
    assert texts(request) == [ALREADY_SENT]
    assert len(saved) == 1
    assert FormSubmission.objects.get().form == "test-note"


def test_a_form_sent_with_a_mistake_can_be_sent_again_with_the_same_key(rf):
    saved: list[dict[str, Any]] = []
    key = form_key(send(rf, None, saved)[1])
    _, wrong = send(rf, {"text": "x" * 50, "form_key": key}, saved)
    assert wrong.status_code == 400
    assert form_key(wrong) == key  # the page with the messages keeps the key
    _, right = send(rf, {"text": "Hallo", "form_key": key}, saved)
    assert right.status_code == 302
    assert len(saved) == 1


@pytest.mark.parametrize("bad", ["0123456789abcdef0123456789abcdef", "abc:def", "x" * 5000])
def test_a_key_we_did_not_make_is_a_400_with_a_new_key(rf, bad):
    saved: list[dict[str, Any]] = []
    _, response = send(rf, {"text": "Hallo", "form_key": bad}, saved)
    assert response.status_code == 400
    assert BAD_KEY in response.content.decode()
    fresh = form_key(response)
    assert fresh != bad
    assert send(rf, {"text": "Hallo", "form_key": fresh}, saved)[1].status_code == 302
    assert len(saved) == 1


def test_a_form_sent_again_does_not_count_towards_the_rate_limit(rf):
    saved: list[dict[str, Any]] = []
    key = form_key(send(rf, None, saved)[1])
    for _ in range(RATE_LIMIT + 2):
        request, response = send(rf, {"text": "Hallo", "form_key": key}, saved)
        assert response.status_code == 302
    assert texts(request) == [ALREADY_SENT]
    assert len(saved) == 1
    for _ in range(RATE_LIMIT - 1):
        assert (
            send(rf, {"text": "Nog een", "form_key": form_key(send(rf, None, saved)[1])}, saved)[1].status_code == 302
        )
    assert len(saved) == RATE_LIMIT
