"""How long `manage.py make_synthetic` takes to fill an empty PostgreSQL database."""

from __future__ import annotations

from benchmarks.harness import BenchContext, articles_for, scratch_database


def run(context: BenchContext | None = None) -> list[dict]:
    if context is None:
        raise RuntimeError("bench_synthetic needs the harness context (python -m benchmarks)")
    rows = []
    for size in context.sizes:
        with scratch_database(context, f"bench_scratch_{size}") as url:
            context.manage("migrate", "--noinput", database_url=url)
            seconds = context.manage(
                "make_synthetic",
                f"--estimates={size}",
                f"--articles={articles_for(size)}",
                f"--seed={context.seed}",
                database_url=url,
            )
        rows.append(
            {
                "benchmark": "synthetic",
                "measure": "make_synthetic, wall time",
                "size": size,
                "value": round(seconds, 1),
                "unit": "s",
                "how": (
                    f"`manage.py make_synthetic --estimates {size} --articles "
                    f"{articles_for(size)}` into a freshly migrated empty database, once; "
                    "includes Django start-up, binary COPY, index builds and VACUUM ANALYZE"
                ),
            }
        )
    return rows
