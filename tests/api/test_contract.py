"""Contract test: every endpoint, with generated parameters, answers as its OpenAPI document says.

Schemathesis generates the requests from the document that django-ninja makes from the code and sends them
in-process to the WSGI app (the test database); a small, derandomised number of examples keeps it quick.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from api.v1 import api
from tests.factories import EventFactory, FundingSchemeFactory, IndicatorFactory, InitiativeFactory, ResourceFactory

schema = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api/v1"))
schema.app = WSGIHandler()


@pytest.fixture
def content(db, empty_cache, settings):  # noqa: ANN001, ANN201
    settings.WDHS_API_RATE_LIMIT = 10_000
    InitiativeFactory()
    ResourceFactory()
    FundingSchemeFactory(min_amount=100)
    IndicatorFactory()
    EventFactory()
    # As Django's test client does: the WSGI handler must not close the test's connection after each request.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db(transaction=False)
@schema.parametrize()
@settings(
    max_examples=10,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_endpoint_keeps_its_contract(case, content):  # noqa: ANN001
    # A cursor is opaque: any string fits the document, but only one we handed out is accepted (400 otherwise,
    # as documented), so "a schema-valid request must succeed" cannot hold for it; every other check runs.
    case.call_and_validate(excluded_checks=[positive_data_acceptance])
