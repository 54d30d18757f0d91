"""Fuzzing the read operations with schemathesis: no 5xx, responses conform to the schema.

The WSGI app is called in-process (no server), on a little data, with a bounded number
of examples per operation so the run stays under two minutes.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tracker.wsgi import application

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]

# Loaded at collection: the schema view reads no database.
schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", application).include(method="GET")


@pytest.fixture(autouse=True)
def fuzz_setup(db, monkeypatch):
    """A little of everything (lighter than the demo data, loaded once per operation)."""
    from rest_framework.throttling import SimpleRateThrottle

    from tests.articles.factories import ArticleFactory
    from tests.tracker.factories import ContingentFactory, EstimateFactory, SourceFactory
    from tracker import services

    wave = ContingentFactory(deployment__slug="north-korea-russia", number=1)
    hur = SourceFactory(slug="hur", parent=SourceFactory(slug="hur-parent"))
    estimates = [
        EstimateFactory(deployment=wave.deployment, source=hur, contingent=wave),
        EstimateFactory(deployment=wave.deployment, via=hur, low=10, best=None, high=None),
    ]
    article = ArticleFactory(text="about 400 were killed")
    services.cite(estimate=estimates[0], article=article, quote="about 400 were killed")

    # The fuzzer sends hundreds of anonymous requests: lift the read throttle for it.
    monkeypatch.setitem(SimpleRateThrottle.THROTTLE_RATES, "anon", "100000/minute")
    # The WSGI app is called directly, not through Django's test client, so do what the
    # client does: keep the test's database connection (and its transaction) open
    # across requests.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_read_operations_conform_to_the_schema(case):
    # The checks of the promise: no server error, and status, content type, headers and
    # body as the schema documents them. Left out: the checks that a schema-valid request
    # is accepted (a cursor the API did not hand out is refused with a 400) and that a
    # schema-invalid one is refused (an empty filter such as `updated_since=` means "no
    # filter", as django-filter has it).
    case.call_and_validate(checks=CHECKS)
