"""The analysis rules as plain Python over light rows: no database here.

The same rules are written once more in SQL for the stored counters (see
corroboration.py), which a full refresh uses; the refresh after a write counts the few
estimates it can change with `originator_counts` here. Tests pin the two to the same
answers.

- Range of an estimate: [lo, hi] with lo = low, else best (unless "at most"), else 0;
  hi = high, else best (unless "at least"), else unbounded. "About 11,000" is the point
  11,000: an approximate figure is not widened, so 11,000 and 12,000 disagree.
- Period window: two estimates are in the same period when their as-of dates agree at the
  coarsest of the configured window (settings.DISCREPANCY_WINDOW: day, month or year) and
  the precision of each. With the default "month": two day- or month-precision figures of
  the same calendar month; a year-precision figure against anything in its year.
- Originator: a source counts together with its parent (Budanov speaks for HUR), up to
  three levels up; the intermediary (`via`) is never an originator.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import NamedTuple

UNBOUNDED = 2_147_483_647  # above any PositiveIntegerField value

LEVELS = {"day": 0, "month": 1, "year": 2}
WINDOWS = tuple(LEVELS)
ROOT_DEPTH = 3  # how many parents up a source is folded into its originator


class Row(NamedTuple):
    """What the rules need of an estimate (a named tuple: groups of 10,000s are read)."""

    id: int
    version: int
    deployment_id: int
    metric_id: int
    contingent_id: int | None
    source_id: int
    root_id: int
    as_of: dt.date
    precision: str
    lo: int
    hi: int
    live: bool  # not deleted, not rejected
    supersedes_id: int | None = None
    figure: tuple[int | None, int | None, int | None, str] = (None, None, None, "exact")
    originator_count: int = 0  # as stored


def bounds(low: int | None, best: int | None, high: int | None, qualifier: str) -> tuple[int, int]:
    lo = low if low is not None else (best if best is not None and qualifier != "at_most" else 0)
    hi = (
        high
        if high is not None
        else (best if best is not None and qualifier != "at_least" else UNBOUNDED)
    )
    return lo, hi


def overlap(a: Row, b: Row) -> bool:
    return a.lo <= b.hi and b.lo <= a.hi


def level(window: str, *precisions: str) -> int:
    lvl = LEVELS[window]
    for precision in precisions:
        if LEVELS[precision] > lvl:
            lvl = LEVELS[precision]
    return lvl


def bucket(date: dt.date, lvl: int) -> tuple[int, ...]:
    if lvl == 2:
        return (date.year,)
    if lvl == 1:
        return (date.year, date.month)
    return (date.year, date.month, date.day)


def same_window(a: Row, b: Row, window: str) -> bool:
    lvl = level(window, a.precision, b.precision)
    return bucket(a.as_of, lvl) == bucket(b.as_of, lvl)


def earlier(a: Row, b: Row) -> bool:
    """a is strictly before b, compared at the coarser of the two precisions."""
    lvl = level("day", a.precision, b.precision)
    return bucket(a.as_of, lvl) < bucket(b.as_of, lvl)


def roots(parents: Mapping[int, int | None]) -> dict[int, int]:
    """Each source's originator: its ancestor up to ROOT_DEPTH levels up (as the SQL does)."""
    result = {}
    for source_id in parents:
        root = source_id
        for _ in range(ROOT_DEPTH):
            parent = parents.get(root)
            if parent is None:
                break
            root = parent
        result[source_id] = root
    return result


def predecessors(rows: Iterable[Row]) -> dict[int, int | None]:
    """For each live row: the same originator's newest strictly earlier live row, if any.

    Rows are one group (deployment, metric, contingent). Ties on the date are not
    revisions of each other (they are a disagreement, see value_conflicts).
    """
    by_root: dict[int, list[Row]] = defaultdict(list)
    for row in rows:
        if row.live:
            by_root[row.root_id].append(row)
    result: dict[int, int | None] = {}
    for chain in by_root.values():
        chain.sort(key=lambda r: (r.as_of, r.id))
        for index, row in enumerate(chain):
            found = None
            for candidate in reversed(chain[:index]):
                if earlier(candidate, row):
                    found = candidate.id
                    break
            result[row.id] = found
    return result


def _window_label(key: tuple[int, ...]) -> str:
    if len(key) == 1:
        return f"{key[0]:04d}"
    if len(key) == 2:
        return dt.date(key[0], key[1], 1).strftime("%B %Y")
    return dt.date(*key).isoformat()


@dataclass(frozen=True)
class Conflict:
    """Estimates of one period whose ranges do not all overlap."""

    window: str  # "October 2024", "2024", "2025-02-26"
    key: str  # stable identity of the window, for the fingerprint
    row_ids: tuple[int, ...]


def window_key(lvl: int, key: tuple[int, ...]) -> str:
    """A window's stable identity, as its value discrepancy's fingerprint spells it."""
    return f"{lvl}:{'-'.join(map(str, key))}"


