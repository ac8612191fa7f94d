from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from goals.admin import IndicatorForm, MeasurementForm
from goals.models import Goal, Indicator, Measurement, Milestone, Update
from tests.factories import IndicatorFactory, MeasurementFactory, MilestoneFactory, UpdateFactory, goal
from wdhs.metrics import METRICS, Metric

pytestmark = pytest.mark.django_db


def test_data_migration_loads_the_five_goals_with_facts():
    goals = list(Goal.objects.order_by("number"))
    assert [g.number for g in goals] == [1, 2, 3, 4, 5]
    assert [g.target_year for g in goals] == [2030, 2027, 2027, 2030, 2025]
    assert all(g.explanation and g.statement and g.slug for g in goals)
    assert "Right to Challenge" in goal(3).explanation
    assert "2014" in goal(3).explanation


def test_data_migration_milestones_and_indicators():
    presentation = Milestone.objects.filter(date=datetime.date(2024, 4, 10), done=True)
    assert presentation.count() == 5
    first = presentation.first()
    assert first is not None
    assert "Amersfoort" in first.description
    assert first.when == "10 april 2024"
    challenge = Milestone.objects.get(title__icontains="Right to Challenge")
    assert (challenge.date.year, challenge.done, challenge.goal.number, challenge.when) == (2014, True, 3, "2014")
    assert Milestone.objects.get(title__icontains="festival").date.year == 2017
    future = Milestone.objects.filter(done=False)
    assert sorted(m.date.year for m in future) == [2025, 2027, 2027, 2030, 2030]
    codes = set(Indicator.objects.filter(kind="live").values_list("metric_code", flat=True))
    assert {"initiatives.published", "initiatives.municipalities_with_initiative"} <= codes
    assert {"knowledge.published_resources", "knowledge.partners"} <= codes
    assert Indicator.objects.get(goal__number=3, is_main=True).metric_code == "goals.regulations_adopted"
    assert Indicator.objects.get(goal__number=4, is_main=True).metric_code == "funding.structural_schemes"
    assert Indicator.objects.filter(goal__number=4, metric_code="funding.one_off_schemes", is_main=False).exists()
    # Measured indicators start without made-up numbers.
    assert Measurement.objects.count() == 0
    assert all(g.main_indicator() is not None for g in Goal.objects.all())


def test_goal_number_must_be_one_to_five():
    with pytest.raises(ValidationError):
        Goal(number=6, short_title="x", slug="x", target_year=2030, statement="x", explanation="x").full_clean()
    with transaction.atomic(), pytest.raises(IntegrityError):
        Goal.objects.create(number=6, short_title="x", slug="x6", target_year=2030, statement="x", explanation="x")


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"date": timezone.localdate() + datetime.timedelta(days=1)}, "date", "toekomst"),
        ({"value": -1}, "value", "kan niet negatief zijn"),
        ({"source_text": "", "source_url": ""}, "source_text", "Vul een bron in"),
    ],
)
def test_measurement_model_validation_rejects_bad_input(changes, field, message):
    data = {
        "indicator": IndicatorFactory(),
        "date": datetime.date(2025, 1, 1),
        "value": 3,
        "source_text": "Staatsblad",
        **changes,
    }
    with pytest.raises(ValidationError) as excinfo:
        Measurement(**data).full_clean()
    assert message in " ".join(excinfo.value.message_dict[field])


def test_measurement_with_only_a_url_as_source_is_fine():
    indicator = IndicatorFactory()
    form = MeasurementForm(
        data={"indicator": indicator.pk, "date": "2025-01-01", "value": "2", "source_url": "https://example.org/bron"}
    )
    assert form.is_valid(), form.errors


def test_measurement_on_a_live_indicator_is_refused():
    live = Indicator.objects.get(metric_code="wdhs.accounts")
    with pytest.raises(ValidationError) as excinfo:
        Measurement(indicator=live, date=datetime.date(2025, 1, 1), value=1, source_text="x").full_clean()
    assert "indicator" in excinfo.value.message_dict


def test_database_refuses_negative_value_and_missing_source():
    indicator = IndicatorFactory()
    with transaction.atomic(), pytest.raises(IntegrityError):
        Measurement.objects.create(indicator=indicator, date=datetime.date(2025, 1, 1), value=-1, source_text="x")
    with transaction.atomic(), pytest.raises(IntegrityError):
        Measurement.objects.create(indicator=indicator, date=datetime.date(2025, 1, 1), value=1)


