"""Links onward across kinds (knowledge/related.py) and "Aanbevolen voor jullie" on an initiative's /mijn/ page.

Demo-like content: the energiecoöperatie article, the Oranje Fonds with its two schemes, energy initiatives.
"""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.urls import reverse

from initiatives.models import Status
from knowledge.models import Question
from knowledge.related import related
from tests.factories import (
    FundingSchemeFactory,
    InitiativeFactory,
    MembershipFactory,
    OrganisationFactory,
    ResourceFactory,
    UserFactory,
    municipality,
    term,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def sample():
    """A small copy of the demo content that issue #13 names."""
    energy, living, meeting = (
        term("theme", "energie-en-klimaat"),
        term("theme", "wonen"),
        term("theme", "ontmoeting-en-cultuur"),
    )
    doen = OrganisationFactory(name="Stichting DOEN", slug="stichting-doen", kind="fonds")
    doen.themes.set([energy])
    oranje = OrganisationFactory(name="Oranje Fonds", slug="oranje-fonds", kind="fonds")
    oranje.themes.set([meeting])
    article = ResourceFactory(
        title="Samen energie opwekken: een energiecoöperatie starten",
        slug="energiecooperatie-starten",
        organisation=doen,
        themes=[energy, living],
    )
    energy_fund = FundingSchemeFactory(name="Ontwikkelfonds lokale energie", funder_name="Het Energiefonds")
    energy_fund.themes.set([energy])
    care_fund = FundingSchemeFactory(name="Fonds zorgzame dorpen")
    care_fund.themes.set([term("theme", "zorg-en-welzijn")])
    growth = FundingSchemeFactory(name="Groeiregeling voor sociale initiatieven", funder=oranje, funder_name="")
    small = FundingSchemeFactory(name="Kleine bijdrage voor buurtactiviteiten", funder=oranje, funder_name="")
    cooperative = InitiativeFactory(
        name="Eelder Energie",
        kind=term("initiative_kind", "energiecooperatie"),
        themes=[energy],
        municipality=municipality("Tynaarlo"),
        phase=term("phase", "blijven-bestaan"),
    )
    garden = InitiativeFactory(name="Buurtmoestuin De Groene Vinger")  # groen: no shared theme
    hidden = InitiativeFactory(
        name="Verborgen Zonnedak",
        status=Status.SUBMITTED,
        themes=[energy],
        kind=term("initiative_kind", "energiecooperatie"),
    )
    return locals()


def titles(links):
    return [link.title for link in links]


def test_the_energy_article_links_to_an_energy_scheme_an_energy_initiative_and_its_partner(sample):
    links = related(sample["article"])
    assert "Ontwikkelfonds lokale energie" in titles(links.schemes)
    assert "Fonds zorgzame dorpen" not in titles(links.schemes)
    assert titles(links.initiatives) == ["Eelder Energie"]  # not the garden, never an unpublished one
    first = links.initiatives[0]
    assert "is een energiecoöperatie" in first.reasons and "werkt ook aan energie en klimaat" in first.reasons
    assert links.partner is not None and links.partner.title == "Stichting DOEN"
    assert links.partner.ask_url == "/vraag/?partner=stichting-doen"


def test_the_oranje_fonds_profile_lists_its_own_schemes(sample, client):
    body = client.get(reverse("knowledge:organisation_detail", args=["oranje-fonds"])).content.decode()
    assert "Regelingen van Oranje Fonds" in body
    assert "Groeiregeling voor sociale initiatieven" in body and "Kleine bijdrage voor buurtactiviteiten" in body
    assert 'href="/vraag/?partner=oranje-fonds"' in body


def test_pages_show_the_links_and_never_themselves(sample, client):
    body = client.get(sample["article"].get_absolute_url()).content.decode()
    assert "Verder op het portaal" in body and "Ontwikkelfonds lokale energie" in body and "Eelder Energie" in body
    body = client.get(sample["energy_fund"].get_absolute_url()).content.decode()
    assert "Eelder Energie" in body and "Samen energie opwekken" in body
    assert body.count("Ontwikkelfonds lokale energie</a>") == 0  # the page's own scheme is not "related"
    body = client.get(sample["cooperative"].get_absolute_url()).content.decode()
    assert "Ontwikkelfonds lokale energie" in body and "Samen energie opwekken" in body
    assert "Stel deze partner je vraag" in body  # Stichting DOEN works on energy in all the Netherlands
    assert "Verborgen Zonnedak" not in body


def test_regional_scheme_elsewhere_is_not_offered_to_an_initiative(sample):
    brabant = FundingSchemeFactory(name="Startsubsidie Brabant", scope="regio")
    brabant.themes.set([term("theme", "energie-en-klimaat")])
    brabant.provinces.set([municipality("Tilburg").province])
    assert "Startsubsidie Brabant" not in titles(related(sample["cooperative"]).schemes)
    assert "Startsubsidie Brabant" in titles(related(sample["article"]).schemes)  # national article: shown


@pytest.mark.parametrize("page", ["article", "energy_fund", "oranje", "cooperative"])
def test_query_count_does_not_grow_with_the_data(sample, client, page, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    subject = sample[page]

    def grow(count):
        energy = term("theme", "energie-en-klimaat")
        kind = term("initiative_kind", "energiecooperatie")
        for _ in range(count):
            InitiativeFactory(themes=[energy], kind=kind)
            ResourceFactory(themes=[energy], organisation=sample["doen"])
            FundingSchemeFactory().themes.set([energy])
            FundingSchemeFactory(funder=sample["oranje"], funder_name="")

    grow(1)  # every list has a row, so every prefetch runs the first time too
    with CaptureQueriesContext(connection) as first:
        assert client.get(subject.get_absolute_url()).status_code == 200
    grow(12)
    with django_assert_max_num_queries(len(first.captured_queries)):
        assert client.get(subject.get_absolute_url()).status_code == 200


# --- "Stel deze partner je vraag" ---

ASK_DATA = {
    "name": "Anna de Vries",
    "email": "anna@example.org",
    "municipality": "Utrecht",
    "theme": "",
    "text": "Kunnen wij met ons buurthuis een aanvraag doen voor de kleine bijdrage?",
    "consent_store": "on",
}


def test_ask_form_fills_in_the_partner_and_sends_the_question_there(sample, client):
    editor = MembershipFactory(organisation=sample["oranje"]).user
    body = client.get("/vraag/?partner=oranje-fonds").content.decode()
    assert "Je stelt je vraag aan <strong>Oranje Fonds</strong>" in body
    assert 'name="partner" value="oranje-fonds"' in body
    assert client.post("/vraag/", {**ASK_DATA, "partner": "oranje-fonds"}).status_code == 302
    question = Question.objects.get()
    assert question.organisation == sample["oranje"]
    assert "koos deze partner" in question.routing_reason
    assert editor.email  # the partner's editor answers it in /mijn/vragen/


def test_partner_without_editor_goes_to_staff_with_the_choice(sample, client):
    assert client.post("/vraag/", {**ASK_DATA, "partner": "oranje-fonds"}).status_code == 302
    question = Question.objects.get()
    assert question.organisation is None
    assert "koos Oranje Fonds" in question.routing_reason


@pytest.mark.parametrize("value", ["bestaat-niet", "", "<script>alert(1)</script>", "a" * 5000, "oranje fonds"])
def test_bad_partner_in_the_address_is_a_dutch_400_and_left_out(sample, client, value):
    response = client.get("/vraag/", {"partner": value})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Deze partner kennen we niet" in body
    assert 'name="partner" value=' not in body


def test_bad_partner_in_the_form_is_refused_and_nothing_saved(sample, client):
    response = client.post("/vraag/", {**ASK_DATA, "partner": "bestaat-niet"})
    assert response.status_code == 400
    assert "De partner die je koos, kennen we niet" in response.content.decode()
    assert not Question.objects.exists()


# --- "Aanbevolen voor jullie" (issue #14) ---


@pytest.fixture
def leader():
    return UserFactory()


def test_recommendations_use_needs_rules_partners_and_peers(sample, client, leader):
    energy = term("theme", "energie-en-klimaat")
    starter = InitiativeFactory(
        name="Zon op Lombok",
        kind=term("initiative_kind", "energiecooperatie"),
        legal_form=term("legal_form", "cooperatie"),
        phase=term("phase", "starten"),
        themes=[energy],
        managers=[leader],
    )
    starter.needs.set([term("need", "vrijwilligers"), term("need", "geld")])
    ResourceFactory(title="Vrijwilligers vinden voor je initiatief", themes=[term("theme", "zorg-en-welzijn")])
    only_stichting = FundingSchemeFactory(name="Alleen voor stichtingen")
    only_stichting.themes.set([energy])
    only_stichting.legal_forms.set([term("legal_form", "stichting")])
    client.force_login(leader)
    body = client.get(starter.get_manage_url()).content.decode()
    assert "Aanbevolen voor jullie" in body
    # knowledge for each need
    assert "Voor wat jullie nodig hebben: vrijwilligers" in body and "Vrijwilligers vinden voor je initiatief" in body
    assert "Waarom: jullie hebben vrijwilligers nodig" in body
    # schemes through the funding rules, with their reasons; not one whose legal form does not fit
    assert "Ontwikkelfonds lokale energie" in body and "Je thema (energie en klimaat) past bij" in body
    assert "Alleen voor stichtingen" not in body
    assert "Jullie hebben geld nodig." in body
    # partners who work on it, with the question link
    assert "Partners die jullie kunnen helpen" in body and "/vraag/?partner=stichting-doen" in body
    # peers further along, never the initiative itself
    assert "Eelder Energie" in body and "is al verder (fase: blijven bestaan)" in body
    section = body[body.index("Aanbevolen voor jullie") :]
    assert "Zon op Lombok</a>" not in section


def test_each_source_of_the_recommendations_gives_its_reason(sample, leader):
    """Knowledge per need, schemes, partners and peers: every link says why ("waarom")."""
    from knowledge.related import recommendations

    energy = term("theme", "energie-en-klimaat")
    starter = InitiativeFactory(
        name="Zon op Lombok",
        kind=term("initiative_kind", "energiecooperatie"),
        legal_form=term("legal_form", "cooperatie"),
        phase=term("phase", "starten"),
        themes=[energy],
        managers=[leader],
    )
    starter.needs.set([term("need", "vrijwilligers"), term("need", "geld")])
    ResourceFactory(title="Vrijwilligers vinden voor je initiatief")
    found = recommendations(starter)
    sources = {
        "kennis per behoefte": [link for _, links in found.needs for link in links],
        "regelingen": found.schemes,
        "partners": found.partners,
        "initiatieven": found.peers,
    }
    for source, links in sources.items():
        assert links, f"geen {source}"
        assert all(link.reasons and all(reason.strip() for reason in link.reasons) for link in links), source
    assert "Stichting DOEN" in titles(found.partners)
    doen = next(link for link in found.partners if link.title == "Stichting DOEN")
    assert any("energie en klimaat" in reason for reason in doen.reasons)


def test_recommendations_never_suggest_the_managers_own_initiatives(sample, leader):
    """Not the initiative itself, and not another one its managers run (also at the last phase, where the
    peers come from every phase), while someone else's initiative like it is suggested."""
    from knowledge.related import recommendations

    energy = term("theme", "energie-en-klimaat")
    like = {
        "kind": term("initiative_kind", "energiecooperatie"),
        "themes": [energy],
        "municipality": municipality("Tynaarlo"),
    }
    for phase in ("starten", "blijven-bestaan"):
        ours = InitiativeFactory(name=f"Zon op Lombok {phase}", phase=term("phase", phase), managers=[leader], **like)
        sister = InitiativeFactory(
            name=f"Wind op Lombok {phase}", phase=term("phase", "blijven-bestaan"), managers=[leader], **like
        )
        peers = titles(recommendations(ours).peers)
        assert "Eelder Energie" in peers  # the same kind, theme and place: someone else's
        assert ours.name not in peers and sister.name not in peers, peers
        assert not any(title.startswith(("Zon op Lombok", "Wind op Lombok")) for title in peers), peers


def test_needs_a_leader_ticks_change_the_recommendations(sample, client, leader):
    initiative = InitiativeFactory(managers=[leader], themes=[term("theme", "energie-en-klimaat")])
    ResourceFactory(title="Vrijwilligers vinden voor je initiatief")
    ResourceFactory(title="Ruimte vinden voor je initiatief")
    client.force_login(leader)
    initiative.needs.set([term("need", "vrijwilligers")])
    body = client.get(initiative.get_manage_url()).content.decode()
    assert "Vrijwilligers vinden" in body and "Ruimte vinden" not in body
    initiative.needs.set([term("need", "ruimte")])
    body = client.get(initiative.get_manage_url()).content.decode()
    assert "Ruimte vinden" in body and "Vrijwilligers vinden" not in body


def test_recommendations_query_count_does_not_grow(sample, client, leader, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    energy = term("theme", "energie-en-klimaat")
    initiative = InitiativeFactory(managers=[leader], themes=[energy], phase=term("phase", "idee"))
    initiative.needs.set([term("need", n) for n in ("geld", "kennis", "vrijwilligers", "ruimte")])
    client.force_login(leader)
    ResourceFactory(title="Ruimte vinden", themes=[energy])
    InitiativeFactory(themes=[energy])
    with CaptureQueriesContext(connection) as first:
        assert client.get(initiative.get_manage_url()).status_code == 200
    for n in range(12):
        InitiativeFactory(name=f"Zon op het dak {n}", themes=[energy])
        ResourceFactory(title=f"Vrijwilligers en ruimte deel {n}", themes=[energy])
        FundingSchemeFactory(name=f"Energieregeling {n}").themes.set([energy])
        OrganisationFactory().themes.set([energy])
    with django_assert_max_num_queries(len(first.captured_queries)):
        assert client.get(initiative.get_manage_url()).status_code == 200


def test_outsider_sees_no_recommendations(sample, client):
    client.force_login(UserFactory())
    assert client.get(sample["cooperative"].get_manage_url()).status_code == 404


def test_demo_content_links_the_energy_article_and_the_oranje_fonds(demo, client):
    """The demo content of `make run`: the pages that issue #13 found without links now have them."""
    body = client.get("/kennis/energiecooperatie-starten/").content.decode()
    section = body[body.index("Verder op het portaal") :]
    assert "Ontwikkelfonds lokale energie" in section  # an energy scheme
    assert "Energiecoöperatie in" in section  # an energy initiative
    assert "/vraag/?partner=stichting-doen" in section  # the partner to ask
    body = client.get("/organisaties/oranje-fonds/").content.decode()
    assert "Groeiregeling voor sociale initiatieven" in body and "Kleine bijdrage voor buurtactiviteiten" in body
    assert "/vraag/?partner=oranje-fonds" in body


def test_mijn_shows_the_best_of_each_source_and_no_empty_heading(client, leader):
    lonely = InitiativeFactory(name="Alleen Op De Wereld", managers=[leader], themes=[term("theme", "veiligheid")])
    client.force_login(leader)
    assert "Aanbevolen voor jullie" not in client.get(reverse("mijn")).content.decode()
    FundingSchemeFactory(name="Veilige Buurt Regeling").themes.set([term("theme", "veiligheid")])
    body = client.get(reverse("mijn")).content.decode()
    assert "Aanbevolen voor jullie" in body and "Veilige Buurt Regeling" in body
    assert f'href="{lonely.get_manage_url()}#aanbevolen"' in body
