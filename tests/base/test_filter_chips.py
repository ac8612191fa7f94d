"""The active filters as chips above the results of /kennis/, /initiatieven/, /financiering/ and /zoeken/."""

from __future__ import annotations

import re

import pytest
from django.http import QueryDict
from django.urls import reverse

from tests.factories import FundingSchemeFactory, InitiativeFactory, ResourceFactory, municipality, province, term
from wdhs.facets import url_without

pytestmark = pytest.mark.django_db

CHIP = re.compile(r'<a class="wdhs-chip" href="([^"]*)"><span class="wdhs-visually-hidden">Haal weg: </span>([^<]*)<')


def chips(response) -> dict[str, str]:
    """{text of the chip: the link it follows}, unescaped."""
    html = response.content.decode()
    return {text.strip(): href.replace("&amp;", "&") for href, text in CHIP.findall(html)}


def test_url_without_takes_away_exactly_one_value_and_goes_back_to_page_one():
    params = QueryDict("thema=wonen&thema=voedsel&fase=idee&page=3")
    assert url_without(params, "thema", "wonen") == "?thema=voedsel&fase=idee"
    assert url_without(params, "fase", "idee") == "?thema=wonen&thema=voedsel"
    assert url_without(QueryDict("fase=idee"), "fase", "idee") == "?"
    # A value that is not there changes nothing but the page.
    assert url_without(params, "fase", "groeien") == "?thema=wonen&thema=voedsel&fase=idee"


def test_knowledge_shows_each_chosen_filter_as_a_chip_that_removes_only_that_one(client):
    ResourceFactory(title="Samen wonen", themes=[term("theme", "wonen")], phases=[term("phase", "idee")])
    response = client.get(reverse("knowledge:list"), {"thema": "wonen", "fase": "idee", "page": "1"})
    assert response.status_code == 200
    found = chips(response)
    assert set(found) == {"Thema: Wonen", "Fase: Idee"}
    assert found["Thema: Wonen"] == "?fase=idee"
    assert found["Fase: Idee"] == "?thema=wonen"
    html = response.content.decode()
    assert "Alle filters wissen" in html
    assert "Filters (2 actief)" in html
    # Following a chip leaves the other filter in place.
    after = client.get(reverse("knowledge:list") + found["Thema: Wonen"])
    assert set(chips(after)) == {"Fase: Idee"}
    assert "Filters (1 actief)" in after.content.decode()


def test_knowledge_search_words_are_a_chip_too(client):
    ResourceFactory(title="Vrijwilligers vinden", themes=[term("theme", "wonen")])
    found = chips(client.get(reverse("knowledge:list"), {"q": "vrijwilligers", "thema": "wonen"}))
    assert found == {"Zoekwoorden: vrijwilligers": "?thema=wonen", "Thema: Wonen": "?q=vrijwilligers"}


def test_knowledge_without_filters_has_no_chips_and_the_filters_button(client):
    ResourceFactory(title="Een buurtfeest")
    response = client.get(reverse("knowledge:list"))
    html = response.content.decode()
    assert chips(response) == {}
    assert "Gekozen filters" not in html
    assert '<details class="wdhs-filters">' in html and "<summary>Filters</summary>" in html
    # The results follow the filter button; the button is closed so the first result comes soon on a phone.
    assert html.index("<summary>Filters</summary>") < html.index("Een buurtfeest")


def test_knowledge_unknown_filter_gives_no_chip_and_a_dutch_400(client):
    response = client.get(reverse("knowledge:list"), {"thema": "<script>bestaat-niet</script>"})
    assert response.status_code == 400
    assert chips(response) == {}
    assert "kennen we niet" in response.content.decode()
    assert "<script>bestaat-niet" not in response.content.decode()


def test_initiatives_show_chips_for_their_filters(client):
    InitiativeFactory(themes=[term("theme", "wonen")], municipality=municipality("Zwolle"))
    response = client.get(reverse("initiatives:list"), {"thema": "wonen", "provincie": "overijssel", "sorteer": "naam"})
    assert response.status_code == 200
    found = chips(response)
    assert found == {
        "Provincie: Overijssel": "?thema=wonen&sorteer=naam",
        "Thema: Wonen": "?provincie=overijssel&sorteer=naam",
    }
    assert "Filters (2 actief)" in response.content.decode()


def test_funding_finder_shows_each_answer_as_a_chip(client):
    term("theme", "wonen")
    response = client.get(reverse("funding:finder"), {"doel": ["eendaags", "spullen"], "thema": "wonen"})
    assert response.status_code == 200
    found = chips(response)
    doel = [text for text in found if text.startswith("Doel: ")]
    assert len(doel) == 2
    assert all(found[text].count("doel=") == 1 for text in doel)
    assert found["Thema: Wonen"] == "?doel=eendaags&doel=spullen"
    assert "Filters (3 actief)" in response.content.decode()


