"""The API's timeseries: one series per source, built from plain rows for speed.

The timeline page builds its chart with tracker.queries.timeline_series, which also
aggregates long series; the two should converge on one function (see the issue notes).
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
        .order_by("source__name", "source_id", "as_of", "id")
    )
    if contingent_number is not None:
        estimates = estimates.filter(contingent__number=contingent_number)
    # Plain rows, not model instances: a long timeline is thousands of points.
    rows = estimates.values_list(
        "id",
        "source_id",
        "source__slug",
        "source__name",
        "source__kind",
        "as_of",
        "as_of_precision",
        "period_end",
        "low",
        "best",
        "high",
        "qualifier",
        "contingent__number",
        "via__slug",
        "via__name",
        "via__kind",
        "citation_count",
        "originator_count",
    )
    series: list[dict[str, Any]] = []
    current_source_id = None
    for row in rows:  # fmt: skip
        (
            pk,
            source_id,
            slug,
            name,
            kind,
            as_of,
            precision,
            period_end,
            low,
            best,
            high,
            qualifier,
            contingent,
            via_slug,
            via_name,
            via_kind,
            citations,
            originators,
        ) = row
        if source_id != current_source_id:
            current_source_id = source_id
            series.append({"source": {"slug": slug, "name": name, "kind": kind}, "points": []})
        series[-1]["points"].append(
            {
                "estimate_id": pk,
                "as_of": as_of,
                "as_of_precision": precision,
                "as_of_display": format_date(as_of, precision),
                "period_end": period_end,
                "low": low,
                "best": best,
                "high": high,
                "point": _point(low, best, high),
                "qualifier": qualifier,
                "contingent": contingent,
                "via": {"slug": via_slug, "name": via_name, "kind": via_kind} if via_slug else None,
                "citation_count": citations,
                "originator_count": originators,
            }
        )
    return series


def _point(low: int | None, best: int | None, high: int | None) -> int | None:
    """As Estimate.point: best, else the middle of the range, else the only bound."""
    return Estimate(low=low, best=best, high=high).point
