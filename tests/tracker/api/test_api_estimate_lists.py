"""Filtering, ordering and paging the estimates, and the change feed."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.utils import timezone

from tests.tracker.factories import (
    ContingentFactory,
    DeploymentFactory,
    EstimateFactory,
    SourceFactory,
    metric,
)
from tracker.models import Estimate

pytestmark = pytest.mark.django_db

URL = "/api/v1/estimates/"


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [e["id"] for e in response.json()["results"]]


@pytest.fixture
def spread(db):
    """Estimates that differ in every filtered attribute."""
    deployment = DeploymentFactory(slug="dprk")
    other = DeploymentFactory(slug="other")
    wave1 = ContingentFactory(deployment=deployment, number=1)
    wave2 = ContingentFactory(deployment=deployment, number=2)
    hur = SourceFactory(slug="hur", name="HUR", kind="intelligence")
    cnn = SourceFactory(slug="cnn", name="CNN", kind="media")
    return {
        "hur_killed": EstimateFactory(
            deployment=deployment, source=hur, as_of=dt.date(2025, 2, 26), contingent=wave1
        ),
        "cnn_deployed": EstimateFactory(
            deployment=deployment,
            source=cnn,
            metric=metric("deployed"),
            low=11000,
            best=11000,
            high=11000,
            as_of=dt.date(2024, 11, 1),
            contingent=wave2,
        ),
        "other": EstimateFactory(deployment=other, source=hur, as_of=dt.date(2025, 1, 1)),
        "proposed": EstimateFactory(deployment=deployment, source=hur, status="proposed"),
    }


def test_public_list_shows_confirmed_estimates_newest_first(api_client, spread):
    assert ids(api_client.get(URL)) == [
        spread["hur_killed"].pk,
        spread["other"].pk,
        spread["cnn_deployed"].pk,
    ]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"deployment": "dprk"}, ["hur_killed", "cnn_deployed"]),
        ({"metric": "deployed"}, ["cnn_deployed"]),
        ({"source": "cnn"}, ["cnn_deployed"]),
        ({"source_kind": "intelligence"}, ["hur_killed", "other"]),
        ({"contingent": 2}, ["cnn_deployed"]),
        ({"as_of_after": "2025-01-01"}, ["hur_killed", "other"]),
        ({"as_of_before": "2024-12-31"}, ["cnn_deployed"]),
        ({"as_of_after": "2025-01-01", "as_of_before": "2025-01-31"}, ["other"]),
        ({"metric": "no-such-metric"}, []),
    ],
)
def test_estimate_filters(api_client, spread, params, expected):
    assert ids(api_client.get(URL, params)) == [spread[name].pk for name in expected]


def test_status_filter_lets_editors_see_proposed_estimates(editor_api, api_client, spread):
    assert ids(editor_api.get(URL, {"status": "proposed"})) == [spread["proposed"].pk]
    assert ids(api_client.get(URL, {"status": "proposed"})) == []


def test_bad_filter_value_is_a_400_naming_the_field(api_client, spread):
    response = api_client.get(URL, {"as_of_after": "yesterday", "contingent": "x"})
    assert response.status_code == 400
    assert {"as_of_after", "contingent"} <= set(response.json()["errors"])


@pytest.mark.parametrize(
    ("ordering", "key"),
    [
        ("best", lambda e: (e["best"], e["id"])),
        ("-best", lambda e: (-e["best"], -e["id"])),
        ("as_of", lambda e: (e["as_of"], e["id"])),
        ("citation_count", lambda e: (e["citation_count"], e["id"])),
        ("-originator_count", lambda e: (-e["originator_count"], -e["id"])),
        ("updated_at", lambda e: (e["updated_at"], e["id"])),
    ],
)
def test_ordering_on_whitelisted_fields(api_client, spread, ordering, key):
    results = api_client.get(URL, {"ordering": ordering}).json()["results"]
    assert results == sorted(results, key=key)
    assert len(results) == 3


def test_ordering_on_other_fields_is_refused(api_client, spread):
    response = api_client.get(URL, {"ordering": "notes"})
    assert response.status_code == 400
    assert "ordering" in response.json()["errors"]


def test_cursor_pages_through_every_estimate_once_even_with_ties(api_client, db):
    deployment = DeploymentFactory()
    made = [
        EstimateFactory(deployment=deployment, as_of=dt.date(2025, 1, 1 + i % 3)) for i in range(23)
    ]
    for ordering in ("-as_of", "citation_count", "best"):
        seen: list[int] = []
        response = api_client.get(URL, {"page_size": 5, "ordering": ordering})
        pages = 0
        while True:
            body = response.json()
            seen += [e["id"] for e in body["results"]]
            pages += 1
            if not body["next"]:
                break
            assert response["Link"] == f'<{body["next"]}>; rel="next"'
            response = api_client.get(body["next"])
        assert sorted(seen) == sorted(e.pk for e in made)
        assert len(seen) == len(set(seen))
        assert pages == 5


def test_page_size_is_capped(api_client, db):
    deployment = DeploymentFactory()
    EstimateFactory.create_batch(3, deployment=deployment)
    from tracker.api.pagination import KeysetPagination

    assert KeysetPagination.max_page_size == 500
    response = api_client.get(URL, {"page_size": 100_000})
    assert response.status_code == 200
    assert len(response.json()["results"]) == 3
    assert api_client.get(URL, {"page_size": 0}).json()["errors"]["page_size"]


def test_tampered_cursor_is_a_400(api_client, db):
    response = api_client.get(URL, {"cursor": "bm90IGEgY3Vyc29y"})
    assert response.status_code == 400
    assert "cursor" in response.json()["errors"]


def test_change_feed_includes_deleted_and_rejected_estimates_flagged(api_client, db):
    before = timezone.now()
    kept = EstimateFactory()
    rejected = EstimateFactory()
    deleted = EstimateFactory()
    Estimate.objects.filter(pk=rejected.pk).update(status="rejected", updated_at=timezone.now())
    Estimate.objects.filter(pk=deleted.pk).update(
        deleted_at=timezone.now(), updated_at=timezone.now()
    )
    EstimateFactory(status="proposed")  # never public, so not in the public feed

    body = api_client.get(URL, {"updated_since": before.isoformat()}).json()
    by_id = {e["id"]: e for e in body["results"]}
    assert set(by_id) == {kept.pk, rejected.pk, deleted.pk}
    assert by_id[rejected.pk]["status"] == "rejected"
    assert by_id[deleted.pk]["deleted"] is True
    assert by_id[kept.pk]["deleted"] is False
    # The feed is ordered by (updated_at, id), so a client can resume where it stopped.
    stamps = [(e["updated_at"], e["id"]) for e in body["results"]]
    assert stamps == sorted(stamps)
    # Without updated_since, deleted and rejected ones are not listed.
    assert ids(api_client.get(URL)) == [kept.pk]


def test_change_feed_leaves_out_what_changed_before(api_client, db):
    old = EstimateFactory()
    Estimate.objects.filter(pk=old.pk).update(updated_at=timezone.now() - dt.timedelta(days=2))
    new = EstimateFactory()
    since = (timezone.now() - dt.timedelta(days=1)).isoformat()
    assert ids(api_client.get(URL, {"updated_since": since})) == [new.pk]


def test_editors_feed_also_carries_proposed_estimates(editor_api, db):
    before = timezone.now()
    proposed = EstimateFactory(status="proposed")
    assert ids(editor_api.get(URL, {"updated_since": before.isoformat()})) == [proposed.pk]


def test_every_list_answers_in_csv(api_client, demo):
    for resource in (
        "deployments",
        "contingents",
        "metrics",
        "sources",
        "estimates",
        "citations",
        "discrepancies",
        "articles",
    ):
        response = api_client.get(f"/api/v1/{resource}/", {"format": "csv"})
        assert response.status_code == 200, resource
        assert response["Content-Type"] == "text/csv; charset=utf-8"


def test_estimate_csv_has_one_row_per_estimate_with_dotted_columns(api_client, demo):
    response = api_client.get(URL, {"format": "csv", "metric": "killed"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    json_rows = api_client.get(URL, {"metric": "killed"}).json()["results"]
    assert len(rows) == len(json_rows)
    assert rows[0]["source.slug"] == json_rows[0]["source"]["slug"]
    assert "contingent.number" in rows[0]
    assert "contingent" not in rows[0]
    assert rows[0]["deleted"] == "false"


def test_updated_since_with_a_far_time_zone_offset_is_served(api_client, db):
    # ISO 8601 allows offsets PostgreSQL refuses (beyond ±15:59): the API converts to UTC.
    new = EstimateFactory()
    response = api_client.get(URL, {"updated_since": "2000-01-01T00:00:00-20:00"})
    assert ids(response) == [new.pk]
