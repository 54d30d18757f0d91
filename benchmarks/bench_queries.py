"""Server time of the main reads, at each database size, with their query plans.

The querysets are the reads the pages and the API make (written here with the ORM as they
will be: QuerySet methods of tracker.models plus ordering and a page limit). Each is timed
in-process, and its EXPLAIN (ANALYZE, BUFFERS) at the largest size goes into the doc.
"""

from __future__ import annotations

import re
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

from benchmarks.harness import BenchContext

RUNS = 15
WARM_UP = 2
PAGE = 50
TIMELINE_LIMIT = 500


@dataclass(frozen=True)
class Read:
    name: str
    what: str
    make: Callable[[dict], object]  # the chosen deployment/metric/cursor -> a queryset
    plan: bool = True


def _timeline(p):
    from tracker.models import Estimate

    return (
        Estimate.objects.confirmed()
        .filter(deployment=p["deployment"], metric=p["metric"])
        .with_related()
        .order_by("-as_of", "-id")[:TIMELINE_LIMIT]
    )


def _latest_per_source(p):
    """The newest confirmed estimate of each source, found by one index probe per source."""
    from django.db.models import OuterRef, Subquery

    from tracker.models import Estimate, Source

    newest = (
        Estimate.objects.confirmed()
        .filter(deployment=p["deployment"], metric=p["metric"], source=OuterRef("pk"))
        .order_by("-as_of", "-id")
        .values("id")[:1]
    )
    # Sources without one give NULL, which matches no id.
    ids = Source.objects.annotate(newest=Subquery(newest)).values("newest")
    return Estimate.objects.filter(id__in=ids).with_related().order_by("-as_of", "-id")


def _overview(p):
    """Per metric: how many estimates, their range and latest date (the overview cards)."""
    from django.db.models import Count, Max, Min

    from tracker.models import Estimate

    return (
        Estimate.objects.confirmed()
        .filter(deployment=p["deployment"])
        .values("metric_id")
        .annotate(n=Count("id"), low=Min("low"), high=Max("high"), latest=Max("as_of"))
        .order_by("metric_id")
    )


def _sync_page(p):
    """API incremental sync: the next page after a cursor on (updated_at, id)."""
    from tracker.models import Estimate

    updated_at, pk = p["cursor"]
    # ">= the cursor's time, minus the rows at that time already seen" lets the index
    # bound the scan; an OR of the two cases would not.
    return (
        Estimate.objects.confirmed()
        .filter(updated_at__gte=updated_at)
        .exclude(updated_at=updated_at, id__lte=pk)
        .with_related()
        .order_by("updated_at", "id")[:PAGE]
    )


def _most_corroborated(p):
    from tracker.models import Estimate

    return (
        Estimate.objects.confirmed()
        .filter(deployment=p["deployment"])
        .with_related()
        .order_by("-originator_count", "-citation_count", "-id")[:PAGE]
    )


def _review_queue(p):
    from tracker.models import Estimate

    return (
        Estimate.objects.live()
        .filter(status=Estimate.Status.PROPOSED)
        .with_related()
        .order_by("-created_at")[:PAGE]
    )


def _citations(p):
    from tracker.models import Citation

    return Citation.objects.filter(estimate_id=p["estimate_id"]).select_related("article")


READS = [
    Read("timeline", f"confirmed estimates of one deployment and metric, newest first, "
         f"first {TIMELINE_LIMIT}, with deployment/contingent/metric/source/via", _timeline),
    Read("latest per source", "newest confirmed estimate of each source for one deployment "
         "and metric (Subquery per source)", _latest_per_source),
    Read("overview aggregates", "count, min low, max high, latest as_of per metric for one "
         "deployment (GROUP BY over all its confirmed estimates)", _overview),
    Read("sync page", f"next {PAGE} confirmed estimates after an (updated_at, id) cursor "
         "halfway through the table", _sync_page),
    Read("most corroborated", f"first {PAGE} confirmed estimates of one deployment by "
         "originator_count, citation_count", _most_corroborated),
    Read("review queue", f"newest {PAGE} proposed estimates", _review_queue),
    Read("citations of an estimate", "an estimate's citations with their articles",
         _citations, plan=False),
]  # fmt: skip


def _parameters() -> dict:
    from tracker.models import Deployment, Estimate, Metric

    deployment = Deployment.objects.order_by("id").first()
    metric = Metric.objects.get(slug="killed")
    live = Estimate.objects.confirmed().order_by("updated_at", "id")
    middle = live.count() // 2
    cursor = live.values_list("updated_at", "id")[middle]
    estimate_id = (
        Estimate.objects.confirmed()
        .order_by("-citation_count", "id")
        .values_list("id", flat=True)[0]
    )
    return {
        "deployment": deployment,
        "metric": metric,
        "cursor": cursor,
        "estimate_id": estimate_id,
    }


