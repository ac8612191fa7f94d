"""The one facet engine (wdhs.facets) behind /kennis/ and /initiatieven/."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.db.models import F
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from initiatives.filters import InitiativeFilter
from initiatives.models import Initiative, Status
from knowledge.filters import ResourceFilter
from knowledge.models import Resource
from knowledge.search import RESOURCES
from tests.factories import InitiativeFactory, OrganisationFactory, ResourceFactory, municipality, province, term
from wdhs.facets import Facet, FacetFilterSet, _reverse_path, url_with
from wdhs.models import Term
from wdhs.search.query import expand_query, parse_query

pytestmark = pytest.mark.django_db


def facets_of(filterset: FacetFilterSet) -> dict[str, Facet]:
    return {facet.param: facet for facet in filterset.facets()}


def counts(facet: Facet) -> dict[str, int | None]:
    return {item.value: item.count for item in facet.items}


def test_url_with_sets_or_removes_one_parameter_and_goes_back_to_page_one():
    params = QueryDict("thema=wonen&fase=idee&page=3")
    assert url_with(params, "fase", "starten") == "?thema=wonen&fase=starten"
    assert url_with(params, "fase", None) == "?thema=wonen"
    assert url_with(QueryDict("page=2"), "thema", None) == "?"


def test_reverse_path_walks_back_from_the_option_to_the_result():
    assert _reverse_path(Initiative, "municipality__province") == "municipalities__initiatives"
    assert _reverse_path(Initiative, "themes") == "initiatives_with_theme"
    assert _reverse_path(Resource, "organisation") == "resources"


def test_initiative_facets_count_within_the_other_facets():
    wonen, voedsel = term("theme", "wonen"), term("theme", "voedsel")
    InitiativeFactory(themes=[wonen], municipality=municipality("Zwolle"))
    InitiativeFactory(themes=[wonen, voedsel], municipality=municipality("Zwolle"))
    InitiativeFactory(themes=[voedsel], municipality=municipality("Utrecht"))
    InitiativeFactory(themes=[wonen], status=Status.SUBMITTED)  # not public: never counted

    filterset = InitiativeFilter(QueryDict("thema=wonen&provincie=overijssel"), queryset=Initiative.objects.published())
    facets = facets_of(filterset)
    # Themes count within Overijssel (the other facet), not within "wonen" (their own).
    assert counts(facets["thema"])["wonen"] == 2 and counts(facets["thema"])["voedsel"] == 1
    # Provinces count within "wonen"; every province stays in the select box, also without results.
    assert counts(facets["provincie"])["overijssel"] == 2 and counts(facets["provincie"])["utrecht"] == 0
    assert len(facets["provincie"].items) == 12
    assert [item.value for item in facets["thema"].items if item.selected] == ["wonen"]
    # Municipalities are many: only those with results are listed.
    assert counts(facets["gemeente"]) == {"zwolle": 2}
    assert filterset.qs.count() == 2


def test_initiative_facets_keep_a_chosen_municipality_without_results_and_show_spoken_names():
    InitiativeFactory(municipality=municipality("'s-Gravenhage"), themes=[term("theme", "wonen")])
    filterset = InitiativeFilter(QueryDict("gemeente=zwolle&thema=wonen"), queryset=Initiative.objects.published())
    items = {item.value: item for item in facets_of(filterset)["gemeente"].items}
    assert items["zwolle"].count == 0 and items["zwolle"].selected
    assert items["s-gravenhage"].label == "Den Haag (’s-Gravenhage)"


def test_initiative_facets_count_within_the_search():
    InitiativeFactory(name="Zonnige Buurtmoestuin", themes=[term("theme", "wonen")])
    InitiativeFactory(name="Repair Café", themes=[term("theme", "wonen")])
    filterset = InitiativeFilter(QueryDict("q=buurtmoestuin"), queryset=Initiative.objects.published())
    assert counts(facets_of(filterset)["thema"])["wonen"] == 1


def test_unknown_values_each_get_their_own_dutch_message():
    filterset = InitiativeFilter(QueryDict("thema=bestaat-niet&sorteer=x"), queryset=Initiative.objects.published())
    assert filterset.error_messages() == [
        "Dit thema kennen we niet. We laten alle thema's zien.",
        "Zo kunnen we niet sorteren. We sorteren op naam.",
    ]
    assert not any(item.selected for item in facets_of(filterset)["thema"].items)


def test_knowledge_facets_list_only_options_with_results_and_link_to_each_choice():
    wonen = term("theme", "wonen")
    ResourceFactory(themes=[wonen], phases=[term("phase", "idee")])
    ResourceFactory(themes=[wonen], phases=[term("phase", "starten")])
    filterset = ResourceFilter(QueryDict("fase=idee"), queryset=Resource.objects.published())
    facets = facets_of(filterset)
    assert counts(facets["thema"]) == {"wonen": 1}
    assert counts(facets["fase"]) == {"idee": 1, "starten": 1}
    idee = next(item for item in facets["fase"].items if item.value == "idee")
    starten = next(item for item in facets["fase"].items if item.value == "starten")
    assert idee.selected and idee.url == "?"  # clicking the chosen option removes it
    # Another phase is added to the chosen one (several values of a facet: either one).
    assert starten.url == "?fase=idee&fase=starten"
    assert facets["fase"].clear_url == "?" and facets["thema"].clear_url is None
    assert facets["fase"].all_label == "Alle fases"


def test_knowledge_region_facet_groups_by_province_or_the_whole_country():
    ResourceFactory()
    ResourceFactory(scope=Resource.Scope.PROVINCE, province=province("Utrecht"))
    ResourceFactory(scope=Resource.Scope.MUNICIPALITY, municipality=municipality("Zwolle"))
    ResourceFactory(scope=Resource.Scope.MUNICIPALITY, municipality=municipality("Deventer"))
    filterset = ResourceFilter(QueryDict(""), queryset=Resource.objects.published())
    assert counts(facets_of(filterset)["regio"]) == {"heel-nederland": 1, "utrecht": 1, "overijssel": 2}


@pytest.mark.parametrize("shared", [False, True])
def test_knowledge_region_filter_takes_the_province_and_its_municipalities(client, settings, shared):
    """`regio=<province>` lists what is about the province and about any of its municipalities; `heel-nederland`
    what is national; several regions any of them. The same with the kept small tables (shared counts) as without."""
    settings.WDHS_SHARED_COUNTS = shared
    national = ResourceFactory(title="Landelijk")
    utrecht = ResourceFactory(title="Provincie Utrecht", scope=Resource.Scope.PROVINCE, province=province("Utrecht"))
    amersfoort = ResourceFactory(
        title="Gemeente Amersfoort", scope=Resource.Scope.MUNICIPALITY, municipality=municipality("Amersfoort")
    )
    ResourceFactory(title="Gemeente Zwolle", scope=Resource.Scope.MUNICIPALITY, municipality=municipality("Zwolle"))

    def listed(query: str) -> set[str]:
        response = client.get(reverse("knowledge:list") + "?" + query)
        assert response.status_code == 200
        return {item.title for item in response.context["items"]}

    assert listed("regio=utrecht") == {utrecht.title, amersfoort.title}
    assert listed("regio=utrecht&regio=heel-nederland") == {utrecht.title, amersfoort.title, national.title}
    assert listed("regio=flevoland") == set()
    assert client.get(reverse("knowledge:list") + "?regio=atlantis").status_code == 400


@pytest.mark.parametrize("shared", [False, True])
def test_knowledge_region_counts_of_a_search_come_from_the_one_pass_by_province(client, settings, shared):
    """The one pass of a search groups the regio facet by key (a province, a municipality, the whole country) and
    names the regions in Python: a province's municipalities add up under it."""
    settings.WDHS_SHARED_COUNTS = shared
    places: list[tuple[str, dict[str, object]]] = [
        (Resource.Scope.NATIONAL, {}),
        (Resource.Scope.PROVINCE, {"province": province("Utrecht")}),
        (Resource.Scope.MUNICIPALITY, {"municipality": municipality("Amersfoort")}),
        (Resource.Scope.MUNICIPALITY, {"municipality": municipality("Zwolle")}),
        (Resource.Scope.MUNICIPALITY, {"municipality": municipality("Deventer")}),
        (Resource.Scope.PROVINCE, {"province": province("Overijssel")}),
    ]
    for scope, place in places:
        ResourceFactory(title="Speeltuin opknappen", scope=scope, **place)
    response = client.get(reverse("knowledge:list") + "?q=speeltuin&thema=wonen")
    assert response.status_code == 200
    response = client.get(reverse("knowledge:list") + "?q=speeltuin")
    regions = {facet.param: counts(facet) for facet in response.context["facets"]}["regio"]
    assert {value: n for value, n in regions.items() if n} == {"heel-nederland": 1, "utrecht": 2, "overijssel": 3}


