"""What every benchmark module gets: prepared databases, a gunicorn to aim at, wrk, a table.

A benchmark module is `benchmarks/bench_<area>.py` with

    def run(context: BenchContext | None = None) -> list[dict]:

Each dict is one row of the table in docs/benchmarks.md:

    {"benchmark": "queries", "measure": "timeline, median", "value": 1.9, "unit": "ms",
     "size": 100_000, "how": "median of 15 runs of list(queryset) in-process, ..."}

`size` (number of estimates in the database measured) and `unit` are optional. A module
that ignores `context` still works (it is called with no argument if it takes none).

The context (`BenchContext`):
- `sizes`: the database sizes asked for (estimates), smallest first;
- `database_url(size)`: URL of a PostgreSQL database holding `size` synthetic estimates
  (made on first use with migrate + make_synthetic, reused on the next run when it matches);
- `use_database(size)`: a context manager pointing this process's Django `default`
  connection at that database (the ORM, the test Client, `connection.cursor()`);
- `gunicorn(size, workers=2)`: a context manager that starts gunicorn on a free 127.0.0.1
  port against that database and yields its base URL; it is stopped on exit, even on error;
- `wrk(base_url, paths, ...)`: runs /usr/bin/wrk over a rotating list of paths and returns
  a `WrkResult` (requests, req/s, latency percentiles, errors);
- `add_plan(title, size, text)`: a query plan to print in the doc below the table;
- `redis_url`, `seed`, `work_dir` (scratch files under var/bench), `env` (the environment
  used for subprocesses: DEBUG off, plain HTTP on 127.0.0.1, API throttles lifted).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import os
import platform
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
WRK = "/usr/bin/wrk"
DEFAULT_SIZES = (10_000, 100_000, 1_000_000)
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/postgres"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"
# Bumped when the synthetic corpus changes, so that old benchmark databases are remade.
CORPUS_TAG = "make_synthetic v{version} estimates={size} articles={articles} seed={seed}"


class BenchError(Exception):
    """The benchmark cannot run (the message says what to do)."""


def articles_for(size: int) -> int:
    return max(50, size // 20)


def database_name(size: int) -> str:
    return f"bench_{size}"


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


# --- wrk -----------------------------------------------------------------------------------


@dataclasses.dataclass
class WrkResult:
    requests: int
    seconds: float
    requests_per_second: float
    latency_ms: dict[int, float]  # percentile -> milliseconds
    socket_errors: dict[str, int]
    non_2xx_3xx: int
    output: str = ""

    @property
    def errors(self) -> int:
        return self.non_2xx_3xx + sum(self.socket_errors.values())


_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}


def _duration_ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text.strip())
    if not match:
        raise ValueError(f"not a wrk duration: {text!r}")
    return float(match[1]) * _UNITS_MS[match[2]]


def parse_wrk(output: str) -> WrkResult:
    """Read wrk's report (run with --latency)."""
    done = re.search(r"(\d+) requests in ([\d.]+)(us|ms|s|m|h)", output)
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    if not done or not rate:
        raise ValueError(f"wrk output not understood:\n{output}")
    latency = {
        int(p): _duration_ms(v)
        for p, v in re.findall(r"^\s+(\d+)%\s+([\d.]+(?:us|ms|s|m|h))\s*$", output, re.M)
    }
    socket_errors = {"connect": 0, "read": 0, "write": 0, "timeout": 0}
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    if errors:
        socket_errors = dict(zip(socket_errors, map(int, errors.groups()), strict=True))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return WrkResult(
        requests=int(done[1]),
        seconds=_duration_ms(done[2] + done[3]) / 1000,
        requests_per_second=float(rate[1]),
        latency_ms=latency,
        socket_errors=socket_errors,
        non_2xx_3xx=int(non_2xx[1]) if non_2xx else 0,
        output=output,
    )


def wrk_script(paths: Sequence[str], max_requests_per_thread: int | None = None) -> str:
    """A Lua script for wrk: each request takes the next path of the list, and each thread
    stops after `max_requests_per_thread` responses (so the count is bounded too)."""
    if not paths:
        raise BenchError("wrk needs at least one path")
    for path in paths:
        if not path.startswith("/") or '"' in path or "\\" in path or "\n" in path:
            raise BenchError(f"not a plain path: {path!r}")
    listed = ",\n  ".join(f'"{p}"' for p in paths)
    limit = max_requests_per_thread or 0
    return f"""-- made by benchmarks/harness.py
local paths = {{
  {listed}
}}
local next_index = 0
local responses = 0
local limit = {limit}

request = function()
  next_index = next_index % #paths + 1
  return wrk.format("GET", paths[next_index])
end

response = function(status, headers, body)
  responses = responses + 1
  if limit > 0 and responses >= limit then
    wrk.thread:stop()
  end
end
"""


