"""The read replica router: which reads may go to the replica, and which must see the primary.

The decisions need no second server: a queryset's `.db` asks the router without running a query. The
multi-server test (tests/multiserver/) runs an app server with a real "replica" alias end to end.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.sessions.models import Session
from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router, transaction
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory, override_settings
from django_tasks_db.models import DBTaskResult

from initiatives.models import Initiative
from wdhs.models import DailyJobRun, User
from wdhs.routers import PIN_COOKIE, PrimaryReplicaRouter, ReplicaMiddleware, reads_from

pytestmark = pytest.mark.usefixtures("replica_router")


@pytest.fixture
def replica_router(settings):
    settings.DATABASE_ROUTERS = ["wdhs.routers.PrimaryReplicaRouter"]
    settings.REPLICA_PIN_SECONDS = 15


def reads_during(request: HttpRequest, view: Callable[[], Any] | None = None) -> tuple[list[str], HttpResponse]:
    """Where an initiative would be read, before and after `view` ran inside the request; and the response."""
    seen: list[str] = []

    def respond(request: HttpRequest) -> HttpResponse:
        seen.append(Initiative.objects.all().db)
        if view is not None:
            view()
        seen.append(Initiative.objects.all().db)
        return HttpResponse("ok")

    return seen, ReplicaMiddleware(respond)(request)


def test_an_anonymous_get_reads_from_the_replica():
    seen, response = reads_during(RequestFactory().get("/initiatieven/"))
    assert seen == ["replica", "replica"]
    assert PIN_COOKIE not in response.cookies


def test_a_post_reads_from_the_primary_and_pins_the_visitor():
    seen, response = reads_during(RequestFactory().post("/initiatieven/x/melden/"))
    assert seen == ["default", "default"]
    pin = response.cookies[PIN_COOKIE]
    assert pin["max-age"] == 15 and pin["httponly"] and pin["samesite"] == "Lax"
    assert int(time.time()) < int(pin.value) <= int(time.time()) + 15


@pytest.mark.django_db(transaction=True)
def test_a_get_that_writes_reads_from_the_primary_from_then_on_and_pins_the_visitor():
    seen, response = reads_during(RequestFactory().get("/"), lambda: User.objects.create(email="nieuw@example.org"))
    assert seen == ["replica", "default"]
    assert PIN_COOKIE in response.cookies


def test_the_request_after_a_write_reads_from_the_primary():
    request = RequestFactory().get("/mijn/")
    request.COOKIES[PIN_COOKIE] = str(int(time.time()) + 10)
    seen, _ = reads_during(request)
    assert seen == ["default", "default"]


@pytest.mark.parametrize(
    "value", ["1", "", "morgen", "1e99", "9" * 5000], ids=["expired", "empty", "word", "float", "huge"]
)
def test_an_expired_or_odd_pin_cookie_reads_from_the_replica(value):
    request = RequestFactory().get("/")
    request.COOKIES[PIN_COOKIE] = value
    seen, _ = reads_during(request)
    assert seen == ["replica", "replica"]


def test_the_coordinating_tables_are_read_from_the_primary():
    def check() -> None:
        assert Session.objects.all().db == "default"
        assert DBTaskResult.objects.ready().db == "default"  # the worker's claim query starts with this
        assert router.db_for_read(DatabaseCache("wdhs_cache", {}).cache_model_class) == "default"
        assert router.db_for_write(DatabaseCache("wdhs_cache", {}).cache_model_class) == "default"
        assert User.objects.all().db == "replica"
        assert DailyJobRun.objects.all().db == "replica"  # only the worker writes it, outside requests

    reads_during(RequestFactory().get("/"), check)


def test_writing_a_session_or_a_cache_row_does_not_pin():
    def write() -> None:
        router.db_for_write(Session)
        router.db_for_write(DatabaseCache("wdhs_cache", {}).cache_model_class)

    seen, response = reads_during(RequestFactory().get("/"), write)
    assert seen == ["replica", "replica"]
    assert PIN_COOKIE not in response.cookies


def test_sql_without_a_model_asks_where_reads_go_now():
    # The page cache reads its content version this way: from the database the page is read from.
    during_get: list[str] = []
    reads_during(RequestFactory().get("/"), lambda: during_get.append(reads_from()))
    during_post: list[str] = []
    reads_during(RequestFactory().post("/"), lambda: during_post.append(reads_from()))
    assert (during_get, during_post, reads_from()) == (["replica"], ["default"], "default")


def test_outside_a_request_everything_reads_from_the_primary():
    assert Initiative.objects.all().db == "default"
    assert User.objects.all().db == "default"


def test_every_write_goes_to_the_primary():
    router = PrimaryReplicaRouter()
    assert router.db_for_write(Initiative) == "default"
    reads_during(RequestFactory().get("/"), lambda: router.db_for_write(Initiative) == "default" or pytest.fail())


@pytest.mark.django_db(transaction=True)
def test_reads_inside_a_transaction_go_to_the_primary():
    def in_a_transaction() -> None:
        assert not connections["default"].in_atomic_block
        assert Initiative.objects.all().db == "replica"
        with transaction.atomic():
            assert Initiative.objects.all().db == "default"
        assert Initiative.objects.all().db == "replica"

    seen, _ = reads_during(RequestFactory().get("/"), in_a_transaction)
    assert seen == ["replica", "replica"]


def test_only_the_primary_is_migrated():
    router = PrimaryReplicaRouter()
    assert router.allow_migrate("default", "initiatives") is True
    assert router.allow_migrate("replica", "initiatives") is False


def test_objects_from_replica_and_primary_may_be_related():
    router = PrimaryReplicaRouter()
    from_replica, from_primary, elsewhere = Initiative(), User(), User()
    from_replica._state.db, from_primary._state.db, elsewhere._state.db = "replica", "default", "archive"
    assert router.allow_relation(from_replica, from_primary) is True
    assert router.allow_relation(from_replica, elsewhere) is None


@override_settings(DATABASE_ROUTERS=[])
def test_without_a_replica_nothing_is_routed():
    assert Initiative.objects.all().db == "default"
