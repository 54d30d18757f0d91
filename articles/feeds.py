"""RSS and Atom feeds: polled on each feed's schedule with conditional requests.

A poll sends the ETag and Last-Modified the feed last gave (If-None-Match,
If-Modified-Since); a 304 costs nothing more. Each item becomes an article: by its link
(fetched later), or from the text the item carries when it has no link. Items already
seen are the same article by their normalised URL, so a re-poll creates nothing new.
"""

from __future__ import annotations

import datetime as dt
import logging

import feedparser
from django.db import transaction
from django.utils import timezone

from articles import services
from articles.fetching import FetchError, fetch
from articles.models import Feed

logger = logging.getLogger(__name__)

MAX_ITEMS_PER_POLL = 200


@transaction.atomic
def add_feed(*, url: str, interval_minutes: int = 60, outlet: str = "", title: str = "") -> Feed:
    """Register a feed (or update the schedule of a known one); it is polled soon after."""
    if interval_minutes < 5:
        raise services.IngestError("A feed is polled at most every 5 minutes.")
    services._clean_url(url)  # the same checks as an article link
    feed, created = Feed.objects.get_or_create(
        url=url.strip(),
        defaults={"poll_interval_minutes": interval_minutes, "outlet": outlet, "title": title},
    )
    if not created:
        feed.poll_interval_minutes = interval_minutes
        if outlet:
            feed.outlet = outlet
        feed.save(update_fields=["poll_interval_minutes", "outlet", "updated_at"])
    return feed


def due_feeds(now: dt.datetime | None = None) -> list[int]:
    now = now or timezone.now()
    return list(
        Feed.objects.filter(is_active=True)
        .exclude(next_poll_at__gt=now)
        .order_by("next_poll_at")
        .values_list("pk", flat=True)
    )


def _item_date(entry) -> dt.date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    try:
        return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    except ValueError:
        return None


def _item_text(entry) -> str:
    for content in entry.get("content") or ():
        if content.get("value"):
            return content["value"]
    return entry.get("summary", "")


def poll_feed(feed: Feed) -> int:
    """Fetch the feed (conditionally) and submit its new items; returns how many articles
    were created. The next poll is scheduled whatever happens; a failure is recorded on
    the feed. Transient network errors propagate so the task can retry."""
    headers = {}
    if feed.etag:
        headers["If-None-Match"] = feed.etag
    if feed.last_modified:
        headers["If-Modified-Since"] = feed.last_modified
    now = timezone.now()
    schedule = {
        "last_polled_at": now,
        "next_poll_at": now + dt.timedelta(minutes=feed.poll_interval_minutes),
    }
    try:
        result = fetch(feed.url, headers=headers)
    except FetchError as error:
        Feed.objects.filter(pk=feed.pk).update(last_error=str(error)[:2000], **schedule)
        if error.transient:
            raise
        return 0
    if result.status_code == 304:
        Feed.objects.filter(pk=feed.pk).update(last_error="", **schedule)
        return 0
    parsed = feedparser.parse(result.content)
    if not parsed.entries and not parsed.get("version"):
        reason = parsed.get("bozo_exception") or "no feed format recognised"
        message = f"This is not a readable RSS or Atom feed ({reason})."
        Feed.objects.filter(pk=feed.pk).update(last_error=message[:2000], **schedule)
        return 0
    created = 0
    for entry in parsed.entries[:MAX_ITEMS_PER_POLL]:
        created += int(_submit_entry(feed, entry))
    title = feed.title or services._plain(parsed.feed.get("title", ""))[:300]
    Feed.objects.filter(pk=feed.pk).update(
        etag=result.headers.get("etag", "")[:500],
        last_modified=result.headers.get("last-modified", "")[:100],
        last_error="",
        title=title,
        **schedule,
    )
    return created


def _submit_entry(feed: Feed, entry) -> bool:
    link = entry.get("link") or None
    title = services._plain(entry.get("title", ""))
    published = _item_date(entry)
    try:
        if link:
            article = services.submit_url(
                url=link, feed=feed, outlet=feed.outlet, title=title, published=published
            )
        else:
            text = services.extract_main_text(_item_text(entry)).text or services._plain(
                _item_text(entry)
            )
            article = services.submit_text(
                text=text, outlet=feed.outlet, title=title, published=published, feed=feed
            )
    except services.IngestError as error:
        logger.info("feed %s: item skipped: %s", feed.pk, error)
        return False
    return article.newly_created
