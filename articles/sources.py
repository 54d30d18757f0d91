"""Known sources for extraction, read from the database (shared by the command and ingestion)."""

from __future__ import annotations

import logging

from django.db import DatabaseError

from articles.extraction import KnownSource, SourceIndex

logger = logging.getLogger(__name__)


def load_known_sources() -> list[KnownSource]:
    """Every `tracker.models.Source` with its aliases and parent, as `KnownSource`s.

    A database that has not been migrated yet (or cannot be reached) gives no sources rather
    than an error: extraction then reports source names as written.
    """
    from tracker.models import Source

    try:
        rows = list(
            Source.objects.select_related("parent").prefetch_related("aliases").order_by("name")
        )
    except DatabaseError as error:
        logger.warning("no known sources for extraction: %s", error)
        return []
    return [
        KnownSource(
            name=row.name,
            aliases=tuple(alias.alias for alias in row.aliases.all()),
            parent=row.parent.name if row.parent else None,
            kind=row.kind,
        )
        for row in rows
    ]


def load_source_index() -> SourceIndex:
    return SourceIndex(load_known_sources())
