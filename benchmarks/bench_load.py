"""A bounded load test: gunicorn (2 workers) on 127.0.0.1, wrk over a mix of pages and API.

The URL list is discovered at setup: every candidate is requested once and those that do
not answer 2xx/3xx (404 until the pages and API branches are merged) are left out, and
named in the row. wrk runs for a fixed time with fixed connections and stops each thread
after a fixed number of responses, so both the time and the count are bounded.
"""

from __future__ import annotations

import httpx

from benchmarks.harness import BenchContext

THREADS = 2
MAX_REQUESTS = 200_000


def candidate_paths() -> list[str]:
    """Pages and API reads that exist or will: the list is filtered by what answers."""
    from tracker.models import Deployment, Estimate, Source

    deployment = Deployment.objects.order_by("id").first()
    slug = deployment.slug if deployment else "none"
    estimate = Estimate.objects.confirmed().order_by("-id").values_list("id", flat=True).first()
    source = Source.objects.order_by("id").values_list("slug", flat=True).first()
    return [
        "/healthz",
        "/admin/login/",
        "/",
        f"/d/{slug}/",
        f"/d/{slug}/killed/",
        f"/d/{slug}/deployed/",
        f"/sources/{source}/",
        f"/estimates/{estimate}/",
        "/articles/",
        "/api/v1/",
        "/api/v1/deployments/",
        f"/api/v1/estimates/?deployment={slug}&metric=killed",
        f"/api/v1/estimates/?deployment={slug}&ordering=-originator_count",
        "/api/v1/estimates/?ordering=updated_at",
        f"/api/v1/estimates/{estimate}/",
        "/api/v1/sources/",
    ]


def discover(base_url: str, paths: list[str]) -> tuple[list[str], dict[str, int]]:
    kept, skipped = [], {}
    with httpx.Client(base_url=base_url, timeout=30, follow_redirects=False) as client:
        for path in paths:
            status = client.get(path).status_code
            if status < 400:
                kept.append(path)
            else:
                skipped[path] = status
    return kept, skipped


def run(context: BenchContext | None = None) -> list[dict]:
    if context is None:
        raise RuntimeError("bench_load needs the harness context (python -m benchmarks)")
    size = context.sizes[-1]  # once, on the largest database
    with context.use_database(size):
        paths = candidate_paths()
    rows = []
    with context.gunicorn(size, workers=2) as base_url:
        kept, skipped = discover(base_url, paths)
        result = context.wrk(
            base_url,
            kept,
            seconds=context.load_seconds,
            connections=context.load_connections,
            threads=THREADS,
            max_requests=MAX_REQUESTS,
        )
    how = (
        f"wrk -t{THREADS} -c{context.load_connections} -d{context.load_seconds}s (at most "
        f"{MAX_REQUESTS:,} requests) against gunicorn with 2 sync workers on 127.0.0.1, "
        f"DEBUG off, Redis cache, API throttles lifted; URLs in turn: {', '.join(kept)}"
    )
    if skipped:
        left_out = ", ".join(f"{path} {status}" for path, status in skipped.items())
        how += f"; left out (not 2xx/3xx at setup): {left_out}"
    base = {"benchmark": "load", "size": size, "how": how}
    rows.append(
        {**base, "measure": "throughput", "value": result.requests_per_second, "unit": "req/s"}
    )
    for percentile in (50, 90, 99):
        if percentile in result.latency_ms:
            rows.append(
                {
                    **base,
                    "measure": f"latency p{percentile}",
                    "value": result.latency_ms[percentile],
                    "unit": "ms",
                }
            )
    rows.append(
        {
            **base,
            "measure": f"errors (of {result.requests:,} requests)",
            "value": result.errors,
            "unit": "responses",
            "how": how
            + f"; non-2xx/3xx {result.non_2xx_3xx}, socket errors {result.socket_errors}",
        }
    )
    return rows
