"""The floor the API benchmark compares against: the same reads as raw SQL dumped to JSON.

Served by the same gunicorn as the API (see api_floor_settings), so the difference in
throughput is what DRF, serializers, filters, pagination and throttling cost.
"""

from __future__ import annotations

import json
from collections import defaultdict

from django.db import connection
from django.http import HttpResponse
from django.urls import include, path

from tracker.queries import _PERIOD_DAYS, _series_cap

# The first page of the public estimate list (the API's default: confirmed, live,
# newest first), joined as the API joins it.
ESTIMATES_SQL = """
SELECT e.id, d.slug AS deployment, m.slug AS metric, c.number AS contingent_number,
       c.name AS contingent_name, e.low, e.best, e.high, e.qualifier, e.as_of,
       e.as_of_precision, e.period_end, s.slug AS source_slug, s.name AS source_name,
       s.kind AS source_kind, v.slug AS via_slug, v.name AS via_name, v.kind AS via_kind,
       e.credibility, e.status, e.deleted_at, e.supersedes_id, e.notes, e.citation_count,
       e.outlet_count, e.originator_count, e.version, e.created_at, e.updated_at
FROM tracker_estimate e
JOIN tracker_deployment d ON d.id = e.deployment_id
JOIN tracker_metric m ON m.id = e.metric_id
JOIN tracker_source s ON s.id = e.source_id
LEFT JOIN tracker_source v ON v.id = e.via_id
LEFT JOIN tracker_contingent c ON c.id = e.contingent_id
WHERE e.deleted_at IS NULL AND e.status = 'confirmed'
ORDER BY e.as_of DESC, e.id DESC
LIMIT %s
"""

CITATIONS_SQL = """
SELECT ci.id, ci.estimate_id, ci.article_id, a.url, a.outlet, a.title, a.published, ci.quote
FROM tracker_citation ci JOIN articles_article a ON a.id = ci.article_id
WHERE ci.estimate_id = ANY(%s)
ORDER BY ci.estimate_id, ci.id
"""

# The timeseries, as tracker.queries.timeline_series reads it for the API: the deployment
# with the metric's id, then per source a count and date span, then one point per estimate
# for the sources within their share of the point budget and one per period for the rest.
TIMESERIES_TARGET_SQL = """
SELECT d.id, d.slug, (SELECT m.id FROM tracker_metric m WHERE m.slug = %s) AS metric_id
FROM tracker_deployment d WHERE d.slug = %s
"""

TIMESERIES_SUMMARY_SQL = """
SELECT e.source_id, COUNT(e.id) AS n, MIN(e.as_of) AS first, MAX(e.as_of) AS last,
       MIN(s.slug) AS source_slug, MIN(s.name) AS source_name, MIN(s.kind) AS source_kind
FROM tracker_estimate e JOIN tracker_source s ON s.id = e.source_id
WHERE e.deployment_id = %s AND e.metric_id = %s AND e.deleted_at IS NULL AND e.status = 'confirmed'
GROUP BY 1
"""

TIMESERIES_POINTS_SQL = """
SELECT e.id, e.source_id, e.as_of, e.as_of_precision, e.period_end, e.low, e.best, e.high,
       e.qualifier, e.status, v.name AS via_name, COUNT(ci.id) AS citations
FROM tracker_estimate e
LEFT JOIN tracker_citation ci ON ci.estimate_id = e.id
LEFT JOIN tracker_source v ON v.id = e.via_id
WHERE e.deployment_id = %s AND e.metric_id = %s AND e.deleted_at IS NULL AND e.status = 'confirmed'
  AND e.source_id IN ({sources})
GROUP BY e.id, v.name
ORDER BY e.as_of, e.id
"""

# {sources} is a list of placeholders (source ids, written as Django writes an `__in`
# lookup); {bucket} a CASE choosing each source's period start (from a fixed list).
TIMESERIES_BUCKETS_SQL = """
SELECT e.source_id, {bucket} AS bucket, COUNT(e.id) AS n,
       MIN(COALESCE(e.low, e.best, e.high)) AS lowest,
       MAX(COALESCE(e.high, e.best, e.low)) AS highest,
       MIN(COALESCE(e.best, (e.low + e.high) / 2, e.low, e.high)) AS y_min,
       MAX(COALESCE(e.best, (e.low + e.high) / 2, e.low, e.high)) AS y_max,
       COALESCE(SUM(e.citation_count), 0) AS citations
FROM tracker_estimate e
WHERE e.deployment_id = %s AND e.metric_id = %s AND e.deleted_at IS NULL AND e.status = 'confirmed'
  AND e.source_id IN ({sources})
GROUP BY 1, 2
ORDER BY 1, 2
"""


def _rows(sql: str, params: list) -> list[dict]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        names = [column.name for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _json(data) -> HttpResponse:
    return HttpResponse(json.dumps(data, default=str), content_type="application/json")


def floor_estimates(request) -> HttpResponse:
    estimates = _rows(ESTIMATES_SQL, [int(request.GET.get("page_size", 100))])
    citations = _rows(CITATIONS_SQL, [[row["id"] for row in estimates]])
    return _json({"results": estimates, "citations": citations})


def _placeholders(values: list) -> str:
    return ", ".join(["%s"] * len(values))


def floor_timeseries(request, slug: str, metric: str) -> HttpResponse:
    (target,) = _rows(TIMESERIES_TARGET_SQL, [metric, slug])
    where = [target["id"], target["metric_id"]]
    summary = sorted(
        _rows(TIMESERIES_SUMMARY_SQL, where),
        key=lambda row: (row["source_name"], row["source_id"]),
    )
    # Which sources are aggregated, and by which period: the API's rule, taken from it.
    cap = _series_cap([row["n"] for row in summary])
    periods: dict[str, list[int]] = defaultdict(list)
    small = []
    for row in summary:
        if row["n"] <= cap:
            small.append(row["source_id"])
            continue
        span = (row["last"] - row["first"]).days + 1
        period = next((p for p, d in _PERIOD_DAYS.items() if span / d + 1 <= cap), "year")
        periods[period].append(row["source_id"])
    points = []
    if small:
        sql = TIMESERIES_POINTS_SQL.format(sources=_placeholders(small))
        points = _rows(sql, [*where, *small])
    buckets = []
    if periods:
        cases, params = [], []
        for period, ids in periods.items():
            start = f"CAST(DATE_TRUNC('{period}', e.as_of) AS date)"
            if period == "day":
                start = "e.as_of"
            cases.append(f"WHEN e.source_id IN ({_placeholders(ids)}) THEN {start}")
            params.extend(ids)
        every = [source for ids in periods.values() for source in ids]
        sql = TIMESERIES_BUCKETS_SQL.format(
            bucket=f"CASE {' '.join(cases)} ELSE NULL END", sources=_placeholders(every)
        )
        buckets = _rows(sql, [*params, *where, *every])
    return _json({"summary": summary, "points": points, "buckets": buckets})


urlpatterns = [
    path("floor/estimates/", floor_estimates),
    path("floor/timeseries/<slug:slug>/<slug:metric>/", floor_timeseries),
    path("", include("tracker.urls")),
]
