"""The admin site (/beheer/) without a log-in of its own: staff log in like everyone, through allauth.

Django's admin login form does not go through allauth, so allauth's rate limits (and its two-factor step)
would not apply to it. Its login view therefore only sends the visitor on to allauth's login page.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse


class PortalAdminSite(admin.AdminSite):
    def login(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
        """Never a form here (GET or POST): on to allauth's login, keeping a safe `next`."""
        from django.contrib.auth.views import LoginView  # imports the user model: not while apps load

        next_url = LoginView().get_redirect_url(request) or reverse("admin:index", current_app=self.name)
        user = request.user
        if user.is_authenticated:
            if self.has_permission(request):
                return HttpResponseRedirect(next_url)
            # Logged in but no staff member: allauth's login would send them straight back here.
            raise PermissionDenied
        return HttpResponseRedirect(f"{reverse('account_login')}?{urlencode({'next': next_url})}")
