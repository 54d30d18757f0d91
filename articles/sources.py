"""Known sources for extraction, read from the database (shared by the command and ingestion)."""

from __future__ import annotations

import logging

from django.db import DatabaseError

from articles.extraction import KnownSource, SourceIndex

logger = logging.getLogger(__name__)


def sources_and_ids() -> tuple[tuple[KnownSource, ...], dict[str, int]]:
    """Every `tracker.models.Source` as a `KnownSource` (aliases, parent), and a lookup from
    each display name and alias (casefolded) to the Source's id. Two queries; database
    errors propagate (ingestion must not match claims against a database it cannot read).
    """
    from tracker.models import Source

    rows = list(
        Source.objects.select_related("parent").prefetch_related("aliases").order_by("name")
    )
    known = tuple(
        KnownSource(
            name=row.name,
            aliases=tuple(alias.alias for alias in row.aliases.all()),
            parent=row.parent.name if row.parent else None,
            kind=row.kind,
        )
        for row in rows
    )
    ids = {row.name.casefold(): row.pk for row in rows}
    for row in rows:
        for alias in row.aliases.all():
            ids.setdefault(alias.alias.casefold(), row.pk)
    return known, ids


def load_known_sources() -> list[KnownSource]:
    """The known sources for the extract_claims command.

    A database that has not been migrated yet (or cannot be reached) gives no sources rather
    than an error: extraction then reports source names as written.
    """
    try:
        known, _ids = sources_and_ids()
    except DatabaseError as error:
        logger.warning("no known sources for extraction: %s", error)
        return []
    return list(known)


def load_source_index() -> SourceIndex:
    return SourceIndex(load_known_sources())
