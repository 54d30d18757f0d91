"""API throughput: the estimate list and the timeseries under gunicorn, against a floor.

For each read, `wrk` loads it for a bounded time, then loads the floor: a minimal Django
view in the same gunicorn that runs the same SQL and dumps the rows to JSON
(benchmarks/api_floor.py). The API's cost is floor rps / API rps; the target is at most
2 at 1,000,000 estimates on PostgreSQL. Measured at whatever data the database holds
(`make_synthetic --estimates N` fills it).

    .venv/bin/python -m benchmarks.bench_api      # alone, on DATABASE_URL's data

Under the harness (`make bench`, run(context)) it runs at each prepared bench_<size>
database: the harness's gunicorn with benchmarks.api_floor_settings, the estimate list's
first page of 100 and the timeseries of the (deployment, metric) with the most confirmed
estimates (the timeline chart's bounded series: long ones aggregated by period),
HARNESS_SECONDS of wrk each after one warm-up GET. When that GET takes over a second, wrk
uses two connections (one per worker) for up to 60 s, so that several responses finish.

Environment: BENCH_API_DURATION (seconds per target, default 10), BENCH_API_CONNECTIONS
(default 8), BENCH_API_WORKERS (gunicorn workers, default 2).
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WRK = shutil.which("wrk") or "/usr/bin/wrk"
LUA = """
done = function(summary, latency, requests)
  io.write(string.format("P50_US %d\\nP95_US %d\\nNON2XX %d\\n", latency:percentile(50),
    latency:percentile(95), summary.errors.status))
end
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _server_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="benchmarks.api_floor_settings",
        DEBUG="0",
        SECRET_KEY=env.get("SECRET_KEY") or secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        SESSION_COOKIE_SECURE="0",
        CSRF_COOKIE_SECURE="0",
        SECURE_HSTS_SECONDS="0",
        # The throttle still runs (and costs what it costs) but never refuses the load.
        API_ANON_RATE="1000000000/minute",
        LOG_LEVEL="WARNING",
    )
    return env


