"""Stel je vraag: ask -> routed -> answered -> mail, the staff inbox, the editor inbox, alerts, retention, FAQ."""

from __future__ import annotations

from datetime import datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from knowledge.models import Question, Resource
from knowledge.questions import services as services_questions
from tests.background import committed
from tests.factories import MembershipFactory, OrganisationFactory, QuestionFactory, UserFactory, municipality, term

pytestmark = pytest.mark.django_db
ASK = "/vraag/"
AMS = ZoneInfo("Europe/Amsterdam")


@pytest.fixture(autouse=True)
def _clear_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def care_partner():
    organisation = OrganisationFactory(name="Zorgpartner", is_national=True)
    organisation.themes.set([term("theme", "zorg-en-welzijn")])
    editor = MembershipFactory(organisation=organisation).user
    return organisation, editor


def ask_data(**overrides: str) -> dict[str, str]:
    data = {
        "name": "Anna de Vries",
        "email": "anna@example.org",
        "municipality": "Utrecht",
        "theme": "zorg-en-welzijn",
        "text": "Hoe regelen we vervoer voor ouderen in ons dorp? We zijn met vijf vrijwilligers.",
        "consent_store": "on",
    }
    data.update(overrides)
    return data


def test_whole_path_ask_routed_answered_mailed(client, care_partner):
    organisation, editor = care_partner
    with committed():
        response = client.post(ASK, ask_data(consent_publish="on"))
    assert response.status_code == 302
    assert response["Location"] == reverse("questions:thanks")
    question = Question.objects.get()
    assert question.organisation == organisation
    assert question.routing_reason == "Thema zorg en welzijn past; werkt in heel Nederland."
    assert question.municipality == municipality("Utrecht")
    assert question.consent_publish is True
    subjects = {m.subject: m.to for m in mail.outbox}
    assert subjects["[We Doen Het Samen] We hebben je vraag ontvangen"] == ["anna@example.org"]
    assert subjects["[We Doen Het Samen] Nieuwe vraag voor Zorgpartner"] == [editor.email]

    mail.outbox.clear()
    client.force_login(editor)
    inbox = client.get(reverse("questions:inbox"))
    assert "Hoe regelen we vervoer" in inbox.content.decode()
    answer = "Begin met een vaste rijder per dag en vraag de gemeente om een vergoeding voor de kilometers."
    with committed():
        response = client.post(question.get_inbox_url(), {"answer": answer})
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.is_answered and question.answered_by == editor and question.answer == answer
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["anna@example.org"]
    assert answer in mail.outbox[0].body
    # A second answer is refused: the first one was already sent.
    with committed():
        again = client.post(question.get_inbox_url(), {"answer": "Nog een antwoord dat niet verstuurd mag worden."})
    assert again.status_code == 409
    assert len(mail.outbox) == 1


def test_no_partner_fits_goes_to_staff_inbox_and_staff_are_mailed(client, care_partner, settings):
    settings.STAFF_NOTIFICATION_EMAILS = ["redactie@example.org"]
    with committed():
        client.post(ASK, ask_data(theme="mobiliteit"))
    question = Question.objects.get()
    assert question.organisation is None
    assert "mobiliteit" in question.routing_reason
    staff_mail = [m for m in mail.outbox if m.subject == "[We Doen Het Samen] Nieuwe vraag zonder partner"]
    assert staff_mail and staff_mail[0].to == ["redactie@example.org"]


def test_partner_without_editor_is_skipped(client):
    organisation = OrganisationFactory(is_national=True)
    organisation.themes.set([term("theme", "zorg-en-welzijn")])
    client.post(ASK, ask_data())
    assert Question.objects.get().organisation is None


