"""Template tags of the shared layout."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse
from django.utils.html import format_html

register = template.Library()


@register.simple_tag(takes_context=True)
def nav_link(context: dict[str, Any], label: str, url_name: str) -> str:
    """A main-menu item, marked as the current page for every page below its URL."""
    url = reverse(url_name)
    path = getattr(context.get("request"), "path", "")
    if path.startswith(url):
        return format_html('<li><a class="wdhs-nav__link" href="{}" aria-current="page">{}</a></li>', url, label)
    return format_html('<li><a class="wdhs-nav__link" href="{}">{}</a></li>', url, label)
