from __future__ import annotations

import argparse
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, models, transaction
from django.utils import timezone, translation
from django.utils.formats import number_format

from goals import seed as goals_seed
from goals.models import GoalLink
from initiatives import seed as initiatives_seed
from initiatives.models import Initiative, Invitation, ProblemReport
from initiatives.models import Membership as InitiativeMembership
from knowledge import seed as knowledge_seed
from knowledge.funding import seed as funding_seed
from knowledge.models import FundingScheme, Organisation, Question, Resource, StatusChange
from knowledge.models import Membership as OrganisationMembership
from knowledge.questions import seed as questions_seed
from wdhs import counts, pagecache
from wdhs.audit import without_audit_log
from wdhs.models import Municipality, SearchWord, User
from wdhs.search.index import pending_words_exist, refresh_pending
from wdhs.search.registry import indexed_tables
from wdhs.seed import SLUG_LIKE, ProtectedRowsError, Seeder, number, remove_users, seed_users, triggers_off

MOST = 1_000_000
# Every table the seed writes or deletes from (their many-to-many tables too): triggers off, ANALYZE after.
MODELS: list[type[models.Model]] = [
    User, Organisation, OrganisationMembership, Resource, StatusChange, FundingScheme, Question, Initiative,
    InitiativeMembership, Invitation, ProblemReport, GoalLink, SearchWord,
]  # fmt: skip


