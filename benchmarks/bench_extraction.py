"""Extraction throughput: reports of about 4 KB a second, on one core, in one process.

python -m benchmarks.bench_extraction
"""

from __future__ import annotations

import datetime as dt
import json
import time

import articles.extraction
from articles.extraction import extract
from articles.extraction.evaluate import EVAL_DIR, load_sources

REPORT_BYTES = 4_000


def _reports() -> list[tuple[str, dt.date | None]]:
    """About 4 KB reports: each own eval report followed by the next ones until 4 KB.

    Different reports are concatenated rather than one repeated, because the engine drops
    repeated lines (captions, echoed headlines) and a repeated text would cost too little.
    """
    meta = json.loads((EVAL_DIR / "reports.json").read_text())["files"]
    names = sorted(meta)
    texts = [(EVAL_DIR / "reports" / name).read_text(encoding="utf-8") for name in names]
    out = []
    for i, name in enumerate(names):
        body, j = texts[i], i
        while len(body.encode()) < REPORT_BYTES:
            j = (j + 1) % len(texts)
            body += "\n\n" + texts[j]
        published = meta[name].get("published")
        out.append((body, dt.date.fromisoformat(published) if published else None))
    return out


def run(context=None, seconds: float = 3.0) -> list[dict]:
    """Size-independent (no database): one row. `context` (the harness's) is not needed."""
    reports = _reports()
    index = load_sources()
    for text, published in reports:  # warm up: compile patterns, fill caches
        extract(text, published=published, sources=index)
    count, started = 0, time.process_time()
    while time.process_time() - started < seconds:
        for text, published in reports:
            extract(text, published=published, sources=index)
        count += len(reports)
    elapsed = time.process_time() - started
    mean_kb = sum(len(t.encode()) for t, _ in reports) / len(reports) / 1000
    return [
        {
            "benchmark": "extraction",
            "measure": "reports/s on one core",
            "unit": "reports/s",
            "value": round(count / elapsed, 1),
            "how": f"{len(reports)} own eval reports, each followed by the next ones to "
            f"~{mean_kb:.1f} KB, with the eval "
            f"source registry, single process, CPU time over {count} extractions; "
            f"engine {articles.extraction.BUILD} (see articles/extraction/build.py)",
        }
    ]


if __name__ == "__main__":
    for row in run():
        print(json.dumps(row))
