"""Figure extraction: from a news report to attributed, dated claims with their evidence.

A pure package (no Django): `extract(text, published=..., outlet=..., sources=...)` returns
the `Claim`s the report makes about the North Korean force sent to Russia, each with the
exact words it came from (`text[claim.start:claim.end] == claim.quote`, always).

Results for difficult input, by design:
- empty or whitespace-only text, text with no figures, or text that never mentions North
  Korea: `[]`;
- text longer than `MAX_TEXT_CHARS`, binary or mis-decoded text (NUL bytes, control or
  replacement characters), a publication date in the future: `ExtractionError` naming the
  problem (it is a `ValueError`).

Known sources can be passed as a sequence of `KnownSource` (an index is compiled once per
distinct tuple and cached) or as a prebuilt `SourceIndex`.

`ENGINE_VERSION` is stored on each article processed; bump it whenever output can change.
"""

from .engine import MAX_TEXT_CHARS, extract
from .model import Claim, ExtractionError, KnownSource
from .registry import SourceIndex, source_index

ENGINE_VERSION = "2026.11.1"

__all__ = [
    "ENGINE_VERSION",
    "MAX_TEXT_CHARS",
    "Claim",
    "ExtractionError",
    "KnownSource",
    "SourceIndex",
    "extract",
    "source_index",
]
