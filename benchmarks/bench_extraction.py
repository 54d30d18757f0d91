"""Extraction throughput: reports of about 4 KB a second, on one core, in one process.

python -m benchmarks.bench_extraction
"""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import articles.extraction
from articles.extraction import extract
from articles.extraction.evaluate import EVAL_DIR, load_sources

REPORT_BYTES = 4_000


# Real news reports, when this machine has them: the seed reports beside the project
# (development material; read at run time, never copied into the project).
SEEDS_DIR = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def _four_kb(
    texts: list[str], dates: list[dt.date | None], *, by_paragraph: bool = False
) -> list[tuple[str, dt.date | None]]:
    """About 4 KB reports: each text followed by the next ones (whole, or paragraph by
    paragraph with `by_paragraph`) until 4 KB.

    Different reports are concatenated rather than one repeated, because the engine drops
    repeated lines (captions, echoed headlines) and a repeated text would cost too little.
    """
    out = []
    for i, published in enumerate(dates):
        body, j = texts[i], i
        while len(body.encode()) < REPORT_BYTES:
            j = (j + 1) % len(texts)
            parts = texts[j].split("\n") if by_paragraph else [texts[j]]
            for part in filter(str.strip, parts):
                body += "\n\n" + part
                if len(body.encode()) >= REPORT_BYTES:
                    break
        out.append((body, published))
    return out


def _reports() -> list[tuple[str, dt.date | None]]:
    """The own eval reports, made up to 4 KB: written to test the engine, so denser in
    figures than news (about 14 claims per report against 8 for the seeds)."""
    meta = json.loads((EVAL_DIR / "reports.json").read_text())["files"]
    names = sorted(meta)
    texts = [(EVAL_DIR / "reports" / name).read_text(encoding="utf-8") for name in names]
    dates = [meta[n].get("published") for n in names]
    return _four_kb(texts, [dt.date.fromisoformat(d) if d else None for d in dates])


def _news_reports(seeds: Path = SEEDS_DIR) -> list[tuple[str, dt.date | None]]:
    """The seed reports (real news, 5 to 9 figures each), each followed by the next one's
    paragraphs up to 4 KB; [] without them."""
    try:
        index = json.loads((seeds / "index.json").read_text())
        texts = [(seeds / entry["file"]).read_text(encoding="utf-8") for entry in index]
    except (OSError, ValueError, KeyError):
        return []
    dates = [entry.get("published") for entry in index]
    return _four_kb(
        texts, [dt.date.fromisoformat(d) if d else None for d in dates], by_paragraph=True
    )


def _rate(
    reports: list[tuple[str, dt.date | None]], seconds: float
) -> tuple[float, int, float, float]:
    """Reports a second (CPU time, this process), the extractions counted, mean KB, mean
    claims per report."""
    index = load_sources()
    claims = 0
    for text, published in reports:  # warm up: compile patterns, fill caches
        claims += len(extract(text, published=published, sources=index))
    count, started = 0, time.process_time()
    while time.process_time() - started < seconds:
        for text, published in reports:
            extract(text, published=published, sources=index)
        count += len(reports)
    elapsed = time.process_time() - started
    mean_kb = sum(len(t.encode()) for t, _ in reports) / len(reports) / 1000
    return count / elapsed, count, mean_kb, claims / len(reports)


def run(context=None, seconds: float = 3.0) -> list[dict]:
    """Size-independent (no database). `context` (the harness's) is not needed."""
    engine = f"engine {articles.extraction.BUILD} (see articles/extraction/build.py)"
    rows = []
    value, count, mean_kb, claims = _rate(_reports(), seconds)
    rows.append(
        {
            "benchmark": "extraction",
            "measure": "reports/s on one core (own dense reports)",
            "unit": "reports/s",
            "value": round(value, 1),
            "how": f"27 own eval reports, each followed by the next ones to ~{mean_kb:.1f} KB "
            f"({claims:.1f} claims each), with the eval source registry, single process, CPU "
            f"time over {count} extractions; {engine}",
        }
    )
    news = _news_reports()
    if news:
        value, count, mean_kb, claims = _rate(news, seconds)
        rows.append(
            {
                "benchmark": "extraction",
                "measure": "reports/s on one core (real news reports)",
                "unit": "reports/s",
                "value": round(value, 1),
                "how": f"the {len(news)} seed news reports (../shared/seeds, read at run "
                f"time), each followed by the next one's paragraphs to ~{mean_kb:.1f} KB "
                f"({claims:.1f} claims each), as above; {engine}",
            }
        )
    return rows


if __name__ == "__main__":
    for row in run():
        print(json.dumps(row))
