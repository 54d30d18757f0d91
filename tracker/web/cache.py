"""A cache for the pages' aggregates over many estimates, keyed by a data version.

The timeline's chart series (on the page and from the API's timeseries endpoint) and the
overview's headline ranges, article counts and contingent strengths read every estimate
of a deployment (or of a metric): their cost grows with the data. They are kept in
Django's cache (Redis when REDIS_URL is set, locmem otherwise) under a key that contains
a *data version*: the newest id and change time of every table they are computed from,
each read from the end of an index, so the version costs one small query (joined to the
page's deployment query, see `with_data_version`) whatever the size of the tables. Any
write to those tables through the ORM moves the version, so a page never serves an
aggregate computed before a write:

- estimates: a new row moves the largest id; a save moves `updated_at` (auto_now) and
  adds a history row (simple_history), a delete adds a history row;
- citations: a new row moves the largest id; a save or a delete (also the cascade from a
  deleted article or estimate) adds a history row;
- sources and contingents (names, kinds, periods shown with the aggregates): a save
  moves their `updated_at`.

The version is read before the aggregates, in separate statements, so what is stored
under a version is never older than it. Old keys are not deleted: they stop being asked
for and expire (TIMEOUT) or are evicted. A failing cache server only costs speed.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache import cache
from django.db import connection
from django.db.models import QuerySet, Subquery
from redis import RedisError

from tracker.models import Citation, Contingent, Estimate, Source

logger = logging.getLogger(__name__)

T = TypeVar("T")

TIMEOUT = 24 * 3600
# Bumped when the shape of a cached value changes, so old entries are not read back.
FORMAT = 2


def _newest(queryset: QuerySet, column: str) -> Subquery:
    """The largest value of `column` (indexed), as a scalar subquery."""
    return Subquery(queryset.order_by(f"-{column}").values(column)[:1])


def _version_columns() -> dict[str, Subquery]:
    return {
        "version_estimate_id": _newest(Estimate.objects.all(), "id"),
        "version_estimate_at": _newest(Estimate.objects.all(), "updated_at"),
        "version_estimate_history": _newest(Estimate.history.all(), "history_id"),
        "version_citation_id": _newest(Citation.objects.all(), "id"),
        "version_citation_history": _newest(Citation.history.all(), "history_id"),
        "version_source_at": _newest(Source.objects.all(), "updated_at"),
        "version_contingent_at": _newest(Contingent.objects.all(), "updated_at"),
    }


def with_data_version(queryset: QuerySet) -> QuerySet:
    """`queryset` with the data version as extra columns on each row (read it back with
    `data_version(row)`): the page's first query brings it at no extra round trip."""
    return queryset.annotate(**_version_columns())


def data_version(row: Any) -> tuple:
    return tuple(getattr(row, name) for name in _version_columns())


def cache_key(kind: str, *parts: Any) -> str:
    """A short key for `parts` (reprs of versions, SQL and parameters, settings), with the
    database's name so that databases sharing one cache server never share entries."""
    text = repr((FORMAT, connection.settings_dict["NAME"], *parts))
    return f"tracker:{kind}:{hashlib.sha256(text.encode()).hexdigest()}"


def queryset_identity(queryset: QuerySet) -> tuple:
    """What identifies the rows a queryset reads: its SQL and parameters."""
    sql, params = queryset.query.sql_with_params()
    return sql, tuple(params)


def cached(key: str, compute: Callable[[], T]) -> T:
    """The value cached under `key`, computed and stored when it is missing."""
    try:
        value = cache.get(key)
    except RedisError:
        logger.warning("Page cache unavailable; computing without it.", exc_info=True)
        return compute()
    if value is not None:
        return value
    value = compute()
    try:
        cache.set(key, value, TIMEOUT)
    except RedisError:
        logger.warning("Page cache unavailable; not storing.", exc_info=True)
    return value
