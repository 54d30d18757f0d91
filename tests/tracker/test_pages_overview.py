"""The home page and a deployment's overview: headline tiles, contingents, articles,
open discrepancies; what anonymous visitors and editors see; a constant query count."""

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from tests.articles.factories import ArticleFactory
from tests.tracker.factories import (
    DeploymentFactory,
    EstimateFactory,
    SourceFactory,
    metric,
)
from tracker import queries
from tracker.models import Citation, Discrepancy, Estimate, EstimateStatus

pytestmark = pytest.mark.django_db


def overview_url(deployment):
    return reverse("deployment-overview", args=[deployment.slug])


def test_home_redirects_to_the_only_deployment(anonymous_client, demo):
    response = anonymous_client.get("/")
    assert response.status_code == 302
    assert response["Location"] == overview_url(demo)


def test_home_lists_deployments_when_there_are_several(anonymous_client, demo):
    other = DeploymentFactory(name="Belarusian instructors in Russia")
    response = anonymous_client.get("/")
    assert response.status_code == 200
    assert demo.name in response.text
    assert other.name in response.text


def test_home_counts_follow_every_write_and_each_readers_view(
    anonymous_client, editor_client, demo
):
    other = DeploymentFactory(name="Belarusian instructors in Russia")

    def counts(client):
        deployments = client.get("/").context["deployments"]
        return {d.pk: d.estimate_count for d in deployments}

    confirmed = Estimate.objects.filter(
        deployment=demo, status=EstimateStatus.CONFIRMED, deleted_at__isnull=True
    ).count()
    assert counts(anonymous_client) == {demo.pk: confirmed, other.pk: 0}
    EstimateFactory(deployment=other, status=EstimateStatus.CONFIRMED)
    proposed = EstimateFactory(deployment=other, status=EstimateStatus.PROPOSED)
    # Served from the cache between writes, yet each write shows on the next view.
    assert counts(anonymous_client) == {demo.pk: confirmed, other.pk: 1}
    assert counts(editor_client)[other.pk] == 2  # editors also see what awaits review
    proposed.deleted_at = dt.datetime(2025, 3, 1, tzinfo=dt.UTC)
    proposed.save()
    assert counts(editor_client)[other.pk] == 1


def test_overview_shows_each_sources_latest_killed_figure_and_the_range(anonymous_client, demo):
    response = anonymous_client.get(overview_url(demo))
    assert response.status_code == 200
    killed = next(h for h in response.context["headlines"] if h.metric.slug == "killed")
    latest = {e.source.slug: e.best or e.low for e in killed.latest}
    # NIS said 100 in December and 300 in January: only January's counts as its latest.
    assert latest == {"nis": 300, "hur": 400}
    assert (killed.low, killed.high, killed.source_count) == (300, 400, 2)
    assert killed.article_count == 4
    assert "300–400" in response.text


def test_overview_gives_each_contingent_its_strength_range(anonymous_client, demo):
    response = anonymous_client.get(overview_url(demo))
    waves = {c.number: (c.strength_low, c.strength_high) for c in response.context["contingents"]}
    assert waves[1] == (1500, 12000)
    assert waves[2] == (1000, 3000)
    assert waves[3] == (None, None) or waves[3][0] is not None


def test_overview_hides_proposed_estimates_from_anonymous_visitors(
    anonymous_client, editor_client, demo
):
    EstimateFactory(
        deployment=demo,
        metric=metric("missing"),
        source=SourceFactory(name="Unconfirmed Blog"),
        low=77_777,
        best=77_777,
        high=77_777,
        status=EstimateStatus.PROPOSED,
    )
    assert "77,777" not in anonymous_client.get(overview_url(demo)).text
    editor_page = editor_client.get(overview_url(demo)).text
    assert "77,777" in editor_page
    assert "Proposed" in editor_page


def test_overview_never_shows_rejected_or_deleted_estimates(editor_client, demo):
    source = SourceFactory(name="Retracted Source")
    EstimateFactory(
        deployment=demo,
        metric=metric("missing"),
        source=source,
        best=55_555,
        low=None,
        high=None,
        status=EstimateStatus.REJECTED,
    )
    EstimateFactory(
        deployment=demo,
        metric=metric("missing"),
        source=source,
        best=66_666,
        low=None,
        high=None,
        deleted_at=dt.datetime(2025, 3, 1, tzinfo=dt.UTC),
    )
    text = editor_client.get(overview_url(demo)).text
    assert "55,555" not in text
    assert "66,666" not in text


def test_overview_lists_open_discrepancies(anonymous_client, demo):
    nis, hur = (
        Estimate.objects.get(source__slug=s, metric__slug="killed", as_of__year=2025)
        for s in ("nis", "hur")
    )
    discrepancy = Discrepancy.objects.create(
        deployment=demo,
        kind="value",
        metric=nis.metric,
        reason="300 against 400",
        fingerprint="abc",
    )
    discrepancy.estimates.set([nis, hur])
    Discrepancy.objects.create(
        deployment=demo,
        kind="value",
        reason="Settled long ago",
        fingerprint="def",
        status="resolved",
    )
    text = anonymous_client.get(overview_url(demo)).text
    assert "300 against 400" in text
    assert "Settled long ago" not in text


def add_more_data(deployment, n=30):
    """More sources, estimates, citations, articles and a discrepancy, to show that the
    number of queries does not grow with the data."""
    for i in range(n):
        source = SourceFactory()
        article = ArticleFactory()
        estimate = EstimateFactory(
            deployment=deployment,
            source=source,
            metric=metric(["killed", "wounded", "deployed"][i % 3]),
            as_of=dt.date(2025, 1, 1) + dt.timedelta(days=i),
        )
        Citation.objects.create(estimate=estimate, article=article, quote="about 400")
    discrepancy = Discrepancy.objects.create(
        deployment=deployment, kind="value", reason=f"more {n}", fingerprint=f"more-{n}"
    )
    discrepancy.estimates.set(Estimate.objects.filter(deployment=deployment)[:5])


def test_overview_runs_the_same_queries_whatever_the_data(
    anonymous_client, demo, django_assert_num_queries
):
    add_more_data(demo, n=3)
    # deployment, metrics (nav), newest as-of date per source and metric, the estimates
    # on those dates, articles per metric, contingents with strength, newest articles,
    # open discrepancies and their estimates (prefetch).
    with django_assert_num_queries(9):
        anonymous_client.get(overview_url(demo))
    add_more_data(demo, n=40)
    with django_assert_num_queries(9):
        anonymous_client.get(overview_url(demo))


def test_latest_figures_by_index_probe_match_the_window(postgres, demo, editor):
    # PostgreSQL reads each source's latest figure by one probe per (metric, source);
    # it must pick what the portable window picks, ties on a date included.
    add_more_data(demo, n=6)
    hur = Estimate.objects.filter(deployment=demo, source__slug="hur").first()
    EstimateFactory(deployment=demo, source=hur.source, metric=hur.metric, as_of=hur.as_of)
    EstimateFactory(
        deployment=demo,
        metric=metric("killed"),
        status=EstimateStatus.PROPOSED,
        low=1,
        best=1,
        high=1,
    )
    for user in (AnonymousUser(), editor):
        window = queries.latest_rows(queries.visible_estimates(user).filter(deployment=demo))
        probed = queries.latest_rows_by_probe(demo, user=user)
        assert sorted(probed) == sorted(window)
        assert len(window) > 5
