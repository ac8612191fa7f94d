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


def _long(n: int) -> str:
    """Sanitised HTML of many paragraphs, with tags and entities that a window may cut in two."""
    return "".join(
        f'<p class="x">Stap {i}: samen &amp; dichtbij, <a href="/kennis/?q={i}">lees</a> &eacute;n doe.</p>'
        for i in range(n)
    )


def test_a_limit_gives_what_truncatechars_gives_reading_only_the_start():
    truncate = Template("{% load portal %}{{ value|plain_text|truncatechars:n }}")
    limited = Template("{% load portal %}{{ value|plain_text:n }}")
    for value in [_long(1), _long(40), "<p>" + "lang " * 500 + "</p>", "<p>kort</p>", ""]:
        for n in (1, 20, 59, 180, 300):
            for cut in range(0, 60, 7):  # windows that end inside a tag, inside an entity, between words
                text = value[cut:] if not value.startswith("<p>") or cut == 0 else "<p>" + value[cut:]
                context = Context({"value": text, "n": n})
                assert limited.render(context) == truncate.render(context), (n, cut)


def test_linked_reads_the_prefetched_rows_or_asks_the_relation():
    class Prefetched:
        _result_cache = ["wonen"]

    class Item:
        _prefetched_objects_cache = {"themes": Prefetched()}

    assert Template('{% load portal %}{{ item|linked:"themes"|join:"," }}').render(Context({"item": Item()})) == "wonen"
