"""The timeseries endpoint's cache (tracker/web/cache.py, as the timeline page uses it):
a request served again without a write runs one query and answers the same bytes, and
every kind of write shows on the next request."""

import datetime as dt

import pytest
from django.test import override_settings

from tests.articles.factories import ArticleFactory
from tests.tracker.factories import ContingentFactory, EstimateFactory, SourceFactory, metric
from tracker import services
from tracker.models import Estimate, EstimateStatus

pytestmark = pytest.mark.django_db

NO_CACHE = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


def url(deployment, slug="killed"):
    return f"/api/v1/deployments/{deployment.slug}/timeseries/{slug}/"


def nis_killed(deployment):
    return Estimate.objects.get(
        deployment=deployment, metric__slug="killed", source__slug="nis", best=300
    )


def nis_points(body):
    series = next(s for s in body["series"] if s["source"]["slug"] == "nis")
    return {point["id"]: point for point in series["points"]}


def test_a_cached_response_is_the_uncached_one_byte_for_byte(api_client, demo):
    with override_settings(CACHES=NO_CACHE):
        uncached = api_client.get(url(demo)).content
    first = api_client.get(url(demo)).content  # computed and stored
    again = api_client.get(url(demo)).content  # from the cache
    assert first == uncached
    assert again == uncached


def test_a_cached_hit_runs_one_query(api_client, demo, django_assert_num_queries):
    api_client.get(url(demo))
    # The deployment with the metric's id and the data version; not the series.
    with django_assert_num_queries(1):
        response = api_client.get(url(demo))
    assert response.status_code == 200


def test_a_cached_hit_for_one_wave_runs_two_queries(api_client, demo, django_assert_num_queries):
    api_client.get(url(demo, "deployed"), {"contingent": 1})
    # The deployment with the metric's id, the wave's id and the data version; the
    # timeline filter's check of the wave; not the series.
    with django_assert_num_queries(2):
        response = api_client.get(url(demo, "deployed"), {"contingent": 1})
    assert response.json()["contingent"] == 1


def test_anonymous_and_signed_in_readers_get_the_same_series(
    api_client, analyst_api, editor_api, demo
):
    anonymous = api_client.get(url(demo)).content
    assert analyst_api.get(url(demo)).content == anonymous
    assert editor_api.get(url(demo)).content == anonymous


def test_the_wave_asked_for_is_part_of_the_key(api_client, db):
    first = ContingentFactory(number=1)
    second = ContingentFactory(deployment=first.deployment, number=2)
    EstimateFactory(deployment=first.deployment, contingent=first, low=None, best=100, high=None)
    EstimateFactory(deployment=first.deployment, contingent=second, low=None, best=200, high=None)

    def ys(number):
        body = api_client.get(url(first.deployment), {"contingent": number}).json()
        return [p["y"] for s in body["series"] for p in s["points"]]

    assert (ys(1), ys(2), ys(1), ys(2)) == ([100], [200], [100], [200])


def test_a_new_estimate_shows_on_the_next_request(api_client, demo):
    api_client.get(url(demo))
    EstimateFactory(
        deployment=demo, metric=metric("killed"), source=SourceFactory(slug="new-ministry"),
        low=None, best=5_000, high=None, status=EstimateStatus.CONFIRMED,
    )  # fmt: skip
    body = api_client.get(url(demo)).json()
    assert "new-ministry" in [s["source"]["slug"] for s in body["series"]]


def test_an_edit_shows_on_the_next_request(api_client, editor, demo):
    estimate = nis_killed(demo)
    assert nis_points(api_client.get(url(demo)).json())[estimate.pk]["y"] == 300
    services.update_estimate(
        estimate_id=estimate.pk, expected_version=estimate.version,
        changes={"low": None, "best": 350, "high": None}, user=editor,
    )  # fmt: skip
    assert nis_points(api_client.get(url(demo)).json())[estimate.pk]["y"] == 350


def test_a_soft_deletion_shows_on_the_next_request(api_client, editor, demo):
    estimate = nis_killed(demo)
    assert estimate.pk in nis_points(api_client.get(url(demo)).json())
    services.soft_delete_estimate(estimate_id=estimate.pk, user=editor)
    assert estimate.pk not in nis_points(api_client.get(url(demo)).json())


def test_a_new_citation_shows_on_the_next_request(api_client, demo):
    estimate = nis_killed(demo)
    before = nis_points(api_client.get(url(demo)).json())[estimate.pk]["citations"]
    article = ArticleFactory(published=dt.datetime(2025, 1, 20, tzinfo=dt.UTC))
    services.cite(estimate=estimate, article=article, quote=article.text[:20])
    after = nis_points(api_client.get(url(demo)).json())[estimate.pk]["citations"]
    assert after == before + 1
