"""The OpenAPI schema generates cleanly and its docs pages load nothing from elsewhere."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_schema_generates_without_warnings(tmp_path):
    # --fail-on-warn turns any warning (an untyped field, an enum clash) into an error.
    call_command(
        "spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yml")
    )
    schema = (tmp_path / "schema.yml").read_text()
    assert "/api/v1/deployments/{slug}/timeseries/{metric}/" in schema
    assert "/api/v1/estimates/{id}/" in schema


def test_schema_is_served_as_openapi_3(api_client):
    response = api_client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    assert response.json()["openapi"].startswith("3.")


@pytest.mark.parametrize("page", ["/api/v1/docs/", "/api/v1/redoc/"])
def test_docs_pages_use_only_local_static_assets(api_client, page):
    response = api_client.get(page)
    assert response.status_code == 200
    html = response.content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert assets, "the page loads its assets"
    assert all(url.startswith("/static/") for url in assets), assets
    assert not re.search(r"https?://", html), "no absolute URL to another site"
