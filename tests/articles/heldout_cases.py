"""What the table tests of the held-out batches' causes share: a publication date, a small
source registry and the views of claims they compare (test_extraction_heldout3.py to
test_extraction_heldout8.py)."""

import datetime as dt
import gc
import time

from articles.extraction import KnownSource, SourceIndex, extract

# A Wednesday.
PUBLISHED = dt.date(2025, 3, 5)
HUR = "Defence Intelligence of Ukraine (HUR)"
NIS = "National Intelligence Service (NIS)"
JCS = "Joint Chiefs of Staff of South Korea (JCS)"
STAFF = "General Staff of Ukraine"
SOURCES = SourceIndex(
    [
        KnownSource(
            HUR,
            ("Ukraine's military intelligence", "HUR", "Main Directorate of Intelligence"),
            kind="intelligence",
        ),
        KnownSource("Kyrylo Budanov", ("Budanov",), parent=HUR, kind="intelligence"),
        KnownSource("Andriy Yusov", ("Yusov",), parent=HUR, kind="intelligence"),
        KnownSource(
            NIS,
            ("NIS", "National Intelligence Service", "South Korea's spy agency"),
            kind="intelligence",
        ),
        KnownSource(JCS, ("Joint Chiefs of Staff", "JCS"), kind="military"),
        KnownSource(STAFF, ("Ukraine's General Staff",), kind="military"),
        KnownSource("Yu Yong-weon", ("Rep. Yu", "Yu Yong-weon", "Yu"), kind="lawmaker"),
    ]
)


def claims(text: str) -> list:
    return extract(text, published=PUBLISHED, sources=SOURCES)


def attributed(text: str) -> list[tuple]:
    """Each claim's figure, source and relay."""
    return [(c.low, c.source, c.via) for c in claims(text)]


def dated(text: str) -> list[tuple]:
    """Each claim's figure and date."""
    return [(c.low, c.as_of) for c in claims(text)]


def metrics_of(text: str) -> list[tuple]:
    """Each claim's metric and range."""
    return [(c.metric, c.low, c.high) for c in claims(text)]


def cpu_seconds(text: str) -> float:
    """CPU time of one extraction, with the garbage collector held off: a collection that
    happens to fall inside one run (its cost grows with everything the test process holds)
    would make a linear run look quadratic."""
    gc.collect()
    gc.disable()
    try:
        started = time.process_time()
        extract(text, published=PUBLISHED)
        return time.process_time() - started
    finally:
        gc.enable()
