"""Ingestion: feeds to poll and the articles they (and editors, and API clients) bring in.

An article row is written before any work is done on it, and every step of the pipeline
moves its status, so a failure is recorded on the article and never lost.
"""

from __future__ import annotations

import hashlib
import re

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

_SPACE = re.compile(r"\s+")


def content_hash(text: str) -> str:
    """The SHA-256 of the text with whitespace runs folded and case ignored.

    Two copies of one text that differ only in spacing or line breaks are one article.
    """
    normalised = _SPACE.sub(" ", text).strip().casefold()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


class Feed(models.Model):
    """An RSS or Atom feed, polled on its own schedule with conditional requests."""

    url = models.URLField(max_length=2000, unique=True)
    title = models.CharField(max_length=300, blank=True)
    outlet = models.CharField(max_length=200, blank=True)
    poll_interval_minutes = models.PositiveIntegerField(default=60)
    is_active = models.BooleanField(default=True)
    etag = models.CharField(max_length=500, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    last_polled_at = models.DateTimeField(null=True, blank=True)
    next_poll_at = models.DateTimeField(null=True, blank=True, db_index=True)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["url"]
        constraints = [
            models.CheckConstraint(
                condition=Q(poll_interval_minutes__gte=5), name="feed_poll_interval_at_least_5"
            ),
        ]

    def __str__(self) -> str:
        return self.title or self.url


class ArticleStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    FETCHED = "fetched", "Fetched"
    EXTRACTED = "extracted", "Extracted"
    DONE = "done", "Done"
    DUPLICATE = "duplicate", "Duplicate"
    FAILED = "failed", "Failed"


class Article(models.Model):
    """A news report, from a URL, a feed item, a pasted text or an uploaded file."""

    Status = ArticleStatus

    FINAL_STATUSES = (ArticleStatus.DONE, ArticleStatus.DUPLICATE, ArticleStatus.FAILED)

    url = models.URLField(max_length=2000, null=True, blank=True, unique=True)
    # The URL with tracking parameters, fragments and case differences removed: the key
    # that makes two links to one page one article.
    normalized_url = models.CharField(max_length=2000, null=True, blank=True, unique=True)
    outlet = models.CharField(max_length=200, blank=True)
    title = models.CharField(max_length=500, blank=True)
    published = models.DateField(null=True, blank=True)
    text = models.TextField(blank=True)
    content_hash = models.CharField(max_length=64, null=True, blank=True, unique=True)
    duplicate_of = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="near_duplicates",
        help_text="The article this one copies with small edits (syndication).",
    )
    feed = models.ForeignKey(
        Feed, on_delete=models.SET_NULL, null=True, blank=True, related_name="articles"
    )
    status = models.CharField(max_length=9, choices=Status.choices, default=Status.QUEUED)
    error = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    extractor_version = models.CharField(max_length=40, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    fetched_at = models.DateTimeField(null=True, blank=True)
    processed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-published", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=ArticleStatus.values),
                name="article_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status="failed") | ~Q(error=""), name="article_failure_has_error"
            ),
            models.CheckConstraint(
                condition=Q(url__isnull=False) | ~Q(text=""), name="article_has_url_or_text"
            ),
        ]
        indexes = [
            models.Index(fields=["status", "updated_at"], name="article_status_idx"),
            models.Index(fields=["-published", "-id"], name="article_newest_idx"),
        ]

    def __str__(self) -> str:
        return self.title or self.url or f"Article {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("article-detail", args=[self.pk])


class ArticleShingle(models.Model):
    """One of the smallest shingle hashes of an article's text (its bottom-k sketch).

    Near-duplicates share most of these, so one indexed query finds the articles an
    incoming text may copy (see articles.dedupe).
    """

    # Indexed by the unique (article, hash) constraint, which leads with it.
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="shingles", db_index=False
    )
    hash = models.BigIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "hash"], name="article_shingle_unique"),
        ]
        # (hash, article): a lookup of a sketch's hashes among recent articles is a range
        # scan per hash (see articles.services.dedupe).
        indexes = [models.Index(fields=["hash", "article"], name="article_shingle_hash_idx")]

    def __str__(self) -> str:
        return f"{self.hash:x}"


class ClaimKey(models.Model):
    """The estimate ingestion made for one claim identity (deployment, metric, contingent,
    source, date and figures).

    Its unique key is what stops two workers reading the same figure at the same moment
    from proposing it twice: the second insert fails and that worker cites the first's.
    """

    key = models.CharField(max_length=64, unique=True)
    estimate = models.ForeignKey("tracker.Estimate", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.key
