"""Markdown to safe HTML for every app: the `markdown` package renders, nh3 keeps only an allow-list.

Knowledge bodies get the full set (tables, code); short texts such as an initiative's description get
`short=True`: paragraphs, lists, links and small headings that never compete with the page's own.
"""

from __future__ import annotations

import re

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "strong", "em", "b", "i", "a", "ul", "ol", "li",
    "blockquote", "code", "pre", "table", "thead", "tbody", "tr", "th", "td", "abbr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}, "td": set()}
SHORT_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "h3", "h4", "blockquote"}
# Only web and mail links: no javascript:, data: or vbscript: URLs, whatever the capitals or spaces.
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}
# Editors are trusted a little, not fully: their links must not pass our reputation or window.opener.
LINK_REL = "noopener noreferrer nofollow"


def sanitise_html(html: str, *, tags: set[str] = ALLOWED_TAGS) -> str:
    return nh3.clean(
        html,
        tags=tags,
        clean_content_tags={"script", "style", "iframe", "object", "embed", "template", "svg", "math"},
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
    )


def render_markdown(text: str, *, short: bool = False) -> SafeString:
    """Render Markdown to HTML that is safe to show on a public page."""
    if short:
        html = markdown.markdown(text or "", output_format="html")
        # A short text sits under the page's own h1 and h2, so its headings start at h3.
        html = re.sub(r"<(/?)h[12]\b", r"<\1h3", html)
        return mark_safe(sanitise_html(html, tags=SHORT_TAGS))  # noqa: S308 - cleaned by nh3 just above
    html = markdown.markdown(text or "", extensions=["extra", "sane_lists"], output_format="html")
    # The page title is the only <h1>; a "# heading" in the body becomes a second-level heading.
    html = re.sub(r"<(/?)h1\b", r"<\1h2", html)
    return mark_safe(sanitise_html(html))  # noqa: S308 - cleaned by nh3 with an allow-list just above
