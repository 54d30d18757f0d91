"""The synthetic corpus: valid, consistent, as large as asked, the same for a seed."""

from __future__ import annotations

from collections import Counter, defaultdict

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from articles.models import Article, content_hash
from articles.synthetic import SyntheticError, SyntheticSpec, make_synthetic
from tracker.models import (
    Citation,
    Contingent,
    Deployment,
    Estimate,
    EstimateStatus,
    Source,
    SourceAlias,
)

SPEC = SyntheticSpec(estimates=2000, articles=120, seed=7, deployments=2, sources=40)


@pytest.fixture
def corpus(db):
    return make_synthetic(SPEC)


def test_makes_the_requested_numbers_of_rows(corpus):
    assert Estimate.objects.count() == 2000
    assert Article.objects.count() == 120
    assert Source.objects.count() == 40
    assert Deployment.objects.count() == 2
    assert Contingent.objects.count() >= 2
    assert SourceAlias.objects.count() > 40
    assert corpus.citations == Citation.objects.count()


def test_every_estimate_has_one_to_five_citations_from_distinct_articles(corpus):
    per_estimate = Counter(Citation.objects.values_list("estimate_id", flat=True))
    assert set(per_estimate) == set(Estimate.objects.values_list("id", flat=True))
    assert set(per_estimate.values()) <= {1, 2, 3, 4, 5}
    pairs = list(Citation.objects.values_list("estimate_id", "article_id"))
    assert len(pairs) == len(set(pairs))


def test_figures_and_dates_satisfy_the_rules_editors_obey(corpus):
    for (
        low,
        best,
        high,
        as_of,
        period_end,
        contingent_deployment,
        deployment,
    ) in Estimate.objects.values_list(
        "low", "best", "high", "as_of", "period_end", "contingent__deployment", "deployment"
    ):
        figures = [v for v in (low, best, high) if v is not None]
        assert figures, "an estimate has at least one figure"
        assert figures == sorted(figures), "low ≤ best ≤ high"
        assert period_end is None or period_end >= as_of
        assert contingent_deployment in (None, deployment)


def test_statuses_are_mostly_confirmed_with_some_proposed_and_rejected(corpus):
    statuses = Counter(Estimate.objects.values_list("status", flat=True))
    assert statuses[EstimateStatus.CONFIRMED] > 0.75 * 2000
    assert statuses[EstimateStatus.PROPOSED] > 0
    assert statuses[EstimateStatus.REJECTED] > 0


def test_a_few_metrics_hold_most_estimates(corpus):
    per_metric = Counter(Estimate.objects.values_list("metric__slug", flat=True))
    top_two = sum(n for _, n in per_metric.most_common(2))
    assert top_two > 0.4 * 2000
    assert per_metric.most_common(1)[0][0] == "killed"


def test_corroboration_counters_match_the_rows(corpus):
    outlets = dict(Article.objects.values_list("id", "outlet"))
    cited: dict[int, list[int]] = defaultdict(list)
    for estimate_id, article_id in Citation.objects.values_list("estimate_id", "article_id"):
        cited[estimate_id].append(article_id)
    rows = list(
        Estimate.objects.values(
            "id", "citation_count", "outlet_count", "originator_count", "deployment_id",
            "metric_id", "contingent_id", "source_id", "status", "deleted_at", "as_of",
            "low", "best", "high",
        )
    )  # fmt: skip
    for row in rows:
        articles = cited[row["id"]]
        assert row["citation_count"] == len(articles)
        assert row["outlet_count"] == len({outlets[a] for a in articles})

    # Originators: distinct sources of live, non-rejected estimates of the same deployment,
    # metric, contingent and month whose ranges overlap (its own source always counts).
    def bounds(row):
        values = [v for v in (row["low"], row["best"], row["high"]) if v is not None]
        low = row["low"] if row["low"] is not None else min(values)
        high = row["high"] if row["high"] is not None else max(values)
        if row["best"] is None and row["high"] is None:
            high = 10**12  # "at least": open above
        if row["best"] is None and row["low"] is None:
            low = 0  # "at most": open below
        return low, high

    groups = defaultdict(list)
    for row in rows:
        key = (row["deployment_id"], row["metric_id"], row["contingent_id"],
               row["as_of"].year, row["as_of"].month)  # fmt: skip
        groups[key].append(row)
    for members in groups.values():
        counted = [m for m in members if m["deleted_at"] is None and m["status"] != "rejected"]
        for row in members:
            low, high = bounds(row)
            agreeing = {
                other["source_id"]
                for other in counted
                if bounds(other)[0] <= high and low <= bounds(other)[1]
            }
            assert row["originator_count"] == len(agreeing | {row["source_id"]})


