"""`manage.py seed_bulk`: the asked numbers of valid rows, a search index exactly as the triggers make it,
a second run that replaces the first, demo content untouched, refused in production. Sizes are small here;
the time at full size is measured by hand (docs/benchmarks-data.md), never in a test."""

from __future__ import annotations

import io
import os
from types import ModuleType
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, models
from django.urls import reverse

from goals.models import GoalLink
from initiatives.models import Initiative, Invitation, ProblemReport, Status, render_description
from initiatives.models import Membership as InitiativeMembership
from initiatives.seed import words as initiative_words
from knowledge.funding import seed as funding_seed
from knowledge.models import FundingScheme, Organisation, Question, Resource, StatusChange, render_body
from knowledge.models import Membership as OrganisationMembership
from knowledge.questions import seed as questions_seed
from knowledge.seed import words as knowledge_words
from tests.factories import InitiativeFactory
from wdhs.management.commands.seed_bulk import MODELS
from wdhs.models import Municipality, SearchWord, User
from wdhs.search.index import pending_words_exist
from wdhs.seed import EMAIL_DOMAIN, QUESTION_MARK, SLUG_PREFIX
from wdhs.seed.text import SearchVectors, Text, unsafe_placeholders

pytestmark = pytest.mark.django_db

SMALL = ["--initiatives", "500", "--resources", "200", "--organisations", "20"]
TINY = ["--initiatives", "60", "--resources", "30", "--organisations", "6"]
INDEXED = ["initiatives_initiative", "knowledge_resource", "knowledge_organisation", "knowledge_fundingscheme"]


def seed(*args: str) -> str:
    out = io.StringIO()
    call_command("seed_bulk", *args, stdout=out)
    return out.getvalue()


def seeded_initiatives() -> models.QuerySet[Initiative]:
    return Initiative.objects.filter(slug__startswith=SLUG_PREFIX)


def seeded_resources() -> models.QuerySet[Resource]:
    return Resource.objects.filter(slug__startswith=SLUG_PREFIX)


def test_a_small_run_makes_the_asked_numbers_of_every_kind():
    output = seed(*SMALL)
    assert seeded_initiatives().count() == 500
    assert seeded_resources().count() == 200
    assert Organisation.objects.filter(slug__startswith=SLUG_PREFIX).count() == 20
    assert FundingScheme.objects.filter(slug__startswith=SLUG_PREFIX).count() == 6
    assert Question.objects.filter(routing_reason__startswith=QUESTION_MARK).count() == 10
    assert User.objects.filter(email__endswith="@" + EMAIL_DOMAIN).count() == 500 * 8 // 10 + 1 + 20 * 2
    assert "Klaar in" in output and "500 initiatieven" in output
    # Varied as in real life: every kind, legal form, phase and status; all over the country.
    initiatives = seeded_initiatives()
    assert set(initiatives.values_list("status", flat=True)) == set(Status.values)
    assert initiatives.values("kind").distinct().count() == 10
    assert initiatives.values("legal_form").distinct().count() == 6
    assert initiatives.values("phase").distinct().count() == 4
    assert initiatives.values("municipality").distinct().count() > 150
    assert set(seeded_resources().values_list("status", flat=True)) == set(Resource.Status.values)
    assert seeded_resources().values("kind").distinct().count() == 7
    assert set(seeded_resources().values_list("scope", flat=True)) == set(Resource.Scope.values)
    assert not initiatives.filter(memberships__isnull=True).exists()  # every initiative keeps a manager
    assert initiatives.filter(themes__isnull=True).count() == 0
    assert seeded_resources().filter(themes__isnull=True).count() == 0
    assert InitiativeMembership.objects.filter(initiative__in=initiatives).count() > 500
    assert StatusChange.objects.filter(resource__in=seeded_resources()).count() >= 200
    assert GoalLink.objects.exists()


