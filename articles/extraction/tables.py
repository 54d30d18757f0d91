"""Tables written as text, one row a line and its cells between bars:

    Source | Date given | Troops sent | Killed | Killed + wounded
    NIS (via lawmakers) | Jan. 13, 2025 | ~11,000 | ~300 | ~3,000

A page's table reaches the engine so when it was pasted or scraped with its cells kept. A
row is no sentence: what each figure counts, who gave it and when are in the header's
columns, not in words around the figure. Written by hand, as no library reads a table in
plain text together with what its header means.
"""

from __future__ import annotations

import re

_BAR = "|"
_MIN_CELLS = 3
# A news page's table has a few rows; past this many, a "table" is a dump, and its rows are
# left unread rather than costing time for each.
MAX_ROWS = 200
_SOURCE_HEADER = re.compile(r"\b(?:source|sources|who|according|by|agency|estimate\s+by)\b", re.I)
_DATE_HEADER = re.compile(r"\b(?:date|dates|as\s+of|when|given|period|updated)\b", re.I)
# A header naming people without a metric word counts the force sent: "Troops sent",
# "Strength", "Personnel".
_FORCE_HEADER = re.compile(
    r"\b(?:troops|soldiers|personnel|strength|force|deployed|sent|contingent)\b", re.I
)
_VIA = re.compile(r"\(\s*(?:via|citing|through)\s+(?P<via>[^()]+?)\s*\)")
_PARENTHESES = re.compile(r"\s*\([^()]*\)")


class Table:
    """A header's cells (text) and each row's cells (spans in the text)."""

    __slots__ = ("end", "header", "rows", "start")

    def __init__(self, header: list[str], start: int) -> None:
        self.header = header
        self.rows: list[tuple[int, int, list[tuple[int, int]]]] = []  # (start, end, cells)
        self.start = start
        self.end = start


def _cells(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of a line's cells, without the spaces around them (and without the empty
    cells an opening or closing bar makes)."""
    out = []
    pos = start
    while pos <= end:
        bar = norm.find(_BAR, pos, end)
        stop = end if bar < 0 else bar
        s, e = pos, stop
        while s < e and norm[s].isspace():
            s += 1
        while e > s and norm[e - 1].isspace():
            e -= 1
        out.append((s, e))
        if bar < 0:
            break
        pos = bar + 1
    if out and out[0][0] == out[0][1]:
        out.pop(0)
    if out and out[-1][0] == out[-1][1]:
        out.pop()
    return out


def find_tables(norm: str) -> list[Table]:
    """The tables in a text: runs of two or more lines with the same number (at least
    three) of bar-separated cells, the first line being the header (it holds no digit)."""
    tables: list[Table] = []
    if norm.count(_BAR) < 2 * (_MIN_CELLS - 1):
        return tables
    current: Table | None = None
    width = 0
    pos = 0
    size = len(norm)
    while pos < size:
        stop = norm.find("\n", pos)
        if stop < 0:
            stop = size
        cells = _cells(norm, pos, stop) if _BAR in norm[pos:stop] else []
        if len(cells) >= _MIN_CELLS and current is not None and len(cells) == width:
            if len(current.rows) < MAX_ROWS:
                current.rows.append((pos, stop, cells))
            current.end = stop
        elif len(cells) >= _MIN_CELLS and not any(ch.isdigit() for ch in norm[pos:stop]):
            current = Table([norm[s:e] for s, e in cells], pos)
            current.end = stop
            tables.append(current)
            width = len(cells)
        else:
            current = None
        pos = stop + 1
    return [t for t in tables if t.rows]


def column_roles(header: list[str], metric_of) -> list[str | None]:
    """What each column holds: "source", "date", a metric, or None. `metric_of(text)` gives
    the metric a header's words name, if any."""
    roles: list[str | None] = []
    for i, name in enumerate(header):
        words = name.replace("+", " and ")
        metric = metric_of(words)
        if metric is not None:
            roles.append(metric)
        elif _DATE_HEADER.search(name):
            roles.append("date")
        elif _SOURCE_HEADER.search(name) or (i == 0 and "source" not in roles):
            roles.append("source")
        elif _FORCE_HEADER.search(name):
            roles.append("deployed")
        else:
            roles.append(None)
    return roles


def source_cell(text: str) -> tuple[str, str | None]:
    """A source cell's name and its relay: "NIS (via Rep. Park Sun-won)" → ("NIS",
    "Rep. Park Sun-won"); other bracketed words are a description, dropped."""
    via = _VIA.search(text)
    name = _PARENTHESES.sub("", text).strip()
    return name, (via.group("via") if via else None)


__all__ = ["Table", "column_roles", "find_tables", "source_cell"]
