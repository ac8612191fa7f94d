"""The goals' progress: the status rule, the goal page (value, target, bar, status, folded table), a passed
target year, the legislation tracker (goal 3), structural funding (goal 4) and the staff dashboard."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.contrib import admin
from django.urls import reverse

from goals.models import Goal, Indicator, Milestone, Regulation
from goals.progress import Status, indicator_status, progress_status, year_over_text
from tests.factories import FundingSchemeFactory, MeasurementFactory, term
from wdhs.metrics import BREAKDOWNS, METRICS

pytestmark = pytest.mark.django_db

D = datetime.date
DEADLINE = D(2027, 12, 31)
TODAY = D(2026, 1, 1)


# --- the rule --------------------------------------------------------------------------------------------


def test_no_target_comes_first():
    assert progress_status([], None, DEADLINE, TODAY) is Status.NO_TARGET
    assert progress_status([(D(2025, 1, 1), 5.0)], None, DEADLINE, TODAY) is Status.NO_TARGET


def test_no_measurement():
    assert progress_status([], 10, DEADLINE, TODAY) is Status.NO_DATA


@pytest.mark.parametrize("last", [10.0, 12.0])
def test_reached_at_or_above_the_target(last):
    assert progress_status([(D(2025, 1, 1), 0.0), (D(2025, 6, 1), last)], 10, DEADLINE, TODAY) is Status.REACHED


def test_reached_also_after_the_deadline_and_with_decimal_targets():
    points = [(D(2025, 1, 1), 2.5)]
    assert progress_status(points, Decimal("2.50"), D(2025, 12, 31), D(2026, 11, 30)) is Status.REACHED


# The line from (1 Jan 2025, 0) to (31 Dec 2027, 100): 1094 days; on 1 Jan 2026 (365 days) it is at 33.36.
FIRST = (D(2025, 1, 1), 0.0)
ON_LINE_2026 = 100 * 365 / 1094


def test_on_track_on_or_above_the_line():
    assert progress_status([FIRST, (D(2026, 1, 1), 34.0)], 100, DEADLINE, TODAY) is Status.ON_TRACK
    # Exactly on the line counts as on track (boundary).
    assert progress_status([FIRST, (D(2026, 1, 1), ON_LINE_2026)], 100, DEADLINE, TODAY) is Status.ON_TRACK


def test_behind_below_the_line():
    assert progress_status([FIRST, (D(2026, 1, 1), 33.0)], 100, DEADLINE, TODAY) is Status.BEHIND


def test_the_line_is_measured_at_the_date_of_the_last_measurement():
    # 20 on 1 July 2025 is above the line (16.6 there), though it would be below it on 1 January 2026.
    assert progress_status([FIRST, (D(2025, 7, 1), 20.0)], 100, DEADLINE, TODAY) is Status.ON_TRACK


def test_one_measurement_is_the_start_of_the_line():
    assert progress_status([(D(2025, 3, 1), 7.0)], 100, DEADLINE, TODAY) is Status.ON_TRACK


def test_a_passed_year_is_never_on_track():
    points = [FIRST, (D(2025, 11, 1), 99.0)]  # on track in November 2025 for a 2025 target...
    assert progress_status(points, 100, D(2025, 12, 31), D(2025, 12, 31)) is Status.ON_TRACK
    # ...but from 1 January 2026 the year is over and the target was not reached.
    assert progress_status(points, 100, D(2025, 12, 31), D(2026, 1, 1)) is Status.BEHIND
    assert progress_status(points, 100, D(2025, 12, 31), D(2026, 11, 30)) is Status.BEHIND


def test_a_deadline_before_the_first_measurement_is_behind_until_reached():
    points = [(D(2026, 3, 1), 5.0)]
    assert progress_status(points, 10, D(2026, 1, 1), D(2026, 1, 1)) is Status.BEHIND
    assert progress_status([(D(2026, 3, 1), 10.0)], 10, D(2026, 1, 1), D(2026, 1, 1)) is Status.REACHED


def test_status_words_are_the_dutch_ones():
    assert [str(s) for s in Status] == ["op koers", "achter", "behaald", "nog geen meting", "geen streefwaarde"]


def test_indicator_deadline_and_target_year_fall_back_to_the_goal():
    indicator = Indicator(goal=Goal.objects.get(number=3))
    assert (indicator.deadline, indicator.target_year) == (D(2027, 12, 31), 2027)
    indicator.target_date = D(2026, 6, 30)
    assert (indicator.deadline, indicator.target_year) == (D(2026, 6, 30), 2026)


# --- the goal page ---------------------------------------------------------------------------------------


def measured(target: int | None = 100) -> Indicator:
    """Goal 2's measured indicator as its main indicator, with a target."""
    Indicator.objects.filter(goal__number=2).update(is_main=False)
    indicator = Indicator.objects.get(goal__number=2, kind="measured")
    indicator.is_main, indicator.target_value = True, target
    indicator.save()
    return indicator


