"""Typed requests for code that only a signed-in person reaches."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

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
