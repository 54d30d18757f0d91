"""Recognising known sources in attribution phrases, compiled once for many reports.

`SourceIndex(sources)` compiles every name and alias into two alternations (acronyms in
capitals match case-sensitively, so "NIS" is not "nis"; other names ignore case) and keeps
them for the life of the index. `source_index(sources)` memoises indexes by their sources,
so the ingestion pipeline pays for compilation once per registry, not once per report.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

from .model import KnownSource
from .segment import normalise

_PERSON_KINDS = frozenset({"lawmaker", "head_of_state"})


def _is_person(source: KnownSource) -> bool:
    words = source.name.split()
    looks_like_name = (
        2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and "(" not in source.name
    )
    return looks_like_name and (source.parent is not None or source.kind in _PERSON_KINDS)


def _trie(names: list[str], fold: bool) -> str:
    """A regex body matching any of the names, as a trie: one branch per next character.

    Equivalent to the alternation of the names longest first (the branch that follows the
    text furthest is tried first), but it fails at a position after one character instead
    of trying every name, which makes scanning a phrase several times faster.
    """
    root: dict = {}
    for name in names:
        node = root
        for ch in name:
            node = node.setdefault(ch.lower() if fold else ch, {})
        node[""] = {}

    def body(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + body(child) for ch, child in node.items() if ch]
        if not branches:
            return ""
        inner = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return "(?:" + inner + ")?"
        return inner

    return body(root)


def _pattern(names: Iterable[str], flags: int) -> re.Pattern[str] | None:
    unique = sorted({n for n in names if n}, key=len, reverse=True)
    if not unique:
        return None
    body = _trie(unique, bool(flags & re.I))
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", flags)


class SourceIndex:
    """Known sources, with compiled matchers for finding them in a phrase."""

    def __init__(self, sources: Sequence[KnownSource] = ()) -> None:
        self.sources: tuple[KnownSource, ...] = tuple(sources)
        self.by_name: dict[str, KnownSource] = {s.name: s for s in self.sources}
        self._by_key: dict[str, KnownSource] = {}
        exact: list[str] = []
        folded: list[str] = []
        short_forms: dict[str, list[KnownSource]] = {}
        for source in self.sources:
            for name in (source.name, *source.aliases):
                key = normalise(name).strip()
                if not key:
                    continue
                self._by_key.setdefault(key.lower(), source)
                # Acronyms match in capitals only: "NIS" the agency, not "nis" in a word.
                (exact if key.isupper() and len(key) <= 6 else folded).append(key)
            if _is_person(source):
                # "Budanov", "Yu": a person's first or last name alone, if no one else shares it.
                tokens = source.name.split()
                for token in {tokens[0], tokens[-1]}:
                    if len(token) >= 2:
                        short_forms.setdefault(token, []).append(source)
        for token, owners in short_forms.items():
            if len({o.name for o in owners}) == 1 and token.lower() not in self._by_key:
                self._by_key[token.lower()] = owners[0]
                exact.append(token)
        self._exact = _pattern(exact, 0)
        self._folded = _pattern(folded, re.I)

    def __len__(self) -> int:
        return len(self.sources)

    def find(self, phrase: str) -> KnownSource | None:
        """The known source named in the phrase: the earliest mention, the longest at a tie."""
        best: tuple[int, int, KnownSource] | None = None
        for pattern in (self._folded, self._exact):
            if pattern is None:
                continue
            for m in pattern.finditer(phrase):
                source = self._by_key.get(m.group(0).lower())
                if source is None:
                    continue
                rank = (m.start(), -(m.end() - m.start()))
                if best is None or rank < best[:2]:
                    best = (rank[0], rank[1], source)
                break
        return best[2] if best else None

    def named(self, name: str) -> KnownSource | None:
        """The known source whose name or an alias is exactly `name` (an outlet's name):
        "The Washington Post" is no mention of "Washington"."""
        key = normalise(name).strip().lower()
        found = self._by_key.get(key)
        if found is None and key.startswith("the "):
            found = self._by_key.get(key[4:])
        return found

    def parent_of(self, source: KnownSource) -> KnownSource | None:
        if source.parent is None:
            return None
        return self.by_name.get(source.parent) or self._by_key.get(normalise(source.parent).lower())


@functools.lru_cache(maxsize=32)
def _cached(sources: tuple[KnownSource, ...]) -> SourceIndex:
    return SourceIndex(sources)


def source_index(sources: Sequence[KnownSource] | SourceIndex) -> SourceIndex:
    """An index for the sources, built once per distinct tuple of sources and then reused."""
    if isinstance(sources, SourceIndex):
        return sources
    return _cached(tuple(sources))
