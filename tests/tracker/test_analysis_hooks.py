import datetime as dt

import pytest
from django.core.management import call_command

from tests.articles.factories import ArticleFactory
from tests.tracker.analysis_helpers import FEB_26, estimate, fresh
from tests.tracker.factories import DeploymentFactory, SourceFactory, metric
from tracker import services
from tracker.analysis import refresh, refresh_after_commit
from tracker.models import Discrepancy, Estimate

pytestmark = pytest.mark.django_db


def create(deployment, best, **fields):
    return services.create_estimate(
        deployment=deployment,
        metric=metric("killed"),
        source=fields.pop("source", None) or SourceFactory(),
        as_of=fields.pop("as_of", FEB_26),
        low=best,
        best=best,
        high=best,
        **fields,
    )


def test_writing_through_the_services_keeps_the_analysis_right(
    django_capture_on_commit_callbacks,
):
    deployment = DeploymentFactory()
    with django_capture_on_commit_callbacks(execute=True):
        hur = create(deployment, 400)
        nis = create(deployment, 400)
        odd = create(deployment, 150)
        article = ArticleFactory(outlet="Wire")
        services.cite(estimate=hur, article=article, quote=article.text[:30])
    hur, nis, odd = fresh(hur), fresh(nis), fresh(odd)
    assert (hur.citation_count, hur.outlet_count, hur.originator_count) == (1, 1, 2)
    assert (nis.originator_count, odd.originator_count) == (2, 1)
    assert set(Discrepancy.objects.get().estimates.all()) == {hur, nis, odd}


def test_the_hook_runs_only_after_commit(django_capture_on_commit_callbacks):
    deployment = DeploymentFactory()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        a = create(deployment, 400)
        create(deployment, 400)
    assert fresh(a).originator_count == 0  # nothing yet: the transaction has not committed
    for callback in callbacks:
        callback()
    assert fresh(a).originator_count == 2


def test_moving_an_estimate_refreshes_the_place_it_left(django_capture_on_commit_callbacks):
    deployment = DeploymentFactory()
    stays = estimate(deployment, best=400)
    moves = estimate(deployment, best=400)
    refresh()
    assert fresh(stays).originator_count == 2
    with django_capture_on_commit_callbacks(execute=True):
        refresh_after_commit([moves.pk])  # noted before the write, as editors do
        Estimate.objects.filter(pk=moves.pk).update(as_of=dt.date(2024, 6, 1), version=2)
    assert fresh(stays).originator_count == 1
    assert fresh(moves).originator_count == 1


def test_a_refresh_touches_only_the_groups_of_its_estimates():
    deployment = DeploymentFactory()
    a = estimate(deployment, best=400)
    other_metric = estimate(deployment, best=400, metric="wounded")
    estimate(deployment, best=400, metric="wounded")
    refresh([a.pk])
    assert fresh(other_metric).originator_count == 0  # not in the refreshed group


def test_the_analyse_command_is_idempotent(demo, capsys):
    call_command("analyse")
    first = capsys.readouterr().out
    state = (
        list(Discrepancy.objects.order_by("pk").values_list("fingerprint", "status")),
        list(
            Estimate.objects.order_by("pk").values_list(
                "citation_count", "outlet_count", "originator_count", "supersedes_id"
            )
        ),
    )
    call_command("analyse")
    second = capsys.readouterr().out
    assert "2 discrepancies found" in first
    assert "0 revision links changed, 0 discrepancies found, 0 no longer hold" in second
    assert state == (
        list(Discrepancy.objects.order_by("pk").values_list("fingerprint", "status")),
        list(
            Estimate.objects.order_by("pk").values_list(
                "citation_count", "outlet_count", "originator_count", "supersedes_id"
            )
        ),
    )


def test_the_demo_loaded_with_its_commits_is_analysed_as_it_goes(
    django_capture_on_commit_callbacks,
):
    from articles.demo import load_demo

    with django_capture_on_commit_callbacks(execute=True):
        load_demo()
    hur_killed = Estimate.objects.get(source__slug="hur", metric__slug="killed")
    assert (hur_killed.citation_count, hur_killed.outlet_count) == (2, 2)
    hur_12000 = Estimate.objects.get(source__slug="hur", best=12000)
    assert hur_12000.originator_count == 2  # NIS said 12,000 that month too
    assert Discrepancy.objects.filter(kind="value").count() == 2
