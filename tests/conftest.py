"""Shared fixtures: the personas every permission test speaks of, and service checks.

Personas: an anonymous reader, an analyst, an editor and an admin.
"""

from __future__ import annotations

import os

import pytest
from django.test import Client

from tests.tracker.factories import UserFactory
from tracker.roles import ADMINS, ANALYSTS, EDITORS


def needs_service(name: str, available: bool) -> None:
    """Skip locally when a service is not configured; fail in CI (REQUIRE_SERVICES=1)."""
    if available:
        return
    if os.environ.get("REQUIRE_SERVICES") == "1":
        pytest.fail(f"{name} is required in CI but not configured")
    pytest.skip(f"{name} not configured (set it to run this test)")


@pytest.fixture
def postgres(settings):
    needs_service(
        "DATABASE_URL (PostgreSQL)",
        settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql",
    )


@pytest.fixture
def redis_url(settings) -> str:
    needs_service("REDIS_URL", bool(settings.REDIS_URL))
    return settings.REDIS_URL


@pytest.fixture
def analyst(db):
    return UserFactory(username="analyst", role=ANALYSTS)


@pytest.fixture
def editor(db):
    return UserFactory(username="editor", role=EDITORS)


@pytest.fixture
def admin_user(db):
    return UserFactory(username="admin", role=ADMINS, is_staff=True, is_superuser=True)


@pytest.fixture
def anonymous_client() -> Client:
    return Client()


@pytest.fixture
def analyst_client(analyst) -> Client:
    client = Client()
    client.force_login(analyst)
    return client


@pytest.fixture
def editor_client(editor) -> Client:
    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture
def admin_client(admin_user) -> Client:
    client = Client()
    client.force_login(admin_user)
    return client


@pytest.fixture
def demo(db):
    """The running case, loaded as `make run` loads it."""
    from articles.demo import load_demo

    load_demo()
    from tracker.models import Deployment

    return Deployment.objects.get(slug="north-korea-russia")
