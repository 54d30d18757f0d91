"""Reads of the domain shared by the pages and the API.

Each function runs a fixed number of queries whatever the data size.
"""

from __future__ import annotations

from typing import Any

from tracker.models import Deployment, Estimate, Metric, format_date


def timeline_series(
    *,
    deployment: Deployment,
    metric: Metric,
    contingent_number: int | None = None,
    statuses: tuple[str, ...] = (Estimate.Status.CONFIRMED,),
) -> list[dict[str, Any]]:
    """One series per originator source: its figures for `metric`, oldest first.

    A point is one live estimate (not deleted) with one of `statuses`. One query: the
    estimates joined to their source, via and contingent, in (source name, as_of, id)
    order, grouped here. Series come in source-name order.
    """
    estimates = (
        Estimate.objects.filter(deployment=deployment, metric=metric, status__in=statuses)
        .live()
        .select_related("source", "via", "contingent")
        .order_by("source__name", "source_id", "as_of", "id")
    )
    if contingent_number is not None:
        estimates = estimates.filter(contingent__number=contingent_number)
    series: list[dict[str, Any]] = []
    current_source_id = None
    for estimate in estimates:
        if estimate.source_id != current_source_id:
            current_source_id = estimate.source_id
            source = estimate.source
            series.append(
                {
                    "source": {"slug": source.slug, "name": source.name, "kind": source.kind},
                    "points": [],
                }
            )
        via = estimate.via
        contingent = estimate.contingent
        series[-1]["points"].append(
            {
                "estimate_id": estimate.pk,
                "as_of": estimate.as_of,
                "as_of_precision": estimate.as_of_precision,
                "as_of_display": format_date(estimate.as_of, estimate.as_of_precision),
                "period_end": estimate.period_end,
                "low": estimate.low,
                "best": estimate.best,
                "high": estimate.high,
                "point": estimate.point,
                "qualifier": estimate.qualifier,
                "contingent": contingent.number if contingent else None,
                "via": {"slug": via.slug, "name": via.name, "kind": via.kind} if via else None,
                "citation_count": estimate.citation_count,
                "originator_count": estimate.originator_count,
            }
        )
    return series
