"""Instructions per pass of the extraction engine, counted by callgrind: a measure of its
cost that does not drift with how busy a shared host is (`make bench` times CPU seconds,
which do).

    python -m benchmarks.extraction_instructions

Runs the benchmark's reports (benchmarks/bench_extraction.py: the own dense reports and,
when present, the seed news reports) through `extract` once and three times under
`valgrind --tool=callgrind`; half the difference is one pass, start-up and imports cancelled
out. Needs valgrind (Debian's package). Not run by `make bench` (about a minute).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _passes(count: int) -> None:
    from articles.extraction import extract
    from articles.extraction.evaluate import load_sources
    from benchmarks.bench_extraction import _news_reports, _reports

    index = load_sources()
    reports = _news_reports() + _reports()
    for _ in range(count):
        for text, published in reports:
            extract(text, published=published, sources=index)


def _instructions(count: int) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        command = [
            "valgrind",
            "--tool=callgrind",
            f"--callgrind-out-file={tmp}/out",
            sys.executable,
            "-m",
            "benchmarks.extraction_instructions",
            "--passes",
            str(count),
        ]
        # Fixed arguments; Debian's valgrind found on PATH.
        result = subprocess.run(  # noqa: S603
            command, cwd=ROOT, capture_output=True, text=True, check=True
        )
    found = re.search(r"Collected : (\d+)", result.stderr)
    if found is None:
        raise SystemExit(f"callgrind printed no count:\n{result.stderr[-2000:]}")
    return int(found.group(1))


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--passes":
        _passes(int(sys.argv[2]))
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed: apt-get install valgrind")
    once, thrice = _instructions(1), _instructions(3)
    print(f"{(thrice - once) / 2 / 1e6:.1f} M instructions per pass over the benchmark reports")


if __name__ == "__main__":
    main()