def test_a_newer_figure_supersedes_the_same_sources_older_one(corpus):
    superseding = Estimate.objects.filter(supersedes__isnull=False).select_related("supersedes")
    assert superseding.exists()
    for estimate in superseding:
        older = estimate.supersedes
        assert older.as_of <= estimate.as_of
        assert (older.source_id, older.metric_id, older.contingent_id, older.deployment_id) == (
            estimate.source_id, estimate.metric_id, estimate.contingent_id, estimate.deployment_id
        )  # fmt: skip


def test_articles_are_about_four_kilobytes_with_unique_url_and_true_content_hash(corpus):
    articles = list(Article.objects.all())
    lengths = [len(a.text) for a in articles]
    assert 3000 < sum(lengths) / len(lengths) < 6000
    assert len({a.url for a in articles}) == len(articles)
    for article in articles:
        assert article.content_hash == content_hash(article.text)


def test_sources_have_parents_aliases_kinds_and_reliabilities(corpus):
    assert Source.objects.filter(parent__isnull=False).count() > 10
    assert Source.objects.values("kind").distinct().count() > 3
    assert Source.objects.values("reliability").distinct().count() > 3
    assert not Source.objects.filter(aliases__isnull=True).exists()


def _snapshot():
    return list(
        Estimate.objects.order_by("as_of", "id").values_list(
            "deployment__slug", "metric__slug", "source__name", "contingent__number",
            "low", "best", "high", "qualifier", "as_of", "status", "originator_count",
            "citation_count", "outlet_count", "created_at",
        )
    )  # fmt: skip


def _empty_the_database():
    for model in (Citation, Estimate, Article, SourceAlias, Source, Contingent, Deployment):
        model.objects.all().delete()


def test_the_same_seed_gives_the_same_corpus(db):
    make_synthetic(SPEC)
    first = _snapshot()
    _empty_the_database()
    make_synthetic(SPEC)
    assert _snapshot() == first
    _empty_the_database()
    make_synthetic(SyntheticSpec(**{**SPEC.__dict__, "seed": 8}))
    assert _snapshot() != first


def test_refuses_a_database_with_estimates_unless_appending(corpus):
    with pytest.raises(CommandError, match="--append"):
        call_command("make_synthetic", estimates=100)
    assert Estimate.objects.count() == 2000
    call_command("make_synthetic", estimates=100, articles=10, sources=20, append=True)
    assert Estimate.objects.count() == 2100
    assert Deployment.objects.count() == 5


@pytest.mark.parametrize(
    "changes", [{"estimates": 0}, {"articles": 0}, {"sources": 3}, {"deployments": 0}]
)
def test_rejects_sizes_that_make_no_sense(db, changes):
    with pytest.raises(SyntheticError):
        make_synthetic(SyntheticSpec(**{**SPEC.__dict__, **changes}))
    assert not Estimate.objects.exists()


def test_on_postgresql_copy_keeps_every_index_and_foreign_key(postgres, db):
    def schema():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexdef FROM pg_indexes WHERE tablename IN "
                "('tracker_estimate', 'tracker_citation', 'articles_article', "
                "'tracker_metricarticle') "
                "UNION ALL SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid IN "
                "('tracker_estimate'::regclass, 'tracker_citation'::regclass, "
                "'articles_article'::regclass, 'tracker_metricarticle'::regclass) ORDER BY 1"
            )
            return [row[0] for row in cursor.fetchall()]

    before = schema()
    make_synthetic(SPEC)
    assert schema() == before
    # The sequences moved past the copied ids: a normal insert does not collide.
    estimate = Estimate.objects.first()
    estimate.pk = None
    estimate.supersedes = None
    estimate.save()
    assert estimate.pk > 2000


def test_on_postgresql_the_articles_per_metric_roll_up_is_exact_after_a_load(postgres, db):
    from tests.tracker.test_metric_article_rollup import joined, rolled_up

    make_synthetic(SPEC)
    assert rolled_up() == joined()
    assert len(rolled_up()) > 100  # the load's citations are counted, not left out
    call_command("make_synthetic", estimates=100, articles=10, sources=20, append=True)
    assert rolled_up() == joined()
    # The triggers are back on: a write after the load still moves the roll-up.
    Citation.objects.filter(pk=Citation.objects.order_by("pk").values("pk")[:1]).delete()
    assert rolled_up() == joined()
