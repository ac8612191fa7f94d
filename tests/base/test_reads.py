"""Read counts (wdhs/reads.py): one number per page per day, no cookie, no IP, not who; bots, staff and a page's
own editors do not count; pages from the page cache count too; old days go after the retention period."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import (
    EventFactory,
    FundingSchemeFactory,
    InitiativeFactory,
    MembershipFactory,
    OrganisationFactory,
    ResourceFactory,
    StaffFactory,
    UserFactory,
)
from wdhs import pagecache, reads, retention
from wdhs.jobs import purge_page_reads_work
from wdhs.models import PageRead

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"


def read(client, url, *, user_agent=BROWSER, capture, **headers):
    """One visit; the count is written after the request's transaction (here: the test's) commits."""
    with capture(execute=True):
        response = client.get(url, HTTP_USER_AGENT=user_agent, **headers)
    assert reads.HEADER not in response, "the marker never reaches the visitor"
    return response


def count_of(page) -> int:
    row = PageRead.objects.filter(
        content_type=ContentType.objects.get_for_model(page), object_id=page.pk, day=timezone.localdate()
    ).first()
    return row.count if row else 0


@pytest.mark.parametrize(
    "make",
    [
        lambda: ResourceFactory(),
        lambda: FundingSchemeFactory(),
        lambda: OrganisationFactory(),
        lambda: InitiativeFactory(),
        lambda: EventFactory(),
    ],
    ids=["kennis", "regeling", "organisatie", "initiatief", "bijeenkomst"],
)
def test_each_detail_page_counts_one_read_per_view(client, django_capture_on_commit_callbacks, make):
    page = make()
    for _ in range(3):
        assert read(client, page.get_absolute_url(), capture=django_capture_on_commit_callbacks).status_code == 200
    assert count_of(page) == 3
    assert PageRead.objects.count() == 1  # one row per page per day, whatever the number of reads


def test_the_row_holds_no_personal_data():
    names = {field.name for field in PageRead._meta.get_fields()}
    assert names == {"id", "content_type", "object_id", "page", "day", "count"}


def test_a_read_is_one_statement_after_the_page(client, django_capture_on_commit_callbacks):
    resource = ResourceFactory()
    url = resource.get_absolute_url()
    client.get(url, HTTP_USER_AGENT=BROWSER)  # warm: content types, templates
    with CaptureQueriesContext(connection) as queries, django_capture_on_commit_callbacks(execute=True):
        client.get(url, HTTP_USER_AGENT=BROWSER)
    writes = [q["sql"] for q in queries.captured_queries if "wdhs_pageread" in q["sql"]]
    assert len(writes) == 1 and writes[0].startswith("INSERT INTO wdhs_pageread") and "ON CONFLICT" in writes[0]


@pytest.mark.parametrize(
    "user_agent",
    [
        "",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "facebookexternalhit/1.1",
        "curl/8.5.0",
        "python-requests/2.32",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0 Safari/537.36",
    ],
)
def test_bots_and_scripts_do_not_count(client, django_capture_on_commit_callbacks, user_agent):
    resource = ResourceFactory()
    read(client, resource.get_absolute_url(), user_agent=user_agent, capture=django_capture_on_commit_callbacks)
    assert count_of(resource) == 0


@pytest.mark.parametrize(
    "user_agent",
    [
        BROWSER,
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
        "Version/17.5 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
    ],
)
def test_browsers_are_not_taken_for_bots(user_agent):
    assert not reads.is_bot(user_agent)


def test_head_prefetch_errors_and_other_pages_do_not_count(client, django_capture_on_commit_callbacks):
    resource = ResourceFactory()
    url = resource.get_absolute_url()
    with django_capture_on_commit_callbacks(execute=True):
        client.head(url, HTTP_USER_AGENT=BROWSER)
    read(client, url, HTTP_SEC_PURPOSE="prefetch", capture=django_capture_on_commit_callbacks)
    read(client, "/kennis/", capture=django_capture_on_commit_callbacks)
    assert read(client, "/kennis/bestaat-niet/", capture=django_capture_on_commit_callbacks).status_code == 404
    assert PageRead.objects.count() == 0


def test_staff_and_the_pages_own_editors_do_not_count_others_do(client, django_capture_on_commit_callbacks):
    organisation = OrganisationFactory()
    resource = ResourceFactory(organisation=organisation)
    scheme = FundingSchemeFactory(funder=organisation)
    editor = MembershipFactory(organisation=organisation).user
    for who in (StaffFactory(), editor):
        client.force_login(who)
        for page in (resource, scheme, organisation):
            read(client, page.get_absolute_url(), capture=django_capture_on_commit_callbacks)
    assert PageRead.objects.count() == 0
    client.force_login(MembershipFactory().user)  # an editor of another partner is a reader here
    read(client, resource.get_absolute_url(), capture=django_capture_on_commit_callbacks)
    client.force_login(UserFactory())
    read(client, resource.get_absolute_url(), capture=django_capture_on_commit_callbacks)
    assert count_of(resource) == 2


def test_an_initiatives_own_managers_do_not_count(client, django_capture_on_commit_callbacks):
    manager = UserFactory()
    initiative = InitiativeFactory(managers=[manager])
    client.force_login(manager)
    read(client, initiative.get_absolute_url(), capture=django_capture_on_commit_callbacks)
    assert count_of(initiative) == 0


def test_a_draft_seen_by_its_editor_is_a_preview_not_a_read(client, django_capture_on_commit_callbacks):
    from knowledge.models import Resource

    organisation = OrganisationFactory()
    draft = ResourceFactory(organisation=organisation, status=Resource.Status.DRAFT, published_at=None)
    client.force_login(MembershipFactory(organisation=organisation).user)
    assert read(client, draft.get_absolute_url(), capture=django_capture_on_commit_callbacks).status_code == 200
    assert PageRead.objects.count() == 0


def test_pages_from_the_page_cache_count_and_reads_keep_the_cache(client, django_capture_on_commit_callbacks):
    cache.clear()
    resource = ResourceFactory()
    url = resource.get_absolute_url()
    with override_settings(WDHS_PAGE_CACHE=True):
        first = read(client, url, capture=django_capture_on_commit_callbacks)
        second = read(client, url, capture=django_capture_on_commit_callbacks)
        third = read(client, url, capture=django_capture_on_commit_callbacks)
    cache.clear()
    assert (first["X-Page-Cache"], second["X-Page-Cache"], third["X-Page-Cache"]) == ("miss", "hit", "hit")
    assert count_of(resource) == 3


def test_a_hostile_marker_is_dropped_not_counted(rf):
    from django.http import HttpResponse

    request = rf.get("/kennis/x/", HTTP_USER_AGENT=BROWSER)
    for value in ("abc", "1:x", "1:2:3", "'; DROP TABLE wdhs_pageread; --"):

        def view(_request, value=value):
            response = HttpResponse("ok")
            response[reads.HEADER] = value
            return response

        response = reads.ReadCounterMiddleware(view)(request)
        assert reads.HEADER not in response
    assert PageRead.objects.count() == 0


def test_most_read_sums_the_last_30_days_and_skips_deleted_pages():
    from knowledge.models import Resource

    popular, quiet, gone = ResourceFactory(), ResourceFactory(), ResourceFactory()
    resource_type = ContentType.objects.get_for_model(Resource)
    today = timezone.localdate()
    rows = [
        (popular, today, 5),
        (popular, today - timedelta(days=29), 5),
        (quiet, today, 3),
        (quiet, today - timedelta(days=30), 100),  # just outside the 30 days
        (gone, today, 50),
    ]
    PageRead.objects.bulk_create(
        PageRead(content_type=resource_type, object_id=page.pk, day=day, count=count) for page, day, count in rows
    )
    gone.delete()
    found = reads.most_read([reads.Pages(Resource, Resource.objects.values("pk"))])
    assert [(page.pk, count) for page, count in found] == [(popular.pk, 10), (quiet.pk, 3)]


def test_old_days_go_after_the_retention_period_not_before():
    page = ResourceFactory()
    content_type = ContentType.objects.get_for_model(page)
    today = timezone.localdate()
    keep = retention.period("page_reads")
    for age in (keep, keep + timedelta(days=1)):
        PageRead.objects.create(content_type=content_type, object_id=page.pk, day=today - age, count=1)
    assert "1 oude leesteller" in purge_page_reads_work()
    assert list(PageRead.objects.values_list("day", flat=True)) == [today - keep]


def test_the_privacy_page_says_what_is_counted(client):
    body = client.get("/privacy/").content.decode()
    assert "Hoe vaak een pagina gelezen is" in body and "Geen cookie, geen IP-adres" in body


def test_a_read_does_not_empty_the_page_cache():
    assert "wdhs_pageread" not in pagecache.content_tables()
