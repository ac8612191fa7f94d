from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from django.db import connection
from django.urls import reverse

from knowledge.models import Resource
from tests.factories import MembershipFactory, ResourceFactory
from tests.knowledge.test_editor import form_data
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


# Issue #17: a knowledge body is rendered once, when saved, and content can never break its page.


@pytest.mark.django_db
def test_knowledge_body_is_stored_as_html_and_the_page_shows_that(client):

    resource = ResourceFactory(body="# Kop\n\n**vet**")
    assert resource.body_html == "<h2>Kop</h2>\n<p><strong>vet</strong></p>"
    Resource.objects.filter(pk=resource.pk).update(body_html="<p>OPGESLAGEN-HTML</p>")
    assert "OPGESLAGEN-HTML" in client.get(resource.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_too_deep_knowledge_body_already_stored_still_shows_its_page(client):

    resource = ResourceFactory(body="> " * 50 + "- " * 500 + "x")
    response = client.get(resource.get_absolute_url())
    assert response.status_code == 200
    assert "&gt; &gt; &gt;" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("- " * 500 + "x", "te veel lijstjes of citaten"),
        ("[" * 4980 + "x", "te veel haakjes"),
        ("woord " * 9000, "50000"),
    ],
)
def test_editor_refuses_a_body_that_cannot_be_shown_safely(client, body, message):

    membership = MembershipFactory(can_publish=True)
    client.force_login(membership.user)
    response = client.post(reverse("knowledge:editor_resource_create"), form_data(membership.organisation, body=body))
    assert response.status_code == 400
    assert message in response.content.decode().replace(".", "")
    assert not Resource.objects.exists()


@pytest.mark.django_db
def test_knowledge_data_migration_fills_the_stored_html(monkeypatch):

    resource = ResourceFactory(body="*schuin*")
    Resource.objects.update(body_html="")
    migration = importlib.import_module("knowledge.migrations.0005_content_body_html")
    monkeypatch.setattr(migration, "BATCH", 1)
    with connection.cursor() as cursor:  # a real migrate has no pending foreign key checks from the factory
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    with connection.schema_editor() as editor:
        migration.forwards(apps, editor)
    resource.refresh_from_db()
    assert resource.body_html == "<p><em>schuin</em></p>"


def test_a_table_scrolls_in_a_region_that_a_keyboard_reaches_and_that_is_named():
    html = str(render_markdown("| | Vereniging | Stichting |\n|---|---|---|\n| Leden | ja | nee |\n"))
    assert html.startswith('<div class="wdhs-table-scroll" role="region" tabindex="0" aria-label="Tabel: Vereniging">')
    assert html.rstrip().endswith("</table></div>")
    # The empty corner of a comparison table is a plain cell, not a header without text.
    assert "<th></th>" not in html and "<td></td>" in html


def test_a_table_name_cannot_break_out_of_its_attribute():
    html = str(render_markdown('| "><script>x</script> & <b>vet</b> |\n|---|\n| a |\n'))
    assert "<script" not in html
    assert 'aria-label="Tabel: &quot;&gt; &amp; vet">' in html
    assert html.count('aria-label="') == 1
    assert html.count("<div") == 1 and html.count("</div>") == 1


def test_short_texts_get_no_tables():
    assert "<table" not in str(render_markdown("| a |\n|---|\n| b |\n", short=True))