def test_seeded_rows_pass_the_models_validation():
    seed(*SMALL)
    samples: list[models.QuerySet[Any]] = [
        seeded_initiatives(),
        InitiativeMembership.objects.filter(initiative__slug__startswith=SLUG_PREFIX),
        Invitation.objects.filter(initiative__slug__startswith=SLUG_PREFIX),
        ProblemReport.objects.filter(initiative__slug__startswith=SLUG_PREFIX),
        Organisation.objects.filter(slug__startswith=SLUG_PREFIX),
        OrganisationMembership.objects.filter(organisation__slug__startswith=SLUG_PREFIX),
        seeded_resources(),
        StatusChange.objects.filter(resource__slug__startswith=SLUG_PREFIX),
        FundingScheme.objects.filter(slug__startswith=SLUG_PREFIX),
        Question.objects.filter(routing_reason__startswith=QUESTION_MARK),
        GoalLink.objects.all(),
        User.objects.filter(email__endswith="@" + EMAIL_DOMAIN),
    ]
    for queryset in samples:
        rows = list(queryset.order_by("?")[:25])
        assert rows, queryset.model
        for row in rows:
            row.full_clean()
    # The many-to-many links hold terms of the right list (full_clean does not look at them).
    assert not seeded_initiatives().exclude(themes__vocabulary="theme").exists()
    assert not seeded_initiatives().filter(needs__isnull=False).exclude(needs__vocabulary="need").exists()
    assert not seeded_resources().filter(phases__isnull=False).exclude(phases__vocabulary="phase").exists()
    assert not User.objects.filter(email__endswith="@" + EMAIL_DOMAIN).exclude(password__startswith="!").exists()


def test_seeded_texts_come_with_their_stored_html():
    """Pages show the stored HTML only (issue #17), so the seed fills it as save() would."""
    seed(*TINY)
    for initiative in seeded_initiatives().order_by("?")[:10]:
        assert initiative.description_html == render_description(initiative.description)
    for resource in seeded_resources().order_by("?")[:10]:
        assert resource.body_html == render_body(resource.body)
        assert resource.body_html.startswith("<")


def dangling_links() -> list[str]:
    """Foreign keys of the seeded tables that point nowhere (the seed writes without the database's checks)."""
    found = []
    quote = connection.ops.quote_name
    tables: list[type[models.Model]] = []
    for model in MODELS:
        tables.append(model)
        tables.extend(field.remote_field.through for field in model._meta.local_many_to_many)  # type: ignore[misc]
    with connection.cursor() as cursor:
        for model in tables:
            for field in model._meta.concrete_fields:
                if not isinstance(field, models.ForeignKey):
                    continue
                target = field.target_field
                cursor.execute(
                    f"SELECT count(*) FROM {quote(model._meta.db_table)} c WHERE c.{quote(field.column)} IS NOT NULL "  # noqa: S608
                    f"AND NOT EXISTS (SELECT 1 FROM {quote(target.model._meta.db_table)} p "
                    f"WHERE p.{quote(str(target.column))} = c.{quote(field.column)})"
                )
                if count := cursor.fetchone()[0]:
                    found.append(f"{model._meta.db_table}.{field.column}: {count}")
    return found


def test_a_second_run_replaces_the_first_and_leaves_nothing_dangling():
    seed(*TINY)
    first = sorted(seeded_initiatives().values_list("slug", flat=True))
    output = seed(*TINY)
    assert "60 initiatieven, 30 kennisitems, 6 organisaties" in output  # what the second run removed
    assert sorted(seeded_initiatives().values_list("slug", flat=True)) == first
    assert seeded_resources().count() == 30
    assert User.objects.filter(email__endswith="@" + EMAIL_DOMAIN).count() == 60 * 8 // 10 + 1 + 6 * 2
    assert dangling_links() == []


def test_the_same_seed_gives_the_same_data_and_another_seed_other_data():
    def content() -> list[str]:
        return sorted(seeded_initiatives().values_list("name", flat=True)) + sorted(
            seeded_resources().values_list("title", flat=True)
        )

    seed(*TINY, "--seed", "5")
    first = content()
    seed(*TINY, "--seed", "5")
    assert content() == first
    seed(*TINY, "--seed", "6")
    assert content() != first


def test_remove_deletes_every_seeded_row_and_nothing_else():
    own = InitiativeFactory(name="Buurthuis Eigen Initiatief")
    seed(*TINY)
    output = seed("--remove")
    assert "60 initiatieven" in output
    assert list(Initiative.objects.all()) == [own]
    assert not Resource.objects.exists() and not Organisation.objects.exists()
    assert not User.objects.filter(email__endswith="@" + EMAIL_DOMAIN).exists()
    assert not Question.objects.exists() and not GoalLink.objects.exists()
    assert dangling_links() == []