def test_knowledge_unknown_values_give_one_message_and_a_link_without_them():
    filterset = ResourceFilter(QueryDict("thema=bestaat-niet&fase=ook-niet"), queryset=Resource.objects.published())
    assert filterset.error_messages() == [
        "Een van de filters in het webadres kennen we niet. We hebben dat filter weggelaten."
    ]
    assert facets_of(filterset)["thema"].clear_url == "?fase=ook-niet"


def test_both_pages_count_facets_in_queries_that_do_not_grow_with_the_facets_options(
    client, django_assert_max_num_queries
):
    # One query per facet: a page with many municipalities, themes and organisations in its results
    # uses as many queries as a page with one.
    InitiativeFactory(themes=[term("theme", "wonen")])
    ResourceFactory()
    with django_assert_max_num_queries(40) as initiatives_few:
        client.get(reverse("initiatives:list"))
    with django_assert_max_num_queries(40) as knowledge_few:
        client.get(reverse("knowledge:list"))
    for name in ["Zwolle", "Deventer", "Utrecht", "Amersfoort", "Groningen"]:
        InitiativeFactory(municipality=municipality(name), themes=[term("theme", "voedsel"), term("theme", "wonen")])
        ResourceFactory(scope=Resource.Scope.MUNICIPALITY, municipality=municipality(name))
    with django_assert_max_num_queries(len(initiatives_few.captured_queries)):
        client.get(reverse("initiatives:list"))
    with django_assert_max_num_queries(len(knowledge_few.captured_queries)):
        client.get(reverse("knowledge:list"))


