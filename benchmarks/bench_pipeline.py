"""Articles per second through the whole ingestion pipeline, with real parts.

Text in, estimates and citations out: `submit_text` writes each article and enqueues it
on Redis; a real `celery worker` (prefork, 2 processes) runs dedupe → extraction →
matching → flag against PostgreSQL. Needs DATABASE_URL and REDIS_URL; it makes its own
throwaway database next to DATABASE_URL's (dropped at the end) and its own queue, so it
neither reads nor disturbs anything else.

Measures:
- `pipeline_articles_per_second`: N articles queued first, then the worker started; the
  rate is N over the span between the first and the last article finished (worker start
  up excluded);
- `submit_articles_per_second`: how fast one process writes and enqueues articles;
- `end_to_end_articles_per_second`: submitting and processing at once, from the first
  submission to the last article finished.

The articles are generated from varied sentences (own words): one in three repeats a
figure already on record (becoming a citation), the others give a new figure (a proposed
estimate and a citation), as a day's news about one deployment does.

Under the harness (`make bench`, run(context)): HARNESS_COUNT articles, the first
measure only (one row, size-independent), on the harness's PostgreSQL server and Redis.

Run: `DATABASE_URL=... REDIS_URL=... python -m benchmarks.bench_pipeline [N]`.
"""

from __future__ import annotations

import json
import os
import random
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_COUNT = 3000
# Enough articles that the run's edges (the first task's start, the analysis that trails
# the last article by REFRESH_DELAY_SECONDS) are a small part of the span: with 300 they
# were a fifth of it, and the figure said more about the edges than about the rate.
HARNESS_COUNT = 1500
WORKERS = 2

_SUBJECTS = [
    "officials",
    "analysts",
    "diplomats",
    "observers",
    "reporters",
    "volunteers",
    "researchers",
    "monitors",
]
_ADJECTIVES = [
    "northern",
    "muddy",
    "frozen",
    "contested",
    "quiet",
    "shelled",
    "abandoned",
    "forward",
    "eastern",
    "rural",
]
_PLACES = [
    "Sudzha",
    "Lgov",
    "Rylsk",
    "Glushkovo",
    "Korenevo",
    "Sumy",
    "Belgorod",
    "Kurchatov",
    "Oboyan",
    "Zheleznogorsk",
    "Tetkino",
    "Plekhovo",
    "Sverdlikovo",
    "Guyevo",
    "Martynovka",
    "Malaya",
    "Loknya",
]
_NOUNS = [
    "road",
    "bridge",
    "village",
    "depot",
    "treeline",
    "crossing",
    "airfield",
    "railway",
    "farm",
    "checkpoint",
]
_VERBS = [
    "shelled",
    "crossed",
    "cleared",
    "mined",
    "held",
    "abandoned",
    "retaken",
    "watched",
    "supplied",
    "patrolled",
]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_SOURCES = (
    ("Ukraine's military intelligence", "said on {day}"),
    ("South Korea's National Intelligence Service", "told lawmakers on {day}"),
    ("US officials", "said on {day}"),
    ("the Pentagon", "said on {day}"),
)
_METRICS = ("killed", "wounded", "captured")


def _filler(rng: random.Random) -> str:
    return (
        f"{rng.choice(_SUBJECTS).capitalize()} near {rng.choice(_PLACES)} said the "
        f"{rng.choice(_ADJECTIVES)} {rng.choice(_NOUNS)} by {rng.choice(_PLACES)} was "
        f"{rng.choice(_VERBS)} on {rng.choice(_DAYS)}, and the {rng.choice(_ADJECTIVES)} "
        f"{rng.choice(_NOUNS)} east of {rng.choice(_PLACES)} was {rng.choice(_VERBS)} later."
    )


def article_text(i: int) -> str:
    """Report i: three varied sentences around one figure about North Korean troops."""
    rng = random.Random(i)
    source, said = rng.choice(_SOURCES)
    metric = rng.choice(_METRICS)
    # One in three repeats one of a few figures already given (the same briefing told
    # again); the others give a new figure.
    figure = 400 + (i % 5) * 10 if i % 3 == 0 else 1000 + i
    day = rng.choice(_DAYS)
    claim = f"{source[0].upper()}{source[1:]} {said.format(day=day)} that {figure:,} North "
    claim += {
        "killed": "Korean soldiers had been killed in the fighting so far.",
        "wounded": "Korean soldiers had been wounded in the fighting so far.",
        "captured": "Korean soldiers had been captured by Ukrainian forces so far.",
    }[metric]
    return " ".join([_filler(rng), claim, _filler(rng), _filler(rng)])


# ---------------------------------------------------------------------------------------
# Driver side (runs in a subprocess with DATABASE_URL pointing at the throwaway database).