def test_indicator_form_checks_metric_code_against_the_registry():
    data = {"goal": goal(1).pk, "name": "Nieuw", "kind": "live", "unit": "x", "order": 0}
    bad = IndicatorForm(data={**data, "metric_code": "bestaat.niet"})
    assert not bad.is_valid()
    assert "kent de code" in bad.errors["metric_code"][0]
    good = IndicatorForm(data={**data, "metric_code": "wdhs.accounts"})
    assert good.is_valid(), good.errors
    missing = IndicatorForm(data={**data, "metric_code": ""})
    assert not missing.is_valid() and "code nodig" in missing.errors["metric_code"][0]


def test_indicator_form_keeps_a_saved_code_of_an_app_that_is_not_installed_yet():
    indicator = Indicator.objects.get(metric_code="initiatives.published")
    Indicator.objects.filter(pk=indicator.pk).update(metric_code="later.app_metric")
    assert "later.app_metric" not in METRICS
    form = IndicatorForm(
        instance=Indicator.objects.get(pk=indicator.pk),
        data={"goal": indicator.goal_id, "name": "Andere naam", "kind": "live", "unit": "x", "order": 0}
        | {"metric_code": "later.app_metric"},
    )
    assert form.is_valid(), form.errors


def test_indicator_form_accepts_a_test_metric_while_registered():
    METRICS["test.metric"] = Metric(code="test.metric", label="Test", unit="x", current=lambda: 1.0)
    try:
        form = IndicatorForm(
            data={
                "goal": goal(1).pk,
                "name": "N",
                "kind": "live",
                "unit": "x",
                "order": 0,
                "metric_code": "test.metric",
            }
        )
        assert form.is_valid(), form.errors
    finally:
        del METRICS["test.metric"]


# --- the admin forms, through POST like a staff member would ---


def _measurement_post(indicator: Indicator, **changes: str) -> dict[str, str]:
    return {
        "indicator": str(indicator.pk),
        "date": "2025-02-01",
        "value": "4",
        "source_text": "Overheid.nl",
        "source_url": "",
        "note": "",
        **changes,
    }


def test_staff_adds_measurement_in_admin_and_is_recorded_as_author(client, staff):
    indicator = IndicatorFactory()
    client.force_login(staff)
    response = client.post(reverse("admin:goals_measurement_add"), _measurement_post(indicator))
    assert response.status_code == 302
    measurement = Measurement.objects.get()
    assert (measurement.value, measurement.entered_by) == (Decimal(4), staff)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"date": (timezone.localdate() + datetime.timedelta(days=3)).isoformat()}, "De datum ligt in de toekomst"),
        ({"value": "-5"}, "kan niet negatief zijn"),
        ({"source_text": "", "source_url": ""}, "Vul een bron in"),
        ({"source_url": "javascript:alert(1)", "source_text": ""}, "geldige URL"),
        ({"value": "1" * 30}, "cijfers"),
        ({"date": "31-02-2025"}, "geldige datum"),
    ],
)
def test_admin_measurement_form_refuses_bad_input_in_dutch(client, staff, changes, message):
    indicator = IndicatorFactory()
    client.force_login(staff)
    response = client.post(reverse("admin:goals_measurement_add"), _measurement_post(indicator, **changes))
    assert response.status_code == 200  # the admin shows its form again
    assert message in response.content.decode()
    assert Measurement.objects.count() == 0


def test_admin_measurement_inline_on_indicator_refuses_future_date(client, staff):
    indicator = IndicatorFactory()
    client.force_login(staff)
    future = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    data = {
        "goal": str(indicator.goal_id),
        "name": indicator.name,
        "kind": "measured",
        "metric_code": "",
        "unit": "wetten",
        "order": "0",
        "measurements-TOTAL_FORMS": "1",
        "measurements-INITIAL_FORMS": "0",
        "measurements-0-date": future,
        "measurements-0-value": "1",
        "measurements-0-source_text": "Bron",
    }
    response = client.post(reverse("admin:goals_indicator_change", args=[indicator.pk]), data)
    assert response.status_code == 200
    assert "De datum ligt in de toekomst" in response.content.decode()
    assert Measurement.objects.count() == 0
    data["measurements-0-date"] = "2025-01-01"
    response = client.post(reverse("admin:goals_indicator_change", args=[indicator.pk]), data)
    assert response.status_code == 302
    assert Measurement.objects.get().entered_by == staff