def test_local_partner_wins_over_national(client, care_partner):
    local = OrganisationFactory(name="Utrechtse hulp", is_national=False)
    local.themes.set([term("theme", "zorg-en-welzijn")])
    local.municipalities.set([municipality("Utrecht")])
    MembershipFactory(organisation=local)
    client.post(ASK, ask_data())
    assert Question.objects.get().organisation == local


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"consent_store": ""}, "Zonder je toestemming"),
        ({"email": "geen-adres"}, "e-mailadres"),
        ({"text": "Kort?"}, "Je vraag is erg kort."),
        ({"text": "x" * 3001}, "Je vraag is te lang."),
        ({"municipality": "Atlantis"}, "Deze gemeente kennen we niet."),
        ({"theme": "hacken"}, "Dit thema kennen we niet."),
        ({"name": "<script>alert(1)</script>"}, "Gebruik geen HTML-code"),
    ],
)
def test_bad_questions_give_dutch_message_400_and_nothing_saved(client, care_partner, overrides, message):
    data = ask_data(**overrides)
    if not data["consent_store"]:
        del data["consent_store"]
    with committed():
        response = client.post(ASK, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Question.objects.exists()
    assert mail.outbox == []


def test_honeypot_pretends_and_stores_nothing(client, care_partner):
    with committed():
        response = client.post(ASK, ask_data(website_url="http://spam.example"))
    assert response.status_code == 302
    assert not Question.objects.exists()
    assert mail.outbox == []


def test_rate_limit(client, care_partner):
    for _ in range(5):
        assert client.post(ASK, ask_data()).status_code == 302
    response = client.post(ASK, ask_data())
    assert response.status_code == 429
    assert "Probeer het over een uur opnieuw" in response.content.decode()
    assert Question.objects.count() == 5


def test_ask_page_prefills_for_logged_in_user(client):
    user = UserFactory(display_name="Piet")
    client.force_login(user)
    html = client.get(ASK).content.decode()
    assert user.email in html and "Piet" in html


def test_editor_sees_only_their_organisations_questions(client, care_partner):
    organisation, editor = care_partner
    mine = QuestionFactory(organisation=organisation, text="Vraag voor ons: hoe vinden we vrijwilligers?")
    other = QuestionFactory(organisation=OrganisationFactory(), text="Vraag voor een ander: wie betaalt de huur?")
    staff_inbox = QuestionFactory(organisation=None, text="Vraag zonder partner: waar begin ik?")
    client.force_login(editor)
    html = client.get(reverse("questions:inbox")).content.decode()
    assert "hoe vinden we vrijwilligers" in html
    assert "wie betaalt de huur" not in html and "waar begin ik" not in html
    assert client.get(mine.get_inbox_url()).status_code == 200
    assert client.get(other.get_inbox_url()).status_code == 404
    assert client.get(staff_inbox.get_inbox_url()).status_code == 404
    response = client.post(other.get_inbox_url(), {"answer": "Een antwoord dat hier niet mag komen, lang genoeg."})
    assert response.status_code == 404
    other.refresh_from_db()
    assert not other.is_answered


def test_inbox_is_closed_to_non_editors_and_anonymous(client, care_partner):
    question = QuestionFactory(organisation=care_partner[0])
    assert client.get(reverse("questions:inbox")).status_code == 302
    client.force_login(UserFactory())
    assert client.get(reverse("questions:inbox")).status_code == 404
    assert client.get(question.get_inbox_url()).status_code == 404


def test_staff_see_the_staff_inbox(client, staff):
    QuestionFactory(organisation=None, text="Vraag zonder partner: waar begin ik?")
    client.force_login(staff)
    html = client.get(reverse("questions:inbox"), {"toon": "redactie"}).content.decode()
    assert "waar begin ik" in html


def test_bad_answer_is_refused_with_400(client, care_partner):
    organisation, editor = care_partner
    question = QuestionFactory(organisation=organisation)
    client.force_login(editor)
    with committed():
        response = client.post(question.get_inbox_url(), {"answer": "Te kort"})
    assert response.status_code == 400
    assert "Je antwoord is erg kort." in response.content.decode()
    question.refresh_from_db()
    assert not question.is_answered
    assert mail.outbox == []


def test_mijn_shows_questions_block_for_editors(client, care_partner):
    organisation, editor = care_partner
    QuestionFactory(organisation=organisation)
    client.force_login(editor)
    html = client.get(reverse("mijn")).content.decode()
    assert "Vragen van bewoners" in html
    assert "Er wacht 1 vraag op een antwoord." in html


def test_staff_override_in_admin_is_logged_and_mailed(client, staff, care_partner):
    question = QuestionFactory(organisation=None, routing_reason="Geen thema gekozen.")
    organisation, editor = care_partner
    client.force_login(staff)
    url = reverse("admin:knowledge_question_change", args=[question.pk])
    with committed():
        # The inline of passed-on questions is read-only, but the admin still wants its (empty) management form.
        data: dict[str, object] = {"transfers-TOTAL_FORMS": "0", "transfers-INITIAL_FORMS": "0"}
        data |= {"theme": question.theme_id, "municipality": "", "organisation": organisation.pk}
        response = client.post(url, data)
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.organisation == organisation
    assert question.routing == Question.Routing.STAFF
    assert question.routing_reason.startswith("Gekozen door de redactie")
    assert [m.to for m in mail.outbox] == [[editor.email]]


def test_alert_unanswered_after_five_working_days(settings):
    settings.STAFF_NOTIFICATION_EMAILS = ["redactie@example.org"]
    friday = datetime(2026, 11, 20, 10, 0, tzinfo=AMS)
    late = QuestionFactory(created_at=friday)
    QuestionFactory(created_at=friday, answer="Al beantwoord, dus geen melding.", answered_at=friday)
    recent = QuestionFactory(created_at=datetime(2026, 11, 24, 10, 0, tzinfo=AMS))
    # Friday + 5 working days is the next Friday: still in time.
    assert services_questions.questions_alert_unanswered(now=datetime(2026, 11, 27, 18, 0, tzinfo=AMS)) == 0
    saturday = datetime(2026, 11, 28, 8, 0, tzinfo=AMS)
    with committed():
        assert services_questions.questions_alert_unanswered(now=saturday) == 1
    assert mail.outbox[-1].to == ["redactie@example.org"]
    assert late.get_inbox_url() in mail.outbox[-1].body
    assert "gesteld op 20 november 2026" in mail.outbox[-1].body
    assert recent.get_inbox_url() not in mail.outbox[-1].body
    late.refresh_from_db()
    assert late.alerted_at == saturday
    # Run again the next day: nothing new to report.
    assert services_questions.questions_alert_unanswered(now=saturday + timedelta(days=1)) == 0


def test_alert_command_runs(settings):
    QuestionFactory(created_at=timezone.now() - timedelta(days=30))
    out = StringIO()
    with committed():
        call_command("alert_unanswered_questions", stdout=out)
    assert "1 vraag/vragen" in out.getvalue()
    assert len(mail.outbox) == 1


def test_retention_removes_personal_data_12_months_after_the_answer():
    now = timezone.now()
    old = QuestionFactory(answer="Een antwoord van lang geleden.", answered_at=now - timedelta(days=366))
    young = QuestionFactory(answer="Een recent antwoord.", answered_at=now - timedelta(days=300))
    never_answered = QuestionFactory(created_at=now - timedelta(days=400))
    assert services_questions.questions_purge_personal_data(now=now) == 2
    for question in (old, young, never_answered):
        question.refresh_from_db()
    assert (old.name, old.email) == ("", "")
    assert old.personal_data_removed_at == now
    assert old.text and old.answer  # the question and answer stay, without the person
    assert young.email and young.name
    assert never_answered.email == ""
    # Idempotent: a second run changes nothing.
    assert services_questions.questions_purge_personal_data(now=now + timedelta(days=1)) == 0
    old.refresh_from_db()
    assert old.personal_data_removed_at == now


def test_retention_command_runs():
    QuestionFactory(answer="Antwoord.", answered_at=timezone.now() - timedelta(days=400))
    out = StringIO()
    call_command("purge_question_personal_data", stdout=out)
    assert "1 vraag/vragen" in out.getvalue()
    assert Question.objects.get().email == ""


def test_faq_conversion_publishes_without_personal_data(client, staff, care_partner):
    organisation, _ = care_partner
    question = QuestionFactory(
        organisation=organisation,
        name="Anna de Vries",
        email="anna@example.org",
        municipality=municipality("Zwolle"),
        text="Ik ben Anna. Hoe vinden we vrijwilligers voor de buurtbus? Mail me op anna@example.org.",
        answer="Beste Anna, begin bij de vrijwilligerscentrale en vraag buren persoonlijk.",
        answered_at=timezone.now(),
        consent_publish=True,
    )
    client.force_login(staff)
    response = client.post(
        reverse("admin:knowledge_question_changelist"),
        {"action": "publish_faq", "_selected_action": [question.pk]},
    )
    assert response.status_code == 302
    question.refresh_from_db()
    resource = question.faq
    assert resource is not None
    assert resource.status == Resource.Status.PUBLISHED
    assert resource.kind.slug == "veelgestelde-vraag"
    assert resource.organisation == organisation
    assert resource.title == "Ik ben [naam]."
    everything = f"{resource.title} {resource.summary} {resource.body}"
    assert "Anna" not in everything and "anna@example.org" not in everything and "Zwolle" not in everything
    assert "vrijwilligerscentrale" in resource.body
    assert list(resource.themes.all()) == [question.theme]
    assert client.get(resource.get_absolute_url()).status_code == 200


def test_faq_conversion_needs_consent_and_answer(staff, care_partner):
    organisation, _ = care_partner
    no_consent = QuestionFactory(organisation=organisation, answer="Antwoord.", answered_at=timezone.now())
    unanswered = QuestionFactory(organisation=organisation, consent_publish=True)
    for question in (no_consent, unanswered):
        with pytest.raises(ValueError):
            services_questions.question_publish_faq(question=question, by=staff)
    assert not Resource.objects.exists()


def test_personal_data_export_contains_questions_by_email(client):
    user = UserFactory(email="anna@example.org")
    QuestionFactory(email="Anna@Example.org", text="Mijn eigen vraag over de buurtbus en vrijwilligers.")
    QuestionFactory(email="iemand@example.org", text="Vraag van iemand anders over iets heel anders.")
    client.force_login(user)
    data = client.get(reverse("my_data_export")).json()
    assert [q["vraag"] for q in data["vragen"]["gestelde vragen"]] == [
        "Mijn eigen vraag over de buurtbus en vrijwilligers."
    ]


def test_answered_metric(care_partner):
    from wdhs.metrics import METRICS

    QuestionFactory(organisation=care_partner[0], answer="Antwoord.", answered_at=timezone.now())
    QuestionFactory(organisation=care_partner[0])
    assert METRICS["questions.answered"].current() == 1.0
    series = METRICS["questions.answered"].series
    assert series is not None and series()[-1][1] == 1.0
    assert "funding.schemes" in METRICS


def test_demo_questions_are_idempotent_and_routed(demo):
    from knowledge.questions import demo as demo_questions

    assert "0 voorbeeldvragen toegevoegd" in demo_questions.load()
    assert Question.objects.count() == 4
    assert Question.objects.filter(organisation__slug="nederland-zorgt-voor-elkaar").count() == 3
    assert Question.objects.staff_inbox().count() == 1
    assert not Question.objects.exclude(email__endswith="@example.org").exists()


def test_inbox_query_count_does_not_grow(client, care_partner, django_assert_max_num_queries):
    organisation, editor = care_partner
    for index in range(20):
        QuestionFactory(organisation=organisation, municipality=municipality("Utrecht"), text=f"Vraag nummer {index}?")
    client.force_login(editor)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("questions:inbox"))
    assert response.status_code == 200
    assert "Vraag nummer 19?" in response.content.decode()