def test_goal_page_shows_value_target_bar_status_and_the_folded_table(client):
    indicator = measured()
    MeasurementFactory(indicator=indicator, date=D(2025, 1, 1), value=10)
    MeasurementFactory(indicator=indicator, date=D(2025, 3, 3), value=62)
    html = client.get(reverse("goals:detail", args=[2])).content.decode()
    block = html.split(f'id="indicator-{indicator.pk}-kop"')[1].split("</article>")[0]
    assert '<span class="goals-number">62</span> gemeenten <span class="wdhs-meta">(3 maart 2025)</span>' in block
    assert "<dt>Streefwaarde</dt><dd>100 gemeenten in 2027</dd>" in block
    assert "Hoe ver zijn we? 62 van de 100 gemeenten (62%)</label>" in block
    assert (
        f'<progress class="goals-progress" id="voortgang-{indicator.pk}" max="100" value="62">62%</progress>' in block
    )
    assert '<span class="goals-status goals-status--on_track">op koers</span>' in block
    # The chart's numbers are folded away, in one Dutch date style.
    details = block.split('<details class="goals-chart__details"><summary>Bekijk de cijfers als tabel</summary>')[1]
    assert '<th scope="row">3 maart 2025</th><td class="wdhs-num">62</td>' in details.split("</details>")[0]
    assert "1 januari 2025: Staatsblad" in block  # the sources, same date style


def test_goal_page_status_behind_and_no_measurement(client):
    indicator = measured()
    html = client.get(reverse("goals:detail", args=[2])).content.decode()
    assert '<span class="goals-status goals-status--no_data">nog geen meting</span>' in html
    MeasurementFactory(indicator=indicator, date=D(2025, 1, 1), value=1)
    MeasurementFactory(indicator=indicator, date=D(2025, 12, 1), value=2)
    html = client.get(reverse("goals:detail", args=[2])).content.decode()
    assert '<span class="goals-status goals-status--behind">achter</span>' in html
    assert "op koers" not in html.split(f'id="indicator-{indicator.pk}-kop"')[1].split("</article>")[0]


def test_index_shows_the_status_of_the_main_indicator(client):
    indicator = measured(target=4)
    MeasurementFactory(indicator=indicator, date=D(2025, 1, 1), value=4)
    html = client.get(reverse("goals:index")).content.decode()
    assert '<span class="goals-status goals-status--reached">behaald</span>' in html
    assert "4 van de 4 gemeenten (100%)" in html


# --- a passed target year --------------------------------------------------------------------------------


@pytest.fixture
def november_2026(monkeypatch):
    """A fixed 'today' (30 November 2026) for the views and the models."""
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: D(2026, 11, 30))


def goal5_with_target(target: int = 100) -> Indicator:
    main = Goal.objects.get(number=5).main_indicator()
    assert main is not None
    main.target_value = target
    main.save()
    return main


def test_passed_year_says_what_was_reached_and_what_follows(client, november_2026, register):
    from wdhs.metrics import Metric

    main = goal5_with_target(100)
    register(Metric(code=main.metric_code, label="Kennis", unit="kennisitems", current=lambda: 62.0))
    goal = Goal.objects.get(number=5)
    goal.after_target_year = "Het werk gaat door in 2026: de partners houden hun kennis actueel."
    goal.save()
    html = client.get(reverse("goals:detail", args=[5])).content.decode()
    assert "Het doeljaar 2025 is voorbij</h2>" in html
    assert "Het doel voor 2025 is niet helemaal gehaald: 62 van de 100 kennisitems." in html
    assert "Het werk gaat door in 2026: de partners houden hun kennis actueel." in html
    assert "Doeljaar: 2025 (voorbij)" in html
    # The 2025 milestone no longer says it is still to come.
    timeline = html.split('<ol class="goals-timeline">')[1].split("</ol>")[0]
    assert "nog niet behaald" not in timeline
    assert 'Kennis en diensten zijn gebundeld <span class="goals-timeline__status">(niet gehaald in 2025)' in timeline
    assert '<span class="goals-status goals-status--behind">achter</span>' in html


def test_passed_year_reached_and_without_a_text_from_staff(client, november_2026, register):
    from wdhs.metrics import Metric

    main = goal5_with_target(50)
    register(Metric(code=main.metric_code, label="Kennis", unit="kennisitems", current=lambda: 62.0))
    html = client.get(reverse("goals:detail", args=[5])).content.decode()
    assert "Het doel voor 2025 is gehaald: 62 van de 50 kennisitems." in html
    assert "Hoe precies, dat schrijft de redactie hier binnenkort." in html