def test_funding_finder_is_open_before_the_first_answer(client):
    html = client.get(reverse("funding:finder")).content.decode()
    assert '<details class="wdhs-filters" open>' in html
    assert chips(client.get(reverse("funding:finder"))) == {}


def test_search_shows_the_chosen_kind_as_a_chip(client):
    ResourceFactory(title="Vrijwilligers vinden")
    response = client.get(reverse("search:results"), {"q": "vrijwilligers", "soort": "kennis"})
    found = chips(response)
    assert list(found.values()) == ["/zoeken/?q=vrijwilligers"]
    assert list(found)[0].startswith("Soort: ")


def test_knowledge_takes_several_themes_at_once_or_within_and_across_facets(client):
    wonen, voedsel, energie = term("theme", "wonen"), term("theme", "voedsel"), term("theme", "energie-en-klimaat")
    idee, groeien = term("phase", "idee"), term("phase", "groeien")
    ResourceFactory(title="Alleen wonen", themes=[wonen], phases=[idee])
    ResourceFactory(title="Wonen en voedsel", themes=[wonen, voedsel], phases=[idee])
    ResourceFactory(title="Alleen voedsel", themes=[voedsel], phases=[groeien])
    ResourceFactory(title="Alleen energie", themes=[energie], phases=[idee])

    both = client.get(reverse("knowledge:list"), {"thema": ["wonen", "voedsel"]})
    assert both.status_code == 200
    titles = sorted(item.title for item in both.context["items"])
    # Either theme; the one with both is listed once.
    assert titles == ["Alleen voedsel", "Alleen wonen", "Wonen en voedsel"]
    assert both.context["total"] == 3
    assert set(chips(both)) == {"Thema: Wonen", "Thema: Voedsel"}
    assert chips(both)["Thema: Wonen"] == "?thema=voedsel"
    # A chosen theme's link takes it away; another theme's link adds it.
    thema = next(facet for facet in both.context["facets"] if facet.param == "thema")
    links = {item.value: (item.selected, item.url) for item in thema.items}
    assert links["wonen"] == (True, "?thema=voedsel")
    assert links["energie-en-klimaat"] == (False, "?thema=wonen&thema=voedsel&thema=energie-en-klimaat")

    # AND across facets.
    with_phase = client.get(reverse("knowledge:list"), {"thema": ["wonen", "voedsel"], "fase": "idee"})
    assert sorted(item.title for item in with_phase.context["items"]) == ["Alleen wonen", "Wonen en voedsel"]
    fase = next(facet for facet in with_phase.context["facets"] if facet.param == "fase")
    # The phases count within both themes (the other facet): idee 2, groeien 1.
    assert {item.value: item.count for item in fase.items} == {"idee": 2, "groeien": 1}


def test_knowledge_several_themes_with_one_unknown_is_a_dutch_400(client):
    term("theme", "wonen")
    response = client.get(reverse("knowledge:list"), {"thema": ["wonen", "bestaat-niet"]})
    assert response.status_code == 400
    assert "kennen we niet" in response.content.decode()


def test_initiatives_take_several_themes_at_once(client):
    wonen, voedsel, energie = term("theme", "wonen"), term("theme", "voedsel"), term("theme", "energie-en-klimaat")
    InitiativeFactory(name="Woongroep", themes=[wonen])
    InitiativeFactory(name="Buurttuin", themes=[wonen, voedsel])
    InitiativeFactory(name="Zonnedak", themes=[energie])
    response = client.get(reverse("initiatives:list"), {"thema": ["wonen", "voedsel"]})
    assert response.status_code == 200
    assert sorted(i.name for i in response.context["page_obj"].object_list) == ["Buurttuin", "Woongroep"]
    html = response.content.decode()
    assert 'name="thema" value="wonen" checked' in html and 'name="thema" value="voedsel" checked' in html
    assert 'name="thema" value="energie-en-klimaat">' in html
    assert client.get(reverse("initiatives:list"), {"thema": ["wonen", "x" * 5000]}).status_code == 400


# --- several values of every facet, not only the theme ---


