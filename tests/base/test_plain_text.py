"""The `plain_text` filter: the text of the portal's own sanitised HTML, for the summaries on cards."""

from __future__ import annotations

from django.template import Context, Template

from wdhs.templatetags.portal import plain_text


def test_tags_go_words_stay_apart_and_entities_are_read():
    html = "<p>Samen <strong>koken</strong> &amp; eten</p><ul><li>elke week</li></ul>"
    assert plain_text(html) == "Samen koken & eten elke week"


def test_text_that_looks_like_html_is_escaped_again_on_the_page():
    """An initiative that writes about '<script>' (escaped by the sanitiser) shows it as text, never as markup."""
    rendered = Template("{% load portal %}{{ value|plain_text|truncatechars:40 }}").render(
        Context({"value": "<p>Wij schrijven &lt;script&gt;alert(1)&lt;/script&gt; als tekst.</p>"})
    )
    assert "<script>" not in rendered
    assert "&lt;script&gt;" in rendered


def test_empty_is_empty():
    assert plain_text("") == ""
    assert plain_text(None) == ""  # type: ignore[arg-type]
