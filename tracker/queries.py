"""Reusable reads for the analyst pages and the API: timelines, headline figures, contingents.

Every function runs a fixed number of queries whatever the amount of data (the page tests
pin those numbers), and none of them writes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    Max,
    Min,
    Prefetch,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
    Window,
)
from django.db.models.functions import Coalesce, RowNumber

from tracker.models import (
    Citation,
    Contingent,
    Deployment,
    Discrepancy,
    DiscrepancyStatus,
    Estimate,
    EstimateStatus,
    Metric,
)

# A dataset with more estimates than this is aggregated on the server (see
# `series_for_estimates`), so the chart never draws more than this many points per source.
MAX_POINTS_PER_SERIES = 2000


def article_model():
    """The ingestion app's Article, referred to by name as Citation.article is: the domain
    does not import ingestion's code."""
    return apps.get_model("articles", "Article")


def visible_estimates(user, *, include_proposed: bool = True) -> QuerySet[Estimate]:
    """What `user` may see on an analyst page: confirmed estimates, and for editors who ask
    for them the proposed ones too. Rejected and deleted estimates never appear."""
    estimates = Estimate.objects.visible_to(user)
    if not include_proposed:
        estimates = estimates.filter(status=EstimateStatus.CONFIRMED)
    return estimates


# --- Timelines -------------------------------------------------------------------------


def _point_expression():
    """The one number plotted for an estimate, in SQL; the same rule as Estimate.point."""
    return Coalesce(
        "best",
        (F("low") + F("high")) / Value(2),
        "low",
        "high",
        output_field=IntegerField(),
    )


def timeline_estimates(
    deployment: Deployment,
    metric: Metric,
    *,
    filters: Mapping[str, Any] | None = None,
    user: Any = None,
) -> QuerySet[Estimate]:
    """The estimates of one timeline, filtered as the timeline page's GET form filters them
    (`tracker.web.filters.TimelineFilterSet`: date_from, date_to, source, kind, contingent,
    include_proposed). Raises ValidationError naming each bad filter."""
    from tracker.web.filters import TimelineFilterSet

    filterset = TimelineFilterSet(
        filters or {},
        queryset=Estimate.objects.filter(deployment=deployment, metric=metric),
        deployment=deployment,
        user=user,
    )
    if not filterset.is_valid():
        raise ValidationError(filterset.errors)
    return filterset.qs


def timeline_series(
    deployment: Deployment,
    metric: Metric,
    *,
    filters: Mapping[str, Any] | None = None,
    user: Any = None,
) -> list[dict[str, Any]]:
    """One series per source for a metric's timeline, as plain JSON-ready data.

    Each series is ``{"source": {"slug", "name", "kind"}, "aggregated": bool, "points":
    [...]}``; each point has ``x`` (the as-of date, ISO), ``y`` (best figure, else the
    middle of the range, else the only bound), ``low`` and ``high`` (the range, equal to
    ``y`` when there is none), ``n`` (how many estimates it stands for), ``citations``,
    and for a single estimate also ``id``, ``qualifier``, ``via``, ``status`` and
    ``as_of`` (the date written to its precision). See `series_for_estimates`.
    """
    return series_for_estimates(timeline_estimates(deployment, metric, filters=filters, user=user))