def vector_shapes(table: str) -> dict[int, list[str]]:
    """Per seeded row: each lexeme with its weights and number of positions (the order of extra forms is free)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT d.id, array_agg(u.lexeme || ':' || array_to_string(u.weights, '') || ':' "  # noqa: S608
            "|| array_length(u.positions, 1) ORDER BY u.lexeme) "
            f"FROM {connection.ops.quote_name(table)} d, unnest(d.search_vector) u WHERE d.slug LIKE %s GROUP BY d.id",
            [SLUG_PREFIX + "%"],
        )
        return dict(cursor.fetchall())


def test_seeded_search_vectors_are_the_ones_the_triggers_make():
    seed(*SMALL)
    assert not pending_words_exist()
    seeded = {table: vector_shapes(table) for table in INDEXED}
    with connection.cursor() as cursor:
        for table in INDEXED:
            # The trigger recomputes the vector when it is set to NULL (see wdhs.search.index.reindex_all).
            cursor.execute(f"UPDATE {table} SET search_vector = NULL WHERE slug LIKE %s", [SLUG_PREFIX + "%"])  # noqa: S608
    for table in INDEXED:
        assert seeded[table], table
        assert vector_shapes(table) == seeded[table], table
    assert not pending_words_exist()  # the seed had stored every word with its forms


def test_search_finds_seeded_content_without_queued_words(client):
    seed(*SMALL)
    assert not SearchWord.objects.filter(expansion__isnull=True).exists()
    response = client.get(reverse("search:results"), {"q": "buurthuis"})
    assert response.status_code == 200
    assert f"/initiatieven/{SLUG_PREFIX}" in response.content.decode()
    # Found by a word form only: the compound "buurtmoestuin" in a text finds "moestuin".
    response = client.get(reverse("initiatives:list"), {"q": "moestuin"})
    assert f"/initiatieven/{SLUG_PREFIX}" in response.content.decode()
    response = client.get(reverse("knowledge:list"), {"q": "vrijwilligers"})
    assert f"/kennis/{SLUG_PREFIX}" in response.content.decode()


def test_vectors_are_built_exactly_as_to_tsvector_counts_positions():
    """Without word forms the builder must give PostgreSQL's own vector, position for position."""
    parts = [
        (Text("Wij wonen in ", "'s-Hertogenbosch", ". De buurt-app van ", "Zwolle-Zuid", " is er, 12 mensen!"), "A"),
        (Text(), "B"),
        (Text("in de", " ", "Den Haag (’s-Gravenhage)", "\n\n", "## Waar begin je?", "\n- ", "en/of het"), "C"),
        (Text("Energiecoöperaties", " ", "zijn", " ", "buurthuizen"), "D"),
    ]
    with connection.cursor() as cursor:
        vectors = SearchVectors(cursor)
        vectors.learn(text for text, _ in parts)
        vectors.forms = {}
        cursor.execute(
            "SELECT %s::tsvector = setweight(to_tsvector('wdhs_dutch', %s), 'A') || setweight(to_tsvector("
            "'wdhs_dutch', %s), 'B') || setweight(to_tsvector('wdhs_dutch', %s), 'C') || to_tsvector('wdhs_dutch', %s)",
            [vectors.vector(parts), *(str(text) for text, _ in parts)],
        )
        assert cursor.fetchone()[0]


def test_word_forms_are_placed_where_the_trigger_places_them():
    """One word with forms per part, so the trigger's order of forms is fixed: the vectors must be equal."""
    parts = [(Text("in de ", "buurthuizen", " is"), "A"), (Text(), "B"), (Text("energiecoöperaties"), "C")]
    with connection.cursor() as cursor:
        vectors = SearchVectors(cursor)
        vectors.learn(text for text, _ in parts)
        assert vectors.forms["buurthuizen"] and vectors.forms["energiecoöperaties"]
        cursor.execute(
            "SELECT %s::tsvector = wdhs_search_vector(%s, 'A') || wdhs_search_vector(%s, 'B') "
            "|| wdhs_search_vector(%s, 'C')",
            [vectors.vector(parts), *(str(text) for text, _ in parts)],
        )
        assert cursor.fetchone()[0]