@pytest.mark.parametrize("query", ["", "thema=wonen", "soort=bewonersinitiatief", "q=buurthuis&fase=idee"])
def test_facets_counted_in_one_pass_equal_one_count_per_facet(query, monkeypatch):
    """The GROUPING SETS pass for the foreign-key facets gives exactly the counts of one query per facet."""
    wonen, zorg = term("theme", "wonen"), term("theme", "zorg-en-welzijn")
    for n, place in enumerate(["Utrecht", "Zwolle", "Utrecht", "Groningen", "Zwolle", "Utrecht"]):
        InitiativeFactory(name=f"Buurthuis {n}", municipality=municipality(place), themes=[wonen if n % 2 else zorg])
    InitiativeFactory(name="Nog in behandeling", status=Status.SUBMITTED)
    params = QueryDict(query)

    def all_counts() -> dict[str, dict[str, int | None]]:
        filterset = InitiativeFilter(params, queryset=Initiative.objects.published())
        return {param: counts(facet) for param, facet in facets_of(filterset).items()}

    together = all_counts()
    monkeypatch.setattr(FacetFilterSet, "_counts_in_one_pass", lambda self, skip: {})
    apart = all_counts()
    assert together == apart
    if not query:
        assert sum(n or 0 for n in together["gemeente"].values()) == 6 and together["gemeente"]


def _search_corpus() -> None:
    wonen, zorg, groen = (
        term("theme", "wonen"),
        term("theme", "zorg-en-welzijn"),
        term("theme", "groen-en-leefomgeving"),
    )
    places = ["Utrecht", "Zwolle", "Utrecht", "Groningen", "Zwolle", "Utrecht", "Amersfoort"]
    for n, place in enumerate(places * 4):
        InitiativeFactory(
            name=f"Buurthuis {n}" if n % 3 else f"Moestuin {n}",
            description="Een buurthuis voor de hele wijk." if n % 2 else "Samen groente kweken in de buurt.",
            municipality=municipality(place),
            themes=[wonen, groen] if n % 2 else [zorg],
        )
    InitiativeFactory(name="Buurthuis in behandeling", status=Status.SUBMITTED)
    partners = [OrganisationFactory(), OrganisationFactory()]
    for n in range(24):
        ResourceFactory(
            title=f"Vrijwilligers vinden {n}" if n % 2 else f"Een buurthuis starten {n}",
            summary="Tips voor vrijwilligers in het buurthuis." if n % 3 else "Over de wijk.",
            organisation=partners[n % 2],
            themes=[wonen] if n % 2 else [zorg, groen],
            scope=Resource.Scope.MUNICIPALITY if n % 4 == 0 else Resource.Scope.NATIONAL,
            municipality=municipality(places[n % len(places)]) if n % 4 == 0 else None,
        )