def test_knowledge_takes_several_phases_kinds_and_regions_with_a_chip_for_each(client):
    idee, starten, groeien = term("phase", "idee"), term("phase", "starten"), term("phase", "groeien")
    artikel, handleiding = term("knowledge_kind", "artikel"), term("knowledge_kind", "handleiding")
    ResourceFactory(title="Idee-artikel", phases=[idee], kind=artikel)
    ResourceFactory(title="Start-handleiding", phases=[starten], kind=handleiding)
    ResourceFactory(title="Groei-artikel", phases=[groeien], kind=artikel)
    ResourceFactory(
        title="In Overijssel", phases=[idee], kind=artikel, scope="provincie", province=province("Overijssel")
    )

    response = client.get(reverse("knowledge:list"), {"fase": ["idee", "starten"]})
    assert response.status_code == 200
    assert sorted(item.title for item in response.context["items"]) == [
        "Idee-artikel",
        "In Overijssel",
        "Start-handleiding",
    ]
    found = chips(response)
    assert found == {"Fase: Idee": "?fase=starten", "Fase: Starten": "?fase=idee"}
    assert "Filters (2 actief)" in response.content.decode()

    # Two kinds (a foreign key: an IN, each result once) and a phase: OR within, AND across.
    both = client.get(reverse("knowledge:list"), {"soort": ["artikel", "handleiding"], "fase": "idee"})
    assert sorted(item.title for item in both.context["items"]) == ["Idee-artikel", "In Overijssel"]
    soort = next(facet for facet in both.context["facets"] if facet.param == "soort")
    assert {item.value: (item.selected, item.count) for item in soort.items} == {
        "artikel": (True, 2),
        "handleiding": (True, 0),
    }
    assert chips(both)["Soort: Handleiding"] == "?soort=artikel&fase=idee"

    # Two regions: the whole country or Overijssel.
    regions = client.get(reverse("knowledge:list"), {"regio": ["heel-nederland", "overijssel"]})
    assert len(regions.context["items"]) == 4
    only = client.get(reverse("knowledge:list"), {"regio": ["overijssel", "utrecht"]})
    assert [item.title for item in only.context["items"]] == ["In Overijssel"]
    assert set(chips(only)) == {"Regio: Overijssel", "Regio: Utrecht"}


@pytest.mark.parametrize(
    "params",
    [
        {"fase": ["idee", "bestaat-niet"]},
        {"soort": ["artikel", "<script>x</script>"]},
        {"regio": ["overijssel", "atlantis"]},
        {"organisatie": ["x" * 5000]},
        {"fase": ["idee"] * 31},  # more values than anyone chooses
    ],
)
def test_knowledge_several_values_with_a_bad_one_is_a_dutch_400(client, params):
    ResourceFactory(title="Blijft zichtbaar")
    response = client.get(reverse("knowledge:list"), params)
    assert response.status_code == 400
    html = response.content.decode()
    assert "We hebben dat filter weggelaten" in html or "kennen we niet" in html
    assert "<script>x" not in html
    assert "Blijft zichtbaar" in html  # the rest of the list still shows


def test_knowledge_empty_values_among_several_are_ignored(client):
    ResourceFactory(title="Idee", phases=[term("phase", "idee")])
    response = client.get(reverse("knowledge:list") + "?fase=&fase=idee&fase=+")
    assert response.status_code == 200
    assert chips(response) == {"Fase: Idee": "?"}


def test_initiatives_take_several_values_of_every_facet_as_checkboxes(client):
    idee, starten = term("phase", "idee"), term("phase", "starten")
    InitiativeFactory(name="Dorpshuis", phase=idee, municipality=municipality("Zwolle"))
    InitiativeFactory(name="Buurtkeuken", phase=starten, municipality=municipality("Deventer"))
    InitiativeFactory(name="Zonnedak", phase=term("phase", "groeien"), municipality=municipality("Utrecht"))

    response = client.get(reverse("initiatives:list"), {"fase": ["idee", "starten"], "provincie": "overijssel"})
    assert response.status_code == 200
    assert sorted(i.name for i in response.context["page_obj"].object_list) == ["Buurtkeuken", "Dorpshuis"]
    html = response.content.decode()
    assert 'name="fase" value="idee" checked' in html and 'name="fase" value="starten" checked' in html
    assert 'name="provincie" value="overijssel" checked' in html
    assert chips(response)["Fase: Idee"] == "?fase=starten&provincie=overijssel"

    # Two provinces (a path of foreign keys): either one, each initiative once.
    provinces = client.get(reverse("initiatives:list"), {"provincie": ["overijssel", "utrecht"]})
    assert provinces.context["page_obj"].paginator.count == 3


def test_initiatives_municipalities_chosen_as_checkboxes_and_one_more_from_a_select(client):
    InitiativeFactory(name="Dorpshuis", municipality=municipality("Zwolle"))
    InitiativeFactory(name="Buurtkeuken", municipality=municipality("Deventer"))
    InitiativeFactory(name="Zonnedak", municipality=municipality("Utrecht"))
    # The form sends the chosen municipality's checkbox and the select's empty "no other" choice.
    response = client.get(reverse("initiatives:list") + "?gemeente=zwolle&gemeente=")
    assert response.status_code == 200
    assert [i.name for i in response.context["page_obj"].object_list] == ["Dorpshuis"]
    html = response.content.decode()
    assert 'name="gemeente" value="zwolle" checked' in html
    assert "Nog een gemeente erbij" in html
    select = html[html.index('id="filter-gemeente"') :]
    select = select[: select.index("</select>")]
    assert 'value="deventer"' in select and 'value="zwolle"' not in select

    two = client.get(reverse("initiatives:list"), {"gemeente": ["zwolle", "deventer"]})
    assert sorted(i.name for i in two.context["page_obj"].object_list) == ["Buurtkeuken", "Dorpshuis"]
    assert client.get(reverse("initiatives:list"), {"gemeente": ["zwolle", "nergenshuizen"]}).status_code == 400
    assert client.get(reverse("initiatives:list"), {"behoefte": ["geld"] * 31}).status_code == 400


