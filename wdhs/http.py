"""Typed requests for code that only a signed-in person reaches, and the cookie of the one-time messages."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.messages.storage.session import SessionStorage
from django.http import HttpRequest

if TYPE_CHECKING:
    from wdhs.models import User


class AuthenticatedHttpRequest(HttpRequest):
    """The request of a @login_required view or an admin action: `user` is a User, never AnonymousUser.

    Only for type checking (the django-stubs recipe); at run time Django passes its own HttpRequest.
    """

    user: User


def admin_user(request: HttpRequest) -> User:
    """The person working in the admin, for ModelAdmin methods that Django calls with a plain HttpRequest.

    The admin site lets only active staff in, so request.user is never AnonymousUser there.
    """
    return cast("User", request.user)


class PrefixedCookieStorage(CookieStorage):
    """Django's message cookie under settings.MESSAGE_COOKIE_NAME ("__Host-messages" with HTTPS, ASVS 3.3.1)."""

    cookie_name = settings.MESSAGE_COOKIE_NAME


class MessageStorage(FallbackStorage):
    """Django's default (a cookie, the session when it is too long), with the prefixed cookie."""

    storage_classes = (PrefixedCookieStorage, SessionStorage)