def amount(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = -1
    if not 0 <= number <= MOST:
        raise argparse.ArgumentTypeError(f"'{value}' is geen aantal: geef een geheel getal van 0 tot en met 1000000.")
    return number


def seed_number(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is geen geheel getal.") from None


def tables() -> list[str]:
    names = []
    for model in MODELS:
        names.append(model._meta.db_table)
        names.extend(m2m.remote_field.through._meta.db_table for m2m in model._meta.local_many_to_many)  # type: ignore[union-attr]
    return names


class Command(BaseCommand):
    help = (
        "Vult de database met veel verzonnen testgegevens voor belastingtests: initiatieven, kennisitems, "
        "organisaties en wat erbij hoort, met een complete zoekindex. Een nieuwe run vervangt de testgegevens "
        "van de vorige; voorbeeldinhoud en echte inhoud blijven staan. Zie docs/benchmarks-data.md."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--initiatives", type=amount, default=100_000, help="Aantal initiatieven (100000).")
        parser.add_argument("--resources", type=amount, default=50_000, help="Aantal kennisitems (50000).")
        parser.add_argument("--organisations", type=amount, default=2_000, help="Aantal organisaties (2000).")
        parser.add_argument(
            "--seed",
            type=seed_number,
            default=1,
            help="Startgetal van het toeval: hetzelfde getal geeft dezelfde gegevens (1).",
        )
        parser.add_argument(
            "--remove", action="store_true", help="Alleen de testgegevens van een vorige run verwijderen."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.ENVIRONMENT == "production":
            raise CommandError(
                "seed_bulk draait niet in productie (DJANGO_ENV=production): verzonnen testgegevens horen niet in "
                "de echte database. Gebruik het alleen op je eigen computer of op een server voor belastingtests."
            )
        if options["resources"] and not options["organisations"]:
            raise CommandError("Een kennisitem hoort bij een organisatie: geef ook --organisations 1 of meer.")
        if not options["remove"] and not Municipality.objects.active().exists():
            raise CommandError("Er staan nog geen gemeenten in de database: voer eerst 'manage.py load_places' uit.")
        # Test data, not people's work: no audit log line per row (150,000 of them at national size).
        with translation.override("nl"), without_audit_log():
            self._run(options)

    def _run(self, options: dict[str, Any]) -> None:
        started = time.perf_counter()
        if options["remove"]:
            self.stdout.write("Testgegevens verwijderen.")
        else:
            self.stdout.write(
                f"Testgegevens maken (seed {options['seed']}): {number(options['initiatives'])} initiatieven, "
                f"{number(options['resources'])} kennisitems, {number(options['organisations'])} organisaties."
            )
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                with triggers_off(cursor, tables()) as how:
                    self.stdout.write(f"Triggers per rij staan uit tijdens het laden ({how}).")
                    with self._step("Vorige testgegevens verwijderd") as summary:
                        summary.append(self._remove(cursor))
                    if not options["remove"]:
                        self._seed(cursor, options)
                # The triggers were off, the page cache's among them: tell it the content changed.
                pagecache.mark_changed(cursor)
                counts.rebuild(cursor)  # and the counts of published rows (wdhs/counts.py) are counted again
                if not options["remove"]:
                    with self._step("Zoekindex") as summary:
                        summary.append(self._finish_search())
        except ProtectedRowsError as error:
            raise CommandError(
                f"De vorige testgegevens kunnen niet weg: andere inhoud verwijst ernaar ({error}). "
                "Verwijder die inhoud of koppel hem los, en probeer het opnieuw."
            ) from error
        with self._step("Statistieken bijgewerkt (ANALYZE)") as summary:
            summary.append(self._analyze())
        self.stdout.write(self.style.SUCCESS(f"Klaar in {seconds(started)} s."))

    def _seed(self, cursor: Any, options: dict[str, Any]) -> None:
        initiatives, resources, organisations = options["initiatives"], options["resources"], options["organisations"]
        today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
        seeder = Seeder(cursor, seed=options["seed"], now=today)
        # Most people manage one initiative, some two or three; organisations have their own editors.
        managers = initiatives * 8 // 10 + (1 if initiatives else 0)
        with self._step("Gebruikers") as summary:
            people = seed_users(seeder, managers + organisations * 2)
            summary.append(f"{number(len(people))} gebruikers (kunnen niet inloggen)")
        with self._step("Organisaties") as summary:
            orgs = knowledge_seed.seed_organisations(seeder, count=organisations, people=people[managers:] or people)
            summary.append(str(orgs))
        with self._step("Kennisitems") as summary:
            knowledge = knowledge_seed.seed_resources(seeder, count=resources, organisations=orgs)
            summary.append(str(knowledge))
        if organisations:
            with self._step("Financieringsregelingen") as summary:
                summary.append(funding_seed.seed(seeder, count=organisations // 4 + 1, organisations=orgs))
            with self._step("Vragen") as summary:
                summary.append(
                    questions_seed.seed(seeder, count=resources // 20, organisations=orgs, faq_ids=knowledge.faq_ids)
                )
        with self._step("Initiatieven") as summary:
            seeded = initiatives_seed.seed(seeder, count=initiatives, managers=people[:managers] or people)
            summary.append(str(seeded))
        with self._step("Koppelingen aan doelen") as summary:
            links = goals_seed.link(seeder, Resource, knowledge.ids) + goals_seed.link(seeder, Initiative, seeded.ids)
            summary.append(f"{number(links)} koppelingen")
        self.stdout.write(f"Zoekwoorden: {number(seeder.vectors.new_words)} nieuwe woorden met hun woordvormen.")

    def _remove(self, cursor: Any) -> str:
        links = goals_seed.unlink(cursor, Initiative, "slug LIKE %s", [SLUG_LIKE])
        questions = questions_seed.remove(cursor)
        schemes = funding_seed.remove(cursor)
        resources, organisations = knowledge_seed.remove(cursor)
        initiatives = initiatives_seed.remove(cursor)
        users = remove_users(cursor)
        return (
            f"{number(initiatives)} initiatieven, {number(resources)} kennisitems, {number(organisations)} "
            f"organisaties, {number(schemes)} regelingen, {number(questions)} vragen, {number(users)} gebruikers, "
            f"{number(links)} koppelingen aan doelen"
        )

    def _finish_search(self) -> str:
        """Words still waiting get their forms now (normally none: the seed stored them), so no search has to wait."""
        processed = refresh_pending()
        if pending_words_exist():
            raise CommandError("Er wachten nog zoekwoorden op hun woordvormen; de zoekindex is niet af.")
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            missing = 0
            for table in indexed_tables():
                cursor.execute(f"SELECT count(*) FROM {quote(table)} WHERE search_vector IS NULL")  # noqa: S608
                missing += cursor.fetchone()[0]
        if missing:
            raise CommandError(f"{number(missing)} rijen hebben geen zoekindex; de zoekindex is niet af.")
        return f"compleet, {number(processed)} woorden uit de wachtrij verwerkt"

    def _analyze(self) -> str:
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {', '.join(quote(table) for table in tables())}")
        return f"{len(tables())} tabellen"

    @contextmanager
    def _step(self, label: str) -> Iterator[list[str]]:
        """Say what is being done, then what it made and how long it took; the block adds the summary."""
        self.stdout.write(f"{label} ...", ending="")
        self.stdout.flush()
        started = time.perf_counter()
        summary: list[str] = []
        yield summary
        self.stdout.write(f" {' '.join(summary)} ({seconds(started)} s)")


def seconds(started: float) -> str:
    return number_format(time.perf_counter() - started, 1)
