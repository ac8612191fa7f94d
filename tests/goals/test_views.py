from __future__ import annotations

import csv
import datetime
import io
import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from goals.models import GoalLink, Indicator, Update
from goals.progress import indicator_status
from tests.factories import MeasurementFactory, UpdateFactory, UserFactory, goal
from tests.sitemaps import sitemap_text
from wdhs.metrics import Breakdown, Metric
from wdhs.models import Municipality, Term

pytestmark = pytest.mark.django_db


# The index itself needs 6 queries; each live main indicator adds the queries of its app's metric
# (at most 2 each, for goals 1, 2 and 5).
INDEX_QUERY_BUDGET = 6 + 3 * 2


def test_index_shows_five_goals_with_target_years(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(INDEX_QUERY_BUDGET):
        response = client.get(reverse("goals:index"))
    assert response.status_code == 200
    html = response.content.decode()
    for number, year in [(1, 2030), (2, 2027), (3, 2027), (4, 2030), (5, 2025)]:
        assert f"Doel {number}</span>" in html
        assert f"Doeljaar: {year}" in html
    assert "geen streefwaarde" in html  # the goals start without targets
    assert "style=" not in html


def measured() -> Indicator:
    """The measured indicator of goal 2 (municipalities with an agreement), made its main indicator."""
    Indicator.objects.filter(goal__number=2).update(is_main=False)
    indicator = Indicator.objects.get(goal__number=2, kind="measured")
    indicator.is_main = True
    indicator.save()
    return indicator


def test_index_query_count_does_not_grow_with_measurements(client, django_assert_max_num_queries):
    indicator = measured()
    for day in range(1, 20):
        MeasurementFactory(indicator=indicator, date=datetime.date(2025, 1, day), value=day)
    with django_assert_max_num_queries(INDEX_QUERY_BUDGET):
        assert client.get(reverse("goals:index")).status_code == 200


def test_index_shows_main_indicator_with_trend_when_a_metric_is_registered(client, register):
    register(
        Metric(
            code="initiatives.published",
            label="Initiatieven",
            unit="initiatieven",
            current=lambda: 9.0,
            series=lambda: [(datetime.date(2025, 1, 1), 4.0), (datetime.date(2025, 2, 1), 9.0)],
        )
    )
    html = client.get(reverse("goals:index")).content.decode()
    assert '<span class="goals-number">9</span> initiatieven' in html
    assert "Gestegen met 5 sinds 1 januari 2025." in html


def test_live_indicator_changes_when_real_rows_change(client):
    """wdhs.accounts counts people with a verified e-mail address, from the database."""
    indicator = Indicator.objects.get(metric_code="wdhs.accounts")
    before = indicator_status(indicator).current or 0
    person = UserFactory()
    assert indicator_status(indicator).current == before + 1
    EmailAddress.objects.filter(user=person).update(verified=False)
    assert indicator_status(indicator).current == before
    UserFactory()
    UserFactory()
    html = client.get(reverse("goals:detail", args=[5])).content.decode()
    assert f'<span class="goals-number">{int(before) + 2}</span> accounts' in html


def test_published_updates_metric_counts_only_published_updates():
    indicator = Indicator.objects.create(
        goal=goal(5), name="Berichten", kind="live", metric_code="goals.updates", unit="berichten"
    )
    assert indicator_status(indicator).current == 0
    UpdateFactory()
    UpdateFactory(is_published=False)
    assert indicator_status(indicator).current == 1
    UpdateFactory()
    assert indicator_status(indicator).current == 2


def test_unregistered_metric_code_shows_no_data_on_detail(client):
    Indicator.objects.filter(metric_code="initiatives.published").update(metric_code="later.app_metric")
    html = client.get(reverse("goals:detail", args=[1])).content.decode()
    assert "Initiatieven op het portaal" in html
    assert "Nog geen gegevens." in html
    assert "<svg" not in html.split("Initiatieven op het portaal", 1)[1].split("</article>")[0]


def test_failing_metric_of_another_app_does_not_break_the_page(client, register):
    def broken() -> float:
        raise RuntimeError("kapot")

    register(Metric(code="initiatives.published", label="x", unit="x", current=broken))
    response = client.get(reverse("goals:detail", args=[1]))
    assert response.status_code == 200
    assert "Nog geen gegevens." in response.content.decode()


def test_detail_shows_measurements_as_chart_with_progress_and_sources(client):
    indicator = measured()
    indicator.target_value = 4
    indicator.save()
    MeasurementFactory(indicator=indicator, date=datetime.date(2025, 1, 1), value=1, source_text="Staatsblad 2025")
    MeasurementFactory(
        indicator=indicator,
        date=datetime.date(2025, 6, 1),
        value=2,
        source_text="",
        source_url="https://example.org/wet",
    )
    html = client.get(reverse("goals:detail", args=[2])).content.decode()
    assert 'role="img"' in html and "<caption>Gemeenten met een samenwerkingsafspraak</caption>" in html
    assert '<th scope="row">1 juni 2025</th><td class="wdhs-num">2</td>' in html
    assert 'value="50"' in html and "2 van de 4 gemeenten (50%)" in html
    assert "Gestegen met 1" in html
    assert "Staatsblad 2025" in html and 'href="https://example.org/wet"' in html


def test_detail_says_when_there_is_no_target(client):
    html = client.get(reverse("goals:detail", args=[2])).content.decode()
    assert "nog geen streefwaarde" in html
    assert "<progress" not in html


def test_detail_timeline_is_an_ordered_list_in_date_order(client):
    html = client.get(reverse("goals:detail", args=[3])).content.decode()
    assert '<ol class="goals-timeline">' in html
    timeline = html.split('<ol class="goals-timeline">')[1].split("</ol>")[0]
    assert timeline.index("Right to Challenge") < timeline.index("actieprogramma") < timeline.index("2027")
    assert "(behaald)" in timeline and "(nog niet behaald)" in timeline


def test_detail_lists_only_published_updates(client):
    published = UpdateFactory(goal=goal(2), title="Zichtbaar bericht")
    UpdateFactory(goal=goal(2), title="Conceptbericht", is_published=False)
    UpdateFactory(goal=goal(2), title="Later bericht", published_at=timezone.now() + datetime.timedelta(days=3))
    UpdateFactory(goal=goal(1), title="Ander doel")
    html = client.get(reverse("goals:detail", args=[2])).content.decode()
    assert published.get_absolute_url() in html
    assert "Conceptbericht" not in html and "Later bericht" not in html and "Ander doel" not in html


@pytest.mark.parametrize("path", ["/doelen/0/", "/doelen/6/", "/doelen/99999999999999999999/", "/doelen/een/"])
def test_unknown_goal_is_a_dutch_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "Deze pagina bestaat niet" in response.content.decode()


def test_pages_refuse_post(client):
    assert client.post(reverse("goals:index")).status_code == 405
    assert client.post(reverse("goals:detail", args=[1])).status_code == 405


def test_update_page_shows_published_and_hides_drafts(client):
    update = UpdateFactory(goal=goal(4), title="Nieuws over geld", body="Eerste alinea.\n\n<b>Tweede</b> alinea.")
    response = client.get(update.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "<p>Eerste alinea.</p>" in html and "&lt;b&gt;Tweede&lt;/b&gt;" in html
    draft = UpdateFactory(goal=goal(4), is_published=False)
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(reverse("goals:update", args=[3, update.slug])).status_code == 404


def test_linked_objects_show_only_when_they_report_themselves_public(client, monkeypatch):
    utrecht = Municipality.objects.get(name="Utrecht")
    theme = Term.objects.themes().first()
    assert theme is not None
    for obj in (utrecht, theme):
        GoalLink.objects.create(goal=goal(2), content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)
    html = client.get(reverse("goals:detail", args=[2])).content.decode()
    assert "nog geen kennis of initiatief aan dit doel gekoppeld" in html  # neither says it is public

    monkeypatch.setattr(Term, "is_public", True, raising=False)
    html = client.get(reverse("goals:detail", args=[2])).content.decode()
    assert theme.name in html and "Utrecht" not in html.split('id="bijdragen-titel"')[1]

    from wdhs.models import MunicipalityQuerySet

    monkeypatch.setattr(MunicipalityQuerySet, "published", lambda self: self.filter(name="Amersfoort"), raising=False)
    html = client.get(reverse("goals:detail", args=[2])).content.decode()
    assert "Utrecht" not in html.split('id="bijdragen-titel"')[1]  # published() does not return it
    amersfoort = Municipality.objects.get(name="Amersfoort")
    GoalLink.objects.create(
        goal=goal(2), content_type=ContentType.objects.get_for_model(amersfoort), object_id=amersfoort.pk
    )
    html = client.get(reverse("goals:detail", args=[2])).content.decode()
    assert "Amersfoort" in html.split('id="bijdragen-titel"')[1]


def test_feeds_list_published_updates(client):
    UpdateFactory(goal=goal(1), title="Bericht doel een")
    UpdateFactory(goal=goal(2), title="Bericht doel twee")
    UpdateFactory(goal=goal(1), title="Geheim concept", is_published=False)
    response = client.get(reverse("goals:feed"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert "Bericht doel een" in body and "Bericht doel twee" in body and "Geheim concept" not in body
    body = client.get(reverse("goals:goal_feed", args=[2])).content.decode()
    assert "Bericht doel twee" in body and "Bericht doel een" not in body
    assert client.get("/doelen/9/updates/feed/").status_code == 404


def test_feed_does_not_leak_author_email(client):
    author = UserFactory(display_name="", email="geheim.adres@example.org")
    UpdateFactory(author=author)
    body = client.get(reverse("goals:feed")).content.decode()
    assert "geheim.adres" not in body and "Redactie We Doen Het Samen" in body


# --- staff dashboard: outsiders get a 404 ---


def test_dashboard_is_404_for_anonymous_and_ordinary_users(client, user):
    assert client.get(reverse("goals:dashboard")).status_code == 404
    assert client.get(reverse("goals:dashboard_csv", args=["wdhs.accounts"])).status_code == 404
    client.force_login(user)
    assert client.get(reverse("goals:dashboard")).status_code == 404
    assert client.get(reverse("goals:dashboard_csv", args=["wdhs.accounts"])).status_code == 404


def test_dashboard_for_staff_shows_tables_and_missing_ones(client, staff, register):
    register(
        Breakdown(
            code="initiatives.by_province",
            label="Initiatieven per provincie",
            columns=("Provincie", "Initiatieven"),
            rows=lambda: [("Utrecht", 7), ("Zeeland", 2)],
        )
    )
    client.force_login(staff)
    response = client.get(reverse("goals:dashboard"))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<th scope="row">Utrecht</th><td class="wdhs-num">7</td>' in html
    assert 'aria-labelledby="dashboard-initiatives-by_province-title' in html
    assert "Kennis per partner" in html and "Nog geen gegevens" in html  # knowledge not registered here
    assert reverse("goals:dashboard_csv", args=["initiatives.by_province"]) in html
    assert "Groei per maand: Accounts met een bevestigd e-mailadres" in html


def test_dashboard_csv_is_safe_against_formula_injection(client, staff, register):
    register(
        Breakdown(
            code="knowledge.by_organisation",
            label="Kennis per partner",
            columns=("Partner", "Kennisitems"),
            rows=lambda: [
                ('=HYPERLINK("http://x")', 3),
                ("+SUM(A1)", 1),
                ("-1+1", 2),
                ("@cmd", 4),
                ("LSA", 5),
                ("\t=1+1", 6),
                ("\r=1+1", -7),
            ],
        )
    )
    client.force_login(staff)
    response = client.get(reverse("goals:dashboard_csv", args=["knowledge.by_organisation"]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="knowledge.by_organisation.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Partner", "Kennisitems"]
    assert [row[0] for row in rows[1:]] == [
        '\'=HYPERLINK("http://x")',
        "'+SUM(A1)",
        "'-1+1",
        "'@cmd",
        "LSA",
        "'\t=1+1",
        "'\r=1+1",
    ]
    assert [row[1] for row in rows[1:]] == ["3", "1", "2", "4", "5", "6", "-7"]  # numbers are data, not formulas


def test_dashboard_csv_of_monthly_growth_counts_real_rows(client, staff):
    UserFactory()
    client.force_login(staff)
    response = client.get(reverse("goals:dashboard_csv", args=["wdhs.accounts"]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Maand", "Totaal", "Erbij"]
    from wdhs.models import User

    verified = User.objects.filter(emailaddress__verified=True).distinct().count()
    assert int(rows[-1][1]) == verified
    # Months in Dutch from the nl locale, in the goals pages' one style: "maart 2025".
    months = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
    assert all(re.fullmatch(rf"({months}) 20\d\d", row[0]) for row in rows[1:])


@pytest.mark.parametrize("code", ["bestaat.niet", "later.by_theme", "..", "%3Dcmd"])
def test_dashboard_csv_unknown_code_is_404(client, staff, code):
    client.force_login(staff)
    assert client.get(f"/doelen/dashboard/{code}.csv").status_code == 404


# --- home, sitemap, demo ---


def test_home_shows_the_five_goals_with_a_link(client):
    html = client.get("/").content.decode()
    assert "Vijf doelen, samen" in html
    assert 'href="/doelen/"' in html
    for number in range(1, 6):
        assert f'href="/doelen/{number}/"' in html


def test_sitemap_has_goals_and_published_updates(client):
    update = UpdateFactory()
    draft = UpdateFactory(is_published=False)
    body = sitemap_text(client)
    assert "/doelen/1/" in body and "/doelen/5/" in body
    assert update.get_absolute_url() in body and draft.get_absolute_url() not in body


def test_demo_loader_is_idempotent(demo):
    count = Update.objects.count()
    assert count >= 3
    call_command("load_demo", stdout=io.StringIO())
    assert Update.objects.count() == count
    assert Update.objects.published().filter(slug="kennisplatform-gaat-open").exists()


def test_mijn_shows_goal_links_to_staff_only(client, user, staff):
    client.force_login(user)
    assert "De vijf doelen bijhouden" not in client.get(reverse("mijn")).content.decode()
    client.force_login(staff)
    html = client.get(reverse("mijn")).content.decode()
    assert "De vijf doelen bijhouden" in html and reverse("goals:dashboard") in html


def test_personal_data_export_lists_updates_and_measurements(client, staff):
    UpdateFactory(author=staff, title="Mijn bericht")
    MeasurementFactory(entered_by=staff)
    client.force_login(staff)
    data = client.get(reverse("my_data_export")).json()
    assert data["doelen"]["voortgangsberichten"][0]["title"] == "Mijn bericht"
    assert len(data["doelen"]["metingen"]) == 1


def test_detail_query_count_does_not_grow_with_rows(client, django_assert_max_num_queries):
    indicator = measured()
    for day in range(1, 15):
        MeasurementFactory(indicator=indicator, date=datetime.date(2025, 2, day), value=day)
        UpdateFactory(goal=goal(2))
    with django_assert_max_num_queries(9):
        assert client.get(reverse("goals:detail", args=[2])).status_code == 200


def test_progress_is_capped_at_100_percent(client):
    indicator = measured()
    indicator.target_value = 2
    indicator.save()
    MeasurementFactory(indicator=indicator, value=5)
    assert indicator_status(indicator).progress_percent == 100
    assert "5 van de 2 gemeenten (100%)" in client.get(reverse("goals:index")).content.decode()


def test_pages_have_one_h1_and_unique_ids(client, staff, register):
    import re

    register(
        Breakdown(
            code="initiatives.by_theme",
            label="Initiatieven per thema",
            columns=("Thema", "Initiatieven"),
            rows=lambda: [("Wonen", 3)],
        )
    )
    MeasurementFactory(indicator=measured())
    client.force_login(staff)
    for url in ["/doelen/", "/doelen/3/", "/doelen/5/", "/doelen/dashboard/", "/"]:
        html = client.get(url).content.decode()
        assert html.count("<h1") == 1, url
        ids = re.findall(r'\sid="([^"]+)"', html)
        assert len(ids) == len(set(ids)), url
        assert "style=" not in html, url
