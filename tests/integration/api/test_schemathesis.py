"""Schemathesis runs all its checks on every operation of the published schema against the real app."""

import json

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from api.v1 import api
from tests.factories import ExhibitorFactory, LotFactory, ProductFactory, SalesPointStockFactory

# The schema /api/v1/schema/ serves, read from the API itself (no database is open while tests are collected).
schema = schemathesis.openapi.from_dict(json.loads(json.dumps(api.get_openapi_schema(), default=str)))
app = get_wsgi_application()


@pytest.fixture
def shop(db):
    """Data for every operation, and the connection kept open between requests (as Django's test
    client does: a real WSGI request closes it when it ends, taking the test's transaction along)."""
    ExhibitorFactory()
    SalesPointStockFactory(product=LotFactory(product=ProductFactory(gtin="8930000000019")).product)
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_response_matches_the_published_schema(case, shop):
    case.call_and_validate(app=app)
