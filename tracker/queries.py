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
from django.db import connection
from django.db.models import (
    Case,
    Count,
    DateField,
    F,
    Func,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
    Window,
)
from django.db.models.functions import Coalesce, RowNumber

from tracker.filters import TimelineFilterSet
from tracker.models import (
    Citation,
    Contingent,
    Deployment,
    Discrepancy,
    DiscrepancyStatus,
    Estimate,
    EstimateStatus,
    Metric,
    MetricArticle,
    Qualifier,
    Source,
)
from tracker.roles import is_editor

# A source with more estimates than its cap is aggregated on the server by period (see
# `series_for_estimates`): the chart never draws more than MAX_POINTS_PER_SERIES points
# for a source, and with many sources each gets a share of MAX_POINTS_PER_CHART.
MAX_POINTS_PER_SERIES = 2000
MAX_POINTS_PER_CHART = 5000
MIN_POINTS_PER_SERIES = 10


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


def visible_statuses(user) -> list[str]:
    """The statuses of the live estimates `user` may see (EstimateQuerySet.visible_to)."""
    statuses: list[str] = [EstimateStatus.CONFIRMED]
    if is_editor(user):
        statuses.append(EstimateStatus.PROPOSED)
    return statuses


def visibility_q(user, *, prefix: str = "") -> Q:
    """EstimateQuerySet.visible_to's rule as a condition on a relation (``prefix`` is the
    path to the estimate, e.g. "estimates__"), for conditional aggregates."""
    return Q(**{f"{prefix}status__in": visible_statuses(user), f"{prefix}deleted_at__isnull": True})


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

    Each series is ``{"source": {"slug", "name", "kind"}, "aggregated": bool, "count":
    int, "points": [...]}``; each point has ``x`` (the as-of date, ISO), ``y`` (best
    figure, else the middle of the range, else the only bound), ``low`` and ``high`` (the
    range, equal to ``y`` when there is none), ``n`` (how many estimates it stands for)
    and ``citations``; a single estimate's point also has ``id``, ``figure``,
    ``qualifier``, ``via``, ``status`` and ``as_of`` (the date written to its precision),
    an aggregated one ``period`` (day, week, month or year). `filters` takes the
    timeline's GET parameters (see tracker.filters.TimelineFilterSet); a bad one raises
    ValidationError. Anonymous users and analysts get confirmed estimates only.
    """
    return series_for_estimates(timeline_estimates(deployment, metric, filters=filters, user=user))


def series_for_estimates(estimates: QuerySet[Estimate]) -> list[dict[str, Any]]:
    """Chart series from a filtered estimate queryset, in two or three bounded queries.

    1. Per source: how many estimates, the first and last as-of date, and the source's
       name (one GROUP BY returning a row per source, through the timeline indexes).
    2. Sources with at most their cap of estimates get one point per estimate, with via,
       qualifier and citation count (one query for all of them).
    3. Sources with more are aggregated in SQL by week, month or year (the finest period
       whose number of buckets over the source's span stays under the cap), each point
       spanning the lowest to the highest bound in its period (one GROUP BY for all of
       them; skipped when no source needs it).
    No step reads more rows into Python than the chart draws. The cap per source is the
    largest that keeps the whole chart under MAX_POINTS_PER_CHART points (sources with
    fewer estimates keep them all), at most MAX_POINTS_PER_SERIES and at least
    MIN_POINTS_PER_SERIES.
    """
    # Grouped by source id alone (the source's columns are constant in a group, so
    # Min picks them): PostgreSQL aggregates in index order without sorting every row.
    summary = sorted(
        estimates.order_by()
        .values("source_id")
        .annotate(
            n=Count("id"),
            first=Min("as_of"),
            last=Max("as_of"),
            source__slug=Min("source__slug"),
            source__name=Min("source__name"),
            source__kind=Min("source__kind"),
        ),
        key=lambda row: (row["source__name"], row["source_id"]),
    )
    if not summary:
        return []
    cap = _series_cap([row["n"] for row in summary])
    periods: dict[int, str] = {}
    for row in summary:
        if row["n"] > cap:
            span = (row["last"] - row["first"]).days + 1
            periods[row["source_id"]] = next(
                (p for p, d in _PERIOD_DAYS.items() if span / d + 1 <= cap), "year"
            )
    points: dict[int, list[dict[str, Any]]] = defaultdict(list)
    small = [row["source_id"] for row in summary if row["source_id"] not in periods]
    if small:
        rows = (
            estimates.filter(source_id__in=small)
            .order_by("as_of", "id")
            .annotate(n_citations=Count("citations"))
            .values_list(*_RAW_FIELDS)
        )
        for row in rows:
            points[row[1]].append(_raw_point(row))
    if periods:
        for source_id, point in _bucket_points(estimates, periods):
            points[source_id].append(point)
    return [
        {
            "source": {
                "slug": row["source__slug"],
                "name": row["source__name"],
                "kind": row["source__kind"],
            },
            "aggregated": row["source_id"] in periods,
            "period": periods.get(row["source_id"], ""),
            "count": row["n"],
            "points": points[row["source_id"]],
        }
        for row in summary
    ]


def _series_cap(counts: list[int]) -> int:
    """The most points any one series may draw: the largest number c such that the
    series, each drawing min(its count, c) points, stay under MAX_POINTS_PER_CHART
    (a water-filling over the counts, smallest first), bounded by MAX_POINTS_PER_SERIES
    and MIN_POINTS_PER_SERIES."""
    budget = MAX_POINTS_PER_CHART
    remaining = len(counts)
    cap = MAX_POINTS_PER_SERIES
    for count in sorted(counts):
        share = budget // remaining
        if count > share:
            cap = min(cap, share)
            break
        budget -= count
        remaining -= 1
    return max(MIN_POINTS_PER_SERIES, cap)


class PeriodStart(Func):
    """The first day of a date's week (Monday), month or year, in SQL. Django's Trunc
    does this on PostgreSQL but calls back into Python for every row on SQLite; SQLite's
    own date modifiers do it natively."""

    output_field = DateField()
    _SQLITE = {
        "week": "date(%(expressions)s, '-6 days', 'weekday 1')",
        "month": "date(%(expressions)s, 'start of month')",
        "year": "date(%(expressions)s, 'start of year')",
    }

    def __init__(self, expression, period: str) -> None:
        super().__init__(expression)
        self.period = period

    def as_sql(self, compiler, connection, **extra):
        if self.period not in _PERIOD_DAYS or self.period == "day":
            raise ValueError(f"Unknown period {self.period!r}.")
        return super().as_sql(
            compiler,
            connection,
            template=f"CAST(DATE_TRUNC('{self.period}', %(expressions)s) AS date)",
            **extra,
        )

    def as_sqlite(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection, template=self._SQLITE[self.period], **extra)


def _bucket_points(
    estimates: QuerySet[Estimate], periods: Mapping[int, str]
) -> Iterable[tuple[int, dict[str, Any]]]:
    """One point per source and period for the sources in `periods` (source id -> period),
    in one GROUP BY: each point sits at its period's first day, spans the lowest to the
    highest bound in it, and its y is the middle of the points in it."""
    by_period: dict[str, list[int]] = defaultdict(list)
    for source_id, period in periods.items():
        by_period[period].append(source_id)
    bucket = Case(
        *(
            When(
                source_id__in=ids,
                then=F("as_of") if period == "day" else PeriodStart("as_of", period),
            )
            for period, ids in by_period.items()
        ),
        output_field=DateField(),
    )
    rows = (
        estimates.filter(source_id__in=list(periods))
        .order_by()
        .annotate(bucket=bucket)
        .values("source_id", "bucket")
        .annotate(
            n=Count("id"),
            lowest=Min(Coalesce("low", "best", "high")),
            highest=Max(Coalesce("high", "best", "low")),
            y_min=Min(_point_expression()),
            y_max=Max(_point_expression()),
            citations=Coalesce(Sum("citation_count"), 0),
        )
        .order_by("source_id", "bucket")
    )
    for row in rows:
        yield (
            row["source_id"],
            {
                "x": row["bucket"].isoformat(),
                "y": (row["y_min"] + row["y_max"]) // 2,
                "low": row["lowest"],
                "high": row["highest"],
                "n": row["n"],
                "citations": row["citations"],
                "period": periods[row["source_id"]],
            },
        )


def series_total(series: list[dict[str, Any]]) -> int:
    """How many estimates the series stand for (the table's row count, without a query)."""
    return sum(s["count"] for s in series)


_RAW_FIELDS = (
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

# Periods long series are aggregated by, finest first, with their length in days.
_PERIOD_DAYS = {"day": 1, "week": 7, "month": 31, "year": 366}


class _Figure:
    """An estimate's figures without a model instance: the properties of Estimate, for
    rows read with values_list (building thousands of model instances is slow)."""

    __slots__ = ("as_of", "as_of_precision", "best", "high", "low", "period_end", "qualifier")
    Qualifier = Qualifier
    figure_display = Estimate.figure_display
    as_of_display = Estimate.as_of_display
    point = Estimate.point

    def __init__(self, row: tuple) -> None:
        (_, _, self.as_of, self.as_of_precision, self.period_end, self.low, self.best,
         self.high, self.qualifier) = row[:9]  # fmt: skip


_QUALIFIER_LABELS = dict(Qualifier.choices)


def _raw_point(row: tuple) -> dict[str, Any]:
    figure = _Figure(row)
    y = figure.point
    return {
        "x": figure.as_of.isoformat(),
        "y": y,
        "low": figure.low if figure.low is not None else y,
        "high": figure.high if figure.high is not None else y,
        "n": 1,
        "id": row[0],
        "figure": figure.figure_display,
        "as_of": figure.as_of_display,
        "qualifier": _QUALIFIER_LABELS.get(figure.qualifier, figure.qualifier),
        "status": row[9],
        "via": row[10] or "",
        "citations": row[11],
    }


def with_citing_articles(estimates: QuerySet[Estimate]) -> QuerySet[Estimate]:
    """Estimates with what a table row shows: source, via, contingent, metric (joined) and
    their citations with each citation's article (one more query for all rows)."""
    return estimates.select_related("contingent", "metric", "source", "via").prefetch_related(
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


# How many sources' latest figures a headline tile lists (the newest ones); the range
# and the source count still cover every source.
LATEST_SHOWN = 12


@dataclass
class MetricHeadline:
    """A deployment's headline for one metric: the range across each source's latest
    figure, how many sources gave one, and the newest few of those figures."""

    metric: Metric
    latest: list[Estimate] = field(default_factory=list)
    article_count: int = 0
    source_count: int = 0
    low: int | None = None
    high: int | None = None

    @property
    def newest(self) -> Estimate | None:
        return max(self.latest, key=lambda e: (e.as_of, e.pk), default=None)


def latest_per_source(
    estimates: QuerySet[Estimate], *, shown: int | None = None, ranked: list[tuple] | None = None
) -> tuple[list[Estimate], list[tuple]]:
    """Each source's newest estimate per metric (newest as-of date, then newest row).

    Two queries: `latest_rows` (skipped when `ranked` gives its result, e.g. from a
    cache), then the estimates shown are loaded with metric, source and via joined. With
    `shown`, only the newest `shown` per metric are loaded. Returns the loaded estimates,
    sorted by metric and source name, and every latest row's tuple. Earlier figures stay
    on the timelines as the trail.
    """
    if ranked is None:
        ranked = latest_rows(estimates)
    if not ranked:
        return [], []
    by_metric: dict[int, list[tuple]] = defaultdict(list)
    for row in ranked:
        by_metric[row[1]].append(row)
    ids = [
        row[0]
        for rows in by_metric.values()
        for row in sorted(rows, key=lambda r: (r[5], r[0]), reverse=True)[:shown]
    ]
    loaded = estimates.filter(id__in=ids).with_related()
    return sorted(loaded, key=lambda e: (e.metric.sort_order, e.source.name)), ranked


def latest_rows(estimates: QuerySet[Estimate]) -> list[tuple]:
    """Each (metric, source)'s newest estimate as a light tuple ``(id, metric_id, low,
    best, high, as_of)``, in one query: a window ranks each (metric, source)'s rows newest
    first and keeps the first (the partial index on (deployment, metric, source, -as_of,
    -id) gives that order without a sort)."""
    return list(
        estimates.order_by()
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("metric_id"), F("source_id")],
                order_by=[F("as_of").desc(), F("id").desc()],
            )
        )
        .filter(rank=1)
        .values_list("id", "metric_id", "low", "best", "high", "as_of")
    )


def latest_rows_by_probe(deployment: Deployment, *, user: Any) -> list[tuple]:
    """What `latest_rows` gives for the deployment's estimates visible to `user`, read
    on PostgreSQL by one index probe per (metric, source) pair (a LATERAL join over the
    short metric and source tables, each probe the first entry of estimate_latest_cover_idx
    for the pair): its cost follows the number of sources, not of estimates. The metric
    ids come through an array so that the planner counts a few metrics rather than its
    default guess for a never-analysed small table, which made it compile the query (JIT,
    tens of milliseconds)."""
    statuses = visible_statuses(user)
    sql = f"""
        SELECT e.id, e.metric_id, e.low, e.best, e.high, e.as_of
        FROM unnest(ARRAY(SELECT id FROM {Metric._meta.db_table})) AS m (id)
        CROSS JOIN {Source._meta.db_table} s
        CROSS JOIN LATERAL (
            SELECT x.id, x.metric_id, x.low, x.best, x.high, x.as_of
            FROM {Estimate._meta.db_table} x
            WHERE x.deployment_id = %s AND x.metric_id = m.id AND x.source_id = s.id
              AND x.status IN ({", ".join(["%s"] * len(statuses))})
              AND x.deleted_at IS NULL
            ORDER BY x.as_of DESC, x.id DESC
            LIMIT 1
        ) e
    """  # noqa: S608 (table names from the models, values as parameters)
    with connection.cursor() as cursor:
        cursor.execute(sql, [deployment.pk, *statuses])
        return [tuple(row) for row in cursor.fetchall()]


@dataclass(frozen=True)
class HeadlineFigures:
    """What the headline tiles compute over all of a deployment's visible estimates (the
    part whose cost grows with the data, plain values that can be cached): every latest
    row (see `latest_rows`) and the number of distinct articles citing each metric."""

    latest: list[tuple]
    articles_per_metric: dict[int, int]


def headline_figures(deployment: Deployment, *, user: Any) -> HeadlineFigures:
    """Two queries: the latest row of each source per metric (`latest_rows_by_probe` on
    PostgreSQL, `latest_rows` elsewhere), and the number of distinct articles citing each
    metric's visible estimates (`articles_per_metric`)."""
    estimates = visible_estimates(user).filter(deployment=deployment)
    if connection.vendor == "postgresql":
        latest = latest_rows_by_probe(deployment, user=user)
    else:
        latest = latest_rows(estimates)
    return HeadlineFigures(
        latest=latest, articles_per_metric=articles_per_metric(deployment, user=user)
    )


def articles_per_metric(deployment: Deployment, *, user: Any) -> dict[int, int]:
    """How many distinct articles cite the deployment's estimates of each metric that
    `user` may see, in one query. On PostgreSQL it counts the rows of the MetricArticle
    roll-up (one per metric and article, read from its unique index alone) rather than
    joining every citation to its estimate; elsewhere, where no trigger keeps the roll-up,
    it joins them."""
    if connection.vendor == "postgresql":
        # A row counts when the article cites an estimate of a status `user` may see.
        cites_visible = Q()
        for status in visible_statuses(user):
            cites_visible |= Q(**{f"{status}__gt": 0})
        rows = (
            MetricArticle.objects.filter(cites_visible, deployment=deployment)
            .values("metric_id")
            .annotate(articles=Count("*"))
            .order_by()
            .values_list("metric_id", "articles")
        )
    else:
        rows = (
            Citation.objects.filter(visibility_q(user, prefix="estimate__"))
            .filter(estimate__deployment=deployment)
            .values("estimate__metric_id")
            .annotate(articles=Count("article_id", distinct=True))
            .order_by()
            .values_list("estimate__metric_id", "articles")
        )
    return dict(rows)


def metric_headlines(
    deployment: Deployment, *, user: Any, figures: HeadlineFigures | None = None
) -> list[MetricHeadline]:
    """Headline tiles for a deployment, in three queries: the two of `headline_figures`
    (skipped when `figures` gives them) and the newest LATEST_SHOWN latest estimates of
    each metric, loaded for the tile's list."""
    if figures is None:
        figures = headline_figures(deployment, user=user)
    estimates = visible_estimates(user).filter(deployment=deployment)
    shown, ranked = latest_per_source(estimates, shown=LATEST_SHOWN, ranked=figures.latest)
    headlines: dict[int, MetricHeadline] = {}
    for estimate in shown:
        headlines.setdefault(estimate.metric_id, MetricHeadline(estimate.metric))
        headlines[estimate.metric_id].latest.append(estimate)
    for _, metric_id, *values, _ in ranked:
        if metric_id not in headlines:  # its estimates changed since `figures` was read
            continue
        headline = headlines[metric_id]
        headline.source_count += 1
        present = [v for v in values if v is not None]
        low, high = min(present), max(present)
        headline.low = low if headline.low is None else min(headline.low, low)
        headline.high = high if headline.high is None else max(headline.high, high)
    for metric_id, articles in figures.articles_per_metric.items():
        if metric_id in headlines:
            headlines[metric_id].article_count = articles
    return list(headlines.values())


def contingents_with_strength(deployment: Deployment, *, user: Any) -> QuerySet[Contingent]:
    """The deployment's contingents, each annotated (one query) with what the visible
    `deployed` estimates for it say: strength_low, strength_high, strength_estimates and
    strength_sources.

    Each figure is a subquery over the contingent's own `deployed` estimates, which
    estimate_strength_idx holds with their bounds (for readers who see confirmed
    estimates only): a few index-only scans per contingent, where a join to every
    estimate of every contingent, of all metrics, read the table."""
    deployed = (
        Estimate.objects.filter(visibility_q(user))
        .filter(contingent=OuterRef("pk"), metric__slug="deployed")
        .order_by()
        .values("contingent")
    )

    def figure(aggregate):
        return Subquery(deployed.annotate(value=aggregate).values("value"))

    return (
        Contingent.objects.filter(deployment=deployment)
        .annotate(
            strength_low=figure(Min(Coalesce("low", "best"))),
            strength_high=figure(Max(Coalesce("high", "best"))),
            strength_estimates=Coalesce(figure(Count("*")), 0),
            strength_sources=Coalesce(figure(Count("source", distinct=True)), 0),
        )
        .order_by("number")
    )


def newest_articles(deployment: Deployment, *, user: Any, limit: int = 6) -> QuerySet:
    """The newest articles citing the deployment's visible estimates (one query)."""
    cited = (
        Citation.objects.filter(visibility_q(user, prefix="estimate__"))
        .filter(estimate__deployment=deployment)
        .values("article_id")
    )
    return (
        article_model()
        .objects.filter(pk__in=cited)
        .only("id", "title", "outlet", "published")  # not the text
        .order_by("-published", "-id")[:limit]
    )


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
