"""The counts the database keeps (wdhs/counts.py) stay equal to a fresh count() after every way of writing, and the
home page and the unfiltered list pages show them without counting the rows themselves."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from initiatives.models import Initiative, Status
from knowledge.models import Resource
from tests.factories import InitiativeFactory, OrganisationFactory, ResourceFactory, municipality, province, term
from wdhs import counts, pagecache
from wdhs.models import ContentCount

pytestmark = pytest.mark.django_db


def _grouped(queryset, field: str) -> dict[str, int]:
    rows = queryset.order_by().values_list(field).annotate(n=Count("*")).values_list(field, "n")
    return {str(value): n for value, n in rows if value is not None}


def _months(queryset, field: str) -> dict[str, int]:
    rows = (
        queryset.exclude(**{field: None})
        .annotate(month=TruncMonth(field))
        .order_by()
        .values_list("month")
        .annotate(n=Count("*"))
        .values_list("month", "n")
    )
    return {month.strftime("%Y-%m"): n for month, n in rows}


def fresh_initiatives() -> dict[str, dict[str, int]]:
    """What the counts of initiatives must be, counted anew with the ORM."""
    published = Initiative.objects.published()
    through_themes = Initiative.themes.through.objects.filter(initiative__status=Status.PUBLISHED)
    through_needs = Initiative.needs.through.objects.filter(initiative__status=Status.PUBLISHED)
    found = {
        counts.TOTAL: {counts.TOTAL: published.count()},
        "municipality": _grouped(published, "municipality"),
        "kind": _grouped(published, "kind"),
        "legal_form": _grouped(published, "legal_form"),
        "phase": _grouped(published, "phase"),
        "month": _months(published, "published_at"),
        "theme": _grouped(through_themes, "term"),
        "need": _grouped(through_needs, "term"),
    }
    return {dim: values for dim, values in found.items() if values and any(values.values())}


def fresh_resources() -> dict[str, dict[str, int]]:
    published = Resource.objects.published()
    regions: dict[str, int] = {}
    for province_id, municipality_id in published.values_list("province", "municipality"):
        key = f"p:{province_id}" if province_id else f"m:{municipality_id}" if municipality_id else "national"
        regions[key] = regions.get(key, 0) + 1
    found = {
        counts.TOTAL: {counts.TOTAL: published.count()},
        "kind": _grouped(published, "kind"),
        "organisation": _grouped(published, "organisation"),
        "region": regions,
        "month": _months(published, "published_at"),
        "theme": _grouped(Resource.themes.through.objects.filter(resource__status=Resource.Status.PUBLISHED), "term"),
        "phase": _grouped(Resource.phases.through.objects.filter(resource__status=Resource.Status.PUBLISHED), "term"),
    }
    return {dim: values for dim, values in found.items() if values and any(values.values())}


def kept(kind: str) -> dict[str, dict[str, int]]:
    found: dict[str, dict[str, int]] = {}
    for dim, value, n in ContentCount.objects.filter(kind=kind, n__gt=0).values_list("dim", "value", "n"):
        found.setdefault(dim, {})[value] = n
    return found


def _fresh_pairs(items: dict[int, list[tuple[str, str]]]) -> dict[str, dict[str, int]]:
    """Pair counts as `counts.pairs` keeps them, counted anew: per row, every two items of different dimensions."""
    found: dict[str, dict[str, int]] = {}
    for row in items.values():
        for dim, value in row:
            for other_dim, other_value in row:
                if other_dim != dim:
                    bucket = found.setdefault(f"{dim}:{value}", {})
                    key = f"{other_dim}:{other_value}"
                    bucket[key] = bucket.get(key, 0) + 1
    return found


def fresh_initiative_pairs() -> dict[str, dict[str, int]]:
    items: dict[int, list[tuple[str, str]]] = {}
    for pk, *values in Initiative.objects.published().values_list("pk", "municipality", "kind", "legal_form", "phase"):
        dims = ("municipality", "kind", "legal_form", "phase")
        items[pk] = [(dim, str(value)) for dim, value in zip(dims, values, strict=True) if value is not None]
    for dim, field in (("theme", "themes"), ("need", "needs")):
        through = getattr(Initiative, field).through.objects.filter(initiative__status=Status.PUBLISHED)
        for pk, target in through.values_list("initiative", "term"):
            items[pk].append((dim, str(target)))
    return _fresh_pairs(items)


def fresh_resource_pairs() -> dict[str, dict[str, int]]:
    items: dict[int, list[tuple[str, str]]] = {}
    for pk, kind, organisation, province_id, municipality_id in Resource.objects.published().values_list(
        "pk", "kind", "organisation", "province", "municipality"
    ):
        region = f"p:{province_id}" if province_id else f"m:{municipality_id}" if municipality_id else "national"
        items[pk] = [("kind", str(kind)), ("organisation", str(organisation)), ("region", region)]
    for dim, field in (("theme", "themes"), ("phase", "phases")):
        through = getattr(Resource, field).through.objects.filter(resource__status=Resource.Status.PUBLISHED)
        for pk, target in through.values_list("resource", "term"):
            items[pk].append((dim, str(target)))
    return _fresh_pairs(items)


def assert_right() -> None:
    assert kept("initiative") == fresh_initiatives()
    assert kept("resource") == fresh_resources()
    assert kept(f"initiative{counts.PAIRS}") == fresh_initiative_pairs()
    assert kept(f"resource{counts.PAIRS}") == fresh_resource_pairs()


def test_every_way_of_writing_initiatives_keeps_the_counts_right(client, staff):
    wonen, groen = term("theme", "wonen"), term("theme", "groen-en-leefomgeving")
    first = InitiativeFactory(themes=[wonen], municipality=municipality("Zwolle"))  # create (save, then links)
    second = InitiativeFactory(themes=[wonen, groen], status=Status.SUBMITTED, published_at=None)
    assert_right()
    assert kept("initiative")["theme"] == {str(wonen.pk): 1}
    second.status = Status.PUBLISHED  # publish through save()
    second.save()
    assert_right()
    second.themes.remove(wonen)  # a link less
    second.themes.add(term("theme", "energie-en-klimaat"))  # a link more
    assert_right()
    first.status = Status.ARCHIVED  # unpublish
    first.save()
    assert_right()
    Initiative.objects.filter(pk=first.pk).update(status=Status.PUBLISHED, phase=term("phase", "starten"))
    assert_right()
    Initiative.objects.all().update(municipality=municipality("Utrecht"))  # a bulk update of every row
    assert_right()
    Initiative.objects.bulk_create(
        [Initiative(name=f"Bulk {n}", slug=f"bulk-{n}", kind=first.kind, legal_form=first.legal_form, phase=first.phase,
                    municipality=first.municipality, active_people="6-15", status=Status.PUBLISHED) for n in range(3)]
    )  # fmt: skip
    assert_right()
    second.delete()  # delete (its links go first)
    assert_right()
    client.force_login(staff)  # an admin action
    changelist = reverse("admin:initiatives_initiative_changelist")
    client.post(changelist, {"action": "archive", "_selected_action": [first.pk]})
    assert Initiative.objects.get(pk=first.pk).status == Status.ARCHIVED
    assert_right()
    with connection.cursor() as cursor:  # raw SQL, and a link written without Django
        cursor.execute("UPDATE initiatives_initiative SET status = %s", [Status.PUBLISHED.value])
        cursor.execute(
            "INSERT INTO initiatives_initiative_needs (initiative_id, term_id) VALUES (%s, %s)",
            [first.pk, term("need", "vrijwilligers").pk],
        )
    assert_right()
    Initiative.objects.all().delete()
    assert_right()
    assert kept("initiative") == {}
    assert kept(f"initiative{counts.PAIRS}") == {}


def test_links_written_in_any_order_count_each_pair_once():
    wonen, energie, geld = term("theme", "wonen"), term("theme", "energie-en-klimaat"), term("need", "geld")
    first = InitiativeFactory(themes=[])
    first.needs.add(geld)  # needs before themes
    first.themes.add(wonen, energie)
    second = InitiativeFactory(themes=[wonen])  # themes before needs
    second.needs.add(geld)
    assert_right()
    assert kept(f"initiative{counts.PAIRS}")[f"theme:{wonen.pk}"][f"need:{geld.pk}"] == 2
    assert kept(f"initiative{counts.PAIRS}")[f"need:{geld.pk}"][f"theme:{energie.pk}"] == 1
    with connection.cursor() as cursor:  # a link moved to another row by raw SQL (an UPDATE of the link table)
        cursor.execute(
            "UPDATE initiatives_initiative_themes SET initiative_id = %s WHERE initiative_id = %s AND term_id = %s",
            [second.pk, first.pk, energie.pk],
        )
    assert_right()
    second.needs.clear()
    assert_right()


def test_every_way_of_writing_resources_keeps_the_counts_right():
    organisation = OrganisationFactory()
    utrecht = province("Utrecht")
    a = ResourceFactory(organisation=organisation, themes=[term("theme", "wonen")], scope="provincie", province=utrecht)
    b = ResourceFactory(scope="gemeente", municipality=municipality("Zwolle"), phases=[term("phase", "starten")])
    ResourceFactory(status=Resource.Status.DRAFT, published_at=None)
    assert_right()
    assert kept("resource")["region"] == {f"p:{province('Utrecht').pk}": 1, f"m:{municipality('Zwolle').pk}": 1}
    Resource.objects.filter(pk=a.pk).update(status=Resource.Status.ARCHIVED)
    assert_right()
    dated = Resource.objects.exclude(published_at=None)
    dated.update(organisation=organisation, status=Resource.Status.PUBLISHED)
    assert_right()
    b.phases.clear()
    b.delete()
    assert_right()


def test_a_truncate_and_a_bulk_load_without_triggers_are_counted_again():
    InitiativeFactory.create_batch(2, themes=[term("theme", "wonen")])
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no pending checks of this test's transaction
        cursor.execute("TRUNCATE initiatives_initiative_themes")
    assert_right()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute("UPDATE initiatives_initiative SET status = %s", [Status.ARCHIVED.value])
        cursor.execute("SET LOCAL session_replication_role = origin")
    assert kept("initiative") != fresh_initiatives()  # no trigger ran: the bulk loader must count again
    before = pagecache.versions()
    counts.recount()
    assert_right()
    after = pagecache.versions()  # processes that keep the counts read them again
    assert after["initiatives_initiative"] > before["initiatives_initiative"]
    assert after["knowledge_resource"] > before["knowledge_resource"]


@pytest.fixture
def shared_counts():
    cache.clear()
    with override_settings(WDHS_PAGE_CACHE=False, WDHS_SHARED_COUNTS=True):
        yield
    cache.clear()


def _counting(queries) -> list[str]:
    """Queries that count or group the rows of a content table (not the kept counts, not the cache)."""
    return [
        q["sql"]
        for q in queries
        if ("COUNT(" in q["sql"] or "GROUP BY" in q["sql"])
        and "wdhs_cache" not in q["sql"]
        and "wdhs_content_count" not in q["sql"]
    ]


def _facet(response, param: str) -> dict[str, int | None]:
    facet = next(f for f in response.context["facets"] if f.param == param)
    return {item.value: item.count for item in facet.items if item.count}


def test_pages_show_the_kept_counts_right_after_a_write_without_counting_rows(
    client, shared_counts, django_assert_max_num_queries
):
    wonen = term("theme", "wonen")
    InitiativeFactory.create_batch(2, themes=[wonen])
    ResourceFactory(themes=[wonen], scope="provincie", province=province("Utrecht"))
    for url in ("/", "/initiatieven/", "/kennis/"):
        client.get(url)  # warm
    InitiativeFactory(municipality=municipality("Zwolle"), themes=[wonen])  # a write
    ResourceFactory(scope="gemeente", municipality=municipality("Zwolle"))
    with django_assert_max_num_queries(60) as home:
        response = client.get("/")
    assert _counting(home.captured_queries) == []
    themes = {t.slug: (t.knowledge_count, t.initiative_count) for t in _section(response, "themes")}
    assert themes["wonen"] == (1, 3)
    with django_assert_max_num_queries(30) as initiatives:
        response = client.get("/initiatieven/")
    assert _counting(initiatives.captured_queries) == []
    assert response.context["page_obj"].paginator.count == Initiative.objects.published().count() == 3
    assert _facet(response, "provincie") == {"utrecht": 2, "overijssel": 1}
    assert _facet(response, "thema") == {"wonen": 3}
    assert re.search(r"\b3\b", response.content.decode())
    with django_assert_max_num_queries(30) as knowledge:
        response = client.get("/kennis/")
    assert _counting(knowledge.captured_queries) == []
    assert response.context["total"] == 2
    assert _facet(response, "regio") == {"utrecht": 1, "overijssel": 1}
    # One facet chosen: that facet's own options still count among all published rows.
    response = client.get("/initiatieven/?provincie=overijssel")
    assert response.context["page_obj"].paginator.count == 1
    assert _facet(response, "provincie") == {"utrecht": 2, "overijssel": 1}


def _section(response, key: str):
    for section in response.context["sections"]:
        if key in section["context"]:
            return section["context"][key]
    raise AssertionError(key)


def _scheme_reads(queries) -> int:
    return sum('FROM "knowledge_fundingscheme"' in q["sql"] for q in queries)


def test_the_finder_keeps_its_schemes_after_an_initiative_or_resource_is_saved(
    client, shared_counts, django_assert_max_num_queries
):
    from tests.factories import FundingSchemeFactory

    scheme = FundingSchemeFactory()
    initiative, resource = InitiativeFactory(), ResourceFactory()
    client.get("/financiering/")
    initiative.save()
    resource.save()
    with django_assert_max_num_queries(20) as after_content:
        client.get("/financiering/")
    assert _scheme_reads(after_content.captured_queries) == 0
    scheme.name = "Een nieuwe naam"
    scheme.save()
    with django_assert_max_num_queries(30) as after_scheme:
        response = client.get("/financiering/")
    assert _scheme_reads(after_scheme.captured_queries) == 1
    assert "Een nieuwe naam" in response.content.decode()


def _row_counts(queries) -> list[str]:
    """Counting queries other than the one pass of a list page (which reads the page's keys as well)."""
    return [sql for sql in _counting(queries) if "AS MATERIALIZED" not in sql]


def test_after_one_or_two_choices_the_facets_count_from_the_kept_pairs(client, shared_counts):
    wonen, groen = term("theme", "wonen"), term("theme", "groen-en-leefomgeving")
    InitiativeFactory(municipality=municipality("Zwolle"), themes=[wonen])
    InitiativeFactory(municipality=municipality("Zwolle"), themes=[wonen, groen])
    InitiativeFactory(municipality=municipality("Utrecht"), themes=[groen])
    InitiativeFactory(municipality=municipality("Utrecht"), themes=[wonen], status=Status.SUBMITTED)
    ResourceFactory(themes=[wonen], scope="provincie", province=province("Utrecht"))
    ResourceFactory(themes=[wonen, groen], scope="gemeente", municipality=municipality("Zwolle"))
    ResourceFactory(themes=[groen], scope="landelijk")

    with CaptureQueriesContext(connection) as two:
        response = client.get("/initiatieven/?provincie=overijssel&thema=wonen")
    assert response.context["page_obj"].paginator.count == 2
    assert _facet(response, "provincie") == {"overijssel": 2}  # among wonen: the Utrecht one is not published
    assert _facet(response, "thema") == {"wonen": 2, "groen-en-leefomgeving": 1}  # among Overijssel
    assert _row_counts(two.captured_queries) == []

    with CaptureQueriesContext(connection) as one:
        response = client.get("/initiatieven/?thema=groen-en-leefomgeving")
    assert _facet(response, "provincie") == {"overijssel": 1, "utrecht": 1}
    assert _facet(response, "thema") == {"wonen": 2, "groen-en-leefomgeving": 2}  # its own: among all
    assert _row_counts(one.captured_queries) == []

    # Two themes: an initiative with both counts once, so these provinces are counted from the rows.
    with CaptureQueriesContext(connection) as either:
        response = client.get("/initiatieven/?thema=wonen&thema=groen-en-leefomgeving&provincie=utrecht")
    assert _facet(response, "provincie") == {"overijssel": 2, "utrecht": 1}
    assert len(_row_counts(either.captured_queries)) == 1

    with CaptureQueriesContext(connection) as knowledge:
        response = client.get("/kennis/?regio=overijssel&thema=wonen")
    assert response.context["page_obj"].paginator.count == 1
    assert _facet(response, "regio") == {"utrecht": 1, "overijssel": 1}  # among wonen
    assert _facet(response, "thema") == {"wonen": 1, "groen-en-leefomgeving": 1}  # among Overijssel
    assert _row_counts(knowledge.captured_queries) == []
    response = client.get("/kennis/?regio=heel-nederland")
    assert _facet(response, "thema") == {"groen-en-leefomgeving": 1}

    # A write shows at once: the pairs change in the same transaction.
    InitiativeFactory(municipality=municipality("Deventer"), themes=[wonen])
    response = client.get("/initiatieven/?provincie=overijssel&thema=wonen")
    assert _facet(response, "provincie") == {"overijssel": 3}
    assert _facet(response, "thema") == {"wonen": 3, "groen-en-leefomgeving": 1}
