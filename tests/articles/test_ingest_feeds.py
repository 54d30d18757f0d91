"""Feeds: polled from a feed served on 127.0.0.1, with conditional requests."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from articles import feeds
from articles.models import Article, ArticleStatus, Feed
from tests.articles.conftest import Route
from tests.articles.texts import RELAY, UNKNOWN_SOURCE
from tracker.models import Citation

pytestmark = pytest.mark.django_db


def _page(text: str) -> bytes:
    return (
        "<html><head><title>Report</title></head><body><article><h1>Report</h1>"
        f"<p>{text}</p></article></body></html>"
    ).encode()


def _rss(web, items: list[tuple[str, str]]) -> bytes:
    entries = "".join(
        f"<item><title>{title}</title><link>{web.url(path)}</link>"
        "<pubDate>Wed, 05 Mar 2025 09:00:00 GMT</pubDate></item>"
        for path, title in items
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>'
        f"<link>{web.url('/')}</link><description>Tests</description>{entries}</channel></rss>"
    ).encode()


@pytest.fixture
def feed(web):
    web.routes["/story/1"] = Route(_page(RELAY))
    web.routes["/story/2"] = Route(_page(UNKNOWN_SOURCE))
    web.routes["/feed.xml"] = Route(
        _rss(web, [("/story/1", "Relay"), ("/story/2", "Monitor")]),
        content_type="application/rss+xml",
        headers={"ETag": '"v1"', "Last-Modified": "Wed, 05 Mar 2025 09:00:00 GMT"},
    )
    return feeds.add_feed(url=web.url("/feed.xml"), interval_minutes=30, outlet="Test Wire")


def test_each_new_item_becomes_an_article_processed_end_to_end(
    demo, web, feed, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        created = feeds.poll_feed(feed)
    assert created == 2
    articles = Article.objects.filter(feed=feed).order_by("id")
    assert [a.status for a in articles] == [ArticleStatus.DONE, ArticleStatus.DONE]
    assert articles[0].published == dt.date(2025, 3, 5)
    assert articles[0].outlet == "Test Wire"
    assert Citation.objects.filter(article__feed=feed).count() >= 3


def test_second_poll_sends_the_etag_and_creates_nothing(demo, web, feed):
    feeds.poll_feed(feed)
    feed.refresh_from_db()
    assert feed.etag == '"v1"'
    assert feeds.poll_feed(feed) == 0
    feed_requests = [h for path, h in web.requests if path == "/feed.xml"]
    assert feed_requests[-1]["If-None-Match"] == '"v1"'
    assert feed_requests[-1]["If-Modified-Since"] == "Wed, 05 Mar 2025 09:00:00 GMT"
    assert Article.objects.filter(feed=feed).count() == 2


def test_poll_schedules_the_next_one_by_the_feeds_interval(web, feed):
    before = timezone.now()
    feeds.poll_feed(feed)
    feed.refresh_from_db()
    assert feed.next_poll_at >= before + dt.timedelta(minutes=30)
    assert feed.pk not in feeds.due_feeds()
    assert feed.pk in feeds.due_feeds(now=feed.next_poll_at + dt.timedelta(seconds=1))


def test_feed_that_is_not_a_feed_records_an_error(web):
    web.routes["/notafeed"] = Route(b"<html><body>Hello</body></html>")
    feed = feeds.add_feed(url=web.url("/notafeed"))
    assert feeds.poll_feed(feed) == 0
    feed.refresh_from_db()
    assert "not a readable RSS or Atom feed" in feed.last_error


def test_feed_on_a_private_address_is_refused_and_recorded(dns):
    dns["intranet.test"] = ["192.168.10.10"]
    feed = feeds.add_feed(url="http://intranet.test/rss")
    assert feeds.poll_feed(feed) == 0
    feed.refresh_from_db()
    assert "public sites" in feed.last_error
    assert Feed.objects.get(pk=feed.pk).next_poll_at is not None


def test_feed_interval_under_five_minutes_is_refused(db):
    with pytest.raises(feeds.services.IngestError, match="5 minutes"):
        feeds.add_feed(url="https://news.example.org/rss", interval_minutes=1)
