"""Every list endpoint runs a fixed number of queries, whatever the number of rows."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.articles.factories import ArticleFactory
from tests.tracker.factories import (
    ContingentFactory,
    DeploymentFactory,
    EstimateFactory,
    SourceFactory,
)
from tracker import services
from tracker.models import Discrepancy, SourceAlias

pytestmark = pytest.mark.django_db


def build(n: int) -> None:
    """n of everything, each estimate with a contingent, a via, two citations."""
    deployment = DeploymentFactory(slug="dprk")
    parent = SourceFactory(slug="parent")
    for i in range(n):
        DeploymentFactory()
        wave = ContingentFactory(deployment=deployment, number=i + 1)
        source = SourceFactory(parent=parent)
        SourceAlias.objects.create(source=source, alias=f"alias {i}")
        estimate = EstimateFactory(
            deployment=deployment,
            contingent=wave,
            source=source,
            via=parent,
            as_of=dt.date(2025, 1, 1) + dt.timedelta(days=i),
        )
        for _ in range(2):
            article = ArticleFactory()
            services.cite(estimate=estimate, article=article, quote=article.text[:20])
        discrepancy = Discrepancy.objects.create(
            deployment=deployment, kind="value", reason="disagree", fingerprint=f"{i:064d}"
        )
        discrepancy.estimates.set([estimate])


# (path, queries for an anonymous reader, what they are)
ENDPOINTS = [
    ("/api/v1/deployments/", 1, "deployments"),
    ("/api/v1/contingents/", 1, "contingents joined to their deployment"),
    ("/api/v1/metrics/", 1, "metrics"),
    ("/api/v1/sources/", 2, "sources joined to their parent; their aliases"),
    (
        "/api/v1/estimates/",
        2,
        "estimates joined to deployment, contingent, metric, source, via; "
        "their citations joined to articles",
    ),
    ("/api/v1/estimates/?updated_since=2000-01-01T00:00:00Z", 2, "the change feed, as above"),
    ("/api/v1/estimates/?format=csv", 2, "the same in CSV"),
    ("/api/v1/citations/", 1, "citations joined to articles and (for the filter) estimates"),
    (
        "/api/v1/discrepancies/",
        2,
        "discrepancies joined to deployment, metric, contingent; their estimate ids",
    ),
    ("/api/v1/articles/", 1, "articles without their text"),
    (
        "/api/v1/deployments/dprk/timeseries/killed/",
        3,
        "deployment with the metric's id; estimates per source; their points (a long "
        "series would add one: its points by period)",
    ),
]


@pytest.mark.parametrize("size", [2, 12])
@pytest.mark.parametrize(("path", "queries", "what"), ENDPOINTS)
def test_list_query_count_is_constant(
    api_client, django_assert_num_queries, size, path, queries, what
):
    build(size)
    with django_assert_num_queries(queries):
        response = api_client.get(path)
    assert response.status_code == 200


@pytest.mark.parametrize("size", [2, 12])
def test_editor_estimate_list_adds_only_the_token_and_groups(
    editor_api, django_assert_num_queries, size
):
    build(size)
    # The token with its user; the user's groups (for the editor role); the estimates;
    # their citations.
    with django_assert_num_queries(4):
        response = editor_api.get("/api/v1/estimates/", {"status": ["confirmed", "proposed"]})
    assert len(response.json()["results"]) == size
