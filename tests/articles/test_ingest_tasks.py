"""Each Celery task once (in-process here; a real worker in test_ingest_worker.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from celery.exceptions import Retry
from django.utils import timezone

from articles import services, tasks
from articles.models import Article, ArticleStatus
from tests.articles.conftest import Route
from tests.articles.texts import PUBLISHED, RELAY, UNKNOWN_SOURCE
from tracker.models import Citation, Estimate

pytestmark = pytest.mark.django_db


def _counts():
    return (Article.objects.count(), Estimate.objects.count(), Citation.objects.count())


def test_process_task_delivered_twice_creates_nothing_new(demo):
    article = services.submit_text(text=UNKNOWN_SOURCE, published=PUBLISHED)
    assert tasks.process_article_task.apply(args=[article.pk]).get() == "done"
    counts = _counts()
    assert tasks.process_article_task.apply(args=[article.pk]).get() == "done"
    assert _counts() == counts


def test_process_task_for_a_deleted_article_returns_early(db):
    assert tasks.process_article_task.apply(args=[999_999]).get() == "gone"


def test_fetch_task_fetches_then_processes(demo, web, django_capture_on_commit_callbacks):
    web.routes["/relay"] = Route(
        f"<html><body><article><p>{RELAY}</p></article></body></html>".encode()
    )
    article = services.submit_url(url=web.url("/relay"))
    with django_capture_on_commit_callbacks(execute=True):
        status = tasks.fetch_article_task.apply(args=[article.pk]).get()
    assert status == ArticleStatus.FETCHED
    article.refresh_from_db()
    assert article.status == ArticleStatus.DONE
    assert article.fetched_at is not None
    assert Citation.objects.filter(article=article).exists()


def test_fetch_task_delivered_twice_fetches_once(demo, web):
    web.routes["/relay"] = Route(
        f"<html><body><article><p>{RELAY}</p></article></body></html>".encode()
    )
    article = services.submit_url(url=web.url("/relay"))
    tasks.fetch_article_task.apply(args=[article.pk])
    tasks.fetch_article_task.apply(args=[article.pk])
    assert [path for path, _ in web.requests] == ["/relay"]


def test_fetch_task_records_a_permanent_error_once_without_retrying(db, web):
    article = services.submit_url(url=web.url("/missing"))
    tasks.fetch_article_task.apply(args=[article.pk])
    article.refresh_from_db()
    assert article.status == ArticleStatus.FAILED
    assert "404" in article.error
    assert len(web.requests) == 1


def test_fetch_task_retries_a_transient_error(db, web):
    web.routes["/flaky"] = Route(b"", status=503)
    article = services.submit_url(url=web.url("/flaky"))
    with pytest.raises(Retry):
        tasks.fetch_article_task.apply(args=[article.pk])
    article.refresh_from_db()
    assert article.status == ArticleStatus.QUEUED
    assert article.error == ""


def test_fetch_task_records_a_transient_error_once_retries_are_spent(db, web):
    web.routes["/flaky"] = Route(b"", status=503)
    article = services.submit_url(url=web.url("/flaky"))
    tasks.fetch_article_task.apply(args=[article.pk], retries=tasks.FETCH_MAX_RETRIES)
    article.refresh_from_db()
    assert article.status == ArticleStatus.FAILED
    assert "503" in article.error


def test_fetch_task_refuses_a_private_address_with_a_clear_error(db, dns):
    dns["router.test"] = ["192.168.0.1"]
    article = services.submit_url(url="http://router.test/admin")
    tasks.fetch_article_task.apply(args=[article.pk])
    article.refresh_from_db()
    assert article.status == ArticleStatus.FAILED
    assert "private network address" in article.error


def test_sweep_task_requeues_stuck_articles(demo, django_capture_on_commit_callbacks):
    article = services.submit_text(text=UNKNOWN_SOURCE, published=PUBLISHED)
    Article.objects.filter(pk=article.pk).update(updated_at=timezone.now() - dt.timedelta(hours=2))
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.sweep_stuck_articles_task.apply().get() == 1
    article.refresh_from_db()
    assert article.status == ArticleStatus.DONE


def test_feed_poll_tasks_poll_due_feeds_once(demo, web, django_capture_on_commit_callbacks):
    from articles import feeds

    web.routes["/rss"] = Route(
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>',
        content_type="application/rss+xml",
    )
    feed = feeds.add_feed(url=web.url("/rss"))
    assert tasks.poll_due_feeds_task.apply().get() == 1
    feed.refresh_from_db()
    assert feed.last_polled_at is not None
    # A second delivery of the poll message finds the feed not due and does nothing.
    assert tasks.poll_feed_task.apply(args=[feed.pk]).get() == 0
    assert len(web.requests) == 1