def _wait_ready(url: str, server: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {server.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (local)
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"gunicorn did not answer {url} within {timeout}s")


def _load(
    url: str, duration: int, connections: int, script: str, warm_ups: int = 3, *, adapt=False
) -> dict[str, float]:
    started = time.perf_counter()
    for _ in range(warm_ups):  # warm up connections, caches and the query plan
        urllib.request.urlopen(url, timeout=300).read()  # noqa: S310 (local)
    one = (time.perf_counter() - started) / max(warm_ups, 1)
    if adapt and one > 1:
        # Slow responses: one connection per worker, and long enough for several to
        # finish, bounded at a minute.
        connections = 2
        duration = min(60, max(duration, int(4 * one) + 1))
    out = subprocess.run(  # noqa: S603
        [
            WRK,
            f"-t{min(2, connections)}",
            f"-c{connections}",
            f"-d{duration}s",
            "--timeout",
            "30s",
            "-s",
            script,
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=duration + 60,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    if not re.search(r"^\s*[1-9]\d* requests in", out, re.M):
        # none finished within the duration
        return {"rps": 0.0, "p50": None, "p95": None, "wrk": f"-c{connections} -d{duration}s"}
    p50 = int(re.search(r"P50_US (\d+)", out).group(1)) / 1000
    p95 = int(re.search(r"P95_US (\d+)", out).group(1)) / 1000
    non2xx = int(re.search(r"NON2XX (\d+)", out).group(1))
    seconds = f"-c{connections} -d{duration}s"
    if non2xx:
        raise RuntimeError(f"{non2xx} responses from {url} were not 2xx/3xx")
    return {"rps": rps, "p50": p50, "p95": p95, "wrk": seconds}


def _targets() -> tuple[int, str, str]:
    """The number of estimates, and the (deployment, metric) with the longest timeline."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
    import django

    django.setup()
    from django.db.models import Count

    from tracker.models import Estimate

    count = Estimate.objects.count()
    top = (
        Estimate.objects.confirmed()
        .values("deployment__slug", "metric__slug")
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()
    )
    if top is None:
        raise RuntimeError("No confirmed estimates: load data first (make_synthetic).")
    return count, top["deployment__slug"], top["metric__slug"]


HARNESS_SECONDS = 8


def _rows(name: str, api: dict, floor: dict, how: str, size: int | None) -> list[dict]:
    rows = []
    for who, result in (("API", api), ("floor", floor)):
        for key, measure, unit, digits in (
            ("rps", "requests/s", "req/s", 1),
            ("p50", "latency p50", "ms", 2),
            ("p95", "latency p95", "ms", 2),
        ):
            value = result[key]
            rows.append(
                {
                    "benchmark": name,
                    "measure": f"{who} {measure}",
                    "size": size,
                    "value": None if value is None else round(value, digits),
                    "unit": unit,
                    "how": how,
                }
            )
    rows.append(
        {
            "benchmark": name,
            "measure": "API cost vs floor",
            "size": size,
            "value": round(floor["rps"] / api["rps"], 2) if api["rps"] else None,
            "unit": "×",
            "how": "floor req/s ÷ API req/s (target ≤ 2 at 1,000,000 estimates)",
        }
    )
    return rows


def _drain(base: str) -> None:
    """Wait until gunicorn has finished the requests wrk left behind (each sync worker
    finishes the one it holds, then the queued ones), so the next load starts clean."""
    for _ in range(2):
        urllib.request.urlopen(f"{base}/healthz", timeout=600).read()  # noqa: S310 (local)


def run_with_context(context) -> list[dict]:
    """At each prepared size: gunicorn (2 sync workers, with the floor views mounted),
    then wrk on the API and on the floor, HARNESS_SECONDS each."""
    from django.db.models import Count

    from tracker.models import Estimate

    connections = context.load_connections
    rows: list[dict] = []
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(LUA)
    try:
        for size in context.sizes:
            with context.use_database(size):
                top = (
                    Estimate.objects.confirmed()
                    .values("deployment__slug", "metric__slug")
                    .annotate(n=Count("id"))
                    .order_by("-n")
                    .first()
                )
            deployment, metric = top["deployment__slug"], top["metric__slug"]
            with context.gunicorn(size, settings="benchmarks.api_floor_settings") as base:
                pairs = {
                    "api.estimate_list": (
                        "/api/v1/estimates/?page_size=100",
                        "/floor/estimates/?page_size=100",
                        "first page of 100",
                    ),
                    "api.timeseries": (
                        f"/api/v1/deployments/{deployment}/timeseries/{metric}/",
                        f"/floor/timeseries/{deployment}/{metric}/",
                        f"{deployment}/{metric}, {top['n']:,} confirmed estimates as the chart's "
                        "bounded series",
                    ),
                }
                for name, (api_path, floor_path, what) in pairs.items():
                    measured = []
                    for path in (api_path, floor_path):
                        measured.append(
                            _load(
                                base + path,
                                HARNESS_SECONDS,
                                connections,
                                script.name,
                                warm_ups=1,
                                adapt=True,
                            )
                        )
                        _drain(base)
                    how = (
                        f"wrk {measured[0]['wrk']} (API), {measured[1]['wrk']} (floor) after "
                        "one warm-up GET (over 1 s each: 2 connections, up to 60 s), "
                        f"gunicorn 2 sync workers, DEBUG off, bench_{size}; {what}; "
                        "floor = the same SQL in a bare Django view dumped with json "
                        "(benchmarks/api_floor.py); API {api_path}"
                    ).replace("{api_path}", api_path)
                    rows += _rows(name, measured[0], measured[1], how, size)
    finally:
        os.unlink(script.name)
    return rows


def run(context=None) -> list[dict]:
    if context is not None:
        return run_with_context(context)
    duration = int(os.environ.get("BENCH_API_DURATION", "10"))
    connections = int(os.environ.get("BENCH_API_CONNECTIONS", "8"))
    workers = int(os.environ.get("BENCH_API_WORKERS", "2"))
    count, deployment, metric = _targets()
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    pairs = {
        "api.estimate_list": (
            f"{base}/api/v1/estimates/?page_size=100",
            f"{base}/floor/estimates/?page_size=100",
        ),
        "api.timeseries": (
            f"{base}/api/v1/deployments/{deployment}/timeseries/{metric}/",
            f"{base}/floor/timeseries/{deployment}/{metric}/",
        ),
    }
    how = (
        f"wrk {connections} connections {duration}s against gunicorn ({workers} sync "
        f"workers, DEBUG off) at {count:,} estimates; floor = same SQL dumped as JSON"
    )
    server = subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-m",
            "gunicorn",
            "tracker.wsgi:application",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=_server_env(),
        start_new_session=True,
    )
    rows: list[dict] = [
        {"benchmark": "api", "measure": "estimates", "value": count, "how": "rows in the database"}
    ]
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(LUA)
    try:
        _wait_ready(f"{base}/api/v1/metrics/", server)
        for name, (api_url, floor_url) in pairs.items():
            api = _load(api_url, duration, connections, script.name)
            floor = _load(floor_url, duration, connections, script.name)
            for who, result in (("api", api), ("floor", floor)):
                rows += [
                    {
                        "benchmark": name,
                        "measure": f"{who}_requests_per_second",
                        "value": round(result["rps"], 1),
                        "how": how,
                    },
                    {
                        "benchmark": name,
                        "measure": f"{who}_latency_p50_ms",
                        "value": round(result["p50"], 2),
                        "how": how,
                    },
                    {
                        "benchmark": name,
                        "measure": f"{who}_latency_p95_ms",
                        "value": round(result["p95"], 2),
                        "how": how,
                    },
                ]
            rows.append(
                {
                    "benchmark": name,
                    "measure": "api_cost_vs_floor",
                    "value": round(floor["rps"] / api["rps"], 2),
                    "how": "floor rps / API rps (target ≤ 2 at 1,000,000 estimates)",
                }
            )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        os.unlink(script.name)
    return rows


if __name__ == "__main__":
    for row in run():
        print(f"{row['benchmark']:<20} {row['measure']:<32} {row['value']:>12}")