# --- the context ---------------------------------------------------------------------------


@dataclasses.dataclass
class Plan:
    title: str
    size: int
    text: str


@dataclasses.dataclass
class BenchContext:
    sizes: list[int]
    database_url_base: str
    redis_url: str
    seed: int = 1
    work_dir: Path = BASE_DIR / "var" / "bench"
    load_seconds: int = 20
    load_connections: int = 8
    env: dict[str, str] = dataclasses.field(default_factory=dict)
    plans: list[Plan] = dataclasses.field(default_factory=list)
    notes: list[str] = dataclasses.field(default_factory=list)
    # size -> seconds make_synthetic took when this run made the bench_<size> database
    synthetic_seconds: dict[int, float] = dataclasses.field(default_factory=dict)
    _prepared: set[int] = dataclasses.field(default_factory=set)

    def __post_init__(self) -> None:
        self.work_dir.mkdir(parents=True, exist_ok=True)
        if not self.env:
            self.env = bench_environment(self.redis_url, self.work_dir)

    # databases

    def server(self) -> psycopg.Connection:
        """An autocommit connection to the server's maintenance database."""
        return psycopg.connect(self.database_url_base, autocommit=True, connect_timeout=5)

    def database_url(self, size: int) -> str:
        if size not in self._prepared:
            prepare_database(self, size)
            self._prepared.add(size)
        return with_database(self.database_url_base, database_name(size))

    @contextlib.contextmanager
    def use_database(self, size: int) -> Iterator[None]:
        from django.db import connections

        self.database_url(size)
        connection = connections["default"]
        connection.close()
        previous = connection.settings_dict["NAME"]
        connection.settings_dict["NAME"] = database_name(size)
        try:
            yield
        finally:
            connection.close()
            connection.settings_dict["NAME"] = previous

    def manage(self, *args: str, database_url: str, timeout: float = 3600) -> float:
        """Run manage.py with the benchmark environment; returns the wall time in seconds."""
        started = time.perf_counter()
        completed = subprocess.run(  # noqa: S603 (our own interpreter and manage.py)
            [PYTHON, "manage.py", *args],
            cwd=BASE_DIR,
            env={**self.env, "DATABASE_URL": database_url},
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        if completed.returncode != 0:
            raise BenchError(
                f"manage.py {' '.join(args)} failed:\n{completed.stdout}\n{completed.stderr}"
            )
        return time.perf_counter() - started

    # servers

    @contextlib.contextmanager
    def gunicorn(self, size: int, workers: int = 2, settings: str | None = None) -> Iterator[str]:
        """`settings`: another DJANGO_SETTINGS_MODULE (default the env's, tracker.settings)."""
        url = self.database_url(size)
        port = free_port()
        log = self.work_dir / f"gunicorn-{port}.log"
        with log.open("w") as log_file:
            process = subprocess.Popen(  # noqa: S603
                [
                    str(Path(PYTHON).parent / "gunicorn"),
                    "tracker.wsgi:application",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--workers",
                    str(workers),
                    "--log-level",
                    "warning",
                ],
                cwd=BASE_DIR,
                env={
                    **self.env,
                    "DATABASE_URL": url,
                    "DJANGO_SETTINGS_MODULE": settings or self.env["DJANGO_SETTINGS_MODULE"],
                },
                stdout=log_file,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            base_url = f"http://127.0.0.1:{port}"
            try:
                wait_until_up(base_url, process, log)
                yield base_url
            finally:
                stop_process(process)

    def wrk(
        self,
        base_url: str,
        paths: Sequence[str],
        *,
        seconds: int | None = None,
        connections: int | None = None,
        threads: int = 2,
        max_requests: int | None = None,
    ) -> WrkResult:
        if not base_url.startswith("http://127.0.0.1:"):
            raise BenchError("wrk is only aimed at 127.0.0.1")
        seconds = seconds or self.load_seconds
        connections = max(connections or self.load_connections, threads)
        per_thread = -(-max_requests // threads) if max_requests else None
        script = self.work_dir / "wrk-mix.lua"
        script.write_text(wrk_script(paths, per_thread))
        completed = subprocess.run(  # noqa: S603
            [
                WRK,
                f"-t{threads}",
                f"-c{connections}",
                f"-d{seconds}s",
                "--timeout",
                "10s",
                "--latency",
                "-s",
                str(script),
                base_url,
            ],
            capture_output=True,
            text=True,
            timeout=seconds + 60,
            check=False,
        )
        if completed.returncode != 0:
            raise BenchError(f"wrk failed:\n{completed.stdout}\n{completed.stderr}")
        return parse_wrk(completed.stdout)

    def add_plan(self, title: str, size: int, text: str) -> None:
        self.plans.append(Plan(title, size, text))


def bench_environment(redis_url: str, work_dir: Path) -> dict[str, str]:
    """Production settings (DEBUG off, a real secret) but plain HTTP on 127.0.0.1 and the
    API's per-client throttles lifted, so that the load test measures the app."""
    env = dict(os.environ)
    env.update(
        {
            "DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
            "SECURE_SSL_REDIRECT": "0",
            "SESSION_COOKIE_SECURE": "0",
            "CSRF_COOKIE_SECURE": "0",
            "SECURE_HSTS_SECONDS": "0",
            "STATIC_ROOT": str(work_dir / "staticfiles"),
            "REDIS_URL": redis_url,
            "API_ANON_RATE": "100000000/minute",
            "API_USER_RATE": "100000000/minute",
            "LOG_LEVEL": "WARNING",
            "DJANGO_SETTINGS_MODULE": "tracker.settings",
        }
    )
    return env


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(base_url: str, process: subprocess.Popen, log: Path, timeout: float = 60):
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise BenchError(f"gunicorn exited with {process.returncode}:\n{log.read_text()}")
        try:
            if httpx.get(f"{base_url}/healthz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise BenchError(f"gunicorn did not answer /healthz within {timeout} s:\n{log.read_text()}")


def stop_process(process: subprocess.Popen, grace: float = 15) -> None:
    """Stop a server we started: TERM to it, then KILL to its process group if it lingers."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(grace)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(5)


# --- databases -----------------------------------------------------------------------------


def check_services(database_url: str, redis_url: str) -> str:
    """Both services answer; returns the PostgreSQL server version."""
    import redis

    try:
        with psycopg.connect(database_url, connect_timeout=5) as connection:
            version = connection.execute("SHOW server_version").fetchone()[0]
    except psycopg.Error as error:
        raise BenchError(
            f"PostgreSQL is not reachable at {database_url} ({error}). The benchmarks need a "
            "server (postgres://postgres@127.0.0.1:5432/postgres by default; set "
            "DATABASE_URL or --database-url) whose user may create databases."
        ) from error
    try:
        redis.Redis.from_url(redis_url, socket_connect_timeout=5).ping()
    except redis.RedisError as error:
        raise BenchError(
            f"Redis is not reachable at {redis_url} ({error}). Set REDIS_URL or --redis-url."
        ) from error
    return version


def _corpus_tag(size: int, seed: int) -> str:
    from articles.synthetic import GENERATOR_VERSION

    return CORPUS_TAG.format(
        version=GENERATOR_VERSION, size=size, articles=articles_for(size), seed=seed
    )


# Migrations renamed when merged into main, as (app, old name) -> new name: a database
# migrated under the old name already holds the new one's schema, so its record is renamed
# before `migrate` (which would otherwise re-apply it and fail on "already exists").
RENAMED_MIGRATIONS = {("tracker", "0004_bench_indexes"): "0005_bench_indexes"}


def rename_migration_records(url: str) -> None:
    with psycopg.connect(url, autocommit=True, connect_timeout=5) as connection:
        for (app, old), new in RENAMED_MIGRATIONS.items():
            connection.execute(
                "UPDATE django_migrations SET name = %s WHERE app = %s AND name = %s"
                " AND NOT EXISTS (SELECT 1 FROM django_migrations WHERE app = %s AND name = %s)",
                [new, app, old, app, new],
            )


def prepare_database(context: BenchContext, size: int) -> None:
    """bench_<size>: reused when its tag says it holds this corpus, else made again."""
    name = database_name(size)
    url = with_database(context.database_url_base, name)
    tag = _corpus_tag(size, context.seed)
    with context.server() as server:
        row = server.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
            [name],
        ).fetchone()
        reuse = row is not None and row[0] == tag
    if reuse:
        # Same corpus: bring the schema up to date (new indexes) and reuse it; if that
        # fails the database is made again (minutes at 1,000,000 estimates) and said so.
        try:
            rename_migration_records(url)
            context.manage("migrate", "--noinput", database_url=url)
            return
        except (BenchError, psycopg.Error) as error:
            context.notes.append(
                f"- bench_{size} was made again: migrating the existing one failed "
                f"({str(error).strip().splitlines()[-1][:200]})."
            )
    with context.server() as server:
        if row is not None:
            server.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        server.execute(f'CREATE DATABASE "{name}"')
    context.manage("migrate", "--noinput", database_url=url)
    context.synthetic_seconds[size] = context.manage(
        "make_synthetic",
        f"--estimates={size}",
        f"--articles={articles_for(size)}",
        f"--seed={context.seed}",
        database_url=url,
    )
    with context.server() as server:
        server.execute(f"COMMENT ON DATABASE \"{name}\" IS '{tag}'")  # tag has no quotes


@contextlib.contextmanager
def scratch_database(context: BenchContext, name: str) -> Iterator[str]:
    """An empty database for one measurement, dropped afterwards."""
    if not name.startswith("bench_"):
        raise BenchError("benchmark databases are named bench_*")
    with context.server() as server:
        server.execute(f'DROP DATABASE IF EXISTS "{name}"')
        server.execute(f'CREATE DATABASE "{name}"')
    try:
        yield with_database(context.database_url_base, name)
    finally:
        with context.server() as server:
            server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# --- the report ----------------------------------------------------------------------------


def machine_description(postgres_version: str, redis_url: str) -> dict[str, str]:
    import redis

    cpu = platform.processor() or "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = "unknown"
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    try:
        redis_version = redis.Redis.from_url(redis_url).info("server")["redis_version"]
    except redis.RedisError:
        redis_version = "unknown"
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return {
        # This machine's speed that day: a shared host's varies by up to 2× between runs,
        # and every figure below moves with it. Compare runs by this line first.
        "Reference loop (CPU time of 10 million integer additions in Python, best of 3)": (
            f"{reference_loop_seconds():.2f} s"
        ),
        "CPU": cpu,
        "Cores": str(os.cpu_count()),
        "Memory": memory,
        "OS": platform.platform(),
        # Debian's build (PGO and LTO) runs the same code about 1.3× as fast as pyenv's.
        "Python": f"{platform.python_version()} ({os.path.realpath(sys.executable)})",
        "PostgreSQL": postgres_version,
        "Redis": redis_version,
        "Load average at start (1, 5, 15 min)": load,
    }


def reference_loop_seconds(repeats: int = 3) -> float:
    """The fastest of `repeats` runs of a fixed pure-Python loop, in CPU seconds."""
    best = float("inf")
    for _ in range(repeats):
        started, total = time.process_time(), 0
        for i in range(10_000_000):
            total += i
        best = min(best, time.process_time() - started)
    return best


def _cell(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        text = f"{value:,.3g}" if abs(value) < 1000 else f"{value:,.0f}"
    elif isinstance(value, int):
        text = f"{value:,}"
    else:
        text = str(value)
    return text.replace("|", "\\|").replace("\n", " ")


def render_report(
    rows: Sequence[dict],
    *,
    machine: dict[str, str],
    command: str,
    started: dt.datetime,
    plans: Sequence[Plan] = (),
    notes: Sequence[str] = (),
) -> str:
    lines = [
        "# Benchmarks",
        "",
        f"Measured {started:%Y-%m-%d %H:%M} UTC with `{command}`. "
        "Made by `make bench` (benchmarks/__main__.py); do not edit by hand.",
        "",
        *(f"- {key}: {value}" for key, value in machine.items()),
        "",
        "| Benchmark | Measure | Size (estimates) | Value | Unit | How it was measured |",
        "|---|---|---:|---:|---|---|",
    ]
    for row in rows:
        lines.append(
            "| "
            + " | ".join(
                _cell(row.get(key))
                for key in ("benchmark", "measure", "size", "value", "unit", "how")
            )
            + " |"
        )
    if notes:
        lines += ["", "## Notes", "", *notes]
    if plans:
        lines += ["", "## Query plans", ""]
        for plan in plans:
            lines += [
                f"### {plan.title} ({plan.size:,} estimates)",
                "",
                "```",
                plan.text,
                "```",
                "",
            ]
    return "\n".join(lines).rstrip() + "\n"


def write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text)
    os.replace(temporary, path)
