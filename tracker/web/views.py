"""The analyst pages: thin views over tracker.queries, each with a CSV twin (?format=csv)."""

from __future__ import annotations

import json

from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from tracker import queries
from tracker.filters import TimelineFilterSet
from tracker.models import (
    Citation,
    Deployment,
    Discrepancy,
    DiscrepancyStatus,
    Estimate,
    EstimateStatus,
    Metric,
    Source,
)
from tracker.roles import is_editor
from tracker.web import cache
from tracker.web.export import ESTIMATE_HEADER, csv_response, estimate_rows, wants_csv

PAGE_SIZE = 50


def _page(request, items, size: int = PAGE_SIZE, *, count: int | None = None):
    paginator = Paginator(items, size)
    if count is not None:
        paginator.count = count  # known already; spares a COUNT over a long table
    return paginator.get_page(request.GET.get("page"))


@require_safe
def home(request):
    deployments = list(cache.with_data_version(Deployment.objects.all()))
    if len(deployments) == 1:
        return redirect(deployments[0])
    if deployments:
        # Counting every deployment's estimates reads them all (half a second at a
        # million): the counts come from the cache while the data version holds.
        statuses = tuple(queries.visible_statuses(request.user))
        key = cache.cache_key("home", cache.data_version(deployments[0]), statuses)
        counts = cache.cached(key, lambda: _estimate_counts(statuses))
        for deployment in deployments:
            deployment.estimate_count = counts.get(deployment.pk, 0)
    return render(request, "tracker/home.html", {"deployments": deployments})


