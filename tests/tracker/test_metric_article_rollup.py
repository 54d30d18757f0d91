"""The MetricArticle roll-up (kept by PostgreSQL triggers, migration 0009) equals the join
of citations to live estimates after every kind of write, whoever makes it, and the
overview's article counts read from it are the ones the join gives."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Q

from tests.articles.factories import ArticleFactory
from tests.tracker.factories import DeploymentFactory, EstimateFactory, metric
from tracker import queries, services
from tracker.models import Citation, Estimate, EstimateStatus, MetricArticle

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("postgres")]


def joined() -> dict[tuple, tuple[int, int]]:
    """What the roll-up should hold, computed by joining every citation to its estimate."""
    rows = (
        Citation.objects.filter(estimate__deleted_at__isnull=True)
        .values("estimate__deployment_id", "estimate__metric_id", "article_id")
        .annotate(
            confirmed=Count("id", filter=Q(estimate__status=EstimateStatus.CONFIRMED)),
            proposed=Count("id", filter=Q(estimate__status=EstimateStatus.PROPOSED)),
        )
        .order_by()
    )
    counts = {
        (r["estimate__deployment_id"], r["estimate__metric_id"], r["article_id"]): (
            r["confirmed"],
            r["proposed"],
        )
        for r in rows
    }
    return {key: value for key, value in counts.items() if value != (0, 0)}


def rolled_up() -> dict[tuple, tuple[int, int]]:
    return {
        (r.deployment_id, r.metric_id, r.article_id): (r.confirmed, r.proposed)
        for r in MetricArticle.objects.all()
    }


def assert_exact() -> None:
    assert rolled_up() == joined()


def cite(estimate, article=None) -> Citation:
    article = article or ArticleFactory()
    citation, _ = services.cite(estimate=estimate, article=article, quote=article.text[:20])
    return citation


@pytest.fixture
def estimate(db):
    return EstimateFactory(status=EstimateStatus.CONFIRMED)


def test_citations_added_and_removed(estimate):
    first, second = cite(estimate), cite(estimate)
    assert rolled_up() == {
        (estimate.deployment_id, estimate.metric_id, first.article_id): (1, 0),
        (estimate.deployment_id, estimate.metric_id, second.article_id): (1, 0),
    }
    first.delete()
    assert_exact()
    Citation.objects.filter(pk=second.pk).delete()  # a queryset delete
    assert rolled_up() == {}


def test_one_article_citing_several_estimates_of_a_metric(estimate):
    article = ArticleFactory()
    cite(estimate, article)
    other = EstimateFactory(deployment=estimate.deployment, status=EstimateStatus.PROPOSED)
    cite(other, article)
    assert rolled_up() == {(estimate.deployment_id, estimate.metric_id, article.pk): (1, 1)}


def test_bulk_created_citations(estimate):
    articles = [ArticleFactory() for _ in range(3)]
    Citation.objects.bulk_create(
        Citation(estimate=estimate, article=article, quote="about 400") for article in articles
    )
    assert len(rolled_up()) == 3
    assert_exact()


def test_a_deleted_article_takes_its_citations_with_it(estimate):
    citation = cite(estimate)
    cite(estimate)
    citation.article.delete()
    assert_exact()
    assert len(rolled_up()) == 1


def test_confirmation_rejection_and_soft_deletion(editor):
    proposed = EstimateFactory(status=EstimateStatus.PROPOSED)
    cite(proposed)
    assert list(rolled_up().values()) == [(0, 1)]
    services.confirm_estimate(estimate_id=proposed.pk, user=editor)
    assert list(rolled_up().values()) == [(1, 0)]
    services.soft_delete_estimate(estimate_id=proposed.pk, user=editor)
    assert rolled_up() == {}
    restored = Estimate.objects.get(pk=proposed.pk)
    restored.deleted_at = None
    restored.save()
    assert list(rolled_up().values()) == [(1, 0)]
    services.reject_estimate(estimate_id=proposed.pk, reason="a misreading", user=editor)
    assert rolled_up() == {}
    assert_exact()


def test_an_estimate_moved_to_another_metric_or_deployment(estimate, editor):
    cite(estimate), cite(estimate)
    services.update_estimate(
        estimate_id=estimate.pk,
        expected_version=estimate.version,
        changes={"metric": metric("wounded")},
        user=editor,
    )
    assert {key[1] for key in rolled_up()} == {metric("wounded").pk}
    Estimate.objects.filter(pk=estimate.pk).update(deployment=DeploymentFactory())
    assert_exact()


def test_bulk_status_updates(estimate):
    others = [EstimateFactory(deployment=estimate.deployment) for _ in range(3)]
    for each in [estimate, *others]:
        cite(each)
    Estimate.objects.filter(deployment=estimate.deployment).update(status=EstimateStatus.PROPOSED)
    assert {value for value in rolled_up().values()} == {(0, 1)}
    assert_exact()


def test_a_citation_moved_to_another_estimate(estimate):
    citation = cite(estimate)
    other = EstimateFactory(metric=metric("wounded"), status=EstimateStatus.PROPOSED)
    Citation.objects.filter(pk=citation.pk).update(estimate=other)
    assert rolled_up() == {(other.deployment_id, other.metric_id, citation.article_id): (0, 1)}


def test_a_hard_deleted_estimate(estimate):
    cite(estimate), cite(estimate)
    estimate.delete()
    assert rolled_up() == {}


def test_article_counts_from_the_roll_up_equal_the_join(demo, editor, monkeypatch):
    killed = Estimate.objects.filter(deployment=demo, metric__slug="killed").first()
    cite(killed)
    proposed = EstimateFactory(deployment=demo, status=EstimateStatus.PROPOSED)
    cite(proposed)
    assert_exact()
    for user in (AnonymousUser(), editor):
        from_rollup = queries.articles_per_metric(demo, user=user)
        # The same function on another database joins the citations instead.
        monkeypatch.setattr(queries.connection, "vendor", "sqlite")
        from_join = queries.articles_per_metric(demo, user=user)
        monkeypatch.undo()
        assert from_rollup == from_join
    counts = queries.articles_per_metric(demo, user=AnonymousUser())
    assert counts[metric("killed").pk] == 5
    assert queries.articles_per_metric(demo, user=editor)[metric("killed").pk] == 6
