"""The task pages at /aan-de-slag/ (issue #13): numbered steps with links, the admin, the home page, the demo."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from knowledge.models import Resource
from knowledge.routes import demo as routes_demo
from knowledge.routes.models import Route, RouteStep, RouteStepLink, validate_internal_path
from tests.factories import (
    FundingSchemeFactory,
    OrganisationFactory,
    ResourceFactory,
    RouteFactory,
    RouteStepFactory,
    RouteStepLinkFactory,
    StaffFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def _route(steps: int, links_per_step: int, **kwargs: object) -> Route:
    route = RouteFactory(**kwargs)
    for number in range(steps):
        step = RouteStepFactory(route=route, position=number, title=f"Stap nummer {number + 1}")
        for index in range(links_per_step):
            kind = index % 4
            if kind == 0:
                RouteStepLinkFactory(step=step, path="", label="", resource=ResourceFactory(), position=index)
            elif kind == 1:
                RouteStepLinkFactory(
                    step=step, path="", label="", funding_scheme=FundingSchemeFactory(), position=index
                )
            elif kind == 2:
                RouteStepLinkFactory(step=step, path="", label="", organisation=OrganisationFactory(), position=index)
            else:
                RouteStepLinkFactory(step=step, position=index)
    return route


def test_route_page_shows_numbered_steps_in_order_with_their_links(client):
    route = RouteFactory(title="Ik wil iets starten", intro="Begin bij stap 1.")
    second = RouteStepFactory(route=route, position=20, title="Kies een rechtsvorm")
    first = RouteStepFactory(route=route, position=10, title="Schrijf je plan op")
    guide = ResourceFactory(title="Welke rechtsvorm past bij jullie?", summary="Stichting of vereniging?")
    scheme = FundingSchemeFactory(name="Kleine bijdrage")
    partner = OrganisationFactory(name="Netwerk Kleine Kernen")
    RouteStepLinkFactory(step=second, path="", label="", resource=guide, position=1)
    RouteStepLinkFactory(step=second, path="", label="", funding_scheme=scheme, position=2)
    RouteStepLinkFactory(step=first, path="", label="", organisation=partner)
    RouteStepLinkFactory(
        step=first, path="/financiering/", label="Naar de financieringswijzer", note="Een paar vragen."
    )

    response = client.get(reverse("routes:detail", args=[route.slug]))

    assert response.status_code == 200
    html = response.content.decode()
    steps = html[html.index("Stap 1 van 2") :]
    assert steps.index("Schrijf je plan op") < steps.index("Stap 2 van 2") < steps.index("Kies een rechtsvorm")
    assert 'id="stap-2"' in html and 'href="#stap-2"' in html
    for url, text in (
        (guide.get_absolute_url(), "Welke rechtsvorm past bij jullie?"),
        (scheme.get_absolute_url(), "Kleine bijdrage"),
        (partner.get_absolute_url(), "Netwerk Kleine Kernen"),
        ("/financiering/", "Naar de financieringswijzer"),
    ):
        assert f'href="{url}">{text}</a>' in html
    assert "Stichting of vereniging?" in html and "Een paar vragen." in html
    assert html.index("Welke rechtsvorm") < html.index("Kleine bijdrage")


def test_links_to_unpublished_switched_off_or_deleted_pages_are_left_out(client):
    route = RouteFactory()
    step = RouteStepFactory(route=route)
    draft = ResourceFactory(title="Nog een concept", status=Resource.Status.DRAFT, published_at=None)
    off = FundingSchemeFactory(name="Regeling die uit staat", is_active=False)
    gone = ResourceFactory(title="Verwijderd stuk")
    shown = ResourceFactory(title="Gewoon zichtbaar")
    for target in (draft, gone, shown):
        RouteStepLinkFactory(step=step, path="", label="", resource=target)
    RouteStepLinkFactory(step=step, path="", label="", funding_scheme=off)
    gone.delete()

    response = client.get(route.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert "Gewoon zichtbaar" in html
    for hidden in ("Nog een concept", "Regeling die uit staat", "Verwijderd stuk"):
        assert hidden not in html
    problems = sorted(link.problem for link in RouteStepLink.objects.all() if link.problem)
    assert problems == [
        "De pagina bestaat niet meer.",
        "De regeling staat uit.",
        "Het kennisitem is niet gepubliceerd.",
    ]


@pytest.mark.parametrize(
    "path",
    [
        "/aan-de-slag/bestaat-niet/",
        "/aan-de-slag/" + "a" * 5000 + "/",
        "/aan-de-slag/%00/",
        "/aan-de-slag/..%2F..%2Fbeheer/",
        "/aan-de-slag/%3Cscript%3E/",
        "/aan-de-slag/caf%C3%A9/",
        "/aan-de-slag/1'%20OR%20'1'='1/",
        "/aan-de-slag/iets starten/",
    ],
)
def test_unknown_and_hostile_slugs_get_a_404(client, path):
    RouteFactory(slug="iets-starten")
    response = client.get(path)
    # A control character is refused before any view (400); everything else is a page that does not exist.
    assert response.status_code == (400 if "%00" in path else 404)


def test_route_pages_answer_get_only(client):
    route = RouteFactory()
    assert client.post(route.get_absolute_url()).status_code == 405
    assert client.post(reverse("routes:list")).status_code == 405


def test_unpublished_route_is_a_preview_for_staff_only(client):
    route = _route(1, 1, is_published=False)
    assert client.get(route.get_absolute_url()).status_code == 404
    client.force_login(UserFactory())
    assert client.get(route.get_absolute_url()).status_code == 404
    client.force_login(StaffFactory())
    response = client.get(route.get_absolute_url())
    assert response.status_code == 200
    assert "nog niet gepubliceerd" in response.content.decode()
    assert route.title not in client.get(reverse("routes:list")).content.decode()


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_route_page_takes_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    small = _route(1, 1)
    big = _route(8, 4)
    assert _queries(client, small.get_absolute_url()) == _queries(client, big.get_absolute_url())
    six = _route(6, 3)
    with django_assert_max_num_queries(6):
        client.get(six.get_absolute_url())


def test_home_page_opens_the_first_four_published_routes(client):
    routes = [RouteFactory(title=f"Route {n}", position=n) for n in (4, 1, 3, 2, 5)]
    RouteFactory(title="Verborgen route", position=0, is_published=False)
    html = client.get(reverse("home")).content.decode()
    shown = [f'href="{route.get_absolute_url()}"' in html for route in routes]
    assert shown == [True, True, True, True, False]
    assert html.index("Route 1") < html.index("Route 2") < html.index("Route 3") < html.index("Route 4")
    assert "Verborgen route" not in html


def test_home_page_without_routes_keeps_plain_links(client):
    html = client.get(reverse("home")).content.decode()
    assert "Ik wil iets starten" in html and reverse("funding:finder") in html


def test_route_list_shows_published_routes_and_an_empty_state(client):
    assert "Er staan nog geen routes klaar" in client.get(reverse("routes:list")).content.decode()
    route = RouteFactory(title="Ik zoek geld")
    html = client.get(reverse("routes:list")).content.decode()
    assert f'href="{route.get_absolute_url()}"' in html


@pytest.mark.parametrize("path", ["/vraag/", "/financiering/", "/initiatieven/?thema=energie", "/kennis/#boven"])
def test_internal_paths_to_public_pages_are_accepted(path):
    validate_internal_path(path)


@pytest.mark.parametrize(
    ("path", "code"),
    [
        ("https://voorbeeld.example/", "not_internal"),
        ("//voorbeeld.example/vraag/", "not_internal"),
        ("javascript:alert(1)", "not_internal"),
        ("vraag/", "not_internal"),
        ("/beheer/", "closed"),
        ("/mijn/initiatieven/", "closed"),
        ("/accounts/login/", "closed"),
        ("/bestaat-niet/", "unknown"),
        ("/vraag/ extra", "bad_character"),
        ("/vraag/\x00", "bad_character"),
        ("/\\voorbeeld.example", "bad_character"),
        ("/kennis/een-stichting-oprichten/", "use_object"),
        ("/financiering/een-regeling/", "use_object"),
        ("/organisaties/lvkk/", "use_object"),
    ],
)
def test_internal_paths_elsewhere_or_closed_are_refused_in_dutch(path, code):
    with pytest.raises(ValidationError) as error:
        validate_internal_path(path)
    assert error.value.code == code


def test_a_link_needs_exactly_one_target_and_a_path_needs_a_label():
    step = RouteStepFactory()
    with pytest.raises(ValidationError, match="Kies een kennisitem"):
        RouteStepLink(step=step).full_clean()
    with pytest.raises(ValidationError, match="Kies één"):
        RouteStepLink(step=step, resource=ResourceFactory(), organisation=OrganisationFactory()).full_clean()
    with pytest.raises(ValidationError, match="tekst van de link"):
        RouteStepLink(step=step, path="/vraag/").full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        RouteStepLink.objects.create(step=step, resource=ResourceFactory(), path="/vraag/")


# --- the admin ---


def test_staff_see_routes_with_counts_warnings_and_a_preview_link(client, django_assert_max_num_queries):
    route = _route(2, 2, title="Ik zoek geld")
    first_step = route.steps.order_by("position").first()
    assert first_step is not None
    draft = ResourceFactory(status=Resource.Status.DRAFT, published_at=None)
    RouteStepLinkFactory(step=first_step, path="", label="", resource=draft)
    for _ in range(5):
        _route(2, 2)
    client.force_login(StaffFactory(groups=["Redactie"]))
    with django_assert_max_num_queries(20):
        response = client.get(reverse("admin:knowledge_route_changelist"))
    html = response.content.decode()
    assert response.status_code == 200 and "Ik zoek geld" in html
    assert html.count("⚠") == 1 and "⚠ 1" in html
    assert f'href="{route.get_absolute_url()}"' in html
    change = client.get(reverse("admin:knowledge_route_change", args=[route.pk])).content.decode()
    assert "Het kennisitem is niet gepubliceerd." in change
    step_page = client.get(reverse("admin:knowledge_routestep_change", args=[first_step.pk]))
    assert "Bezoekers zien deze link niet" in step_page.content.decode()
    assert client.get(reverse("admin:knowledge_route_changelist") + "?q=geld").status_code == 200


def test_staff_add_a_link_with_a_bad_path_and_get_a_dutch_error(client):
    step = RouteStepFactory()
    client.force_login(StaffFactory(groups=["Redactie"]))
    data = {"step": step.pk, "position": 1, "path": "https://voorbeeld.example/", "label": "Ergens anders"}
    response = client.post(reverse("admin:knowledge_routesteplink_add"), data)
    assert response.status_code == 200
    assert "begint met één /" in response.content.decode()
    assert not RouteStepLink.objects.exists()
    data["path"] = "/vraag/"
    response = client.post(reverse("admin:knowledge_routesteplink_add"), data)
    assert response.status_code == 302 and RouteStepLink.objects.get().url == "/vraag/"


def test_staff_publish_and_unpublish_routes_with_an_action(client):
    route = RouteFactory(is_published=False)
    client.force_login(StaffFactory())
    changelist = reverse("admin:knowledge_route_changelist")
    client.post(changelist, {"action": "publish", "_selected_action": [route.pk]})
    route.refresh_from_db()
    assert route.is_published
    client.post(changelist, {"action": "unpublish", "_selected_action": [route.pk]})
    route.refresh_from_db()
    assert not route.is_published


def test_staff_add_a_route_with_steps_inline(client):
    client.force_login(StaffFactory(groups=["Redactie"]))
    data = {
        "title": "Ik wil iets starten",
        "slug": "iets-starten",
        "summary": "Van idee tot eerste stap.",
        "intro": "Begin bij stap 1.",
        "position": 1,
        "is_published": "on",
        "steps-TOTAL_FORMS": 2,
        "steps-INITIAL_FORMS": 0,
        "steps-MIN_NUM_FORMS": 0,
        "steps-MAX_NUM_FORMS": 1000,
        "steps-0-position": 1,
        "steps-0-title": "Schrijf je plan op",
        "steps-0-text": "Eén A4 is genoeg.",
        "steps-1-position": 2,
        "steps-1-title": "Kies een rechtsvorm",
        "steps-1-text": "Stichting of vereniging?",
    }
    response = client.post(reverse("admin:knowledge_route_add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    route = Route.objects.get(slug="iets-starten")
    assert [step.title for step in route.steps.order_by("position")] == ["Schrijf je plan op", "Kies een rechtsvorm"]


# --- the demo of `make run` ---


def test_demo_routes_link_only_to_public_pages_and_load_twice_without_writing(client, demo):
    routes = list(Route.objects.published().order_by("position"))
    assert [r.title for r in routes] == [
        "Ik wil iets starten",
        "Ik zoek geld",
        "Ik wil samenwerken met de gemeente",
        "Ik zoek anderen die hetzelfde doen",
    ]
    starting = RouteStep.objects.filter(route__slug="iets-starten").order_by("position")
    assert [s.title for s in starting] == [
        "Schrijf je plan op",
        "Kies een rechtsvorm",
        "Zoek geld voor je plan",
        "Praat met de gemeente",
        "Vind vrijwilligers",
        "Regel een verzekering",
    ]
    links = RouteStepLink.objects.select_related("resource", "funding_scheme", "organisation")
    assert links.count() >= 40
    assert [link for link in links if link.problem] == []
    for link in links:
        if link.path:
            validate_internal_path(link.path)
    with CaptureQueriesContext(connection) as queries:
        assert "0 nieuw" in routes_demo.load()
    writes = [q["sql"] for q in queries if q["sql"].split()[0] in ("INSERT", "UPDATE", "DELETE")]
    assert writes == []
    home = client.get(reverse("home")).content.decode()
    assert 'href="/aan-de-slag/iets-starten/"' in home
    assert 'href="/aan-de-slag/samenwerken-met-de-gemeente/"' in home
    page = client.get("/aan-de-slag/iets-starten/").content.decode()
    assert "Stap 2 van 6" in page and "Welke rechtsvorm past bij jullie?" in page


# --- "Deel van" on the pages a route links to ---


def test_a_linked_page_says_which_step_of_which_route_it_belongs_to(client):
    route = RouteFactory(title="Ik wil iets starten")
    steps = [RouteStepFactory(route=route, position=n, title=f"Stap {n} titel") for n in (1, 2, 3)]
    guide = ResourceFactory()
    scheme = FundingSchemeFactory()
    partner = OrganisationFactory()
    RouteStepLinkFactory(step=steps[1], path="", label="", resource=guide)
    RouteStepLinkFactory(step=steps[0], path="", label="", funding_scheme=scheme)
    RouteStepLinkFactory(step=steps[2], path="", label="", organisation=partner)

    html = client.get(guide.get_absolute_url()).content.decode()
    assert "Deel van:" in html and "stap 2 van 3" in html
    assert f'href="{route.get_absolute_url()}#stap-1" rel="prev">Vorige stap: Stap 1 titel' in html
    assert f'href="{route.get_absolute_url()}#stap-3" rel="next">Volgende stap: Stap 3 titel' in html
    scheme_html = client.get(scheme.get_absolute_url()).content.decode()
    assert "stap 1 van 3" in scheme_html and "Vorige stap" not in scheme_html
    partner_html = client.get(partner.get_absolute_url()).content.decode()
    assert "stap 3 van 3" in partner_html and "Volgende stap" not in partner_html


def test_a_page_in_no_published_route_shows_no_route_and_costs_one_query(client):
    hidden = RouteFactory(is_published=False)
    guide = ResourceFactory()
    RouteStepLinkFactory(step=RouteStepFactory(route=hidden), path="", label="", resource=guide)
    from knowledge.routes.models import routes_linking_to

    with CaptureQueriesContext(connection) as queries:
        assert routes_linking_to(guide) == []
    assert len(queries) == 1
    assert "Deel van:" not in client.get(guide.get_absolute_url()).content.decode()


def test_part_of_takes_two_queries_however_many_routes_link_to_a_page():
    from knowledge.routes.models import routes_linking_to

    guide = ResourceFactory()
    for _ in range(5):
        route = _route(4, 1)
        RouteStepLinkFactory(step=route.steps.order_by("pk").last(), path="", label="", resource=guide)
    with CaptureQueriesContext(connection) as queries:
        parts = routes_linking_to(guide)
    assert len(queries) == 2
    assert len(parts) == 2 and all(part.number == 4 and part.total == 4 for part in parts)


def test_published_routes_are_in_the_sitemap(client):
    from tests.sitemaps import sitemap_text

    shown, hidden = RouteFactory(), RouteFactory(is_published=False)
    text = sitemap_text(client)
    assert shown.get_absolute_url() in text and hidden.get_absolute_url() not in text
