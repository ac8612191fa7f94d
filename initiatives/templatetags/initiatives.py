from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from wdhs.markup import render_markdown_safely

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str) -> SafeString:
    """Render on the fly; pages show the stored Initiative.description_html instead."""
    return render_markdown_safely(text, short=True)
