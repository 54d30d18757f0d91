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
from django.utils import timezone

from articles import feeds, services
from articles.fetching import FetchError, FetchNetworkError, HTTPStatusError
from articles.models import Article, ArticleStatus, Feed

logger = logging.getLogger(__name__)

FETCH_MAX_RETRIES = 5
STUCK_AFTER = dt.timedelta(minutes=10)


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
            process_article_task.delay(article.pk)
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
    return article.status


@shared_task(acks_late=True)
def process_article_task(article_id: int) -> str:
    article = services.process_article(article_id)
    return article.status if article is not None else "gone"


@shared_task(acks_late=True)
def sweep_stuck_articles_task() -> int:
    """Periodic: re-queue articles a killed worker left half-way."""
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
