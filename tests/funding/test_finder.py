"""The /financiering/ pages: the three groups with reasons, bad answers, starting from an initiative, demo content."""

from __future__ import annotations

import pytest
from django.urls import reverse

from knowledge.funding.demo import load
from knowledge.funding.models import EXAMPLE_NOTE
from knowledge.models import FundingScheme
from tests.factories import FundingSchemeFactory, InitiativeFactory, UserFactory, municipality, province, term
from tests.sitemaps import sitemap_text

pytestmark = pytest.mark.django_db
URL = "/financiering/"


@pytest.fixture
def schemes() -> dict[str, FundingScheme]:
    formal_only = FundingSchemeFactory(name="Fonds Formeel", funder_name="Fonds Formeel", penvoerder_ok=True)
    formal_only.legal_forms.set([term("legal_form", "stichting"), term("legal_form", "vereniging")])
    utrecht = FundingSchemeFactory(name="Utrechts Buurtgeld", scope="regio", max_amount=1000)
    utrecht.municipalities.set([municipality("Utrecht")])
    brabant = FundingSchemeFactory(name="Brabants Fonds", scope="regio")
    brabant.provinces.set([province("Noord-Brabant")])
    return {"formal": formal_only, "utrecht": utrecht, "brabant": brabant}


def group_names(response: object, verdict: str) -> list[str]:
    for group in response.context["groups"]:  # type: ignore[attr-defined]
        if group["verdict"].key == verdict:
            return [scheme.name for scheme, _ in group["items"]]
    raise AssertionError(verdict)


def test_finder_without_answers_lists_all_schemes(client, schemes):
    response = client.get(URL)
    assert response.status_code == 200
    assert "groups" not in response.context
    assert "Fonds Formeel" in response.content.decode()
    assert reverse("funding:finder") == URL


def test_finder_sorts_schemes_in_three_groups_with_reasons(client, schemes):
    response = client.get(
        URL, {"gemeente": "Utrecht", "rechtsvorm": "informele-groep-zonder-penvoerder", "bedrag": "2500"}
    )
    assert response.status_code == 200
    assert group_names(response, "misschien") == ["Utrechts Buurtgeld"]
    assert group_names(response, "past-niet") == ["Brabants Fonds", "Fonds Formeel"]
    html = response.content.decode()
    assert "Past waarschijnlijk" in html and "Past misschien" in html and "Past niet" in html
    assert "geeft alleen geld aan een vereniging of stichting; met een penvoerder kan het wel." in html
    assert "geeft alleen geld in provincie Noord-Brabant." in html


def test_fitting_scheme_lands_in_the_first_group(client, schemes):
    response = client.get(URL, {"gemeente": "Utrecht", "rechtsvorm": "stichting", "bedrag": "500"})
    assert group_names(response, "past") == ["Fonds Formeel", "Utrechts Buurtgeld"]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"bedrag": "-100"}, "Een bedrag kan niet negatief zijn."),
        ({"bedrag": "999999999999999999999"}, "Dat bedrag is te hoog voor deze wijzer."),
        ({"bedrag": "twee euro"}, "Vul een bedrag in hele euro"),
        ({"gemeente": "Atlantis"}, "Deze gemeente kennen we niet."),
        ({"gemeente": "x" * 5000}, "Deze gemeente kennen we niet."),
        ({"thema": "<script>alert(1)</script>"}, "Dit thema kennen we niet."),
        ({"rechtsvorm": "nv"}, "Deze rechtsvorm kennen we niet."),
        ({"fase": "klaar"}, "Deze fase kennen we niet."),
        ({"doel": "jacht"}, "Kies een doel uit de lijst."),
        ({"opgericht": "3000"}, "Dit jaar ligt in de toekomst."),
    ],
)
def test_bad_answers_give_a_dutch_message_and_400(client, schemes, params, message):
    response = client.get(URL, params)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "<script>alert(1)</script>" not in html
    assert "groups" not in response.context


def test_unknown_parameters_are_ignored(client, schemes):
    assert client.get(URL, {"utm_source": "nieuwsbrief"}).status_code == 200


def test_finder_list_query_count_does_not_grow(client, schemes, django_assert_max_num_queries):
    for _ in range(10):
        scheme = FundingSchemeFactory()
        scheme.themes.set([term("theme", "wonen")])
    with django_assert_max_num_queries(14):
        response = client.get(URL, {"thema": "wonen", "gemeente": "Utrecht"})
    assert response.status_code == 200


def test_manager_starts_from_their_initiative(client):
    manager = UserFactory()
    initiative = InitiativeFactory(
        managers=[manager],
        municipality=municipality("Zwolle"),
        legal_form=term("legal_form", "informele-groep-met-penvoerder"),
        phase=term("phase", "starten"),
        founded_year=2023,
        themes=[term("theme", "voedsel")],
    )
    client.force_login(manager)
    response = client.get(URL, {"initiatief": initiative.slug})
    assert response.status_code == 302
    location = response["Location"]
    assert "gemeente=Zwolle" in location and "rechtsvorm=informele-groep-met-penvoerder" in location
    assert "fase=starten" in location and "thema=voedsel" in location and "opgericht=2023" in location
    assert "initiatief" not in location
    assert client.get(location).status_code == 200


