"""`make bench` (python -m benchmarks): runs every benchmarks/bench_*.py, writes docs/benchmarks.md.

    python -m benchmarks [--sizes 10000,100000,1000000] [--only queries,load]
                         [--load-seconds 20] [--load-connections 8] [--seed 1]
                         [--database-url postgres://…/postgres] [--redis-url redis://…]
                         [--output docs/benchmarks.md]

Needs PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres; its
user creates and drops the bench_* databases) and Redis (REDIS_URL). See harness.py for
what a benchmark module receives.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import inspect
import os
import pkgutil
import shlex
import sys
import time
import traceback
from pathlib import Path

from benchmarks import harness


def parse_sizes(text: str) -> list[int]:
    try:
        sizes = sorted({int(part.replace("_", "")) for part in text.split(",") if part.strip()})
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"sizes are whole numbers: {text!r}") from error
    if not sizes or sizes[0] < 100:
        raise argparse.ArgumentTypeError("give one or more sizes of at least 100 estimates")
    return sizes


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "--sizes",
        type=parse_sizes,
        default=list(harness.DEFAULT_SIZES),
        help="database sizes in estimates, comma-separated (default 10000,100000,1000000)",
    )
    parser.add_argument(
        "--only", default="", help="comma-separated modules to run (synthetic,queries,load,…)"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--load-seconds", type=int, default=20)
    parser.add_argument("--load-connections", type=int, default=8)
    parser.add_argument(
        "--database-url",
        default=os.environ.get("DATABASE_URL") or harness.DEFAULT_DATABASE_URL,
        help="any database on the PostgreSQL server to use (its bench_* databases are made)",
    )
    parser.add_argument(
        "--redis-url", default=os.environ.get("REDIS_URL") or harness.DEFAULT_REDIS_URL
    )
    parser.add_argument("--output", type=Path, default=harness.BASE_DIR / "docs" / "benchmarks.md")
    return parser.parse_args(argv)


def discover(only: str) -> list[str]:
    import benchmarks

    names = sorted(
        info.name
        for info in pkgutil.iter_modules(benchmarks.__path__)
        if info.name.startswith("bench_")
    )
    if only:
        wanted = {f"bench_{n.strip().removeprefix('bench_')}" for n in only.split(",") if n}
        unknown = wanted - set(names)
        if unknown:
            raise harness.BenchError(f"no such benchmark module(s): {sorted(unknown)}")
        names = [n for n in names if n in wanted]
    return names


def call_run(module, context: harness.BenchContext) -> list[dict]:
    parameters = inspect.signature(module.run).parameters
    return module.run(context) if parameters else module.run()


def setup_django(context: harness.BenchContext) -> None:
    """This process runs Django too (for in-process measurements), with the bench settings."""
    os.environ.update(context.env)
    os.environ["DATABASE_URL"] = harness.with_database(
        context.database_url_base, harness.database_name(context.sizes[0])
    )
    import django

    django.setup()


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    started = dt.datetime.now(dt.UTC)
    try:
        names = discover(args.only)
        postgres_version = harness.check_services(args.database_url, args.redis_url)
    except harness.BenchError as error:
        print(f"benchmarks: {error}", file=sys.stderr)
        return 2
    context = harness.BenchContext(
        sizes=args.sizes,
        database_url_base=args.database_url,
        redis_url=args.redis_url,
        seed=args.seed,
        load_seconds=args.load_seconds,
        load_connections=args.load_connections,
    )
    machine = harness.machine_description(postgres_version, args.redis_url)
    setup_django(context)
    # DEBUG is off, so pages need the collected static files and their manifest.
    context.manage(
        "collectstatic", "--noinput", "--verbosity=0", database_url=os.environ["DATABASE_URL"]
    )

    rows: list[dict] = []
    failed = False
    for name in names:
        print(f"== {name}", flush=True)
        tick = time.perf_counter()
        try:
            module = importlib.import_module(f"benchmarks.{name}")
            produced = call_run(module, context)
        except Exception as error:  # one module failing must not lose the others' figures
            failed = True
            traceback.print_exc()
            produced = [
                {
                    "benchmark": name.removeprefix("bench_"),
                    "measure": "FAILED",
                    "how": f"{type(error).__name__}: {error}"[:300],
                }
            ]
        for row in produced:
            print(
                "   ",
                row.get("measure"),
                row.get("size", ""),
                row.get("value"),
                row.get("unit", ""),
                flush=True,
            )
        rows.extend(produced)
        print(f"   ({time.perf_counter() - tick:.0f} s)", flush=True)

    command = "python -m benchmarks " + shlex.join(sys.argv[1:] if argv is None else argv)
    report = harness.render_report(
        rows,
        machine=machine,
        command=command.strip(),
        started=started,
        plans=context.plans,
        notes=context.notes,
    )
    harness.write_atomically(args.output, report)
    print(f"wrote {args.output}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