def series_for_estimates(estimates: QuerySet[Estimate]) -> list[dict[str, Any]]:
    """Chart series from a filtered estimate queryset, in two queries (three at most).

    1. Per source and as-of day: how many estimates, their lowest and highest bound,
       mean point and citations (one GROUP BY; this also sizes each source's series).
    2. Sources with at most MAX_POINTS_PER_SERIES estimates get one point per estimate,
       with via, qualifier and citation count (one query for all of them).
    Sources with more are drawn from the per-day groups of query 1, merged further into
    equal spans of days when there are still too many. The sources' names come with
    query 1, so no query runs per source.
    """
    point = _point_expression()
    groups = list(
        estimates.order_by()
        .values("source_id", "source__slug", "source__name", "source__kind", "as_of")
        .annotate(
            n=Count("id"),
            lowest=Min(Coalesce("low", "best", "high")),
            highest=Max(Coalesce("high", "best", "low")),
            y=Min(point),
            y_max=Max(point),
            citations=Coalesce(Sum("citation_count"), 0),
        )
        .order_by("source__name", "as_of")
    )
    by_source: dict[int, list[dict[str, Any]]] = defaultdict(list)
    sources: dict[int, dict[str, str]] = {}
    for row in groups:
        by_source[row["source_id"]].append(row)
        sources[row["source_id"]] = {
            "slug": row["source__slug"],
            "name": row["source__name"],
            "kind": row["source__kind"],
        }
    small = [
        source_id
        for source_id, rows in by_source.items()
        if sum(r["n"] for r in rows) <= MAX_POINTS_PER_SERIES
    ]
    raw: dict[int, list[dict[str, Any]]] = defaultdict(list)
    if small:
        rows = (
            estimates.filter(source_id__in=small)
            .order_by("as_of", "id")
            .annotate(n_citations=Count("citations"))
            .values(
                "id",
                "source_id",
                "as_of",
                "as_of_precision",
                "period_end",
                "low",
                "best",
                "high",
                "qualifier",
                "status",
                "via__name",
                "n_citations",
            )
        )
        for row in rows:
            raw[row["source_id"]].append(_raw_point(row))
    series = []
    for source_id, rows in by_source.items():
        aggregated = source_id not in raw
        points = _aggregate_points(rows) if aggregated else raw[source_id]
        series.append({"source": sources[source_id], "aggregated": aggregated, "points": points})
    return series


def _raw_point(row: dict[str, Any]) -> dict[str, Any]:
    estimate = Estimate(
        low=row["low"],
        best=row["best"],
        high=row["high"],
        qualifier=row["qualifier"],
        as_of=row["as_of"],
        as_of_precision=row["as_of_precision"],
        period_end=row["period_end"],
    )
    y = estimate.point
    return {
        "x": row["as_of"].isoformat(),
        "y": y,
        "low": row["low"] if row["low"] is not None else y,
        "high": row["high"] if row["high"] is not None else y,
        "n": 1,
        "id": row["id"],
        "figure": estimate.figure_display,
        "as_of": estimate.as_of_display,
        "qualifier": estimate.get_qualifier_display(),
        "status": row["status"],
        "via": row["via__name"] or "",
        "citations": row["n_citations"],
    }


def _aggregate_points(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per-day groups merged into at most MAX_POINTS_PER_SERIES points of equal day spans.

    A merged point is drawn at its first day, spans the lowest to the highest bound of the
    estimates in it, and its y is the middle of their points' range.
    """
    span = 1
    if len(rows) > MAX_POINTS_PER_SERIES:
        days = (rows[-1]["as_of"] - rows[0]["as_of"]).days + 1
        span = -(-days // MAX_POINTS_PER_SERIES)  # ceiling division
    start = rows[0]["as_of"]
    buckets: dict[int, dict[str, Any]] = {}
    for row in rows:
        key = (row["as_of"] - start).days // span
        bucket = buckets.get(key)
        if bucket is None:
            buckets[key] = bucket = {**row}
            continue
        bucket["n"] += row["n"]
        bucket["citations"] += row["citations"]
        bucket["lowest"] = min(bucket["lowest"], row["lowest"])
        bucket["highest"] = max(bucket["highest"], row["highest"])
        bucket["y"] = min(bucket["y"], row["y"])
        bucket["y_max"] = max(bucket["y_max"], row["y_max"])
    points = []
    for bucket in buckets.values():
        y = (bucket["y"] + bucket["y_max"]) // 2
        points.append(
            {
                "x": bucket["as_of"].isoformat(),
                "y": y,
                "low": bucket["lowest"],
                "high": bucket["highest"],
                "n": bucket["n"],
                "citations": bucket["citations"],
                "span_days": span,
            }
        )
    return points


def with_citing_articles(estimates: QuerySet[Estimate]) -> QuerySet[Estimate]:
    """Estimates with what a table row shows: source, via, contingent, metric (joined) and
    their citations with each citation's article (one more query for all rows)."""
    return estimates.with_related().prefetch_related(
        Prefetch(
            "citations",
            queryset=Citation.objects.select_related("article")
            .only(
                "id",
                "estimate_id",
                "quote",
                "article__id",
                "article__title",
                "article__url",
                "article__outlet",
                "article__published",
            )
            .order_by("article__published", "id"),
        )
    )


# --- Overview --------------------------------------------------------------------------


@dataclass
class MetricHeadline:
    """A deployment's headline for one metric: each source's latest figure."""

    metric: Metric
    latest: list[Estimate] = field(default_factory=list)
    article_count: int = 0

    @property
    def source_count(self) -> int:
        return len(self.latest)

    @property
    def low(self) -> int | None:
        values = [v for e in self.latest for v in (e.low, e.best, e.high) if v is not None]
        return min(values) if values else None

    @property
    def high(self) -> int | None:
        values = [v for e in self.latest for v in (e.low, e.best, e.high) if v is not None]
        return max(values) if values else None

    @property
    def newest(self) -> Estimate | None:
        return max(self.latest, key=lambda e: (e.as_of, e.pk), default=None)


def latest_per_source(estimates: QuerySet[Estimate]) -> QuerySet[Estimate]:
    """Each source's newest estimate per metric (newest as-of date, then newest row).

    One query: a window numbers each source's estimates of a metric newest first and
    only the first is kept. Earlier figures stay on the timelines as the trail.
    """
    return (
        estimates.annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("metric_id"), F("source_id")],
                order_by=[F("as_of").desc(), F("id").desc()],
            )
        )
        .filter(rank=1)
        .with_related()
        .order_by("metric__sort_order", "source__name")
    )