def test_search_takes_several_kinds_with_a_chip_for_each(client):
    ResourceFactory(title="Vrijwilligers vinden")
    InitiativeFactory(name="Vrijwilligers van de buurt", description="Wij zoeken vrijwilligers.")
    response = client.get(reverse("search:results"), {"q": "vrijwilligers", "soort": ["kennis", "initiatieven"]})
    assert response.status_code == 200
    assert [group.source.key for group in response.context["groups"]] == ["kennis", "initiatieven"]
    found = chips(response)
    assert found == {
        "Soort: Kennis": "/zoeken/?q=vrijwilligers&soort=initiatieven",
        "Soort: Initiatieven": "/zoeken/?q=vrijwilligers&soort=kennis",
    }
    html = response.content.decode()
    assert '<input type="hidden" name="soort" value="kennis">' in html
    assert '<input type="hidden" name="soort" value="initiatieven">' in html
    # One kind left: its results page by page, as before.
    one = client.get(reverse("search:results"), {"q": "vrijwilligers", "soort": ["kennis"]})
    assert one.context["source"].key == "kennis" and one.context["page_obj"] is not None


def test_search_kind_is_a_facet_of_checkboxes_in_the_filter_form(client):
    """/zoeken/: a second kind is added in the form (a checkbox), not only through the URL or a chip (issue 13)."""
    ResourceFactory(title="Vrijwilligers vinden")
    InitiativeFactory(name="Vrijwilligers van de buurt", description="Wij zoeken vrijwilligers.")
    FundingSchemeFactory(name="Vrijwilligersfonds", summary="Geld voor vrijwilligers.")
    url = reverse("search:results")
    everything = client.get(url, {"q": "vrijwilligers"})
    html = everything.content.decode()
    form = html[html.index('<form class="wdhs-list__filters"') :]
    form = form[: form.index("</form>")]
    # Every kind a checkbox with its count, none chosen; the words go along as a hidden field.
    assert '<input type="hidden" name="q" value="vrijwilligers">' in form
    for key, label in [("kennis", "Kennis"), ("initiatieven", "Initiatieven"), ("financiering", "Financiering")]:
        assert f'<input type="checkbox" name="soort" value="{key}"> {label} (1)' in form
    assert "checked" not in form

    # What the browser sends with Kennis ticked and then Financiering as well: both groups, both ticked.
    one = client.get(url, {"q": "vrijwilligers", "soort": "kennis"}).content.decode()
    assert '<input type="checkbox" name="soort" value="kennis" checked>' in one
    assert '<input type="checkbox" name="soort" value="financiering">' in one
    both = client.get(url, {"q": "vrijwilligers", "soort": ["kennis", "financiering"]})
    assert [group.source.key for group in both.context["groups"]] == ["kennis", "financiering"]
    html = both.content.decode()
    assert '<input type="checkbox" name="soort" value="kennis" checked>' in html
    assert '<input type="checkbox" name="soort" value="financiering" checked>' in html
    assert '<input type="checkbox" name="soort" value="initiatieven">' in html
    assert "Filters (2 actief)" in html


@pytest.mark.parametrize("soort", [["kennis", "bestaat-niet"], ["<b>x</b>"], ["kennis"] * 31])
def test_search_bad_kind_among_several_is_a_dutch_400(client, soort):
    response = client.get(reverse("search:results"), {"q": "vrijwilligers", "soort": soort})
    assert response.status_code == 400
    assert "Deze soort resultaten kennen we niet" in response.content.decode()
    assert "<b>x</b>" not in response.content.decode()


def test_a_facet_without_options_is_left_out_of_the_filter_form(client):
    ResourceFactory(title="Vrijwilligers vinden")
    legend = '<legend class="utrecht-form-label">Thema <span class="wdhs-meta">(kies er een of meer)</span></legend>'
    assert legend in client.get(reverse("knowledge:list")).content.decode()
    nothing = client.get(reverse("knowledge:list"), {"q": "zwembadkrokodil"}).content.decode()
    assert "Nog niets gevonden" in nothing
    assert legend not in nothing and "<legend" not in nothing.split('class="wdhs-list__filters"')[1].split("</form>")[0]