@pytest.mark.parametrize(
    "query",
    ["q=buurthuis", "q=buurthuis&thema=wonen", "q=buurt&gemeente=utrecht", "q=moestuin&provincie=utrecht"],
)
def test_initiative_search_page_counts_and_order_equal_the_plain_queries(query):
    """One pass over the matches (search_page) gives the counts of one query per facet and the order of the ranking."""
    _search_corpus()
    params = QueryDict(query)
    plain = InitiativeFilter(params, queryset=Initiative.objects.published())
    expected_facets = {param: counts(facet) for param, facet in facets_of(plain).items()}
    expected_order = list(plain.ordered().values_list("pk", flat=True))

    one_pass = InitiativeFilter(params, queryset=Initiative.objects.published())
    assert one_pass.needs_one_pass()
    pages = [one_pass.page_in_one_pass(one_pass.order(), 1, 5, Initiative.objects.all())]
    assert {param: counts(facet) for param, facet in facets_of(one_pass).items()} == expected_facets
    while pages[-1].has_next():
        again = InitiativeFilter(params, queryset=Initiative.objects.published())
        pages.append(again.page_in_one_pass(again.order(), pages[-1].next_page_number(), 5, Initiative.objects.all()))
    assert pages[0].paginator.count == len(expected_order) > 0
    assert [item.pk for page in pages for item in page.object_list] == expected_order


@pytest.mark.parametrize("query", ["q=vrijwilligers", "q=buurthuis&thema=wonen", "q=buurthuis&regio=utrecht"])
def test_knowledge_search_page_counts_and_order_equal_the_plain_queries(query):
    _search_corpus()
    params = QueryDict(query)
    expanded = expand_query(parse_query(params["q"]))

    def filterset() -> ResourceFilter:
        return ResourceFilter(
            params, queryset=RESOURCES.matching(None, expanded, queryset=Resource.objects.published())
        )

    plain = filterset()
    expected_facets = {param: counts(facet) for param, facet in facets_of(plain).items()}
    expected_order = list(RESOURCES.ranked(plain.qs, expanded).values_list("pk", flat=True))
    one_pass = filterset()
    page = one_pass.page_in_one_pass([(RESOURCES.rank(expanded), True)], 1, 100, Resource.objects.all())
    assert {param: counts(facet) for param, facet in facets_of(one_pass).items()} == expected_facets
    assert [item.pk for item in page.object_list] == expected_order
    assert page.paginator.count == len(expected_order) > 0


@pytest.mark.parametrize("number", ["999", "0", "-3", "x", "", None, "9" * 40])
def test_search_page_number_out_of_range_or_wrong_gives_a_real_page(number):
    _search_corpus()
    filterset = InitiativeFilter(QueryDict("q=buurthuis"), queryset=Initiative.objects.published())
    expected = list(filterset.ordered().values_list("pk", flat=True))
    page = filterset.page_in_one_pass(filterset.order(), number, 5, Initiative.objects.all())
    last = (len(expected) - 1) // 5 + 1
    assert page.number == (last if number in ("999", "9" * 40) else 1)
    start = (page.number - 1) * 5
    assert [item.pk for item in page.object_list] == expected[start : start + 5]


def test_search_of_only_stop_words_lists_by_name_without_error(client):
    _search_corpus()
    filterset = InitiativeFilter(QueryDict("q=de+het"), queryset=Initiative.objects.published())
    assert filterset.order() == [(F("name"), False)]
    assert client.get(reverse("initiatives:list"), {"q": "de het"}).status_code == 200
    assert client.get(reverse("knowledge:list"), {"q": "de het"}).status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        "thema=wonen",
        "provincie=utrecht&thema=wonen&sorteer=nieuw",
        "behoefte=geld&sorteer=gemeente",
        "q=buurt&sorteer=naam",
    ],
)
def test_filtered_initiative_lists_in_one_pass_equal_the_plain_queries(query):
    """Filters that join another table (and other sort orders) use the one pass too: same counts, same order."""
    _search_corpus()
    params = QueryDict(query)
    plain = InitiativeFilter(params, queryset=Initiative.objects.published())
    expected_facets = {param: counts(facet) for param, facet in facets_of(plain).items()}
    expected_order = list(plain.ordered().values_list("pk", flat=True))
    one_pass = InitiativeFilter(params, queryset=Initiative.objects.published())
    assert one_pass.needs_one_pass()
    page = one_pass.page_in_one_pass(one_pass.order(), 1, 100, Initiative.objects.all())
    assert {param: counts(facet) for param, facet in facets_of(one_pass).items()} == expected_facets
    assert [item.pk for item in page.object_list] == expected_order


