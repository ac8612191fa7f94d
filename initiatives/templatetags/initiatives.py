from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from typing import Any

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from wdhs.markup import render_markdown_safely

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str) -> SafeString:
    """Render on the fly; pages show the stored Initiative.description_html instead."""
    return render_markdown_safely(text, short=True)


_RENDERED: OrderedDict[tuple[str, str], SafeString] = OrderedDict()
_RENDERED_MAX = 64
_rendered_lock = threading.Lock()


@register.simple_tag
def pure_include(template_name: str, **values: Any) -> SafeString:
    """`template_name` rendered with only `values` (no page context), kept in this process by the values themselves.

    For a template that is a pure function of its values, like a map of 342 municipalities: the same counts give the
    same HTML, so it is rendered once instead of on every request (a few thousand variable look-ups and escapes).
    The key is a digest of the values, so a changed count renders anew; at most _RENDERED_MAX are kept.
    """
    key = (template_name, hashlib.sha256(repr(sorted(values.items())).encode()).hexdigest())
    with _rendered_lock:
        held = _RENDERED.get(key)
        if held is not None:
            _RENDERED.move_to_end(key)
            return held
    html = mark_safe(render_to_string(template_name, values))  # noqa: S308 - the output of our own template
    with _rendered_lock:
        _RENDERED[key] = html
        while len(_RENDERED) > _RENDERED_MAX:
            _RENDERED.popitem(last=False)
    return html
