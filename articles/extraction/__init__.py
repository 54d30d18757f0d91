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

`BUILD` says which engine runs: "compiled" (the modules Cython made of these sources, see
`build.py`) or "python". The compiled modules are used only while the sources they were
made from are unchanged, and never when TRACKER_PURE_EXTRACTION is set.
"""

import hashlib
import json
import os
import sysconfig
from pathlib import Path

_HERE = Path(__file__).resolve().parent


def compiled_path(package: Path = _HERE, compiled: Path | None = None) -> Path | None:
    """The directory of compiled modules made from exactly these sources, if there is one.

    Mirrors `build.target` and `build.digests` without importing `build` (which would be
    one more module to read on every start)."""
    if os.environ.get("TRACKER_PURE_EXTRACTION"):
        return None
    compiled = compiled or package.parents[1] / "var" / "compiled"
    where = compiled / str(sysconfig.get_config_var("SOABI")) / "articles" / "extraction"
    try:
        sources = json.loads((where / "manifest.json").read_text())["sources"]
        for name, digest in sources.items():
            if hashlib.sha256((package / f"{name}.py").read_bytes()).hexdigest() != digest:
                return None  # edited since the build: the sources win until the next build
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return where


_compiled = compiled_path()
if _compiled is not None:
    # Searched before this directory, so `from .engine import ...` loads the compiled module.
    __path__.insert(0, str(_compiled))
BUILD = "compiled" if _compiled is not None else "python"

from .engine import MAX_TEXT_CHARS, extract  # noqa: E402
from .model import Claim, ExtractionError, KnownSource  # noqa: E402
from .registry import SourceIndex, source_index  # noqa: E402

ENGINE_VERSION = "2026.11.2"

__all__ = [
    "BUILD",
    "ENGINE_VERSION",
    "MAX_TEXT_CHARS",
    "Claim",
    "ExtractionError",
    "KnownSource",
    "SourceIndex",
    "extract",
    "source_index",
]
