"""Renders a description (plain text or Markdown) to safe HTML; nh3 keeps only a small allowlist."""

from __future__ import annotations

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "h3", "h4", "blockquote"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}


def render_markdown(text: str) -> SafeString:
    # Headings in a description must not compete with the page's own h1/h2, so they shift down.
    html = markdown.markdown(text or "", extensions=[], output_format="html")
    html = html.replace("<h1>", "<h3>").replace("</h1>", "</h3>").replace("<h2>", "<h3>").replace("</h2>", "</h3>")
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"https", "http", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
    return mark_safe(cleaned)  # noqa: S308 - sanitised by nh3 with an allowlist