def windows_of(row_level: int, date: dt.date) -> list[tuple[int, tuple[int, ...]]]:
    """The (level, bucket) windows a row of this level and date belongs to."""
    return [(lvl, bucket(date, lvl)) for lvl in range(row_level, 3)]


def value_conflicts(
    rows: Iterable[Row], window: str, only: set[tuple[int, tuple[int, ...]]] | None = None
) -> list[Conflict]:
    """Per window, the live rows that disagree with at least one other row of that window.

    A pair belongs to the window at the coarsest level of (setting, its two precisions).
    For each window the "anchors" are the rows whose own level is that window's level,
    and the "members" every row at that level or finer in it; a pair needs one anchor.
    A row disagrees with a set when the set's highest low is above its high or its
    lowest high below its low, so each window is one pass, not a pass per pair.
    `only`: just these (level, bucket) windows (see windows_of).
    """
    live = [r for r in rows if r.live]
    groups: dict[tuple[int, tuple[int, ...]], tuple[list[Row], list[Row]]] = {}
    for row in live:
        own = level(window, row.precision)
        for lvl in range(own, 3):
            key = (lvl, bucket(row.as_of, lvl))
            if only is not None and key not in only:
                continue
            anchors, members = groups.setdefault(key, ([], []))
            members.append(row)
            if lvl == own:
                anchors.append(row)
    conflicts = []
    for (lvl, key), (anchors, members) in sorted(groups.items()):
        if not anchors or len(members) < 2:
            continue
        involved = set()
        max_lo_m, min_hi_m = max(r.lo for r in members), min(r.hi for r in members)
        max_lo_a, min_hi_a = max(r.lo for r in anchors), min(r.hi for r in anchors)
        for r in anchors:
            if max_lo_m > r.hi or min_hi_m < r.lo:
                involved.add(r.id)
        for r in members:
            if max_lo_a > r.hi or min_hi_a < r.lo:
                involved.add(r.id)
        if involved:
            conflicts.append(
                Conflict(
                    window=_window_label(key),
                    key=window_key(lvl, key),
                    row_ids=tuple(sorted(involved)),
                )
            )
    return conflicts


def before_start(row: Row, start: dt.date, start_precision: str) -> bool:
    lvl = level("day", row.precision, start_precision)
    return bucket(row.as_of, lvl) < bucket(start, lvl)


def year_apart_pairs(rows: Iterable[Row]) -> list[tuple[Row, Row]]:
    """Live pairs giving overlapping figures for the same month of consecutive years:
    the signature of a wrong year ("October 2023" for "October 2024")."""
    by_month: dict[tuple[int, int], list[Row]] = defaultdict(list)
    for row in rows:
        if row.live and row.precision != "year":
            by_month[(row.as_of.year, row.as_of.month)].append(row)
    pairs = []
    for (year, month), older in sorted(by_month.items()):
        for newer in by_month.get((year + 1, month), []):
            for old in older:
                if overlap(old, newer):
                    pairs.append((old, newer))
    return pairs


def originator_counts(rows: Iterable[Row], targets: Iterable[Row], window: str) -> dict[int, int]:
    """For each target: how many distinct originators give it, or a figure agreeing with it
    (a live row of the same period window whose range overlaps its own); its own
    originator always counts. `rows` are one group's and hold every row of the targets'
    windows. Per window and originator the ranges are kept sorted by their low end with
    the running highest high, so each target asks each originator one bisection."""
    targets = list(targets)
    wanted: set[tuple[str, int, tuple[int, ...]]] = set()
    for target in targets:
        for precision in LEVELS:
            lvl = level(window, target.precision, precision)
            wanted.add((precision, lvl, bucket(target.as_of, lvl)))
    cells: dict[tuple[str, int, tuple[int, ...]], dict[int, list[tuple[int, int]]]] = {}
    for row in rows:
        if not row.live:
            continue
        for lvl in range(level(window, row.precision), 3):
            key = (row.precision, lvl, bucket(row.as_of, lvl))
            if key in wanted:
                cells.setdefault(key, defaultdict(list))[row.root_id].append((row.lo, row.hi))
    reach: dict[tuple, list[tuple[int, list[int], list[int]]]] = {}
    for key, by_root in cells.items():
        reach[key] = []
        for root, ranges in by_root.items():
            ranges.sort()
            highest, running = [], -1
            for _, hi in ranges:
                running = max(running, hi)
                highest.append(running)
            reach[key].append((root, [lo for lo, _ in ranges], highest))
    # Many targets of one window give the same range: each (window, range) is asked once.
    agreeing: dict[tuple, frozenset[int]] = {}
    result = {}
    for target in targets:
        found = {target.root_id}
        for precision in LEVELS:
            lvl = level(window, target.precision, precision)
            key = (precision, lvl, bucket(target.as_of, lvl))
            roots = agreeing.get((key, target.lo, target.hi))
            if roots is None:
                roots = agreeing[key, target.lo, target.hi] = frozenset(
                    root
                    for root, lows, highest in reach.get(key, ())
                    if (i := bisect_right(lows, target.hi)) and highest[i - 1] >= target.lo
                )
            found |= roots
        result[target.id] = len(found)
    return result
