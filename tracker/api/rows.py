"""The estimate list built from plain rows: the same JSON as EstimateSerializer, cheaper.

A page of estimates read as model instances costs a model per row and per joined object
(deployment, metric, contingent, source, via, each citation and its article) and a
prefetch queryset per row; read with `values()` it is two queries returning tuples, and
the representation is built straight from them. A test holds each row equal to
EstimateSerializer's rendering of the same estimate, so the serializer stays the schema.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from django.db.models import QuerySet

from tracker.models import Citation, Estimate, Qualifier

# What `values()` reads of an estimate and what it joins: exactly what a row shows.
ESTIMATE_FIELDS = (
    "id",
    "deployment__slug",
    "metric__slug",
    "contingent_id",
    "contingent__number",
    "contingent__name",
    "low",
    "best",
    "high",
    "qualifier",
    "as_of",
    "as_of_precision",
    "period_end",
    "source__slug",
    "source__name",
    "source__kind",
    "via_id",
    "via__slug",
    "via__name",
    "via__kind",
    "credibility",
    "status",
    "deleted_at",
    "supersedes_id",
    "notes",
    "citation_count",
    "outlet_count",
    "originator_count",
    "version",
    "created_at",
    "updated_at",
)

CITATION_FIELDS = (
    "estimate_id",
    "id",
    "article_id",
    "article__url",
    "article__outlet",
    "article__title",
    "article__published",
    "quote",
)


def iso_datetime(value: dt.datetime) -> str:
    """As DRF renders a datetime with USE_TZ in UTC: ISO 8601 with a Z."""
    value = value.astimezone(dt.UTC).isoformat()
    return value[:-6] + "Z" if value.endswith("+00:00") else value


def iso_date(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


class _Figures:
    """An estimate's figures and dates without a model instance, with Estimate's own
    `figure_display` and `as_of_display` (so the wording cannot drift)."""

    __slots__ = ("as_of", "as_of_precision", "best", "high", "low", "period_end", "qualifier")
    Qualifier = Qualifier
    figure_display = Estimate.figure_display
    as_of_display = Estimate.as_of_display

    def __init__(self, row: dict[str, Any]) -> None:
        self.low, self.best, self.high = row["low"], row["best"], row["high"]
        self.qualifier = row["qualifier"]
        self.as_of, self.period_end = row["as_of"], row["period_end"]
        self.as_of_precision = row["as_of_precision"]


def citations_by_estimate(estimate_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """The citations of these estimates, each with its article's url, outlet, title and
    date (one query), in citation order."""
    found: dict[int, list[dict[str, Any]]] = defaultdict(list)
    if not estimate_ids:
        return found
    rows = (
        Citation.objects.filter(estimate_id__in=estimate_ids)
        .order_by("estimate_id", "id")
        .values_list(*CITATION_FIELDS)
    )
    for estimate_id, pk, article, url, outlet, title, published, quote in rows:
        found[estimate_id].append(
            {
                "id": pk,
                "article": article,
                "url": url,
                "outlet": outlet,
                "title": title,
                "published": iso_date(published),
                "quote": quote,
            }
        )
    return found


def estimate_values(estimates: QuerySet[Estimate]) -> QuerySet:
    """The estimates as dicts of ESTIMATE_FIELDS, for `represent` (joins in the query)."""
    return estimates.values(*ESTIMATE_FIELDS)


def represent(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """EstimateSerializer's representation of each row of `estimate_values`, with their
    citations (one more query)."""
    citations = citations_by_estimate([row["id"] for row in rows])
    return [_estimate(row, citations.get(row["id"], [])) for row in rows]


def _estimate(row: dict[str, Any], citations: list[dict[str, Any]]) -> dict[str, Any]:
    figures = _Figures(row)
    return {
        "id": row["id"],
        "deployment": row["deployment__slug"],
        "metric": row["metric__slug"],
        "contingent": {"number": row["contingent__number"], "name": row["contingent__name"]}
        if row["contingent_id"] is not None
        else None,
        "low": row["low"],
        "best": row["best"],
        "high": row["high"],
        "qualifier": row["qualifier"],
        "figure_display": figures.figure_display,
        "as_of": iso_date(row["as_of"]),
        "as_of_precision": row["as_of_precision"],
        "period_end": iso_date(row["period_end"]),
        "as_of_display": figures.as_of_display,
        "source": {
            "slug": row["source__slug"],
            "name": row["source__name"],
            "kind": row["source__kind"],
        },
        "via": {"slug": row["via__slug"], "name": row["via__name"], "kind": row["via__kind"]}
        if row["via_id"] is not None
        else None,
        "credibility": row["credibility"],
        "status": row["status"],
        "deleted": row["deleted_at"] is not None,
        "supersedes": row["supersedes_id"],
        "notes": row["notes"],
        "citation_count": row["citation_count"],
        "outlet_count": row["outlet_count"],
        "originator_count": row["originator_count"],
        "citations": citations,
        "version": row["version"],
        "created_at": iso_datetime(row["created_at"]),
        "updated_at": iso_datetime(row["updated_at"]),
    }