def template_strings(module: ModuleType) -> list[str]:
    found: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, str):
            if "{" in value:
                found.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)

    for name in dir(module):
        if name.isupper():
            walk(getattr(module, name))
    return found


@pytest.mark.parametrize("module", [initiative_words, knowledge_words, funding_seed, questions_seed])
def test_no_placeholder_touches_a_word(module):
    """A value glued to a letter would make one word of two, and the seeded vector would differ from the trigger's."""
    templates = template_strings(module)
    assert templates
    assert {template: unsafe_placeholders(template) for template in templates if unsafe_placeholders(template)} == {}


def test_the_alter_table_way_works_for_an_owner_who_is_no_superuser():
    """Without the right to skip triggers per session, the seed disables them per table and the database checks
    every foreign key."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        if not cursor.fetchone()[0]:
            pytest.skip("needs a superuser to make a role that owns the tables without being a superuser")
        role = f"wdhs_seed_owner_{os.getpid()}"
        cursor.execute(f"CREATE ROLE {role} NOSUPERUSER")
        cursor.execute(f"GRANT {connection.ops.quote_name(connection.settings_dict['USER'])} TO {role}")
        cursor.execute(f"SET LOCAL ROLE {role}")
        output = seed(*TINY)
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # the foreign keys of every seeded row, checked now
        cursor.execute("RESET ROLE")
        cursor.execute(
            "SELECT count(*) FROM pg_trigger WHERE tgname = 'initiatives_initiative_search_vector' AND tgenabled = 'O'"
        )
        assert cursor.fetchone()[0] == 1
    assert "ALTER TABLE" in output
    assert seeded_initiatives().count() == 60


def test_refused_in_production(settings):
    settings.ENVIRONMENT = "production"
    with pytest.raises(CommandError, match="seed_bulk draait niet in productie"):
        seed(*TINY)
    assert not Initiative.objects.exists() and not User.objects.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--initiatives", "-5"], "'-5' is geen aantal"),
        (["--resources", "veel"], "'veel' is geen aantal"),
        (["--initiatives", "2000000"], "van 0 tot en met 1000000"),
        (["--seed", "x"], "'x' is geen geheel getal"),
        (["--resources", "10", "--organisations", "0"], "hoort bij een organisatie"),
    ],
)
def test_bad_numbers_get_a_dutch_message(args, message):
    with pytest.raises(CommandError, match=message):
        seed(*args)
    assert not Initiative.objects.exists()


def test_without_municipalities_it_says_what_to_do_first():
    Municipality.objects.update(is_active=False)
    with pytest.raises(CommandError, match="load_places"):
        seed(*TINY)


def test_demo_content_stays_as_it_is(demo):
    def snapshot() -> list[list[dict[str, Any]]]:
        querysets: list[models.QuerySet[Any]] = [
            Initiative.objects.exclude(slug__startswith=SLUG_PREFIX),
            Resource.objects.exclude(slug__startswith=SLUG_PREFIX),
            Organisation.objects.exclude(slug__startswith=SLUG_PREFIX),
            FundingScheme.objects.exclude(slug__startswith=SLUG_PREFIX),
            Question.objects.exclude(routing_reason__startswith=QUESTION_MARK),
            User.objects.exclude(email__endswith="@" + EMAIL_DOMAIN),
            SearchWord.objects.all(),
        ]
        return [list(queryset.order_by("pk").values()) for queryset in querysets]

    before = snapshot()
    assert all(before[:5])  # the demo is there
    seed(*TINY)
    seed(*TINY)
    after = snapshot()
    assert after[:6] == before[:6]
    # Words the demo already had keep their forms; the seed only adds words.
    known = {row["word"] for row in before[6]}
    assert known <= {row["word"] for row in after[6]}
    assert [row for row in after[6] if row["word"] in known] == before[6]


def test_a_seed_tells_the_page_cache_that_the_content_changed():
    from wdhs import pagecache

    before = pagecache.content_version()
    seed(*TINY)
    assert pagecache.content_version() != before
