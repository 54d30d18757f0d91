"""With workers, ingestion gathers the estimates it touched and refreshes their analysis
in one run for many articles (articles.services.flag)."""

from __future__ import annotations

import pytest

from articles import services, tasks
from tests.articles.texts import PUBLISHED, numbered_report
from tracker.models import Estimate

pytestmark = pytest.mark.django_db


@pytest.fixture
def with_workers(redis_url, monkeypatch):
    """flag() as it runs in a worker; the refresh task it schedules is recorded, not run."""
    monkeypatch.setattr(services, "_tasks_in_process", lambda: False)
    client, pending, scheduled = services._pending_keys()
    client.delete(pending, scheduled)
    scheduled_runs: list[dict] = []
    monkeypatch.setattr(
        tasks.refresh_analysis_task, "apply_async", lambda *a, **k: scheduled_runs.append(k)
    )
    yield scheduled_runs
    client.delete(pending, scheduled)


def _counts(articles) -> list[int]:
    """The analysis's citation count of each estimate these articles cite."""
    return list(
        Estimate.objects.filter(citations__article__in=articles)
        .order_by("id")
        .values_list("citation_count", flat=True)
    )


def test_articles_processed_together_share_one_scheduled_refresh(
    demo, with_workers, django_capture_on_commit_callbacks
):
    articles = []
    for n in (1, 2, 3):
        with django_capture_on_commit_callbacks(execute=True):
            articles.append(services.submit_text(text=numbered_report(n), published=PUBLISHED))
    assert len(with_workers) == 1
    assert services.analysis_pending()
    assert _counts(articles) == [0, 0, 0]  # the analysis has not run yet

    assert services.refresh_gathered_analysis() == 3
    assert _counts(articles) == [1, 1, 1]
    assert not services.analysis_pending()
    assert services.refresh_gathered_analysis() == 0


def test_a_failed_refresh_keeps_its_estimates_for_the_next_run(
    demo, with_workers, django_capture_on_commit_callbacks, monkeypatch
):
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_text(text=numbered_report(4), published=PUBLISHED)

    def broken(ids):
        raise RuntimeError("database went away")

    monkeypatch.setattr(services, "refresh", broken)
    with pytest.raises(RuntimeError):
        services.refresh_gathered_analysis()
    monkeypatch.undo()
    monkeypatch.setattr(services, "_tasks_in_process", lambda: False)
    assert services.refresh_gathered_analysis() == 1


def test_the_sweep_schedules_a_refresh_lost_with_its_worker(
    demo, with_workers, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        article = services.submit_text(text=numbered_report(5), published=PUBLISHED)
    assert len(with_workers) == 1
    client, _pending, scheduled = services._pending_keys()
    client.delete(scheduled)  # the worker that held the scheduled run was killed

    tasks.sweep_stuck_articles_task.apply()
    assert len(with_workers) == 2  # scheduled again, once
    tasks.sweep_stuck_articles_task.apply()
    assert len(with_workers) == 2  # already scheduled: not twice
    assert services.refresh_gathered_analysis() == 1
    assert _counts([article]) == [1]
    client.delete(scheduled)
    tasks.sweep_stuck_articles_task.apply()
    assert len(with_workers) == 2  # nothing waits: nothing to schedule


def test_with_redis_unreachable_the_article_is_still_analysed(
    demo, with_workers, django_capture_on_commit_callbacks, monkeypatch
):
    import redis

    def unreachable():
        raise redis.ConnectionError("Connection refused")

    monkeypatch.setattr(services, "_pending_keys", unreachable)
    with django_capture_on_commit_callbacks(execute=True):
        article = services.submit_text(text=numbered_report(6), published=PUBLISHED)
    assert with_workers == []  # nothing could be scheduled
    assert _counts([article]) == [1]  # but the analysis ran at once
