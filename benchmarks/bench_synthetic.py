"""How long `manage.py make_synthetic` takes to fill an empty PostgreSQL database."""

from __future__ import annotations

from benchmarks.harness import BenchContext, articles_for, scratch_database


def run(context: BenchContext | None = None) -> list[dict]:
    if context is None:
        raise RuntimeError("bench_synthetic needs the harness context (python -m benchmarks)")
    rows = []
    for size in context.sizes:
        command = (
            f"manage.py make_synthetic --estimates {size} --articles {articles_for(size)} "
            f"--seed {context.seed}"
        )
        if size in context.synthetic_seconds:
            # This run made bench_<size> just so: that was the measurement.
            seconds = context.synthetic_seconds[size]
            where = "when this run made the bench database (freshly migrated, empty)"
        else:
            with scratch_database(context, f"bench_scratch_{size}") as url:
                context.manage("migrate", "--noinput", database_url=url)
                seconds = context.manage(*command.split()[1:], database_url=url)
            where = "into a scratch database, freshly migrated and empty, dropped afterwards"
        rows.append(
            {
                "benchmark": "synthetic",
                "measure": "make_synthetic, wall time",
                "size": size,
                "value": round(seconds, 1),
                "unit": "s",
                "how": (
                    f"`{command}`, once, {where}; wall time of the process: Django start-up, "
                    "generation in Python, binary COPY, index and foreign-key builds, "
                    "VACUUM ANALYZE"
                ),
            }
        )
    return rows