def _django(queue: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
    import django

    django.setup()
    from tracker.celery import app

    app.conf.task_default_queue = queue


def drive_submit(count: int, queue: str, offset: int) -> dict:
    import datetime as dt

    _django(queue)
    from articles import services

    published = dt.date(2025, 3, 5)
    started = time.perf_counter()
    for i in range(offset, offset + count):
        services.submit_text(text=article_text(i), outlet="Bench Wire", published=published)
    return {"seconds": time.perf_counter() - started}


def drive_wait(count: int, queue: str, timeout: float) -> dict:
    _django(queue)
    from django.db.models import Max, Min, Sum

    from articles.models import Article
    from articles.services import analysis_pending
    from tracker.models import Citation, Estimate

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not Article.objects.exclude(status__in=Article.FINAL_STATUSES).exists():
            break
        time.sleep(0.25)
    # The analysis of the last articles runs a moment after them: it is part of the work.
    while analysis_pending() and time.monotonic() < deadline:
        time.sleep(0.05)
    analysed_at = time.time()
    span = Article.objects.filter(processed_at__isnull=False).aggregate(
        first=Min("processed_at"), last=Max("processed_at")
    )
    statuses: dict[str, int] = {}
    for status in Article.objects.values_list("status", flat=True):
        statuses[status] = statuses.get(status, 0) + 1
    seconds = tail = None
    if span["first"]:
        last = max(span["last"].timestamp(), analysed_at)
        seconds = last - span["first"].timestamp()
        tail = last - span["last"].timestamp()
    return {
        "statuses": statuses,
        "span_seconds": seconds,
        # The analysis after the last article: its refresh waits REFRESH_DELAY_SECONDS
        # to gather a burst's estimates (services.flag), then runs.
        "tail_seconds": tail,
        "estimates": Estimate.objects.count(),
        "citations": Citation.objects.count(),
        # What the analysis counted: equal to `citations` once it has caught up.
        "counted": Estimate.objects.aggregate(n=Sum("citation_count"))["n"] or 0,
        "finished_at": time.time(),
    }


# ---------------------------------------------------------------------------------------
# Orchestration.


def _database_url(name: str) -> str:
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, ""))


def _admin(sql: str) -> None:
    import psycopg

    # The maintenance database of the same server: the named one may not exist yet.
    url = _database_url("postgres").replace("postgres://", "postgresql://", 1)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(sql)


