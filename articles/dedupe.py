"""Near-duplicate detection: syndicated copies of one report with small edits.

Method (Broder's bottom-k sketch, written by hand because it is twenty lines and needs no
numpy; datasketch's MinHash needs one hash per permutation, and its LSH index lives in
memory, not in the database the workers share):

- shingles: every run of `SHINGLE_WORDS` consecutive words of the casefolded text;
- each shingle hashed once to 64 bits (blake2b); the sketch is the `SKETCH_SIZE` smallest;
- the sketch is stored as rows (ArticleShingle), indexed by hash, so one query finds the
  articles sharing several sketch hashes with a new text;
- the resemblance (Jaccard similarity of the shingle sets) is estimated from the two
  sketches: of the k smallest hashes of their union, the share found in both.

Two texts of which one is the other with a changed figure, a new last paragraph or a
different headline have a resemblance well above `NEAR_DUPLICATE_THRESHOLD`; two reports
on the same briefing written separately share few five-word runs and stay apart.
"""

from __future__ import annotations

import hashlib
import heapq
import re

SHINGLE_WORDS = 5
SKETCH_SIZE = 64
NEAR_DUPLICATE_THRESHOLD = 0.6
# A candidate must share at least this many sketch hashes before its resemblance is
# estimated: with a resemblance of 0.6, about 0.6 × 64 ≈ 38 are expected.
MIN_SHARED = 12

_WORD = re.compile(r"\w+")


def _signed64(digest: bytes) -> int:
    return int.from_bytes(digest, "big", signed=True)


def sketch(text: str) -> list[int]:
    """The bottom-k sketch of the text's shingles (fewer if the text is short)."""
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE_WORDS:
        shingles = {" ".join(words)} if words else set()
    else:
        shingles = {
            " ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)
        }
    hashes = (
        _signed64(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest()) for s in shingles
    )
    return sorted(heapq.nsmallest(SKETCH_SIZE, hashes))


def resemblance(a: list[int], b: list[int]) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two sketches."""
    if not a or not b:
        return 0.0
    set_a, set_b = set(a), set(b)
    union_bottom = heapq.nsmallest(SKETCH_SIZE, set_a | set_b)
    both = sum(1 for h in union_bottom if h in set_a and h in set_b)
    return both / len(union_bottom)
