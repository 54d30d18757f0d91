"""Compile the extraction engine with Cython: `python -m articles.extraction.build`.

The engine is plain Python and stays so: every module works uncompiled, and the compiled
modules are the same source turned into C by Cython, so they give the same claims (a test
compares both on the eval reports). The hot modules have an augmenting `.pxd` beside them
(Cython's way of typing a `.py` without changing it): their small value classes become C
structs and their hot locals C integers, which removes most of the attribute lookups and
integer boxing that an untyped compile keeps. A `.pxd` declares types only, never logic.

Why by hand and not setuptools' `build_ext`: the project is not a package that gets
built (uv installs its dependencies only), and the compiled modules must not sit beside
the sources, where Python would import a stale one in preference to an edited `.py`.
They go to `var/compiled/`, with a manifest of the sources' digests; the package uses
them only while every digest matches (see `articles/extraction/__init__.py`). So an
edit takes effect at once, uncompiled, until the next `make install` compiles again.

Without Cython or a C compiler the build says why and leaves the engine uncompiled.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from articles.extraction import COMPILED_ROOT, compiled_dir, source_digest, source_files

PACKAGE = Path(__file__).resolve().parent
ROOT = PACKAGE.parents[1]
COMPILED = COMPILED_ROOT
MANIFEST = "manifest.json"
# The modules `extract` runs through. Not `__init__` (it chooses between the builds),
# `build` (this file) or `evaluate` (a command, not on the hot path).
MODULES = (
    "attribution",
    "dates",
    "engine",
    "metrics",
    "model",
    "numbers",
    "patterns",
    "registry",
    "segment",
    "tables",
)
# Annotations stay documentation: with annotation typing on, Cython would turn a `float`
# annotation into a C double and could change results.
DIRECTIVES = "language_level=3,annotation_typing=False,binding=True"


def sources(package: Path = PACKAGE) -> list[str]:
    """The files the build compiles: each module's `.py` and its `.pxd`, if it has one."""
    return source_files(package, MODULES)


def digests(package: Path = PACKAGE) -> dict[str, str]:
    """The SHA-256 of each file the build compiles (by file name), as the manifest records."""
    return {name: source_digest(package / name) for name in sources(package)}


def target(compiled: Path = COMPILED) -> Path:
    """Where this interpreter's compiled modules live (one directory per ABI)."""
    return compiled_dir(compiled)


def _run(*args: str) -> None:
    # The programs are this interpreter and the compiler Python was built with; the
    # arguments are paths this module made. Nothing comes from outside.
    subprocess.run(args, check=True, capture_output=True, text=True)  # noqa: S603


def _compile(name: str, work: Path) -> None:
    # The sources sit in a copy of the package's layout under `work`, so that a `.pxd` can
    # cimport another module's types (`from articles.extraction.numbers cimport Figure`).
    package = work / "articles" / "extraction"
    source, c_file, obj = package / f"{name}.py", work / f"{name}.c", work / f"{name}.o"
    module = f"articles.extraction.{name}"
    _run(sys.executable, "-m", "cython", "-X", DIRECTIVES, "--module-name", module,
         "-I", str(work), "-o", str(c_file), str(source))  # fmt: skip
    cc = shlex.split(sysconfig.get_config_var("CC") or "cc")
    ld = shlex.split(sysconfig.get_config_var("LDSHARED") or "cc -shared")
    include = sysconfig.get_paths()["include"]
    flags = ["-O2", "-fPIC", "-fwrapv", "-DNDEBUG", "-w", f"-I{include}"]
    _run(*cc, *flags, "-c", str(c_file), "-o", str(obj))
    _run(*ld, str(obj), "-o", str(work / f"{name}{sysconfig.get_config_var('EXT_SUFFIX')}"))


def build(package: Path = PACKAGE, compiled: Path = COMPILED) -> Path:
    """Compile every module of `MODULES` and install them with their manifest, replacing
    an earlier build only once the new one is complete. Returns the target directory."""
    out = target(compiled)
    out.parent.mkdir(parents=True, exist_ok=True)
    recorded = digests(package)  # before copying: the manifest must not claim a later edit
    with tempfile.TemporaryDirectory(dir=out.parent) as tmp:
        work = Path(tmp) / "work"
        copy = work / "articles" / "extraction"
        copy.mkdir(parents=True)
        for init in (work / "articles" / "__init__.py", copy / "__init__.py"):
            init.write_text("")  # marks the packages for Cython's cimport search
        for name in recorded:
            shutil.copyfile(package / name, copy / name)
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            list(pool.map(lambda name: _compile(name, work), MODULES))
        ready = Path(tmp) / "ready"
        ready.mkdir()
        suffix = sysconfig.get_config_var("EXT_SUFFIX")
        for name in MODULES:
            shutil.move(work / f"{name}{suffix}", ready / f"{name}{suffix}")
        manifest = {"sources": recorded, "python": sys.version}
        (ready / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True))
        if out.exists():
            shutil.rmtree(out)
        ready.rename(out)
    return out


def main() -> int:
    try:
        import Cython  # noqa: F401
    except ImportError:
        print("extraction engine left uncompiled: Cython is not installed", file=sys.stderr)
        return 0
    try:
        out = build()
    except (OSError, subprocess.CalledProcessError) as error:
        detail = getattr(error, "stderr", "") or str(error)
        print(f"extraction engine left uncompiled: {detail.strip()[:2000]}", file=sys.stderr)
        return 0
    print(f"extraction engine compiled into {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
