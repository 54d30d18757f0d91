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
import importlib
import json
import os
import sys
import sysconfig
import warnings
from collections.abc import Iterable
from pathlib import Path

_HERE = Path(__file__).resolve().parent
COMPILED_ROOT = _HERE.parents[1] / "var" / "compiled"


def compiled_dir(root: Path = COMPILED_ROOT) -> Path:
    """Where this interpreter's compiled modules live (one directory per ABI); `build.py`
    writes them there, with their manifest."""
    return root / str(sysconfig.get_config_var("SOABI")) / "articles" / "extraction"


def source_digest(path: Path) -> str:
    """A module source's SHA-256, as the manifest records it."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def source_files(package: Path, modules: Iterable[str]) -> list[str]:
    """The file names a build of `modules` is made from: each `.py`, and its `.pxd` (the
    types Cython compiles it with) where there is one."""
    names = []
    for module in modules:
        names.append(f"{module}.py")
        if (package / f"{module}.pxd").exists():
            names.append(f"{module}.pxd")
    return names


def compiled_path(package: Path = _HERE, root: Path = COMPILED_ROOT) -> Path | None:
    """The directory of compiled modules made from exactly these sources, if there is one.

    Exactly: every file the manifest records is unchanged, and no module has gained a
    `.pxd` since (it would be compiled in the next build). Kept here rather than in `build`
    so that choosing costs no extra module on start."""
    if os.environ.get("TRACKER_PURE_EXTRACTION"):
        return None
    where = compiled_dir(root)
    try:
        sources = json.loads((where / "manifest.json").read_text())["sources"]
        modules = {name.rpartition(".")[0] for name in sources}
        if set(sources) != set(source_files(package, modules)):
            return None  # a `.pxd` added or removed since the build
        for name, digest in sources.items():
            if source_digest(package / name) != digest:
                return None  # edited since the build: the sources win until the next build
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return where


def _use_compiled(where: Path | None) -> bool:
    """Put the compiled modules first on the package's path, if they load; a build that
    does not (another interpreter's, a damaged file) is left aside with a warning and the
    sources run instead."""
    if where is None:
        return False
    __path__.insert(0, str(where))  # searched first: `from .engine import ...` finds them
    try:
        importlib.import_module(f"{__name__}.engine")
    except ImportError as error:
        __path__.remove(str(where))
        for name in [m for m in sys.modules if m.startswith(f"{__name__}.")]:
            del sys.modules[name]
        warnings.warn(f"compiled extraction engine not used: {error}", stacklevel=2)
        return False
    return True


BUILD = "compiled" if _use_compiled(compiled_path()) else "python"

from .engine import MAX_TEXT_CHARS, extract  # noqa: E402
from .model import Claim, ExtractionError, KnownSource  # noqa: E402
from .registry import SourceIndex, source_index  # noqa: E402

ENGINE_VERSION = "2026.12.14"

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
