"""Taking in an article submitted over the API, until ingestion's services land.

The `ingestion` helper writes articles.services.submit_text / submit_url (save the
article, then enqueue the pipeline after commit). Until then the API saves the article
queued here, idempotently (one row per URL, one per text), so nothing submitted is
lost; the pipeline picks queued articles up once it exists.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction

from articles.models import Article, ArticleStatus, content_hash


def submit_url(*, url: str, user: Any = None) -> Article:
    try:
        with transaction.atomic():
            article, _created = Article.objects.get_or_create(
                url=url,
                defaults={
                    "normalized_url": url,
                    "status": ArticleStatus.QUEUED,
                    "submitted_by": user,
                },
            )
    except IntegrityError:
        article = Article.objects.get(normalized_url=url)
    return article


def submit_text(
    *,
    text: str,
    title: str = "",
    outlet: str = "",
    published: dt.date | None = None,
    user: Any = None,
) -> Article:
    digest = content_hash(text)
    try:
        with transaction.atomic():
            article, _created = Article.objects.get_or_create(
                content_hash=digest,
                defaults={
                    "text": text,
                    "title": title,
                    "outlet": outlet,
                    "published": published,
                    "status": ArticleStatus.QUEUED,
                    "submitted_by": user,
                },
            )
    except IntegrityError:
        article = Article.objects.get(content_hash=digest)
    return article