def test_outsider_cannot_start_from_someone_elses_initiative(client):
    initiative = InitiativeFactory(municipality=municipality("Zwolle"))
    client.force_login(UserFactory())
    response = client.get(URL, {"initiatief": initiative.slug}, follow=True)
    assert response.redirect_chain[-1][0] == URL
    html = response.content.decode()
    assert "Dit initiatief kunnen we niet invullen" in html


def test_scheme_detail_shows_rules_example_note_and_own_verdict(client, schemes):
    scheme = schemes["formal"]
    scheme.is_example = True
    scheme.save()
    response = client.get(scheme.get_absolute_url(), {"rechtsvorm": "informele-groep-zonder-penvoerder"})
    assert response.status_code == 200
    html = response.content.decode()
    assert EXAMPLE_NOTE in html
    assert "Voor jouw plan: past niet" in html
    assert "met een penvoerder kan het wel" in html


def test_scheme_detail_404_for_unknown_or_inactive(client, schemes):
    assert client.get("/financiering/bestaat-niet/").status_code == 404
    schemes["brabant"].is_active = False
    schemes["brabant"].save()
    assert client.get(schemes["brabant"].get_absolute_url()).status_code == 404


def test_demo_loader_is_idempotent_and_marks_examples(demo):
    count = FundingScheme.objects.count()
    assert count >= 15
    again = load()
    assert FundingScheme.objects.count() == count
    assert "voorbeelden" in again
    assert not FundingScheme.objects.filter(is_example=False).exists()
    assert all(EXAMPLE_NOTE in s.description for s in FundingScheme.objects.all())
    kinds = set(FundingScheme.objects.values_list("kind__slug", flat=True))
    assert kinds == {
        "subsidie",
        "gift",
        "lening",
        "crowdfunding",
        "kostprijs-plus",
        "maatschappelijk-vastgoed",
        "in-natura",
    }


def test_home_shows_the_help_block(client, schemes):
    html = client.get("/").content.decode()
    assert 'href="/financiering/"' in html
    assert 'href="/vraag/"' in html


def test_sitemap_lists_active_schemes(client, schemes):
    schemes["brabant"].is_active = False
    schemes["brabant"].save()
    xml = sitemap_text(client)
    assert schemes["formal"].get_absolute_url() in xml
    assert schemes["brabant"].get_absolute_url() not in xml


