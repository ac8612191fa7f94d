"""Content that must never break a page (issue #17): Markdown nested so deep that python-markdown recurses
too far, or with so many open brackets that it takes seconds. Forms refuse it with a Dutch message; what
is stored anyway (older rows, the admin of yesterday) is shown as plain text; pages show the HTML stored
when the text was saved and never render Markdown themselves."""

from __future__ import annotations

import importlib
import logging

import markdown
import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse

from initiatives.models import Initiative
from tests.factories import InitiativeFactory
from tests.initiatives.test_register import valid_data
from wdhs.markup import MAX_BRACKET_DEPTH, MAX_NESTING, markdown_problem, render_markdown, render_markdown_safely

pytestmark = pytest.mark.django_db

NESTED_LIST = "- " * 500 + "x"  # 1,001 characters: RecursionError in python-markdown
OPEN_BRACKETS = "[" * 4980 + "x"  # seconds of work for python-markdown on every render
NESTED_LINKS = "[" * 1600 + "x" + "](http://a)" * 300


def test_nested_list_initiative_does_not_break_any_page(client, caplog):
    with caplog.at_level(logging.WARNING, logger="wdhs.markup"):
        initiative = InitiativeFactory(name="Diepe Lijst Buurtclub", description=NESTED_LIST)
    assert "too deeply nested" in caplog.text
    detail = client.get(initiative.get_absolute_url())
    assert detail.status_code == 200
    assert "- - - - x" in detail.content.decode()  # the text itself, escaped, not rendered
    assert client.get(reverse("initiatives:list")).status_code == 200
    assert client.get(reverse("search:results"), {"q": "Diepe Lijst Buurtclub"}).status_code == 200
    assert client.get(reverse("home")).status_code == 200


def test_a_render_that_still_fails_shows_the_escaped_text_and_logs(monkeypatch, caplog):
    def broken(*args: object, **kwargs: object) -> str:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(markdown.Markdown, "convert", broken)
    with caplog.at_level(logging.WARNING, logger="wdhs.markup"):
        html = render_markdown_safely("<script>x</script>\n\n**vet**", short=True)
    assert html == "<p>&lt;script&gt;x&lt;/script&gt;</p>\n\n<p>**vet**</p>"
    assert "shown as plain text" in caplog.text


@pytest.mark.parametrize(
    "source",
    [
        NESTED_LIST,
        "* " * 30 + "x",
        "1. " * 30 + "x",
        "> " * 30 + "x",
        "".join("    " * level + "- x\n" for level in range(MAX_NESTING + 2)),
        OPEN_BRACKETS,
        NESTED_LINKS,
        "[x](" * 1200,
        ("[" * 20 + "]") * 200,
    ],
)
def test_register_refuses_too_deep_markdown_with_a_dutch_message(client, user, source):
    assert len(source) <= 5000
    client.force_login(user)
    response = client.post(reverse("initiatives:register"), valid_data(description=source))
    assert response.status_code == 400
    body = response.content.decode()
    assert "Deze tekst heeft te veel" in body
    assert not Initiative.objects.exists()


@pytest.mark.parametrize(
    "source",
    [
        "Wij doen:\n\n- koffie\n    - met koek\n        - en thee\n\n> Een citaat (van een buur).",
        "Zie [onze site](https://example.org) en [de gemeente](https://example.org/g) (open 9-17 uur).",
        "1. stap een\n2. stap twee\n\n" + "[a](https://a.nl) " * 200,
        "(" * MAX_BRACKET_DEPTH + "x",
    ],
)
def test_ordinary_markdown_is_accepted(source):
    assert markdown_problem(source) is None


def test_pages_show_the_html_stored_on_save_and_never_render_it(client):
    initiative = InitiativeFactory(description="Wij zijn **actief**.")
    assert initiative.description_html == "<p>Wij zijn <strong>actief</strong>.</p>"
    # Proof that pages read the stored field: a different stored HTML is what they show.
    Initiative.objects.filter(pk=initiative.pk).update(description_html="<p>OPGESLAGEN-HTML</p>")
    assert "OPGESLAGEN-HTML" in client.get(initiative.get_absolute_url()).content.decode()
    assert "OPGESLAGEN-HTML" in client.get(reverse("initiatives:list")).content.decode()


def test_saving_only_other_fields_keeps_the_html_and_saving_the_text_renews_it():
    initiative = InitiativeFactory(description="eerst")
    initiative.description = "*daarna*"
    initiative.save(update_fields=["description"])
    initiative.refresh_from_db()
    assert initiative.description_html == "<p><em>daarna</em></p>"


def test_data_migration_fills_the_stored_html_in_batches(monkeypatch):
    first = InitiativeFactory(description="**een**")
    second = InitiativeFactory(description=NESTED_LIST)
    Initiative.objects.update(description_html="")
    migration = importlib.import_module("initiatives.migrations.0005_content_description_html")
    monkeypatch.setattr(migration, "BATCH", 1)
    with connection.cursor() as cursor:  # a real migrate has no pending foreign key checks from the factory
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    with connection.schema_editor() as editor:
        migration.forwards(apps, editor)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.description_html == "<p><strong>een</strong></p>"
    assert "- - - x" in second.description_html


def test_the_renderer_is_clean_again_after_a_text_that_broke_it():
    """The Markdown instance is reused per thread: a RecursionError halfway must leave nothing behind."""
    with pytest.raises(RecursionError):
        render_markdown(NESTED_LIST, short=True)
    assert render_markdown("**vet**", short=True) == "<p><strong>vet</strong></p>"
    assert render_markdown("*[AB]: iets\n\nAB[^1]\n\n[^1]: voetnoot") == render_markdown(
        "*[AB]: iets\n\nAB[^1]\n\n[^1]: voetnoot"
    )


@pytest.mark.parametrize(("description", "message"), [(NESTED_LIST, "te veel lijstjes"), ("x" * 5001, "5000")])
def test_the_model_refuses_it_too_so_the_admin_does(description, message):
    initiative = InitiativeFactory()
    initiative.description = description
    with pytest.raises(ValidationError) as refused:
        initiative.full_clean()
    assert message in " ".join(refused.value.message_dict["description"])
