"""A real Celery worker against Redis and PostgreSQL: text in, estimates and citations out."""

from __future__ import annotations

import pytest
import redis

from articles import services
from articles.demo import load_demo
from articles.models import Article, ArticleStatus
from tests.articles.texts import PUBLISHED, RELAY, UNKNOWN_SOURCE, numbered_report
from tests.articles.worker import celery_worker, wait_for
from tracker.models import Citation, Estimate

pytestmark = [
    pytest.mark.worker,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def broker(redis_url):
    """The test's Redis database, with no messages left from an earlier run."""
    client = redis.Redis.from_url(redis_url)
    client.delete("celery", "unacked", "unacked_index")
    yield redis_url
    client.delete("celery", "unacked", "unacked_index")


def _finished(ids) -> bool:
    return (
        not Article.objects.filter(pk__in=ids).exclude(status__in=Article.FINAL_STATUSES).exists()
    )


def test_worker_ingests_articles_end_to_end(postgres, broker, tmp_path):
    load_demo()
    texts = [RELAY, UNKNOWN_SOURCE, *(numbered_report(n) for n in range(1, 9))]
    with (tmp_path / "worker.log").open("w") as log, celery_worker(broker, log=log):
        ids = [
            services.submit_text(text=text, published=PUBLISHED, outlet="Test Wire").pk
            for text in texts
        ]
        finished = wait_for(lambda: _finished(ids), timeout=90)
    assert finished, (tmp_path / "worker.log").read_text()[-3000:]
    statuses = set(Article.objects.filter(pk__in=ids).values_list("status", flat=True))
    assert statuses == {ArticleStatus.DONE}
    # Each numbered report proposes its own figure; the relay cites confirmed demo estimates.
    proposed = Estimate.objects.filter(status=Estimate.Status.PROPOSED)
    assert proposed.count() == 9
    assert Citation.objects.filter(article_id__in=ids).count() >= 11


def test_task_delivered_twice_to_a_real_worker_creates_nothing_new(postgres, broker, tmp_path):
    from articles import tasks

    load_demo()
    with celery_worker(broker):
        article = services.submit_text(text=UNKNOWN_SOURCE, published=PUBLISHED)
        assert wait_for(lambda: _finished([article.pk]), timeout=60)
        counts = (Estimate.objects.count(), Citation.objects.count())
        result = tasks.process_article_task.delay(article.pk)
        assert result.get(timeout=30) == "done"
    assert (Estimate.objects.count(), Citation.objects.count()) == counts
