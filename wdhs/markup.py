"""Markdown to safe HTML for every app: the `markdown` package renders, nh3 keeps only an allow-list.

Knowledge bodies get the full set (tables, code); short texts such as an initiative's description get
`short=True`: paragraphs, lists, links and small headings that never compete with the page's own.
"""

from __future__ import annotations

import html as html_lib
import logging
import re
import threading

import markdown
import nh3
from django.core.exceptions import ValidationError
from django.utils.html import escape, linebreaks, strip_tags
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


_renderers = threading.local()


def _renderer(short: bool) -> markdown.Markdown:
    """One Markdown instance per thread and kind, reset before each text: building one (loading the
    extensions) costs more than rendering a typical text, which matters for seed_bulk and migrations."""
    name = "short" if short else "full"
    renderer: markdown.Markdown | None = getattr(_renderers, name, None)
    if renderer is None:
        extensions = [] if short else ["extra", "sane_lists"]
        renderer = markdown.Markdown(extensions=extensions, output_format="html")
        setattr(_renderers, name, renderer)
    return renderer.reset()


def _convert(text: str, *, short: bool) -> str:
    try:
        return _renderer(short).convert(text)
    except BaseException:
        # A text that breaks the renderer halfway (RecursionError) leaves state that reset() does not clear.
        setattr(_renderers, "short" if short else "full", None)
        raise


def render_markdown(text: str, *, short: bool = False) -> SafeString:
    """Render Markdown to HTML that is safe to show on a public page."""
    if short:
        html = _convert(text or "", short=True)
        # A short text sits under the page's own h1 and h2, so its headings start at h3.
        html = re.sub(r"<(/?)h[12]\b", r"<\1h3", html)
        return mark_safe(sanitise_html(html, tags=SHORT_TAGS))  # noqa: S308 - cleaned by nh3 just above
    html = _convert(text or "", short=False)
    # The page title is the only <h1>; a "# heading" in the body becomes a second-level heading.
    html = re.sub(r"<(/?)h1\b", r"<\1h2", html)
    return mark_safe(wrap_tables(sanitise_html(html)))  # noqa: S308 - cleaned by nh3 with an allow-list just above


_TABLE = re.compile(r"<table>(.*?)</table>", re.DOTALL)
_EMPTY_HEADER = re.compile(r"<th>\s*</th>")
_FIRST_HEADER = re.compile(r"<th>(.*?)</th>", re.DOTALL)


def wrap_tables(html: str) -> str:
    """Each table in a region of its own that scrolls sideways on a phone and that a keyboard can reach.

    A table wider than the screen scrolls inside its region (WCAG 1.4.10); tabindex="0" lets a keyboard user
    scroll it with the arrow keys (axe: scrollable-region-focusable), and the name says which table it is.
    An empty header cell (the corner of a comparison table) becomes a plain cell: a header must say something.
    Runs on the cleaned HTML, whose tables have no attributes left.
    """

    def wrap(match: re.Match[str]) -> str:
        inner = _EMPTY_HEADER.sub("<td></td>", match.group(1))
        first = _FIRST_HEADER.search(inner)
        heading = " ".join(html_lib.unescape(strip_tags(first.group(1))).split()) if first else ""
        name = f"Tabel: {heading}" if heading else "Tabel"
        return (
            f'<div class="wdhs-table-scroll" role="region" tabindex="0" aria-label="{escape(name)}">'
            f"<table>{inner}</table></div>"
        )

    return _TABLE.sub(wrap, html)


# Limits on what an editor may write, checked when a form is saved (validate_markdown) and again before
# every render (render_markdown_safely). python-markdown recurses once per nested list or quote, so 500
# nested list markers in 1,000 characters raise RecursionError; and it looks for the end of every open
# "[" or "(" up to the end of the text, so thousands of open brackets take seconds. Real texts stay far
# below these numbers.
MAX_NESTING = 10
MAX_BRACKET_DEPTH = 20
# A container marker at the start of a line: a list bullet, a numbered item or a quote sign.
_CONTAINER = re.compile(r"(?:[-*+]|\d{1,9}[.)])[ \t]+|>[ \t]*")

logger = logging.getLogger(__name__)


def _line_depth(line: str) -> int:
    """How many lists or quotes a line opens: its indentation (4 spaces a level) plus the markers in front."""
    expanded = line.expandtabs(4)
    stripped = expanded.lstrip(" ")
    depth = (len(expanded) - len(stripped)) // 4
    position = 0
    while match := _CONTAINER.match(stripped, position):
        depth += 1
        position = match.end()
        if depth > MAX_NESTING:
            break
    return depth


def _bracket_depth(text: str) -> int:
    """The most "[" (or "(") open at one time, counting only those after the last closing one."""
    deepest = square = round_ = 0
    for char in text:
        if char == "[":
            square += 1
        elif char == "]":
            square = max(square - 1, 0)
        elif char == "(":
            round_ += 1
        elif char == ")":
            round_ = max(round_ - 1, 0)
        else:
            continue
        deepest = max(deepest, square, round_)
    return deepest


def markdown_problem(text: str) -> str | None:
    """A Dutch explanation when the text nests too deep to show safely, None when it is fine."""
    if any(_line_depth(line) > MAX_NESTING for line in text.splitlines()):
        return (
            f"Deze tekst heeft te veel lijstjes of citaten in elkaar. Gebruik hoogstens {MAX_NESTING} niveaus "
            "en haal wat streepjes (-), sterretjes (*), cijfers met een punt of > aan het begin van de regels weg."
        )
    if _bracket_depth(text) > MAX_BRACKET_DEPTH:
        return (
            f"Deze tekst heeft te veel haakjes [ of ( die niet gesloten worden (meer dan {MAX_BRACKET_DEPTH}). "
            "Sluit elk haakje of haal de losse haakjes weg."
        )
    return None


def validate_markdown(text: str) -> None:
    """Field validator: refuse text that would nest too deep to render (see markdown_problem)."""
    problem = markdown_problem(text or "")
    if problem:
        raise ValidationError(problem, code="markdown_nesting")


def plain_html(text: str) -> SafeString:
    """The text itself, escaped, with its paragraphs and line breaks: what is shown when Markdown cannot be."""
    return mark_safe(linebreaks(text or "", autoescape=True))  # noqa: S308 - every character escaped


def render_markdown_safely(text: str, *, short: bool = False) -> SafeString:
    """render_markdown that never fails a page: text it cannot render is shown as escaped plain text.

    Pages show the HTML stored when the text was saved (Initiative.description_html, Resource.body_html);
    this is what fills those fields, also for texts saved before the limits above existed.
    """
    problem = markdown_problem(text or "")
    if problem:
        logger.warning("Markdown not rendered (%s characters): too deeply nested", len(text))
        return plain_html(text)
    try:
        return render_markdown(text, short=short)
    except Exception:  # the page must show, whatever the content does to the renderer
        logger.warning("Markdown could not be rendered (%s characters); shown as plain text", len(text), exc_info=True)
        return plain_html(text)
