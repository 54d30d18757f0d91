"""Analysis cost: one refresh after one write, and a full `analyse`.

Under the harness (`python -m benchmarks`, run(context)) it uses the prepared bench_<size>
databases and, at each size, inside one transaction rolled back at the end (the prepared
database is left as it was): (a) one new confirmed estimate in the largest (deployment,
metric) group, then `refresh([its id])` timed (that first refresh also catches up the
analysis of the year it touches: the prepared data is never analysed); (a') a second one
like it, now that the year is up to date; (b) one citation of it (`services.cite`) then
what runs after its commit (`recount_citations`: a citation changes only the counters),
timed together. A full `analyse` (`refresh()` of everything) only at the smallest size
of at most 10,000 estimates: it re-analyses every group and would take minutes at
1,000,000.

Run alone, it makes its own data as described below (slow at 100,000: minutes).

python -m benchmarks.bench_analysis            (uses DATABASE_URL; meant for PostgreSQL)
python -m benchmarks.bench_analysis 20000      (another size)

Everything happens in one transaction that is rolled back at the end, so the database is
left as it was. The data: 5 deployments × 9 metrics × (3 contingents + none), 60 sources
(a third speaking for a parent organisation), as-of dates over 2023–2025 (80 % day, 15 %
month, 5 % year precision), figures scattered ±25 % around a trend so that some agree and
some do not, half of them ranges; 2,000 articles from 40 outlets give 20,000 citations.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
import time

SIZE = 100_000


class _Rollback(Exception):
    pass


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
    import django
    from django.apps import apps

    if not apps.ready:
        django.setup()


def _make_data(size: int, rng: random.Random):
    from articles.models import Article
    from tracker.models import Citation, Contingent, Deployment, Estimate, Metric, Source

    deployments = [
        Deployment.objects.create(
            slug=f"bench-{n}", name=f"Bench {n}", sending_country="A", host_country="B"
        )
        for n in range(5)
    ]
    contingents = {
        d.pk: [None]
        + [
            Contingent.objects.create(
                deployment=d, number=k, name=f"Wave {k}", start_date=dt.date(2023, 1, 1)
            ).pk
            for k in (1, 2, 3)
        ]
        for d in deployments
    }
    parents = [
        Source.objects.create(name=f"Bench agency {n}", slug=f"bench-agency-{n}") for n in range(40)
    ]
    people = [
        Source.objects.create(name=f"Bench person {n}", slug=f"bench-person-{n}", parent=parents[n])
        for n in range(20)
    ]
    sources = [s.pk for s in parents + people]
    metrics = list(Metric.objects.values_list("pk", flat=True))
    start = dt.date(2023, 1, 1)
    rows = []
    for _ in range(size):
        day = start + dt.timedelta(days=rng.randrange(3 * 365))
        roll = rng.random()
        precision = "day" if roll < 0.8 else ("month" if roll < 0.95 else "year")
        if precision == "month":
            day = day.replace(day=1)
        elif precision == "year":
            day = day.replace(month=1, day=1)
        trend = 1000 + (day - start).days * 10
        value = int(trend * rng.uniform(0.75, 1.25))
        low, high = (value, value) if rng.random() < 0.5 else (int(value * 0.9), int(value * 1.1))
        deployment = rng.choice(deployments)
        rows.append(
            Estimate(
                deployment=deployment,
                contingent_id=rng.choice(contingents[deployment.pk]),
                metric_id=rng.choice(metrics),
                source_id=rng.choice(sources),
                low=low,
                best=value,
                high=high,
                qualifier="range" if low != high else "approx",
                as_of=day,
                as_of_precision=precision,
                status="confirmed",
            )
        )
    Estimate.objects.bulk_create(rows, batch_size=5000)
    articles = Article.objects.bulk_create(
        [
            Article(
                url=f"https://bench.invalid/{n}",
                normalized_url=f"https://bench.invalid/{n}",
                outlet=f"Outlet {n % 40}",
                text=f"Bench article {n}.",
            )
            for n in range(2000)
        ]
    )
    ids = list(Estimate.objects.filter(deployment__in=deployments).values_list("pk", flat=True))
    pairs = {(rng.choice(ids), rng.choice(articles).pk) for _ in range(20_000)}
    Citation.objects.bulk_create(
        [Citation(estimate_id=e, article_id=a, quote="Bench.") for e, a in pairs], batch_size=5000
    )
    return deployments, ids


FULL_ANALYSE_MAX = 10_000


def _measure_prepared(context, size: int) -> list[dict]:
    from django.db import connection, transaction
    from django.db.models import Count
    from django.test.utils import CaptureQueriesContext

    from articles.models import Article
    from tracker import services
    from tracker.analysis import recount_citations, refresh
    from tracker.models import Deployment, Estimate, Metric, Source

    rows: list[dict] = []
    how = f"bench_{size} (make_synthetic), PostgreSQL, in one transaction rolled back"

    def row(measure: str, seconds: float, detail: str) -> None:
        rows.append(
            {
                "benchmark": "analysis",
                "measure": measure,
                "size": size,
                "value": round(seconds * 1000, 1),
                "unit": "ms",
                "how": f"{how}; {detail}",
            }
        )

    with context.use_database(size):
        try:
            with transaction.atomic():
                if size <= FULL_ANALYSE_MAX and size == context.sizes[0]:
                    started = time.perf_counter()
                    changed = refresh()
                    row(
                        "full analyse (refresh of everything)",
                        time.perf_counter() - started,
                        f"one run of tracker.analysis.refresh() on the prepared data: {changed}"
                        f"; only at {FULL_ANALYSE_MAX:,} estimates or fewer",
                    )
                top = (
                    Estimate.objects.confirmed()
                    .values("deployment_id", "metric_id")
                    .annotate(n=Count("id"))
                    .order_by("-n")
                    .first()
                )
                sample = (
                    Estimate.objects.confirmed()
                    .filter(deployment_id=top["deployment_id"], metric_id=top["metric_id"])
                    .order_by("-as_of", "-id")
                    .first()
                )

                def add_and_refresh(like) -> tuple[Estimate, float, int]:
                    """A confirmed estimate like `like`, then the refresh a write runs."""
                    added = services.create_estimate(
                        deployment=Deployment.objects.get(pk=like.deployment_id),
                        metric=Metric.objects.get(pk=like.metric_id),
                        source=Source.objects.get(pk=like.source_id),
                        contingent=like.contingent,
                        as_of=like.as_of,
                        low=like.low,
                        best=like.best,
                        high=like.high,
                        qualifier=like.qualifier,
                        status=Estimate.Status.CONFIRMED,
                    )
                    with CaptureQueriesContext(connection) as queries:
                        started = time.perf_counter()
                        refresh([added.pk])
                        elapsed = time.perf_counter() - started
                    return added, elapsed, len(queries)

                estimate, elapsed, queries = add_and_refresh(sample)
                row(
                    "refresh after one new estimate",
                    elapsed,
                    f"a confirmed estimate added to the largest (deployment, metric) group "
                    f"({top['n']:,} estimates), then refresh([its id]); {queries} queries",
                )
                # The same again: the first refresh also caught up the analysis of that
                # group's year (the prepared data was never analysed); this one is what a
                # write costs on a database the hooks keep up to date.
                _second, elapsed, queries = add_and_refresh(estimate)
                row(
                    "refresh after one more estimate (analysis up to date)",
                    elapsed,
                    f"a second estimate like the first, in the year the first refresh "
                    f"brought up to date, then refresh([its id]); {queries} queries",
                )
                article = Article.objects.create(
                    url="https://bench.invalid/analysis", text="One quote."
                )
                started = time.perf_counter()
                services.cite(estimate=estimate, article=article, quote="One quote.")
                recount_citations([estimate.pk])
                row(
                    "one citation + its refresh",
                    time.perf_counter() - started,
                    "services.cite() of that estimate from a new article, then "
                    "recount_citations([its id]) (what runs after the commit of a citation)",
                )
                raise _Rollback
        except _Rollback:
            pass
    return rows


def run(context=None, size: int = SIZE) -> list[dict]:
    if context is not None:
        rows: list[dict] = []
        for each in context.sizes:
            rows += _measure_prepared(context, each)
        return rows
    _setup()
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    from articles.models import Article
    from tracker import services
    from tracker.analysis import recount_citations, refresh
    from tracker.models import Discrepancy, Estimate, Metric, Source

    rng = random.Random(20250226)
    results: list[dict] = []
    how = f"{size:,} estimates, {connection.vendor}, one rolled-back transaction"

    def row(measure: str, value: float, detail: str = "") -> None:
        results.append(
            {
                "benchmark": "analysis",
                "measure": measure,
                "value": round(value, 3),
                "how": f"{how}{'; ' + detail if detail else ''}",
            }
        )

    try:
        with transaction.atomic():
            started = time.perf_counter()
            deployments, ids = _make_data(size, rng)
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE tracker_estimate; ANALYZE tracker_citation")
            row("seconds to create the data", time.perf_counter() - started, "bulk_create")

            started = time.perf_counter()
            first = refresh()
            row(
                "seconds for a full analyse",
                time.perf_counter() - started,
                f"first run: {first['created']:,} discrepancies, "
                f"{first['superseded']:,} revision links",
            )
            started = time.perf_counter()
            second = refresh()
            assert second == {"superseded": 0, "created": 0, "deleted": 0}, second
            row("seconds for a full analyse re-run", time.perf_counter() - started, "no changes")

            sample = Estimate.objects.get(pk=ids[len(ids) // 2])
            estimate = services.create_estimate(
                deployment=sample.deployment,
                metric=Metric.objects.get(pk=sample.metric_id),
                source=Source.objects.get(pk=sample.source_id),
                contingent=sample.contingent,
                as_of=sample.as_of,
                low=sample.low,
                best=sample.best,
                high=sample.high,
            )
            group = Estimate.objects.filter(
                deployment=sample.deployment_id,
                metric=sample.metric_id,
                contingent=sample.contingent_id,
            ).count()
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                refresh([estimate.pk])
                elapsed = time.perf_counter() - started
            row(
                "seconds to refresh after one new estimate",
                elapsed,
                f"its group has {group:,} estimates; {len(queries)} queries",
            )

            article = Article.objects.create(url="https://bench.invalid/one", text="One quote.")
            services.cite(estimate=estimate, article=article, quote="One quote.")
            started = time.perf_counter()
            recount_citations([estimate.pk])  # what runs after a citation's commit
            row("seconds to refresh after one citation", time.perf_counter() - started)

            started = time.perf_counter()
            top = list(
                Estimate.objects.filter(deployment__in=deployments).order_by(
                    "-originator_count", "-citation_count", "id"
                )[:50]
            )
            row(
                "seconds to list the 50 best corroborated",
                time.perf_counter() - started,
                f"sorted in the database, best has {top[0].originator_count} originators",
            )
            row("open discrepancies", Discrepancy.objects.filter(status="open").count())
            raise _Rollback
    except _Rollback:
        pass
    return results


if __name__ == "__main__":
    for result in run(int(sys.argv[1]) if len(sys.argv) > 1 else SIZE):
        print(f"{result['measure']:<45} {result['value']:>12}  ({result['how']})")
