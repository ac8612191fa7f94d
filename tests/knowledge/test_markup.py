from __future__ import annotations

import pytest

from wdhs.markup import render_markdown


def test_markdown_becomes_html_with_second_level_headings():
    html = render_markdown("# Kop\n\n## Tussenkop\n\n- een\n- twee\n\n**vet**")
    assert "<h2>Kop</h2>" in html
    assert "<h2>Tussenkop</h2>" in html
    assert "<li>een</li>" in html and "<strong>vet</strong>" in html


@pytest.mark.parametrize(
    "source",
    [
        "<script>alert(1)</script>",
        "Hallo <SCRIPT src=//evil.example/x.js></SCRIPT>",
        "<svg><script>alert(1)</script></svg>",
        "<style>body{display:none}</style>",
    ],
)
def test_script_tags_are_removed_with_their_content(source):
    html = render_markdown(source).lower()
    assert "<script" not in html and "alert(1)" not in html and "<style" not in html and "<svg" not in html


@pytest.mark.parametrize(
    "source",
    [
        '<img src="x" onerror="alert(1)">',
        '<a href="https://a.nl" onclick="alert(1)">klik</a>',
        '<p onmouseover="alert(1)">tekst</p>',
        '<div style="background:url(javascript:alert(1))">x</div>',
    ],
)
def test_event_handlers_and_styles_are_removed(source):
    html = render_markdown(source).lower()
    assert "onerror" not in html and "onclick" not in html and "onmouseover" not in html
    assert "style=" not in html and "<img" not in html


@pytest.mark.parametrize(
    "source",
    [
        "[klik](javascript:alert(1))",
        '<a href="JaVaScRiPt:alert(1)">klik</a>',
        '<a href="  javascript:alert(1)">klik</a>',
        '<a href="java&#09;script:alert(1)">klik</a>',
        "[klik](data:text/html;base64,PHNjcmlwdD4=)",
        "[klik](vbscript:msgbox(1))",
    ],
)
def test_dangerous_link_schemes_are_removed(source):
    html = render_markdown(source).lower()
    assert "javascript:" not in html and "data:" not in html and "vbscript:" not in html
    assert "klik" in html


def test_links_get_safe_rel():
    html = render_markdown("[Oranje Fonds](https://www.oranjefonds.nl/)")
    assert 'href="https://www.oranjefonds.nl/"' in html
    assert 'rel="noopener noreferrer nofollow"' in html


def test_editor_cannot_override_rel_or_target():
    html = render_markdown('<a href="https://a.nl" rel="opener" target="_blank">x</a>')
    assert 'rel="noopener noreferrer nofollow"' in html
    assert "target=" not in html
