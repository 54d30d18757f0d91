"""The API benchmark's floor (benchmarks/api_floor.py) reads what the API reads: the same
rows, so that its throughput is an honest lower bound on the API's cost."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.tracker.factories import DeploymentFactory, EstimateFactory, SourceFactory

pytestmark = [pytest.mark.django_db, pytest.mark.urls("benchmarks.api_floor")]


@pytest.fixture
def timeline(postgres, monkeypatch):
    """One source long enough to be aggregated (by year), one drawn point by point."""
    monkeypatch.setattr("tracker.queries.MAX_POINTS_PER_SERIES", 10)
    deployment = DeploymentFactory(slug="dprk")
    long, short = SourceFactory(name="Long"), SourceFactory(name="Short")
    for month in range(1, 13):
        EstimateFactory(deployment=deployment, source=long, as_of=dt.date(2024, month, 1))
    EstimateFactory(deployment=deployment, source=long, as_of=dt.date(2025, 3, 1))
    for day in (1, 2):
        EstimateFactory(deployment=deployment, source=short, as_of=dt.date(2025, 1, day))
    return deployment


def test_floor_timeseries_reads_the_apis_points_and_periods(client, timeline):
    api = client.get("/api/v1/deployments/dprk/timeseries/killed/").json()["series"]
    floor = client.get("/floor/timeseries/dprk/killed/").json()
    aggregated, single = api
    assert (aggregated["aggregated"], single["aggregated"]) == (True, False)
    assert [p["id"] for p in single["points"]] == [row["id"] for row in floor["points"]]
    assert [(p["x"], p["n"], p["low"], p["high"]) for p in aggregated["points"]] == [
        (row["bucket"], row["n"], row["lowest"], row["highest"]) for row in floor["buckets"]
    ]


def test_floor_estimates_read_the_apis_first_page(client, timeline):
    api = client.get("/api/v1/estimates/", {"page_size": 5}).json()["results"]
    floor = client.get("/floor/estimates/", {"page_size": 5}).json()["results"]
    assert [row["id"] for row in api] == [row["id"] for row in floor]
