"""Fixtures of the API tests: token clients per persona, throttles kept per test."""

from __future__ import annotations

import pytest
from django.core.cache.backends.locmem import LocMemCache
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient
from rest_framework.throttling import SimpleRateThrottle


@pytest.fixture(autouse=True)
def fresh_throttles(monkeypatch):
    """Each test starts with empty throttle counters (in memory, not the shared cache)."""
    monkeypatch.setattr(SimpleRateThrottle, "cache", LocMemCache(f"throttle-{id(monkeypatch)}", {}))


def token_client(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


@pytest.fixture
def api_client() -> APIClient:
    """An anonymous API client."""
    return APIClient()


@pytest.fixture
def editor_api(editor) -> APIClient:
    return token_client(editor)


@pytest.fixture
def analyst_api(analyst) -> APIClient:
    return token_client(analyst)
