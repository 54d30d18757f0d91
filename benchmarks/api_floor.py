"""The floor the API benchmark compares against: the same reads as raw SQL dumped to JSON.

Served by the same gunicorn as the API (see api_floor_settings), so the difference in
throughput is what DRF, serializers, filters, pagination and throttling cost.
"""

from __future__ import annotations

import json

from django.db import connection
from django.http import HttpResponse
from django.urls import include, path

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

TIMESERIES_SQL = """
SELECT e.id, s.slug AS source_slug, s.name AS source_name, s.kind AS source_kind, e.as_of,
       e.as_of_precision, e.period_end, e.low, e.best, e.high, e.qualifier,
       c.number AS contingent, v.slug AS via_slug, v.name AS via_name, v.kind AS via_kind,
       e.citation_count, e.originator_count
FROM tracker_estimate e
JOIN tracker_deployment d ON d.id = e.deployment_id
JOIN tracker_metric m ON m.id = e.metric_id
JOIN tracker_source s ON s.id = e.source_id
LEFT JOIN tracker_source v ON v.id = e.via_id
LEFT JOIN tracker_contingent c ON c.id = e.contingent_id
WHERE d.slug = %s AND m.slug = %s AND e.status = 'confirmed' AND e.deleted_at IS NULL
ORDER BY s.name, s.id, e.as_of, e.id
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


def floor_timeseries(request, slug: str, metric: str) -> HttpResponse:
    return _json({"points": _rows(TIMESERIES_SQL, [slug, metric])})


urlpatterns = [
    path("floor/estimates/", floor_estimates),
    path("floor/timeseries/<slug:slug>/<slug:metric>/", floor_timeseries),
    path("", include("tracker.urls")),
]
