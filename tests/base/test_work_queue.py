"""The staff work queue on the first screen of /beheer/ (wdhs/workqueue.py and the apps' workqueue.py)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from initiatives import changes
from initiatives.models import Initiative, ProblemReport, Status
from knowledge.models import Resource
from knowledge.questions.models import Question
from knowledge.questions.services import overdue_questions
from tests.factories import (
    InitiativeFactory,
    QuestionFactory,
    ResourceFactory,
    StaffFactory,
    UserFactory,
)
from wdhs import workqueue
from wdhs.models import PageFeedback

pytestmark = pytest.mark.django_db

INDEX = "/beheer/"


def queue(client: Any) -> dict[str, Any]:
    response = client.get(INDEX)
    assert response.status_code == 200
    return {row["line"].code: row for row in response.context["work_queue"]}


def days_ago(days: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


def make_work() -> dict[str, Any]:
    """Two new initiatives (the oldest 4 days), one changed, one duplicate override, reports, questions, knowledge."""
    old_new = InitiativeFactory(status=Status.SUBMITTED, published_at=None)
    Initiative.objects.filter(pk=old_new.pk).update(created_at=days_ago(4))
    InitiativeFactory(status=Status.SUBMITTED, published_at=None)
    changed = InitiativeFactory(name="Oude Naam")
    changes.hold(changed, {"name": "Nieuwe Naam"})
    Initiative.objects.filter(pk=changed.pk).update(pending_since=days_ago(2))
    duplicate = InitiativeFactory(status=Status.SUBMITTED, published_at=None)
    Initiative.objects.filter(pk=duplicate.pk).update(duplicate_override=True)
    published = InitiativeFactory()
    report = ProblemReport.objects.create(initiative=published, reason="onjuist")
    ProblemReport.objects.create(initiative=published, reason="anders", handled_at=timezone.now())
    QuestionFactory(created_at=days_ago(20))
    QuestionFactory(created_at=days_ago(0))  # asked today: not late
    QuestionFactory(created_at=days_ago(30), answer="Zo doe je dat.", answered_at=timezone.now())
    in_review = ResourceFactory(status=Resource.Status.REVIEW, published_at=None, last_reviewed_at=None)
    ResourceFactory(last_reviewed_at=days_ago(400))
    ResourceFactory(published_at=days_ago(500), last_reviewed_at=None)
    ResourceFactory()  # checked today
    page = ContentType.objects.get_for_model(Resource)
    for kind, handled in (("niet_nuttig", None), ("fout", timezone.now()), ("nuttig", None)):
        PageFeedback.objects.create(
            content_type=page,
            object_id=in_review.pk,
            page_kind="kennis",
            page_title="Een pagina",
            kind=kind,
            handled_at=handled,
        )
    return {"changed": changed, "duplicate": duplicate, "report": report, "in_review": in_review}


def test_staff_see_every_line_with_counts_ages_and_where_it_opens(client):
    work = make_work()
    client.force_login(StaffFactory())
    lines = queue(client)
    counts = {code: row["count"].count for code, row in lines.items()}
    assert counts == {
        "initiatives.new": 3,
        "initiatives.changed": 1,
        "initiatives.duplicates": 1,
        "initiatives.reports": 1,
        "questions.overdue": 1,
        "knowledge.review": 1,
        "knowledge.past_review_date": 2,
        "feedback": 1,
    }
    assert lines["initiatives.new"]["age"] == "4 dagen"
    assert lines["initiatives.changed"]["age"] == "2 dagen"
    # The review date of the oldest (published 500 days ago, never checked) passed 135 days ago: in calendar days
    # of the portal's time zone 135, or 134 in the hour before midnight when summer time lies between.
    days = (timezone.localdate() - timezone.localdate(days_ago(135))).days
    assert days in (134, 135)
    assert lines["knowledge.past_review_date"]["age"] == f"{days} dagen"
    # One item: the line opens it; more: the list, filtered to what waits.
    change = "admin:initiatives_initiative_change"
    assert lines["initiatives.changed"]["count"].url == reverse(change, args=[work["changed"].pk])
    assert lines["initiatives.duplicates"]["count"].url == reverse(change, args=[work["duplicate"].pk])
    assert lines["initiatives.reports"]["count"].url == reverse(
        "admin:initiatives_problemreport_change", args=[work["report"].pk]
    )
    assert lines["knowledge.review"]["count"].url == reverse(
        "admin:knowledge_resource_change", args=[work["in_review"].pk]
    )
    assert lines["initiatives.new"]["count"].url == "/beheer/initiatives/initiative/?status__exact=ingediend"


def test_each_filtered_list_shows_as_many_as_the_line_counts(client):
    make_work()
    client.force_login(StaffFactory())
    for code, row in queue(client).items():
        if row["count"].count < 2:
            continue
        response = client.get(row["count"].url)
        assert response.status_code == 200, code
        assert response.context["cl"].result_count == row["count"].count, code


def test_the_page_shows_the_lines_in_dutch_above_the_model_list(client):
    make_work()
    client.force_login(StaffFactory())
    body = client.get(INDEX).content.decode()
    assert "Wat wacht er op de redactie" in body
    assert "Nieuwe initiatieven die wachten op controle" in body
    assert "Vragen zonder antwoord na 5 werkdagen" in body
    assert body.index("Wat wacht er op de redactie") < body.index("Alle onderdelen van het beheer")
    assert 'href="/beheer/initiatives/"' in body  # the model list is still there, below


def test_staff_see_only_the_lines_they_may_act_on(client):
    make_work()
    client.force_login(StaffFactory(groups=["Redactie"]))
    assert set(queue(client)) == {"questions.overdue", "knowledge.review", "knowledge.past_review_date", "feedback"}
    client.force_login(UserFactory(is_staff=True))  # staff without a group: no rights, so no work
    assert queue(client) == {}
    assert "Er is geen werk dat jij kunt oppakken" in client.get(INDEX).content.decode()


def test_outsiders_do_not_get_the_queue(client):
    make_work()
    assert client.get(INDEX).status_code == 302
    client.force_login(UserFactory())
    assert client.get(INDEX).status_code == 302


def test_nothing_waiting_reads_as_nothing_to_do(client):
    client.force_login(StaffFactory())
    lines = queue(client)
    assert all(row["count"].count == 0 for row in lines.values())
    assert "niets te doen" in client.get(INDEX).content.decode()


def test_the_queue_takes_a_fixed_number_of_queries(client):
    client.force_login(StaffFactory())
    client.get(INDEX)
    with CaptureQueriesContext(connection) as few:
        client.get(INDEX)
    make_work()
    make_work()
    with CaptureQueriesContext(connection) as many:
        client.get(INDEX)
    assert len(many) == len(few)
    # One query per line, whatever waits.
    measured = [q for q in many.captured_queries if "COUNT(" in q["sql"] and "MIN(" in q["sql"]]
    assert len(measured) == len(workqueue.LINES)


@pytest.mark.parametrize(
    ("code", "index"),
    [
        ("initiatives.new", "initiative_submitted_created"),
        ("initiatives.changed", "initiative_pending_since"),
        ("initiatives.duplicates", "initiative_duplicate_override"),
        ("initiatives.reports", "problemreport_open"),
        ("questions.overdue", "question_open_created"),
        ("knowledge.review", "resource_in_review"),
        ("knowledge.past_review_date", "resource_review_due"),
    ],
)
def test_each_line_counts_from_an_index_never_the_whole_table(code, index):
    """At national size the planner must be able to count from an index, never by reading the whole table.

    The line's own partial index must exist; which index the planner picks on the empty test tables is a tie
    between equally cheap ones (with real statistics the partial index wins), so the test checks that the plan
    has no sequential scan and that the line's index is there.
    """
    with CaptureQueriesContext(connection) as queries:
        workqueue.LINES[code].measure()
    (query,) = queries.captured_queries
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = %s", [index])
        (definition,) = cursor.fetchone()
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {query['sql']}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert " WHERE " in definition, definition  # a partial index: small at national size
    assert "Seq Scan" not in plan and "Index" in plan, plan


def test_a_question_is_late_after_five_working_days_not_counting_the_weekend():
    tz = timezone.get_current_timezone()
    monday = datetime.datetime(2026, 11, 16, 12, 0, tzinfo=tz)
    asked_monday = QuestionFactory(created_at=monday)
    asked_tuesday = QuestionFactory(created_at=monday + datetime.timedelta(days=1))
    next_monday = datetime.datetime(2026, 11, 23, 17, 0, tzinfo=tz)  # 5 working days later: still in time
    assert set(Question.objects.overdue(next_monday)) == set()
    next_tuesday = next_monday + datetime.timedelta(days=1)
    assert set(Question.objects.overdue(next_tuesday)) == {asked_monday}
    # The same rule as the daily alert to staff.
    assert set(Question.objects.overdue(next_tuesday)) == set(overdue_questions(next_tuesday))
    assert asked_tuesday not in Question.objects.overdue(next_tuesday)


def test_a_registration_past_the_duplicate_check_is_marked_for_staff(client):
    from initiatives import services
    from tests.factories import municipality, term

    InitiativeFactory(name="Buurtmoestuin De Pluk", municipality=municipality("Utrecht"))
    data = {
        "name": "Buurtmoestuin de Pluk",
        "kind": term("initiative_kind", "bewonersinitiatief"),
        "legal_form": term("legal_form", "stichting"),
        "phase": term("phase", "groeien"),
        "municipality": municipality("Utrecht"),
        "active_people": "6-15",
        "description": "Een andere moestuin, aan de andere kant van het park.",
        "themes": [term("theme", "groen-en-leefomgeving")],
    }
    with pytest.raises(services.PossibleDuplicate):
        services.initiative_register(user=UserFactory(), data=data)
    confirmed = services.initiative_register(user=UserFactory(), data=data, confirmed_new=True)
    assert confirmed.duplicate_override is True
    other = services.initiative_register(user=UserFactory(), data={**data, "name": "Repair Café Overvecht"})
    assert other.duplicate_override is False
    assert workqueue.LINES["initiatives.duplicates"].measure().count == 1


def test_age_in_words():
    assert workqueue.age_text(0) == "vandaag"
    assert workqueue.age_text(1) == "1 dag"
    assert workqueue.age_text(12) == "12 dagen"
    assert workqueue.age_text(None) == "—"