def metric_headlines(deployment: Deployment, *, user: Any) -> list[MetricHeadline]:
    """Headline tiles for a deployment, in two queries: the latest estimate of each source
    per metric (with its metric, source and via joined), and the number of distinct
    articles citing each metric's visible estimates."""
    estimates = visible_estimates(user).filter(deployment=deployment)
    headlines: dict[int, MetricHeadline] = {}
    for estimate in latest_per_source(estimates):
        headline = headlines.setdefault(estimate.metric_id, MetricHeadline(estimate.metric))
        headline.latest.append(estimate)
    counts = (
        Citation.objects.filter(estimate__in=estimates)
        .values("estimate__metric_id")
        .annotate(articles=Count("article_id", distinct=True))
        .order_by()
    )
    for row in counts:
        if row["estimate__metric_id"] in headlines:
            headlines[row["estimate__metric_id"]].article_count = row["articles"]
    return list(headlines.values())


def contingents_with_strength(deployment: Deployment, *, user: Any) -> QuerySet[Contingent]:
    """The deployment's contingents, each annotated (one query) with what the visible
    `deployed` estimates for it say: strength_low, strength_high, strength_estimates and
    strength_sources."""
    visible = Q(estimates__in=visible_estimates(user).filter(metric__slug="deployed"))
    return (
        Contingent.objects.filter(deployment=deployment)
        .annotate(
            strength_low=Min(Coalesce("estimates__low", "estimates__best"), filter=visible),
            strength_high=Max(Coalesce("estimates__high", "estimates__best"), filter=visible),
            strength_estimates=Count("estimates", filter=visible, distinct=True),
            strength_sources=Count("estimates__source", filter=visible, distinct=True),
        )
        .order_by("number")
    )


def newest_articles(deployment: Deployment, *, user: Any, limit: int = 6) -> QuerySet:
    """The newest articles citing the deployment's visible estimates (one query)."""
    cited = Citation.objects.filter(
        estimate__in=visible_estimates(user).filter(deployment=deployment)
    ).values("article_id")
    return article_model().objects.filter(pk__in=cited).order_by("-published", "-id")[:limit]


def discrepancies_for(
    deployment: Deployment, *, user: Any, statuses: Iterable[str] | None = None
) -> QuerySet[Discrepancy]:
    """The deployment's discrepancies, open first, with metric and contingent joined and
    the estimates involved that `user` may see (one more query for all of them)."""
    discrepancies = Discrepancy.objects.filter(deployment=deployment)
    if statuses is not None:
        discrepancies = discrepancies.filter(status__in=list(statuses))
    return (
        discrepancies.select_related("metric", "contingent")
        .prefetch_related(
            Prefetch(
                "estimates",
                queryset=visible_estimates(user).select_related("source", "metric"),
                to_attr="visible_estimates",
            )
        )
        .annotate(
            open_first=Case(
                When(status=DiscrepancyStatus.OPEN, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("open_first", "-created_at")
    )
