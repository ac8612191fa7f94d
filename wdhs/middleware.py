from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

# allauth's error code when a log-in (password or two-factor code) hit a rate limit (wdhs/adapters.py).
RATE_LIMITED_CODES = {"too_many_login_attempts"}


class InvalidFormStatusMiddleware:
    """A POST whose form comes back with errors answers 400, also for allauth's views; 429 when rate limited.

    Our own views set the status themselves; this covers third-party form views that answer 200.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_template_response(self, request: HttpRequest, response: TemplateResponse) -> TemplateResponse:
        if request.method == "POST" and response.status_code == 200 and response.context_data:
            form = response.context_data.get("form")
            if form is not None and getattr(form, "is_bound", False) and form.errors:
                codes = {error.code for errors in form.errors.as_data().values() for error in errors}
                response.status_code = 429 if codes & RATE_LIMITED_CODES else 400
        return response