@pytest.mark.parametrize("query", ["thema=wonen", "thema=wonen&fase=idee", "regio=utrecht&soort=handleiding"])
def test_filtered_knowledge_list_in_one_pass_lists_newest_first_with_the_same_counts(client, query):
    _search_corpus()
    params = QueryDict(query)
    plain = ResourceFilter(params, queryset=Resource.objects.published())
    expected_facets = {param: counts(facet) for param, facet in facets_of(plain).items()}
    expected = [r.slug for r in plain.qs.order_by("-published_at", "pk")[:20]]
    response = client.get(reverse("knowledge:list") + "?" + query)
    assert response.status_code == 200
    assert [item.slug for item in response.context["items"]] == expected
    assert {facet.param: counts(facet) for facet in response.context["facets"]} == expected_facets


def test_the_planner_hint_of_a_search_does_not_outlive_its_query(client):
    """The one pass after a search turns off sequential scans for itself only (SET LOCAL, put back), also inside
    a surrounding transaction, as every test runs in one."""
    from django.db import connection

    _search_corpus()
    assert client.get(reverse("initiatives:list"), {"q": "buurthuis"}).status_code == 200
    assert client.get(reverse("knowledge:list"), {"q": "vrijwilligers"}).status_code == 200
    with connection.cursor() as cursor:
        cursor.execute("SHOW enable_seqscan")
        assert cursor.fetchone()[0] == "on"


def test_the_form_class_is_built_once_and_still_knows_a_new_theme(client):
    """django-filter's form class is kept per FilterSet class (wdhs.facets.FacetFilterSet.get_form_class); the
    choices are the table's rows at the moment of validation, so a theme added since is valid at once."""
    first = ResourceFilter(QueryDict("thema=zorg-en-welzijn"), queryset=Resource.objects.published())
    second = ResourceFilter(QueryDict("thema=bestaat-niet"), queryset=Resource.objects.published())
    assert type(first.form) is type(second.form)
    assert first.form.is_valid()
    assert not second.form.is_valid()
    assert first.form.fields["thema"] is not second.form.fields["thema"]  # each form its own copy of the fields
    Term.objects.create(vocabulary="theme", name="Buurtsport", slug="buurtsport", position=99)
    third = ResourceFilter(QueryDict("thema=buurtsport"), queryset=Resource.objects.published())
    assert type(third.form) is type(first.form)
    assert third.form.is_valid()
    assert client.get("/kennis/?thema=buurtsport").status_code == 200
    assert client.get("/kennis/?thema=bestaat-niet").status_code == 400


@pytest.mark.parametrize(
    ("url", "table"),
    [
        ("/initiatieven/?provincie=utrecht&thema=wonen", "initiatives_initiative"),
        ("/initiatieven/?thema=wonen&behoefte=geld", "initiatives_initiative"),
        ("/kennis/?thema=wonen&fase=idee", "knowledge_resource"),
    ],
)
def test_a_filter_on_a_link_table_reads_the_results_once_per_count(client, url, table):
    """A filter on themes or needs is the keys the link table holds for it, not a join: a chosen facet then counts
    straight from the table. With a join every count read the table twice (the results as keys, then the table
    again to group them): 25 ms instead of 12 for the provinces of one theme among 100,000 initiatives."""
    wonen = term("theme", "wonen")
    InitiativeFactory(themes=[wonen], municipality=municipality("Utrecht")).needs.set([term("need", "geld")])
    InitiativeFactory(themes=[wonen], municipality=municipality("Zwolle"))
    ResourceFactory(themes=[wonen], phases=[term("phase", "idee")])
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    grouped = [q["sql"] for q in captured.captured_queries if "GROUP BY" in q["sql"] and f'"{table}"' in q["sql"]]
    assert grouped
    for sql in grouped:
        reads = len(re.findall(rf'(?:FROM|JOIN) "{table}"(?: "?U\d"?)?(?= |$)', sql))
        assert reads == 1, sql