def test_admin_refuses_inconsistent_schemes(client, staff):
    client.force_login(staff)
    data = {
        "name": "Regeling zonder gebied",
        "slug": "regeling-zonder-gebied",
        "funder_name": "Fonds",
        "kind": term("funding_kind", "gift").pk,
        "summary": "Een regeling.",
        "apply_url": "http://example.org/aanvragen",
        "scope": "regio",
        "min_amount": "5000",
        "max_amount": "100",
        "is_rolling": "on",
        "funds_one_day": "ja",
        "funds_costs_made": "nee",
        "funds_equipment": "ja",
        "funds_buildings": "nee",
        "own_contribution_percent": "0",
        "is_active": "on",
    }
    response = client.post(reverse("admin:knowledge_fundingscheme_add"), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kies bij een regionale regeling minstens één provincie of gemeente." in html
    assert "Gebruik een veilige link die begint met https://." in html
    assert not FundingScheme.objects.filter(slug="regeling-zonder-gebied").exists()


def test_mijn_links_managers_to_the_finder_for_their_initiative(client):
    manager = UserFactory()
    initiative = InitiativeFactory(managers=[manager])
    client.force_login(manager)
    html = client.get(reverse("mijn")).content.decode()
    assert f"/financiering/?initiatief={initiative.slug}" in html
    client.force_login(UserFactory())
    assert "?initiatief=" not in client.get(reverse("mijn")).content.decode()


def test_schemes_that_do_not_fit_are_folded_away(client, schemes):
    html = client.get(URL, {"gemeente": "Zwolle"}).content.decode()
    assert "<details" in html and "Laat zien welke regelingen niet passen" in html


def test_finder_narrows_the_schemes_to_search_words(client):
    from wdhs.search.index import refresh_pending

    FundingSchemeFactory(name="Geld voor het buurthuis", slug="buurthuis")
    FundingSchemeFactory(name="Zonnepanelen op het dak", slug="zon")
    refresh_pending()
    response = client.get(reverse("funding:finder"), {"q": "buurthuizen"})
    assert response.status_code == 200
    assert [s.slug for s in response.context["schemes"]] == ["buurthuis"]
    assert "groups" not in response.context  # words alone answer no question
    answered = client.get(reverse("funding:finder"), {"q": "buurthuizen", "rechtsvorm": "stichting"})
    slugs = [scheme.slug for group in answered.context["groups"] for scheme, _ in group["items"]]
    assert slugs == ["buurthuis"]
    nothing = client.get(reverse("funding:finder"), {"q": "ijsbaan"})
    assert "Geen regeling gevonden met ‘ijsbaan’" in nothing.content.decode()


def test_finder_refuses_search_words_that_are_far_too_long(client):
    response = client.get(reverse("funding:finder"), {"q": "x" * 2001})
    assert response.status_code == 400
    assert "Je zoekwoorden zijn te lang" in response.content.decode()


def test_long_lists_show_the_first_twenty_and_say_how_many_more(client):
    FundingSchemeFactory.create_batch(33)
    everything = client.get(URL)
    html = everything.content.decode()
    assert len(everything.context["shown_schemes"]) == 20
    assert "En nog 13 regelingen. Vul meer vragen in" in html
    answered = client.get(URL, {"gemeente": "Utrecht", "rechtsvorm": "stichting", "bedrag": "500"})
    groups = answered.context["groups"]
    assert sum(group["count"] for group in groups) >= 33
    for group in groups:
        # The folded group of schemes that do not fit shows ten; the others twenty.
        shown = 10 if group["verdict"].key == "past-niet" else 20
        assert len(group["items"]) == min(shown, group["count"])
        assert group["hidden"] == group["count"] - len(group["items"])
    assert any(group["hidden"] for group in groups)


def test_the_outcome_opens_with_a_summary_and_the_doors_that_open_more(client, schemes, demo):
    response = client.get(URL, {"gemeente": "Utrecht", "rechtsvorm": "informele-groep-zonder-penvoerder"})
    html = response.content.decode()
    assert response.status_code == 200
    summary = response.context["summary"]
    counts = {group["verdict"].key: group["count"] for group in response.context["groups"]}
    assert summary.startswith(f"{counts['past']} regeling")
    assert f"{counts['misschien']} misschien en {counts['past-niet']} niet." in summary
    assert html.index(summary) < html.index('id="groep-past"')
    door = response.context["doors"][0]
    assert door["door"].key == "rechtsvorm" and door["door"].text.startswith("Met een penvoerder")
    assert door["door"].text in html
    # The guides on legal form and penvoerder, as published knowledge pages.
    assert '/kennis/welke-rechtsvorm-past-bij-jullie/"' in html and '/kennis/werken-met-een-penvoerder/"' in html


def test_without_the_guides_the_doors_link_to_a_search(client, schemes):
    response = client.get(URL, {"rechtsvorm": "informele-groep-zonder-penvoerder"})
    assert [d["door"].text for d in response.context["doors"]] == [
        "Met een penvoerder, een stichting of een vereniging past 1 regeling meer."
    ]
    assert "/kennis/?q=penvoerder" in response.content.decode()


def test_the_form_sends_you_to_the_outcome(client, schemes):
    html = client.get(URL).content.decode()
    assert 'action="/financiering/#uitkomst"' in html
    answered = client.get(URL, {"bedrag": "100"}).content.decode()
    assert answered.count('id="uitkomst"') == 1
    wrong = client.get(URL, {"bedrag": "twee euro"})
    assert wrong.status_code == 400 and wrong.content.decode().count('id="uitkomst"') == 1


def test_a_plan_about_several_themes_fits_a_scheme_for_any_of_them(client):
    wonen = FundingSchemeFactory(name="Woonfonds", funder_name="Woonfonds")
    wonen.themes.set([term("theme", "wonen")])
    food = FundingSchemeFactory(name="Voedselfonds", funder_name="Voedselfonds")
    food.themes.set([term("theme", "voedsel"), term("theme", "wonen")])
    energy = FundingSchemeFactory(name="Energiefonds", funder_name="Energiefonds")
    energy.themes.set([term("theme", "energie-en-klimaat")])

    response = client.get(URL, {"thema": ["wonen", "voedsel"]})
    assert response.status_code == 200
    assert sorted(group_names(response, "past")) == ["Voedselfonds", "Woonfonds"]
    assert group_names(response, "past-niet") == ["Energiefonds"]
    html = response.content.decode()
    assert "Je thema&#x27;s (wonen en voedsel) passen bij Voedselfonds." in html
    assert "Je thema (wonen) past bij Woonfonds." in html
    # Checkboxes, both ticked; a chip for each theme takes away only that one.
    assert 'name="thema" value="wonen"' in html and html.count('name="thema"') > 2
    chips = [chip for chip in response.context["chips"] if chip.label == "Thema"]
    assert [(chip.value, chip.url) for chip in chips] == [("Wonen", "?thema=voedsel"), ("Voedsel", "?thema=wonen")]


@pytest.mark.parametrize("themes", [["wonen", "bestaat-niet"], ["wonen"] * 31, ["<b>x</b>"]])
def test_several_themes_with_a_bad_one_is_a_dutch_400(client, themes):
    response = client.get(URL, {"thema": themes})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Dit thema kennen we niet." in html or "Kies hoogstens 30 waarden." in html
    assert "<b>x</b>" not in html