def test_admin_goal_allows_only_one_main_indicator(client, staff):
    g = goal(2)
    indicators = list(g.indicators.all())
    client.force_login(staff)
    data = {
        "number": "2",
        "short_title": g.short_title,
        "slug": g.slug,
        "target_year": "2027",
        "statement": g.statement,
        "explanation": g.explanation,
        "indicators-TOTAL_FORMS": str(len(indicators)),
        "indicators-INITIAL_FORMS": str(len(indicators)),
        "milestones-TOTAL_FORMS": "0",
        "milestones-INITIAL_FORMS": "0",
    }
    for i, ind in enumerate(indicators):
        data |= {
            f"indicators-{i}-id": str(ind.pk),
            f"indicators-{i}-goal": str(g.pk),
            f"indicators-{i}-name": ind.name,
            f"indicators-{i}-kind": ind.kind,
            f"indicators-{i}-metric_code": ind.metric_code,
            f"indicators-{i}-unit": ind.unit,
            f"indicators-{i}-order": str(ind.order),
            f"indicators-{i}-is_main": "on",
        }
    response = client.post(reverse("admin:goals_goal_change", args=[g.pk]), data)
    assert response.status_code == 200
    assert "Kies één hoofdindicator per doel." in response.content.decode()


def test_admin_actions_publish_updates_and_mark_milestones_done(client, staff):
    draft = UpdateFactory(is_published=False)
    milestone = MilestoneFactory(done=False)
    client.force_login(staff)
    client.post(reverse("admin:goals_update_changelist"), {"action": "publish", "_selected_action": [str(draft.pk)]})
    draft.refresh_from_db()
    assert draft.is_published
    client.post(reverse("admin:goals_update_changelist"), {"action": "unpublish", "_selected_action": [str(draft.pk)]})
    draft.refresh_from_db()
    assert not draft.is_published
    client.post(
        reverse("admin:goals_milestone_changelist"), {"action": "mark_done", "_selected_action": [str(milestone.pk)]}
    )
    milestone.refresh_from_db()
    assert milestone.done


def test_update_gets_a_unique_slug_and_published_filters_drafts_and_future():
    first = UpdateFactory(title="Nieuws over doel 1")
    second = UpdateFactory(title="Nieuws over doel 1")
    assert first.slug == "nieuws-over-doel-1" and second.slug == "nieuws-over-doel-1-2"
    UpdateFactory(is_published=False)
    UpdateFactory(published_at=timezone.now() + datetime.timedelta(days=2))
    assert set(Update.objects.published()) == {first, second}


def test_measurement_factory_makes_valid_rows():
    measurement = MeasurementFactory()
    measurement.full_clean()


def test_live_indicator_admin_page_has_no_measurement_rows(client, staff):
    live = Indicator.objects.get(metric_code="wdhs.accounts")
    client.force_login(staff)
    html = client.get(reverse("admin:goals_indicator_change", args=[live.pk])).content.decode()
    assert "measurements-TOTAL_FORMS" not in html
    measured = IndicatorFactory()
    html = client.get(reverse("admin:goals_indicator_change", args=[measured.pk])).content.decode()
    assert "measurements-TOTAL_FORMS" in html


def test_goal_link_inline_can_be_used_by_other_apps(rf, staff):
    """Another app puts GoalLinkInline on its own admin; the formset saves links for its objects."""
    from django.contrib import admin as django_admin
    from django.contrib.contenttypes.admin import GenericTabularInline

    from goals.admin import GoalLinkInline
    from goals.models import GoalLink
    from wdhs.models import Municipality

    assert issubclass(GoalLinkInline, GenericTabularInline)
    request = rf.post("/")
    request.user = staff
    municipality = Municipality.objects.get(name="Utrecht")
    inline = GoalLinkInline(Municipality, django_admin.site)
    FormSet = inline.get_formset(request, municipality)
    prefix = FormSet.get_default_prefix()
    formset = FormSet(
        data={
            f"{prefix}-TOTAL_FORMS": "1",
            f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-0-goal": str(goal(2).pk),
            f"{prefix}-0-note": "Voorbeeld",
        },
        instance=municipality,
        prefix=prefix,
    )
    assert formset.is_valid(), formset.errors
    formset.save()
    link = GoalLink.objects.get()
    assert (link.goal.number, link.content_object) == (2, municipality)


def test_admin_measurement_form_does_not_offer_live_indicators(client, staff):
    live = Indicator.objects.get(metric_code="wdhs.accounts")
    client.force_login(staff)
    response = client.post(reverse("admin:goals_measurement_add"), _measurement_post(live))
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert Measurement.objects.count() == 0