def test_year_not_over_has_no_passed_year_text(client, november_2026):
    html = client.get(reverse("goals:detail", args=[3])).content.decode()
    assert "is voorbij" not in html
    assert "(nog niet behaald)" in html  # 2027 is still to come


def test_year_over_text_without_target_or_data():
    goal = Goal.objects.get(number=5)
    main = goal.main_indicator()
    assert main is not None
    status = indicator_status(main, D(2026, 11, 30))
    status.points = []
    assert year_over_text(goal, status) == "Het doeljaar 2025 is voorbij."
    assert year_over_text(goal, None) == "Het doeljaar 2025 is voorbij."
    main.target_value = 10
    assert "nog geen meting" in year_over_text(goal, status)


def test_milestone_status_text():
    goal = Goal.objects.get(number=5)
    milestone = Milestone(goal=goal, date=D(2025, 12, 31), title="x", year_only=True)
    assert milestone.status_text(D(2025, 12, 31)) == "nog niet behaald"
    assert milestone.status_text(D(2026, 1, 1)) == "niet gehaald in 2025"
    milestone.year_only = False
    assert milestone.status_text(D(2026, 1, 1)) == "niet gehaald"
    milestone.done = True
    assert milestone.status_text(D(2026, 1, 1)) == "behaald"


def test_after_target_year_is_edited_in_the_admin(client, staff):
    client.force_login(staff)
    html = client.get(reverse("admin:goals_goal_change", args=[Goal.objects.get(number=5).pk])).content.decode()
    assert 'name="after_target_year"' in html and "Hoe verder" in html


# --- goal 3: the legislation tracker ---------------------------------------------------------------------


def regulation(**fields: object) -> Regulation:
    values: dict[str, object] = {"title": "Aanbesteden", "area": "aanbesteding", "position": "Geen aanbesteding."}
    return Regulation.objects.create(**(values | fields))


def test_goal3_counts_regulations_with_the_coalitions_position_adopted_live(client):
    main = Goal.objects.get(number=3).main_indicator()
    assert main is not None and main.metric_code == "goals.regulations_adopted"
    assert indicator_status(main).current == 0
    regulation(title="Right to Challenge", area="wmo", status="in_werking", position_adopted=True)
    regulation(title="Staatssteun", area="staatssteun")
    regulation(title="Verborgen", position_adopted=True, is_public=False)
    assert METRICS["goals.regulations_adopted"].current() == 1
    assert indicator_status(main).current == 1
    assert BREAKDOWNS["goals.regulations_by_status"].rows() == [("in verkenning", 1), ("in werking", 1)]


def test_goal3_page_shows_the_regulations_as_a_table(client):
    regulation(
        title="Right to Challenge in de Wmo",
        area="wmo",
        status="in_werking",
        position="Gemeenten maken het echt mogelijk.",
        position_adopted=True,
        link="https://example.org/wmo",
    )
    regulation(title="Verborgen regel", is_public=False)
    html = client.get(reverse("goals:detail", args=[3])).content.decode()
    table = html.split('<table class="utrecht-table goals-laws">')[1].split("</table>")[0]
    assert "<caption>Wetten en regels voor lokale gemeenschappen</caption>" in table
    assert (
        '<a class="utrecht-link" href="https://example.org/wmo" rel="noopener">Right to Challenge in de Wmo</a>'
        in table
    )
    assert "<td>Wmo (Right to Challenge)</td>" in table and "<td>in werking</td>" in table
    assert "Gemeenten maken het echt mogelijk." in table and "Standpunt overgenomen." in table
    assert "Verborgen regel" not in html
    assert "goals-laws" not in client.get(reverse("goals:detail", args=[2])).content.decode()


def test_goal3_page_without_regulations(client):
    html = client.get(reverse("goals:detail", args=[3])).content.decode()
    assert "De redactie heeft nog geen wetten of regels ingevuld." in html


def test_regulation_admin_in_dutch_with_columns_filters_and_search(client, staff):
    model_admin = admin.site._registry[Regulation]
    assert list(model_admin.list_display)[:3] == ["title", "area", "status"]
    assert {"area", "status", "position_adopted"} <= set(model_admin.list_filter)
    assert {"title", "position"} <= set(model_admin.search_fields)
    regulation(title="Belastingregels voor collectieven", area="belasting")
    regulation(title="Staatssteun", area="staatssteun")
    client.force_login(staff)
    html = client.get(reverse("admin:goals_regulation_changelist") + "?q=belasting").content.decode()
    assert "Belastingregels voor collectieven" in html and "Staatssteun</a>" not in html
    assert "wetten en regelingen" in html.lower() and "standpunt overgenomen" in html.lower()
    html = client.get(reverse("admin:goals_regulation_changelist") + "?area__exact=staatssteun").content.decode()
    assert "Staatssteun</a>" in html and "Belastingregels" not in html
    add = client.get(reverse("admin:goals_regulation_add")).content.decode()
    assert "Standpunt van de coalitie" in add and "in behandeling bij het parlement" in add


