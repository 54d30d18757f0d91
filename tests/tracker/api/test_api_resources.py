"""Each read resource answers with the fields a client relies on."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from tests.articles.factories import ArticleFactory
from tests.tracker.factories import (
    ContingentFactory,
    DeploymentFactory,
    EstimateFactory,
    SourceFactory,
    metric,
)
from tracker import services
from tracker.models import Discrepancy, SourceAlias

pytestmark = pytest.mark.django_db


def test_deployment_is_found_by_slug(api_client, demo):
    body = api_client.get("/api/v1/deployments/north-korea-russia/").json()
    assert body["name"] == "North Korean forces in Russia"
    assert body["sending_country"] == "North Korea"


def test_contingents_list_their_wave_numbers_and_periods(api_client, demo):
    body = api_client.get("/api/v1/contingents/", {"deployment": "north-korea-russia"}).json()
    assert [c["number"] for c in body["results"]] == [1, 2, 3]
    assert body["results"][0]["period_display"] == "2024-10 – 2024-11"


def test_metrics_are_listed_by_slug(api_client, db):
    body = api_client.get("/api/v1/metrics/", {"page_size": 500}).json()
    assert {"deployed", "killed", "wounded"} <= {m["slug"] for m in body["results"]}
    assert api_client.get("/api/v1/metrics/killed/").json()["name"]


def test_sources_come_with_their_aliases_and_parent(api_client, db):
    hur = SourceFactory(slug="hur", name="HUR")
    budanov = SourceFactory(slug="budanov", name="Kyrylo Budanov", parent=hur)
    SourceAlias.objects.create(source=budanov, alias="Budanov")
    body = api_client.get("/api/v1/sources/budanov/").json()
    assert body["aliases"] == ["Budanov"]
    assert body["parent"] == "hur"


def test_estimate_shows_its_source_via_contingent_and_citations(api_client, db):
    deployment = DeploymentFactory(slug="dprk")
    wave = ContingentFactory(deployment=deployment, number=1, name="First wave")
    estimate = EstimateFactory(
        deployment=deployment,
        contingent=wave,
        source=SourceFactory(slug="hur", name="HUR"),
        via=SourceFactory(slug="yu", name="Yu Yong-weon", kind="lawmaker"),
        metric=metric("deployed"),
        low=11000,
        best=11000,
        high=12000,
    )
    article = ArticleFactory(text="Some 11,000 troops were sent, the lawmaker said.")
    services.cite(estimate=estimate, article=article, quote="Some 11,000 troops were sent")
    body = api_client.get(f"/api/v1/estimates/{estimate.pk}/").json()
    assert body["deployment"] == "dprk"
    assert body["metric"] == "deployed"
    assert body["contingent"] == {"number": 1, "name": "First wave"}
    assert body["source"] == {"slug": "hur", "name": "HUR", "kind": "intelligence"}
    assert body["via"]["slug"] == "yu"
    assert (body["low"], body["best"], body["high"]) == (11000, 11000, 12000)
    assert body["citations"][0]["quote"] == "Some 11,000 troops were sent"
    assert body["citations"][0]["url"] == article.url
    assert {"citation_count", "outlet_count", "originator_count", "version"} <= set(body)
    assert body["deleted"] is False


def test_citations_list_names_estimate_and_article(api_client, db):
    estimate = EstimateFactory()
    article = ArticleFactory(text="about 400 were killed")
    services.cite(estimate=estimate, article=article, quote="about 400 were killed")
    body = api_client.get("/api/v1/citations/", {"estimate": estimate.pk}).json()
    assert [(c["estimate"], c["article"]) for c in body["results"]] == [(estimate.pk, article.pk)]
    assert body["results"][0]["start"] == 0


def test_citations_of_unconfirmed_estimates_are_hidden_from_the_public(api_client, db):
    proposed = EstimateFactory(status="proposed")
    article = ArticleFactory(text="about 400 were killed")
    services.cite(estimate=proposed, article=article, quote="about 400 were killed")
    assert api_client.get("/api/v1/citations/").json()["results"] == []


def test_discrepancies_list_their_estimates(api_client, db):
    a, b = EstimateFactory(best=100, low=100, high=100), EstimateFactory(low=400)
    discrepancy = Discrepancy.objects.create(
        deployment=a.deployment,
        kind="value",
        metric=metric("killed"),
        reason="100 against 400 on one day",
        fingerprint="x" * 64,
    )
    discrepancy.estimates.set([a, b])
    body = api_client.get("/api/v1/discrepancies/", {"status": "open"}).json()
    assert body["results"][0]["estimates"] == sorted([a.pk, b.pk])
    assert body["results"][0]["metric"] == "killed"


def test_timeseries_gives_one_series_per_source_oldest_first(api_client, db):
    deployment = DeploymentFactory(slug="dprk")
    hur, nis = SourceFactory(slug="hur", name="HUR"), SourceFactory(slug="nis", name="NIS")
    EstimateFactory(
        deployment=deployment, source=nis, best=300, low=300, high=300, as_of=dt.date(2025, 1, 13)
    )
    EstimateFactory(
        deployment=deployment, source=nis, best=100, low=100, high=100, as_of=dt.date(2024, 12, 19)
    )
    EstimateFactory(deployment=deployment, source=hur, as_of=dt.date(2025, 2, 26))
    EstimateFactory(deployment=deployment, source=hur, status="proposed", best=9, low=9, high=9)
    EstimateFactory(deployment=deployment, source=hur, metric=metric("wounded"))
    body = api_client.get("/api/v1/deployments/dprk/timeseries/killed/").json()
    assert [s["source"]["slug"] for s in body["series"]] == ["hur", "nis"]
    # The chart's points (tracker.queries.timeline_series): y is the figure plotted.
    assert [p["y"] for p in body["series"][1]["points"]] == [100, 300]
    assert [p["y"] for p in body["series"][0]["points"]] == [400]
    assert [s["aggregated"] for s in body["series"]] == [False, False]
    point = body["series"][0]["points"][0]
    assert {"x", "as_of", "low", "y", "high", "qualifier", "via", "citations", "id"} <= set(point)


def test_timeseries_aggregates_a_long_series_by_period(api_client, db, monkeypatch):
    monkeypatch.setattr("tracker.queries.MAX_POINTS_PER_SERIES", 10)
    deployment = DeploymentFactory(slug="dprk")
    hur = SourceFactory(slug="hur")
    for month in range(1, 13):
        EstimateFactory(deployment=deployment, source=hur, as_of=dt.date(2024, month, 1))
    EstimateFactory(deployment=deployment, source=hur, as_of=dt.date(2025, 1, 1))
    (series,) = api_client.get("/api/v1/deployments/dprk/timeseries/killed/").json()["series"]
    assert (series["aggregated"], series["period"], series["count"]) == (True, "year", 13)
    assert [(p["x"], p["n"]) for p in series["points"]] == [("2024-01-01", 12), ("2025-01-01", 1)]


def test_timeseries_of_one_wave_names_it_by_number(api_client, db):
    deployment = DeploymentFactory(slug="dprk")
    first, second = (ContingentFactory(deployment=deployment, number=n) for n in (1, 2))
    EstimateFactory(deployment=deployment, contingent=first, best=100, low=100, high=100)
    EstimateFactory(deployment=deployment, contingent=second, best=200, low=200, high=200)
    url = "/api/v1/deployments/dprk/timeseries/killed/"
    body = api_client.get(url, {"contingent": 2}).json()
    assert body["contingent"] == 2
    assert [p["y"] for s in body["series"] for p in s["points"]] == [200]
    assert api_client.get(url, {"contingent": 3}).json()["series"] == []


def test_timeseries_of_an_unknown_metric_is_a_json_404(api_client, db):
    DeploymentFactory(slug="dprk")
    response = api_client.get("/api/v1/deployments/dprk/timeseries/no-such-metric/")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_fast_estimate_rendering_equals_drfs_own(demo):
    # EstimateSerializer builds its dict by hand for speed; it must say what DRF's
    # field-by-field rendering of the declared fields says.
    from django.db.models import Prefetch

    from tracker.api.serializers import EstimateSerializer
    from tracker.models import Citation, Estimate

    estimates = Estimate.objects.with_related().prefetch_related(
        Prefetch("citations", queryset=Citation.objects.select_related("article"))
    )
    assert estimates.filter(contingent__isnull=False, via__isnull=False).exists()
    for estimate in estimates:
        serializer = EstimateSerializer()
        fast, generic = (
            serializer.to_representation(estimate),
            serializer.generic_representation(estimate),
        )
        assert fast == dict(generic)
        assert list(fast) == list(generic)


def test_estimate_list_rows_equal_the_serializers_rendering(editor_api, demo):
    # The list builds its rows from plain values (tracker/api/rows.py); each must be what
    # EstimateSerializer says of the same estimate, deleted and rejected ones included.
    from tracker.api.serializers import EstimateSerializer
    from tracker.models import Estimate

    estimates = list(Estimate.objects.order_by("id"))
    Estimate.objects.filter(pk=estimates[0].pk).update(deleted_at=timezone.now())
    Estimate.objects.filter(pk=estimates[1].pk).update(status=Estimate.Status.REJECTED)
    body = editor_api.get(
        "/api/v1/estimates/", {"updated_since": "2000-01-01T00:00:00Z", "page_size": 500}
    ).json()
    listed = {row["id"]: row for row in body["results"]}
    assert set(listed) == {estimate.pk for estimate in estimates}
    for estimate in Estimate.objects.with_related().prefetch_related("citations__article"):
        expected = EstimateSerializer().generic_representation(estimate)
        assert listed[estimate.pk] == dict(expected)
        assert list(listed[estimate.pk]) == list(expected)
    assert listed[estimates[0].pk]["deleted"] is True
    assert any(row["citations"] for row in listed.values())
    assert any(row["contingent"] and row["via"] for row in listed.values())