def _time(make: Callable[[], object]) -> tuple[float, float]:
    samples = []
    for i in range(WARM_UP + RUNS):
        started = time.perf_counter()
        list(make())
        if i >= WARM_UP:
            samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def measure(context: BenchContext, size: int, *, plans: bool) -> list[dict]:
    rows = []
    with context.use_database(size):
        p = _parameters()
        for read in READS:
            median, p95 = _time(lambda read=read: read.make(p))
            qs = read.make(p)
            plan = qs.explain(analyze=True, buffers=True)
            rows.append(
                {
                    "benchmark": "queries",
                    "measure": f"{read.name}, median (p95 {p95:.2f} ms)",
                    "size": size,
                    "value": round(median, 2),
                    "unit": "ms",
                    "how": (
                        f"{read.what}; median of {RUNS} runs after {WARM_UP} warm-up of "
                        "list(queryset) in-process via the ORM (query + rows to objects), "
                        f"PostgreSQL on 127.0.0.1; plan: {_plan_summary(plan)}"
                    ),
                }
            )
            planning = re.search(r"^Planning Time: ([\d.]+) ms", plan, re.M)
            execution = re.search(r"^Execution Time: ([\d.]+) ms", plan, re.M)
            if planning and execution:
                rows.append(
                    {
                        "benchmark": "queries",
                        "measure": f"{read.name}, server time",
                        "size": size,
                        "value": round(float(planning[1]) + float(execution[1]), 3),
                        "unit": "ms",
                        "how": (
                            "PostgreSQL's own time for the same query: planning "
                            f"{planning[1]} ms + execution {execution[1]} ms from EXPLAIN "
                            "(ANALYZE, BUFFERS), run once after the timed runs (warm cache); "
                            "excludes the network and turning rows into objects"
                        ),
                    }
                )
            if plans and read.plan:
                context.add_plan(read.name, size, f"{qs.query}\n\n{plan}")
    return rows


def _plan_summary(plan: str) -> str:
    """The plan's nodes, outermost first ('Limit > Nested Loop > Index Scan using …')."""
    nodes = []
    for number, line in enumerate(plan.splitlines()):
        text = line.strip()
        if number and not text.startswith("->"):
            continue  # details of a node (Filter, Buffers, Sort Key…), not a node
        node = text.removeprefix("->").strip().split("  (")[0]
        if node not in nodes:
            nodes.append(node)
    execution = [line for line in plan.splitlines() if line.startswith("Execution Time")]
    summary = " > ".join(nodes[:6])
    return f"{summary}; {execution[0].lower()}" if execution else summary


NOTES = """\
### How the main reads are served (tracker/models.py, migration 0005_bench_indexes)

The synthetic corpus puts about 55% of all estimates in the first deployment and 30% of
them on `killed`, so "one deployment and metric" is a sixth of the table: a read that scans
it grows with the data. Every page-sized read below instead walks an index in the order it
returns rows and stops at the page limit, so its cost depends on the page, not the table.
The new indexes are partial (`status = 'confirmed' AND deleted_at IS NULL`, what readers
see), which keeps them smaller than the table's other indexes.

- **timeline**: `estimate_timeline_idx (deployment, metric, as_of)` read backwards
  (newest first) with an incremental sort on `id` for equal dates, then nested-loop joins
  to deployment, contingent, metric and sources for the page only (Memoize caches them).
- **latest per source**: one probe per source into `estimate_latest_cover_idx (deployment,
  metric, source, as_of DESC, id DESC)`, an index-only scan of one row each. It grows
  with the number of sources (hundreds), not estimates. A `DISTINCT ON (source)` would read
  every estimate of the metric.
- **sync page** (API incremental sync): `estimate_sync_idx (updated_at, id)`, range-scanned
  from the cursor. The cursor condition is written `updated_at >= t AND NOT (updated_at = t
  AND id <= last)`, which the index can bound; the equivalent `updated_at > t OR (…)` made
  PostgreSQL scan the index from the start and filter (1.2 s at 1M before the change).
- **most corroborated**: `estimate_corroborated_idx (deployment, originator_count DESC,
  citation_count DESC, id DESC)`: the first page is the first 50 index entries. Without it,
  a parallel sequential scan and a sort of all the deployment's estimates (3.9 s at 1M).
- **review queue**: the foundation's `estimate_queue_idx (status, created_at DESC)`.
- **citations of an estimate**: the foreign-key index on `citation.estimate_id`.
- **overview aggregates** are the one read that is linear by nature: a count and a range
  over all estimates of a deployment must read them. `estimate_overview_idx (deployment,
  metric, as_of, low, high)` lets PostgreSQL answer from the index alone for a small
  deployment; for the largest one it prefers a parallel sequential scan, which is cheaper
  for half the table. Pages should cache this per deployment (invalidated on writes) or
  compute the ranges from "latest per source", which is flat.
"""


def run(context: BenchContext | None = None) -> list[dict]:
    if context is None:
        raise RuntimeError("bench_queries needs the harness context (python -m benchmarks)")
    context.notes.append(NOTES)
    rows = []
    for size in context.sizes:
        rows += measure(context, size, plans=size == context.sizes[-1])
    return rows
