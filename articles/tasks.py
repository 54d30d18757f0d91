"""Celery tasks: thin wrappers over articles.services and articles.feeds.

Each takes ids, re-reads the row, returns early when it is gone or already done, and
calls one service. Only named transient network errors are retried, with exponential
backoff and a cap; a bad article fails once with its error recorded and does not block
the queue. `acks_late` is on where the service is idempotent (all of these are: see
articles.services), so a worker killed mid-task has its message delivered again.
"""

from __future__ import annotations

import datetime as dt
import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from celery.signals import task_postrun, task_prerun, worker_init
from django.db import close_old_connections
from django.db.backends.signals import connection_created
from django.utils import timezone

from articles import feeds, services
from articles.fetching import FetchError, FetchNetworkError, HTTPStatusError
from articles.models import Article, ArticleStatus, Feed

logger = logging.getLogger(__name__)

FETCH_MAX_RETRIES = 5
STUCK_AFTER = dt.timedelta(minutes=10)


def _asynchronous_commits(sender, connection, **kwargs) -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET synchronous_commit TO off")


@worker_init.connect
def _worker_commits_without_waiting_for_disk(**kwargs) -> None:
    """In worker processes, PostgreSQL commits without waiting for the WAL flush.

    A commit then costs a fraction of a millisecond instead of a disk flush. It is safe
    here because nothing a worker writes is acknowledged to anyone: if PostgreSQL itself
    crashes, the last moments of processing may be lost (whole transactions, never half of
    one), which leaves those articles in a non-final status for the sweep to re-queue.
    Submissions (web pages, API, commands) run outside workers and keep durable commits.
    """
    connection_created.connect(_asynchronous_commits, weak=False)
    # What Django does around each request, around each task: close a connection that
    # is older than DB_CONN_MAX_AGE or broken (CELERY_DB_REUSE_MAX keeps Celery from
    # closing it every time), so a worker reuses one connection for many articles.
    task_prerun.connect(_close_old_connections, weak=False)
    task_postrun.connect(_close_old_connections, weak=False)


def _close_old_connections(**kwargs) -> None:
    close_old_connections()


class TransientFetchError(Exception):
    """A fetch that may succeed later (timeout, reset, 5xx, 429): retried by Celery."""


@shared_task(
    bind=True,
    acks_late=True,
    autoretry_for=(TransientFetchError,),
    retry_backoff=5,
    retry_backoff_max=600,
    retry_jitter=True,
    max_retries=FETCH_MAX_RETRIES,
)
def fetch_article_task(self, article_id: int) -> str:
    article = Article.objects.filter(pk=article_id).first()
    if article is None:
        return "gone"
    if article.status != ArticleStatus.QUEUED or article.text:
        if article.status in (ArticleStatus.FETCHED, ArticleStatus.EXTRACTED):
            process_article_task.apply_async((article.pk,), ignore_result=True)
        return article.status
    try:
        article = services.fetch_article(article)
    except (FetchNetworkError, HTTPStatusError) as error:
        if error.transient and self.request.retries < FETCH_MAX_RETRIES:
            raise TransientFetchError(str(error)) from error
        services.mark_failed(article, str(error))
    except FetchError as error:
        services.mark_failed(article, str(error))
    except services.IngestError as error:
        services.mark_failed(article, str(error))
    except SoftTimeLimitExceeded:
        services.mark_failed(article, "Fetching this page took longer than allowed.")
    return article.status


@shared_task(acks_late=True)
def process_article_task(article_id: int) -> str:
    try:
        article = services.process_article(article_id)
    except SoftTimeLimitExceeded:
        # A text that takes this long will take as long next time: fail it once.
        article = Article.objects.filter(pk=article_id).first()
        if article is not None:
            services.mark_failed(article, "Processing this article took longer than allowed.")
    return article.status if article is not None else "gone"


@shared_task(acks_late=True, ignore_result=True)
def refresh_analysis_task() -> int:
    """The analysis of the estimates ingestion touched in the last moment (see
    services.flag); idempotent, so a second delivery only recomputes."""
    return services.refresh_gathered_analysis()


@shared_task(acks_late=True)
def sweep_stuck_articles_task() -> int:
    """Periodic: re-queue articles a killed worker left half-way, and schedule the
    analysis of estimates whose refresh was lost with its worker."""
    services.reschedule_gathered_analysis()
    return services.requeue_stuck_articles(older_than=STUCK_AFTER)


@shared_task(
    bind=True,
    acks_late=True,
    autoretry_for=(TransientFetchError,),
    retry_backoff=30,
    retry_backoff_max=900,
    max_retries=3,
)
def poll_feed_task(self, feed_id: int) -> int:
    feed = Feed.objects.filter(pk=feed_id, is_active=True).first()
    if feed is None:
        return 0
    if feed.next_poll_at and feed.next_poll_at > timezone.now():
        return 0  # polled already by a twice-delivered message
    return feeds.poll_feed(feed)


@shared_task
def poll_due_feeds_task() -> int:
    """Periodic: queue a poll of each feed whose time has come."""
    due = feeds.due_feeds()
    for feed_id in due:
        poll_feed_task.delay(feed_id)
    return len(due)