def test_chosen_options_are_checked_against_the_options_kept_in_the_process(client, settings):
    """With shared counts on, a facet's chosen values (terms, provinces) are checked against the options kept in
    the process (`KeptChoicesField`) instead of one query per facet: still valid for a theme added a moment ago, and
    still a 400 for a value of another vocabulary or none at all."""
    settings.WDHS_SHARED_COUNTS = True
    ResourceFactory(themes=[term("theme", "wonen")], phases=[term("phase", "idee")])
    assert client.get("/kennis/?thema=wonen&fase=idee").status_code == 200  # the options are read once
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/kennis/?thema=wonen&fase=idee")
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == 1
    checks = [q["sql"] for q in captured if 'FROM "wdhs_term"' in q["sql"] and '"slug" IN' in q["sql"]]
    assert checks == []
    Term.objects.create(vocabulary="theme", name="Buurtsport", slug="buurtsport", position=99)
    assert client.get("/kennis/?thema=buurtsport").status_code == 200
    assert client.get("/kennis/?thema=idee").status_code == 400  # a phase is no theme
    assert client.get("/kennis/?thema=wonen&thema=bestaat-niet").status_code == 400
    assert client.get("/initiatieven/?provincie=utrecht&provincie=fryslan").status_code == 200
    assert client.get("/initiatieven/?provincie=wonen").status_code == 400


def test_the_options_sql_is_compiled_once_per_field_and_anew_for_a_new_queryset():
    """KeptChoicesField keeps its options' SQL for itself and the copies each request's form makes; a queryset set
    on a field afterwards (a form narrowing its options) is compiled anew, never checked against the old one."""
    import copy

    from wdhs.facets import KeptChoicesField

    field = KeptChoicesField(queryset=Term.objects.themes(), to_field_name="slug")
    sql = field._options_sql()
    assert sql is not None and "theme" in sql[1]
    copied = copy.deepcopy(field)
    assert copied._compiled is field._compiled
    assert copied._options_sql() == sql
    copied.queryset = Term.objects.phases()
    other = copied._options_sql()
    assert other is not None and other != sql and "phase" in other[1]
    assert field._options_sql() == sql


def test_facet_fields_are_escaped_and_show_choices_as_the_form_needs_them():
    """wdhs.facets.facets_html: checkboxes for several values, a select box for one, both for many options (the
    chosen ones checked, the others in the select box); a facet without options is left out; all text escaped."""
    from wdhs.facets import FacetItem, facets_html

    def item(value: str, label: str, count: int | None, selected: bool = False) -> FacetItem:
        return FacetItem(value, label, count, selected, lambda: "")

    hostile = '<script>alert("x")</script>'
    html = str(
        facets_html(
            [
                Facet(
                    "thema", "Thema", [item("wonen", "Wonen", 3, True), item('a"b', hostile, None)], "/", "Alle", True
                ),
                Facet(
                    "gemeente",
                    "Gemeente",
                    [item("zwolle", "Zwolle", 2, True), item("kampen", "Kampen", 1)],
                    "/?x",
                    "Alle",
                    True,
                    True,
                ),
                Facet(
                    "sorteer",
                    "Volgorde",
                    [item("naam", "Naam", None, True), item("nieuw", "Nieuw", None)],
                    None,
                    "Alle",
                ),
                Facet("leeg", "Leeg", [], None, "Alle"),
            ]
        )
    )
    html = html.replace("\n", "")  # one element per line
    assert '<input type="checkbox" name="thema" value="wonen" checked> Wonen (3)</label>' in html
    assert "<script>" not in html
    assert 'value="a&quot;b"> &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</label>' in html
    assert '<input type="checkbox" name="gemeente" value="zwolle" checked> Zwolle (2)' in html
    assert 'for="filter-gemeente">Nog een gemeente erbij</label>' in html
    assert '<option value="">Geen andere</option><option value="kampen">Kampen (1)</option></select>' in html
    assert '<option value="naam" selected>Naam</option><option value="nieuw">Nieuw</option>' in html
    assert "leeg" not in html
