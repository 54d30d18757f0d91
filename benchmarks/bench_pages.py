"""Server time of the analyst pages (overview, timeline) at growing numbers of estimates.

Under the harness (`python -m benchmarks`, run(context)) it renders them on each prepared
bench_<size> database, for the deployment and metric with the most confirmed estimates,
twice over: as usually served (the aggregates over all estimates come from the page cache,
tracker/web/cache.py, recomputed only after a write) and with no cache (`cache cold`: what
the first view after a write costs).
Run alone, `run()` makes a throw-away test database (SQLite, or PostgreSQL when DATABASE_URL is
set), fills it with synthetic estimates by bulk_create, renders each page with Django's
test client (view, queries and template; no network) and reports the median of several
renders after a warm-up one. Run alone: `python -m benchmarks.bench_pages [SIZES...]`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import os
import random
import statistics
import sys
import time
from typing import Any

SIZES = (1_000, 100_000)
REPEATS = 7
SHARES = {"killed": 0.4, "wounded": 0.3, "deployed": 0.2, "casualties": 0.1}
SOURCES = 24


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
    import django

    django.setup()


def make_estimates(n: int, *, seed: int = 7) -> Any:
    """A deployment with `n` confirmed estimates from SOURCES sources over 500 days,
    split across metrics as SHARES says, every tenth one cited by its own article."""
    from django.apps import apps

    from tracker.models import Citation, Deployment, Estimate, EstimateStatus, Metric, Source

    Article = apps.get_model("articles", "Article")
    rng = random.Random(seed)
    deployment = Deployment.objects.create(
        slug=f"bench-{n}", name=f"Bench {n}", sending_country="A", host_country="B"
    )
    sources = Source.objects.bulk_create(
        Source(name=f"Bench source {n}-{i}", slug=f"bench-{n}-{i}") for i in range(SOURCES)
    )
    metrics = {m.slug: m for m in Metric.objects.filter(slug__in=SHARES)}
    start = dt.date(2024, 10, 1)
    rows = []
    for slug, share in SHARES.items():
        for _ in range(int(n * share)):
            low = rng.randint(100, 10_000)
            high = low + rng.randint(0, 2_000)
            rows.append(
                Estimate(
                    deployment=deployment,
                    metric=metrics[slug],
                    source=rng.choice(sources),
                    low=low,
                    best=(low + high) // 2,
                    high=high,
                    qualifier="approx",
                    as_of=start + dt.timedelta(days=rng.randrange(500)),
                    status=EstimateStatus.CONFIRMED,
                    citation_count=1,
                )
            )
    estimates = Estimate.objects.bulk_create(rows, batch_size=5_000)
    cited = estimates[::10]
    articles = Article.objects.bulk_create(
        (
            Article(
                url=f"https://bench.invalid/{n}/{i}",
                normalized_url=f"https://bench.invalid/{n}/{i}",
                title=f"Report {i}",
                outlet="Bench Wire",
                published=e.as_of,
                text="about 400",
                status="done",
            )
            for i, e in enumerate(cited)
        ),
        batch_size=5_000,
    )
    Citation.objects.bulk_create(
        (
            Citation(estimate=e, article=a, quote="about 400", start=6, end=9)
            for e, a in zip(cited, articles, strict=True)
        ),
        batch_size=5_000,
    )
    return deployment


def _median_ms(client, url: str) -> tuple[float, float]:
    """Median wall-clock and CPU milliseconds of rendering `url`. The CPU time is this
    process's only (with SQLite it includes the queries; PostgreSQL's work is not in it);
    on a busy machine it is the steadier of the two."""
    response = client.get(url)  # warm-up: caches, connection
    assert response.status_code == 200, (url, response.status_code)
    wall, cpu = [], []
    for _ in range(REPEATS):
        started, started_cpu = time.perf_counter(), time.process_time()
        client.get(url)
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return statistics.median(wall), statistics.median(cpu)


# Bounds under the harness: renders after the warm-up fit in RENDER_BUDGET_S (at least
# one, at most REPEATS), and any query running over STATEMENT_TIMEOUT_S is cancelled.
RENDER_BUDGET_S = 30
STATEMENT_TIMEOUT_S = 60


def _bounded_median_ms(client, url: str) -> tuple[float, float, int]:
    started = time.perf_counter()
    response = client.get(url)  # warm-up: caches, connection
    warm_up = time.perf_counter() - started
    assert response.status_code == 200, (url, response.status_code)
    repeats = min(REPEATS, max(1, int(RENDER_BUDGET_S / max(warm_up, 0.001))))
    wall, cpu = [], []
    for _ in range(repeats):
        started, started_cpu = time.perf_counter(), time.process_time()
        client.get(url)
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return statistics.median(wall), statistics.median(cpu), repeats


def _measure_prepared(context, size: int) -> list[dict]:
    """The two pages on the prepared bench_<size> database, for the (deployment, metric)
    with the most confirmed estimates."""
    from django.db import OperationalError, connection
    from django.db.models import Count
    from django.test import Client, override_settings
    from django.urls import reverse

    from tracker.models import Estimate

    rows: list[dict] = []
    with context.use_database(size):
        top = (
            Estimate.objects.confirmed()
            .values("deployment__slug", "metric__slug")
            .annotate(n=Count("id"))
            .order_by("-n")
            .first()
        )
        deployment, metric = top["deployment__slug"], top["metric__slug"]
        on_deployment = Estimate.objects.confirmed().filter(deployment__slug=deployment).count()
        pages = {
            "overview": (
                reverse("deployment-overview", args=[deployment]),
                f"{on_deployment:,} confirmed estimates on this deployment",
            ),
            "timeline": (
                reverse("timeline", args=[deployment, metric]),
                f"{top['n']:,} confirmed estimates on this timeline",
            ),
        }
        client = Client()
        with connection.cursor() as cursor:  # the test client keeps this connection
            cursor.execute(f"SET statement_timeout = {STATEMENT_TIMEOUT_S * 1000}")
        for (page, (url, what)), cold in itertools.product(pages.items(), (False, True)):
            # Warm: the page's cached aggregates are in the cache (the usual case: they
            # are recomputed only after a write). Cold: no cache at all, every aggregate
            # computed again (the first view after a write).
            measure = f"{page}, server time" + (", cache cold" if cold else "")
            caches = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
            try:
                with override_settings(CACHES=caches) if cold else contextlib.nullcontext():
                    wall, cpu, repeats = _bounded_median_ms(client, url)
            except OperationalError as error:  # the statement timeout
                rows.append(
                    {
                        "benchmark": "pages",
                        "measure": measure,
                        "size": size,
                        "value": None,
                        "unit": "ms",
                        "how": f"not measured: a query of GET {url} ran over the "
                        f"{STATEMENT_TIMEOUT_S} s statement timeout ({what}); "
                        f"{str(error).strip().splitlines()[0][:120]}",
                    }
                )
                continue
            how = (
                f"median of {repeats} anonymous test-client GETs of {url} after a warm-up "
                f"(view, queries, template; no network), DEBUG off, bench_{size}; {what}; "
                + (
                    "no cache (every aggregate computed in each render); "
                    if cold
                    else "aggregates from the page cache (kept until the next write); "
                )
                + f"this process's CPU time in the same renders: {cpu:.0f} ms"
            )
            rows.append(
                {
                    "benchmark": "pages",
                    "measure": measure,
                    "size": size,
                    "value": round(wall, 1),
                    "unit": "ms",
                    "how": how,
                }
            )
    return rows


def run(context=None, sizes: tuple[int, ...] = SIZES) -> list[dict]:
    if context is not None:
        rows: list[dict] = []
        for size in context.sizes:
            rows += _measure_prepared(context, size)
        return rows
    _setup_django()
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment, teardown_test_environment
    from django.urls import reverse

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    rows: list[dict] = []
    try:
        client = Client()
        for n in sizes:
            deployment = make_estimates(n)
            if connection.vendor == "postgresql":
                # What autovacuum does soon after a bulk load in production: statistics
                # for the planner and a visibility map for index-only scans.
                with connection.cursor() as cursor:
                    cursor.execute("VACUUM ANALYZE")
            killed = int(n * SHARES["killed"])
            pages = {
                "overview": reverse("deployment-overview", args=[deployment.slug]),
                "timeline": reverse("timeline", args=[deployment.slug, "killed"]),
            }
            for page, url in pages.items():
                wall, cpu = _median_ms(client, url)
                what = f"{n:,} estimates" + (
                    f" ({killed:,} on this timeline)" if page == "timeline" else ""
                )
                how = (
                    f"median of {REPEATS} test-client GETs of {url} after a warm-up, "
                    f"{connection.vendor}, {SOURCES} sources over 500 days"
                )
                rows.append(
                    {
                        "benchmark": f"pages.{page}",
                        "measure": f"server ms, {what}",
                        "value": round(wall, 1),
                        "how": how,
                    }
                )
                rows.append(
                    {
                        "benchmark": f"pages.{page}",
                        "measure": f"server CPU ms (this process), {what}",
                        "value": round(cpu, 1),
                        "how": how,
                    }
                )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()
    return rows


if __name__ == "__main__":
    chosen = tuple(int(a) for a in sys.argv[1:]) or SIZES
    for row in run(chosen):
        print(f"{row['benchmark']:<16} {row['value']:>8} ms  {row['measure']}  ({row['how']})")
