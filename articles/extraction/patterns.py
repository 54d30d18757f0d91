"""Word lists as fast regex alternations.

Python's `re` tries the branches of an alternation one by one at every position it scans,
so a list of a hundred verbs costs a hundred comparisons at each space of a sentence. The
same list written as a trie ("sa(?:id|ys|y)") fails after one or two characters instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def word_trie(words: Iterable[str], *, fold: bool = False) -> str:
    """A regex body matching exactly the given words, as a trie.

    A space inside a word stands for `\\s+` ("told reporters"). At each node the shorter word
    is tried before its longer continuations ("told" before "told reporters"), as in a list
    that names a word before its extensions. Pass `fold=True` for patterns compiled with
    re.I, so that "Said" and "said" share a branch.
    """
    root: dict = {}
    for word in words:
        node = root
        for part in re.split(r"( )", word):
            for ch in [part] if part == " " else part:
                node = node.setdefault(ch.lower() if fold else ch, {})
        node[""] = {}

    def body(node: dict) -> str:
        branches = [
            (r"\s+" if ch == " " else re.escape(ch)) + body(child)
            for ch, child in node.items()
            if ch
        ]
        if not branches:
            return ""
        inner = "|".join(branches)
        if "" in node:
            return "(?:|" + inner + ")"
        return inner if len(branches) == 1 else "(?:" + inner + ")"

    return body(root)


__all__ = ["word_trie"]