def _estimate_counts(statuses: tuple) -> dict[int, int]:
    rows = (
        Estimate.objects.filter(status__in=statuses, deleted_at__isnull=True)
        .values("deployment_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    return {row["deployment_id"]: row["n"] for row in rows}


@require_safe
def deployment_overview(request, slug: str):
    deployment = get_object_or_404(cache.with_data_version(Deployment.objects.all()), slug=slug)
    user = request.user
    # The aggregates over all the deployment's estimates come from the cache while the
    # data version stays the same (tracker/web/cache.py); the rest is read each time.
    key = cache.cache_key(
        "overview", cache.data_version(deployment), deployment.pk, is_editor(user)
    )
    figures, contingents = cache.cached(
        key,
        lambda: (
            queries.headline_figures(deployment, user=user),
            list(queries.contingents_with_strength(deployment, user=user)),
        ),
    )
    context = {
        "deployment": deployment,
        "metrics": Metric.objects.all(),
        "headlines": queries.metric_headlines(deployment, user=user, figures=figures),
        "contingents": contingents,
        "articles": queries.newest_articles(deployment, user=user),
        "discrepancies": queries.discrepancies_for(
            deployment, user=user, statuses=[DiscrepancyStatus.OPEN]
        )[:10],
    }
    return render(request, "tracker/overview.html", context)


@require_safe
def timeline(request, slug: str, metric_slug: str):
    deployment = get_object_or_404(cache.with_data_version(Deployment.objects.all()), slug=slug)
    # The metrics table is short and the nav lists them all: one query serves both.
    metrics = list(Metric.objects.all())
    metric = next((m for m in metrics if m.slug == metric_slug), None)
    if metric is None:
        raise Http404("No such metric.")
    filterset = TimelineFilterSet(
        request.GET,
        queryset=Estimate.objects.filter(deployment=deployment, metric=metric),
        deployment=deployment,
        user=request.user,
    )
    if not filterset.is_valid():
        context = {
            "deployment": deployment,
            "metric": metric,
            "metrics": metrics,
            "filterset": filterset,
        }
        return render(request, "tracker/timeline.html", context, status=400)
    estimates = filterset.qs
    if wants_csv(request):
        rows = queries.with_citing_articles(estimates).order_by("as_of", "id")
        return csv_response(
            f"{deployment.slug}-{metric.slug}.csv",
            ESTIMATE_HEADER,
            estimate_rows(rows.iterator(chunk_size=2000)),
        )
    # The series read every estimate of the timeline: cached while the data version stays
    # the same, under the filtered query itself and the point caps that shape them, and
    # already as the JSON the page embeds (no objects to rebuild, no encoding per view).
    key = cache.cache_key(
        "series",
        cache.data_version(deployment),
        cache.queryset_identity(estimates),
        queries.MAX_POINTS_PER_SERIES,
        queries.MAX_POINTS_PER_CHART,
        queries.MIN_POINTS_PER_SERIES,
    )
    chart = cache.cached(key, lambda: _chart_series(queries.series_for_estimates(estimates)))
    # The JSON of a json_script element (read by timeline.js), the cached series spliced
    # in; every part is escaped by script_json.
    chart_json = mark_safe(  # noqa: S308
        "".join(
            [
                '{"metric":',
                script_json(metric.name),
                ',"estimate_url":',
                script_json(reverse("estimate-detail", args=[0])),
                ',"series":',
                chart["series_json"],
                "}",
            ]
        )
    )
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "deployment": deployment,
        "metric": metric,
        "metrics": metrics,
        "filterset": filterset,
        "aggregated": chart["aggregated"],
        "chart_json": chart_json,
        # The series already counted the estimates: the paginator needs no COUNT query.
        "page": _page(request, queries.with_citing_articles(estimates), count=chart["total"]),
        "query": query.urlencode(),
    }
    return render(request, "tracker/timeline.html", context)


# What json_script escapes, so that nothing in the JSON can end the script element.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def script_json(value) -> str:
    """`value` as JSON safe inside <script type="application/json">, as json_script does."""
    return json.dumps(value, cls=DjangoJSONEncoder, separators=(",", ":")).translate(
        _SCRIPT_ESCAPES
    )


def _chart_series(series: list[dict]) -> dict:
    """What the timeline keeps of its series: their JSON, the aggregated ones' summary
    (for the note above the chart) and the number of estimates they stand for."""
    return {
        "series_json": script_json(series),
        "aggregated": [
            {"source": s["source"]["name"], "count": s["count"], "period": s["period"]}
            for s in series
            if s["aggregated"]
        ],
        "total": queries.series_total(series),
    }


@require_safe
def contingents(request, slug: str):
    deployment = get_object_or_404(Deployment, slug=slug)
    rows = queries.contingents_with_strength(deployment, user=request.user)
    if wants_csv(request):
        return csv_response(
            f"{deployment.slug}-contingents.csv",
            ["number", "name", "period", "location", "status", "low", "high", "estimates"],
            (
                [
                    c.number,
                    c.name,
                    c.period_display,
                    c.location,
                    c.get_status_display(),
                    c.strength_low,
                    c.strength_high,
                    c.strength_estimates,
                ]
                for c in rows
            ),
        )
    context = {"deployment": deployment, "contingents": rows, "metrics": Metric.objects.all()}
    return render(request, "tracker/contingents.html", context)


@require_safe
def discrepancies(request, slug: str):
    deployment = get_object_or_404(Deployment, slug=slug)
    status = request.GET.get("status", "")
    if status and status not in DiscrepancyStatus.values:
        raise Http404("Unknown discrepancy status.")
    rows = queries.discrepancies_for(
        deployment, user=request.user, statuses=[status] if status else None
    )
    if wants_csv(request):
        return csv_response(
            f"{deployment.slug}-discrepancies.csv",
            ["id", "kind", "status", "metric", "contingent", "reason", "estimates"],
            (
                [
                    d.pk,
                    d.kind,
                    d.status,
                    d.metric.slug if d.metric else "",
                    d.contingent.name if d.contingent else "",
                    d.reason,
                    " ".join(str(e.pk) for e in d.visible_estimates),
                ]
                for d in rows
            ),
        )
    context = {
        "deployment": deployment,
        "page": _page(request, rows),
        "status": status,
        "statuses": DiscrepancyStatus.choices,
        "query": f"status={status}" if status else "",
        "metrics": Metric.objects.all(),
    }
    return render(request, "tracker/discrepancies.html", context)


@require_safe
def source_detail(request, slug: str):
    source = get_object_or_404(
        cache.with_data_version(
            Source.objects.select_related("parent").prefetch_related("aliases", "children")
        ),
        slug=slug,
    )
    given = queries.visible_estimates(request.user).filter(Q(source=source) | Q(via=source))
    estimates = queries.with_citing_articles(given)
    if wants_csv(request):
        return csv_response(
            f"source-{source.slug}.csv",
            ESTIMATE_HEADER,
            estimate_rows(estimates.order_by("as_of", "id").iterator(chunk_size=2000)),
        )
    cited = Citation.objects.filter(
        estimate__in=queries.visible_estimates(request.user).filter(
            Q(source=source) | Q(via=source)
        )
    ).values("article_id")
    articles = queries.article_model().objects.filter(pk__in=cited).order_by("-published", "-id")
    # Counting a prolific source's figures for the pager reads them all (0.2 s at a
    # million estimates): the count is kept while the data version holds.
    key = cache.cache_key(
        "source-count", cache.data_version(source), cache.queryset_identity(given)
    )
    count = cache.cached(key, given.count)
    context = {
        "source": source,
        "page": _page(request, estimates, count=count),
        "articles": articles[:PAGE_SIZE],
    }
    return render(request, "tracker/source_detail.html", context)


@require_safe
def estimate_detail(request, pk: int):
    visible = queries.visible_estimates(request.user)
    estimate = get_object_or_404(
        visible.with_related()
        .select_related("supersedes")
        .prefetch_related(
            Prefetch(
                "citations",
                queryset=Citation.objects.select_related("article").order_by(
                    "article__published", "id"
                ),
            ),
            Prefetch(
                "superseded_by",
                queryset=visible.select_related("source"),
                to_attr="visible_superseded_by",
            ),
            Prefetch(
                "discrepancies",
                queryset=Discrepancy.objects.select_related("metric"),
            ),
        ),
        pk=pk,
    )
    editor = is_editor(request.user)
    supersedes = estimate.supersedes
    if supersedes is not None and not _visible(supersedes, editor=editor):
        supersedes = None
    context = {"estimate": estimate, "supersedes": supersedes, "editor": editor}
    return render(request, "tracker/estimate_detail.html", context)


def _visible(estimate: Estimate, *, editor: bool) -> bool:
    """EstimateQuerySet.visible_to's rule, for an estimate already loaded."""
    if estimate.deleted_at is not None:
        return False
    allowed = {EstimateStatus.CONFIRMED, EstimateStatus.PROPOSED} if editor else {"confirmed"}
    return estimate.status in allowed