def _run(args: list[str], env: dict[str, str]) -> str:
    result = subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode:
        raise RuntimeError(f"{' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return result.stdout


def run_worker(queue: str) -> None:
    """`celery worker` on the bench's queue, which is also its default queue: the tasks
    the pipeline enqueues itself (the analysis refresh) stay on the bench's queue."""
    from tracker.celery import app

    app.conf.task_default_queue = queue
    app.worker_main(
        ["worker", "--pool=prefork", f"--concurrency={WORKERS}", "-Q", queue,
         "--without-gossip", "--without-mingle", "--without-heartbeat", "--loglevel=WARNING"]
    )  # fmt: skip


def _worker(env: dict[str, str], queue: str) -> subprocess.Popen:
    return subprocess.Popen(  # noqa: S603 - our own worker
        [sys.executable, "-m", "benchmarks.bench_pipeline", "worker", queue],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )  # fmt: skip


def _stop(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    except ProcessLookupError:
        pass


def _connect(name: str):
    import psycopg

    url = _database_url(name).replace("postgres://", "postgresql://", 1)
    return psycopg.connect(url, autocommit=True)


def _cpu_seconds(pids: set[int]) -> dict[int, float]:
    """User + system CPU of each of these processes so far, from /proc (Linux)."""
    ticks = os.sysconf("SC_CLK_TCK")
    found = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError, IndexError):
            continue
        found[pid] = (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
    return found


def _group(leader: int) -> set[int]:
    """The worker's processes: its session leader and the pool it forked."""
    pids = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except (FileNotFoundError, ProcessLookupError):
                continue
            if int(fields[2]) == leader:  # process group id
                pids.add(int(entry.name))
    return pids


class CPUMeter:
    """CPU spent by the worker's processes and by PostgreSQL's backends for the bench
    database between two snapshots: per-article cost that other load on the machine
    does not inflate the way it inflates wall time."""

    def __init__(self, worker: subprocess.Popen, name: str) -> None:
        self.worker, self.name = worker, name
        self.connection = _connect(name)

    def processed(self) -> int:
        return self.connection.execute(
            "SELECT count(*) FROM articles_article WHERE processed_at IS NOT NULL"
        ).fetchone()[0]

    def snapshot(self) -> tuple[dict[int, float], dict[int, float]]:
        backends = {
            row[0]
            for row in self.connection.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
                [self.name],
            )
        }
        return _cpu_seconds(_group(self.worker.pid)), _cpu_seconds(backends)

    def close(self) -> None:
        self.connection.close()


def _spent(before: dict[int, float], after: dict[int, float]) -> float:
    return sum(value - before.get(pid, 0.0) for pid, value in after.items())


def _row(measure: str, value, how: str) -> dict:
    return {"benchmark": "pipeline", "measure": measure, "value": value, "how": how}


def run(context=None, count: int | None = None) -> list[dict]:
    """With the harness's context: its PostgreSQL server and Redis, HARNESS_COUNT articles
    (bounded: about a minute), one row per measure, size-independent (own database)."""
    if context is not None:
        os.environ["DATABASE_URL"] = context.database_url(context.sizes[0])
        os.environ["REDIS_URL"] = context.redis_url
    count = count or (HARNESS_COUNT if context is not None else DEFAULT_COUNT)
    if not os.environ.get("DATABASE_URL") or not os.environ.get("REDIS_URL"):
        return [
            _row(
                "pipeline_articles_per_second",
                None,
                "skipped: needs DATABASE_URL (PostgreSQL) and REDIS_URL",
            )
        ]
    name = f"bench_pipeline_{secrets.token_hex(4)}"
    queue = f"bench-pipeline-{secrets.token_hex(4)}"
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(name),
        # Production settings, as a deployed worker runs: DEBUG would also keep a log
        # of every query in each worker process.
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "LOG_LEVEL": "WARNING",
    }
    me = ["-m", "benchmarks.bench_pipeline"]
    _admin(f'CREATE DATABASE "{name}"')
    worker = None
    try:
        _run(["manage.py", "migrate", "--noinput", "-v", "0"], env)
        _run(["manage.py", "load_demo"], env)
        # 1. Queue `count` articles with no worker running, then drain them.
        submit = json.loads(_run([*me, "submit", str(count), queue, "0"], env))
        worker = _worker(env, queue)
        meter = CPUMeter(worker, name)
        deadline = time.monotonic() + 120
        while meter.processed() == 0 and time.monotonic() < deadline:
            time.sleep(0.05)  # the worker starting up is not the pipeline's cost
        first = meter.processed(), meter.snapshot()
        drained = json.loads(_run([*me, "wait", str(count), queue, "600"], env))
        last = meter.processed(), meter.snapshot()
        meter.close()
        measured = max(last[0] - first[0], 1)
        worker_ms = 1000 * _spent(first[1][0], last[1][0]) / measured
        postgres_ms = 1000 * _spent(first[1][1], last[1][1]) / measured
        if context is None:
            # 2. Submit more while the worker runs: end to end.
            before = drained["citations"]
            started = time.time()
            end_to_end = subprocess.Popen(  # noqa: S603
                [sys.executable, *me, "submit", str(count // 2), queue, str(count)],
                cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True,
            )  # fmt: skip
            end_to_end.communicate(timeout=600)
            after = json.loads(_run([*me, "wait", str(count), queue, "600"], env))
            e2e_seconds = after["finished_at"] - started
    finally:
        if worker is not None:
            _stop(worker)
        _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    done = drained["statuses"]
    how = (
        f"{count} generated reports queued on Redis, then drained by a real celery worker "
        f"(prefork, {WORKERS} processes) into PostgreSQL; first to last finished"
    )
    pipeline = _row(
        "articles/s through the pipeline" if context else "pipeline_articles_per_second",
        round((count - 1) / drained["span_seconds"], 1),
        f"{how}, the analysis after the last one included "
        f"({drained['tail_seconds']:.2f} s of {drained['span_seconds']:.2f} s); "
        f"statuses {done}, {drained['estimates']} estimates, "
        f"{drained['citations']} citations ({drained['counted']} counted by the analysis); "
        f"submitting them from one process ran at "
        f"{count / submit['seconds']:.0f} articles/s",
    )
    cpu_how = (
        f"CPU (user + system, from /proc) per article over the {measured} articles "
        "finished after the first one, "
    )
    cpu = [
        _row(
            "worker CPU per article" if context else "worker_cpu_ms_per_article",
            round(worker_ms, 1),
            cpu_how + f"summed over the celery worker's {WORKERS + 1} processes",
        ),
        _row(
            "PostgreSQL CPU per article" if context else "postgres_cpu_ms_per_article",
            round(postgres_ms, 1),
            cpu_how + "summed over the PostgreSQL backends serving the bench database",
        ),
    ]
    if context is not None:
        # The harness's table: one row per measure, bounded (no end-to-end phase).
        return [{**pipeline, "unit": "articles/s"}, *({**row, "unit": "ms"} for row in cpu)]
    return [
        pipeline,
        *cpu,
        _row(
            "submit_articles_per_second",
            round(count / submit["seconds"], 1),
            "submit_text (article row + enqueue after commit) from one process",
        ),
        _row(
            "end_to_end_articles_per_second",
            round((count // 2) / e2e_seconds, 1),
            f"{count // 2} more submitted while the worker runs, first submission to last "
            f"finished ({after['citations'] - before} citations added)",
        ),
    ]


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "submit":
        print(json.dumps(drive_submit(int(sys.argv[2]), sys.argv[3], int(sys.argv[4]))))
    elif len(sys.argv) > 1 and sys.argv[1] == "worker":
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
        import django

        django.setup()
        run_worker(sys.argv[2])
    elif len(sys.argv) > 1 and sys.argv[1] == "wait":
        print(json.dumps(drive_wait(int(sys.argv[2]), sys.argv[3], float(sys.argv[4]))))
    else:
        for row in run(count=int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_COUNT):
            print(json.dumps(row))