# --- goal 4: structural against one-off funding ----------------------------------------------------------


def test_goal4_counts_structural_schemes_against_one_off_money_live():
    main = Goal.objects.get(number=4).main_indicator()
    assert main is not None and main.metric_code == "funding.structural_schemes"
    one_off = Indicator.objects.get(goal__number=4, metric_code="funding.one_off_schemes")
    FundingSchemeFactory(kind=term("funding_kind", "lening"), is_structural=True)
    FundingSchemeFactory(kind=term("funding_kind", "kostprijs-plus"), is_structural=True)
    FundingSchemeFactory(is_structural=True, is_active=False)  # not in the finder: not counted
    FundingSchemeFactory()
    assert indicator_status(main).current == 2
    assert indicator_status(one_off).current == 1
    rows = BREAKDOWNS["funding.structural_against_one_off"].rows()
    assert [count for _, count in rows] == [2, 1]


def test_structural_field_in_the_funding_admin(client, staff):
    client.force_login(staff)
    html = client.get(reverse("admin:knowledge_fundingscheme_add")).content.decode()
    assert 'name="is_structural"' in html and "Structureel geld" in html


# --- the staff dashboard ---------------------------------------------------------------------------------


def test_dashboard_folds_its_details_and_starts_with_the_goals(client, staff):
    client.force_login(staff)
    html = client.get(reverse("goals:dashboard")).content.decode()
    assert "<caption>De hoofdindicator van elk doel</caption>" in html
    for number in range(1, 6):
        assert f"Doel {number}:" in html
    main = html.split("<main", 1)[1]
    # Every breakdown and growth table sits in a closed <details>; no table outside the overview is open.
    assert main.count('<details class="goals-dashboard__details">') >= 5
    assert "<details open" not in main
    outside = main.split('id="verdeling-titel"')[1]
    for block in outside.split('<details class="goals-dashboard__details">')[1:]:
        assert block.index("</summary>") < block.find("<table") or "<table" not in block


def test_admin_index_links_to_the_dashboard(client, staff):
    client.force_login(staff)
    html = client.get(reverse("admin:index")).content.decode()
    assert f'<a href="{reverse("goals:dashboard")}">Dashboard doelen' in html


# --- the data migrations for installations seeded before -------------------------------------------------


def test_migration_classifies_existing_funding_schemes():
    import importlib

    from django.apps import apps

    migration = importlib.import_module("knowledge.migrations.0004_goals_structural_funding")
    loan = FundingSchemeFactory(kind=term("funding_kind", "lening"))
    multi_year = FundingSchemeFactory(description="Een vaste afspraak voor meerdere jaren.")
    one_off = FundingSchemeFactory(description="Eenmalig geld voor je buurtfeest.")
    migration.classify(apps, None)
    for scheme in (loan, multi_year, one_off):
        scheme.refresh_from_db()
    assert (loan.is_structural, multi_year.is_structural, one_off.is_structural) == (True, True, False)


def test_migration_turns_the_old_placeholders_into_the_live_indicators():
    import importlib

    from django.apps import apps

    migration = importlib.import_module("goals.migrations.0002_goals_progress_laws")
    # The state of an installation seeded before: goal 3 measured, goal 4 without the funding counts.
    Indicator.objects.filter(goal__number=3, is_main=True).update(
        name="Aangepaste wetten", kind="measured", metric_code="", unit="wetten"
    )
    Indicator.objects.filter(goal__number=4, kind="live").delete()
    Indicator.objects.filter(goal__number=4).update(is_main=True)
    migration.live_indicators(apps, None)
    migration.live_indicators(apps, None)  # a second run changes nothing
    laws = Indicator.objects.get(goal__number=3, is_main=True)
    assert (laws.kind, laws.metric_code) == ("live", "goals.regulations_adopted")
    assert not Indicator.objects.filter(goal__number=3, name="Aangepaste wetten").exists()
    assert Indicator.objects.filter(metric_code="goals.regulations_adopted").count() == 1
    funding = Indicator.objects.filter(goal__number=4)
    assert [i.metric_code for i in funding.filter(is_main=True)] == ["funding.structural_schemes"]
    assert funding.filter(metric_code="funding.one_off_schemes").count() == 1
    assert funding.filter(name="Initiatieven die geld vonden", is_main=False).exists()


def test_indicator_admin_lists_the_target_year(client, staff):
    client.force_login(staff)
    html = client.get(
        reverse("admin:goals_indicator_changelist") + "?goal__id__exact=" + str(Goal.objects.get(number=5).pk)
    ).content.decode()
    assert "Streefjaar" in html and ">2025<" in html
