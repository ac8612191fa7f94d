"""Cards kept per process by the digest of their content (`|fingerprint`, the "fragments" cache)."""

from __future__ import annotations

import pickle

import pytest
from django.core.cache import cache, caches
from django.http import QueryDict
from django.test import override_settings

from initiatives.models import Initiative
from knowledge.events.filters import EventFilter
from knowledge.filters import OrganisationFilter
from knowledge.funding.forms import FinderForm
from knowledge.models import Organisation, Resource
from tests.factories import InitiativeFactory, OrganisationFactory, ResourceFactory
from wdhs.models import Municipality, Term
from wdhs.templatetags.portal import fingerprint, kept_fields, kept_form

pytestmark = pytest.mark.django_db


@pytest.fixture(params=[False, True], ids=["joined", "kept-small-tables"])
def fragments(request):
    """An empty fragment cache, with the small tables joined (as in tests) or kept per process (as in production)."""
    for each in (caches["fragments"], caches["forms"], cache):
        each.clear()
    with override_settings(WDHS_PAGE_CACHE=False, WDHS_SHARED_COUNTS=request.param):
        yield caches["fragments"]
    for each in (caches["fragments"], caches["forms"], cache):
        each.clear()


def _page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_card_is_rendered_once_and_then_read_from_the_cache(client, fragments):
    InitiativeFactory(name="Buurtkamer De Linde")
    assert "Buurtkamer De Linde" in _page(client, "/initiatieven/")
    keys = list(fragments._cache)
    assert len(keys) == 1
    # Whatever the cache holds is what the page shows: the card is not rendered again.
    held = pickle.loads(fragments._cache[keys[0]])  # noqa: S301 - our own cache entry
    fragments._cache[keys[0]] = pickle.dumps(held.replace("Buurtkamer De Linde", "Uit de cache"))
    html = _page(client, "/initiatieven/")
    assert "Uit de cache" in html
    assert "Buurtkamer De Linde" not in html


def test_a_changed_column_shows_at_once_even_without_a_new_updated_at(client, fragments):
    initiative = InitiativeFactory(name="Buurtkamer De Linde")
    assert "Buurtkamer De Linde" in _page(client, "/initiatieven/")
    Initiative.objects.filter(pk=initiative.pk).update(name="Buurtkamer De Eik", updated_at=initiative.updated_at)
    html = _page(client, "/initiatieven/")
    assert "Buurtkamer De Eik" in html
    assert "Buurtkamer De Linde" not in html


def test_a_renamed_theme_and_organisation_show_at_once(client, fragments):
    organisation = OrganisationFactory(name="Stichting Buurtkracht")
    resource = ResourceFactory(title="Zo start je een repaircafé", organisation=organisation)
    theme = resource.themes.get()
    html = _page(client, "/kennis/")
    assert "Stichting Buurtkracht" in html
    assert f">{theme.name}<" in html
    Term.objects.filter(pk=theme.pk).update(name="Zorg en aandacht voor elkaar")
    Organisation.objects.filter(pk=organisation.pk).update(name="Stichting Samenkracht")
    html = _page(client, "/kennis/")
    assert "Zorg en aandacht voor elkaar" in html
    assert "Stichting Samenkracht" in html
    assert "Stichting Buurtkracht" not in html


def test_a_search_snippet_is_part_of_the_card(client, fragments):
    ResourceFactory(title="Zo start je een repaircafé", body="Samen repareren met vrijwilligers in de wijk.")
    first = _page(client, "/kennis/?q=repareren")
    second = _page(client, "/kennis/?q=vrijwilligers")
    assert "<mark>repareren</mark>" in first
    assert "<mark>vrijwilligers</mark>" in second
    assert "<mark>repareren</mark>" not in second


def test_the_fingerprint_changes_with_any_held_value(fragments):
    initiative = InitiativeFactory()
    (row,) = Initiative.objects.for_cards()
    before = fingerprint(row)
    assert fingerprint(Initiative.objects.for_cards().get()) == before
    row.area = "Wittevrouwen"
    assert fingerprint(row) != before
    row.area = initiative.area
    row.missing_words = ["subsidie"]  # set by the search on results that lack a word
    assert fingerprint(row) != before
    resource = ResourceFactory()
    assert fingerprint(Resource.objects.for_listing().get()).startswith(f"Resource:{resource.pk}:")


@pytest.mark.parametrize(
    "data",
    [None, {}, {"thema": "zorg-en-welzijn", "provincie": "utrecht"}, {"provincie": "bestaat-niet", "q": "x" * 300}],
    ids=["unbound", "empty", "chosen", "wrong"],
)
def test_a_kept_filter_form_is_the_forms_own_html(fragments, data):
    query = QueryDict(mutable=True)
    query.update(data or {})
    for form in (
        OrganisationFilter(query if data is not None else None).form,
        EventFilter(query if data is not None else None).form,
    ):
        expected = form.render()
        assert kept_form(form) == expected  # rendered and kept
        assert kept_form(form) == expected  # read back


def test_a_kept_filter_form_shows_a_new_theme_and_the_chosen_value_at_once(client, fragments):
    html = _page(client, "/organisaties/")
    assert "Buurtsport" not in html
    Term.objects.create(vocabulary="theme", name="Buurtsport", slug="buurtsport", position=99)
    html = _page(client, "/organisaties/")
    assert '<option value="buurtsport">Buurtsport</option>' in html
    html = _page(client, "/organisaties/?thema=buurtsport")
    assert '<option value="buurtsport" selected>Buurtsport</option>' in html


def test_a_kept_filter_form_comes_from_the_cache_whatever_other_parameters_say(client, fragments):
    kept = vars(caches["forms"])["_cache"]  # LocMemCache's store: key -> pickled value
    _page(client, "/agenda/?provincie=utrecht")
    (key,) = list(kept)
    held = pickle.loads(kept[key])  # noqa: S301 - our own cache entry
    kept[key] = pickle.dumps(held.replace("Heel Nederland", "Uit de cache"))
    assert "Uit de cache" in _page(client, "/agenda/?provincie=utrecht&page=1&utm_source=nieuwsbrief")
    assert len(kept) == 1
    assert "Uit de cache" not in _page(client, "/agenda/?provincie=fryslan")


@pytest.mark.parametrize(
    "data",
    [None, {}, {"gemeente": "Utrecht", "rechtsvorm": "stichting", "bedrag": "500"}, {"bedrag": "-5", "gemeente": "X"}],
    ids=["unbound", "empty", "answered", "wrong"],
)
def test_kept_fields_are_the_fields_own_html(fragments, data):
    form = FinderForm(data)
    if data is not None:
        form.is_valid()
    expected = "".join(str(field.as_field_group()) for field in form.visible_fields() if field.name != "q")
    assert 'name="q"' not in expected
    assert kept_fields(form, "q") == expected  # rendered and kept
    assert kept_fields(form, "q") == expected  # read back
    assert 'name="q"' in kept_fields(form)  # another set of fields, another entry


def test_the_finder_shows_the_municipalities_of_now_and_the_answers_given(client, fragments):
    html = _page(client, "/financiering/")
    assert '<option value="Zwolle"></option>' in html
    Municipality.objects.filter(name="Zwolle").update(is_active=False)
    html = _page(client, "/financiering/")
    assert '<option value="Zwolle"></option>' not in html
    html = _page(client, "/financiering/?gemeente=Utrecht&bedrag=500")
    assert 'value="Utrecht"' in html and 'value="500"' in html
