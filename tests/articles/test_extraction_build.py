"""The compiled extraction engine: the same claims as the sources, and never a stale build."""

import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

import articles.extraction as extraction
from articles.extraction import build

ROOT = Path(__file__).resolve().parents[2]

# Claims of every own eval report and of the bench's reports, as JSON, from one engine.
DUMP = """
import dataclasses, json, sys
import articles.extraction as extraction
from articles.extraction import extract
from articles.extraction.evaluate import EVAL_DIR, load_sources
index = load_sources()
meta = json.loads((EVAL_DIR / "reports.json").read_text())["files"]
texts = [(EVAL_DIR / "reports" / name).read_text(encoding="utf-8") for name in sorted(meta)]
texts.append("\\n\\n".join(texts))  # one long report: state carried across many paragraphs
claims = [[dataclasses.asdict(c) for c in extract(t, sources=index)] for t in texts]
json.dump({"build": extraction.BUILD, "claims": claims}, sys.stdout, sort_keys=True)
"""


def _dump(**env: str) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", DUMP],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return json.loads(result.stdout)


@pytest.mark.skipif(
    extraction.BUILD != "compiled", reason="no compiled engine for these sources (make install)"
)
def test_compiled_engine_gives_the_same_claims_as_the_sources() -> None:
    compiled = _dump()
    pure = _dump(TRACKER_PURE_EXTRACTION="1")
    assert (compiled["build"], pure["build"]) == ("compiled", "python")
    assert sum(len(c) for c in pure["claims"]) > 100  # the comparison covers real claims
    assert compiled["claims"] == pure["claims"]


def _fake_build(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the sources and a manifest of their digests, as `build` writes it."""
    package = tmp_path / "articles" / "extraction"
    package.mkdir(parents=True)
    for name in build.sources():
        (package / name).write_bytes((build.PACKAGE / name).read_bytes())
    compiled = tmp_path / "compiled"
    where = build.target(compiled)
    where.mkdir(parents=True)
    (where / build.MANIFEST).write_text(json.dumps({"sources": build.digests(package)}))
    return package, compiled


def test_a_build_of_the_current_sources_is_used(tmp_path, monkeypatch) -> None:
    monkeypatch.delenv("TRACKER_PURE_EXTRACTION", raising=False)
    package, compiled = _fake_build(tmp_path)
    assert extraction.compiled_path(package, compiled) == build.target(compiled)


@pytest.mark.parametrize("edited", ["numbers.py", "numbers.pxd"])
def test_an_edited_source_or_pxd_makes_the_package_ignore_the_build(
    tmp_path, monkeypatch, edited
) -> None:
    monkeypatch.delenv("TRACKER_PURE_EXTRACTION", raising=False)
    package, compiled = _fake_build(tmp_path)
    with (package / edited).open("a") as source:
        source.write("\n# an edit after the build\n")
    assert extraction.compiled_path(package, compiled) is None


def test_the_build_compiles_and_digests_the_pxd_files() -> None:
    names = build.sources()
    assert "engine.pxd" in names and "numbers.pxd" in names  # the typed hot modules
    assert set(build.digests()) == set(names)


def test_an_added_or_removed_pxd_makes_the_package_ignore_the_build(tmp_path, monkeypatch) -> None:
    monkeypatch.delenv("TRACKER_PURE_EXTRACTION", raising=False)
    package, compiled = _fake_build(tmp_path)
    (package / "registry.pxd").write_text("# types the build did not compile with\n")
    assert extraction.compiled_path(package, compiled) is None
    (package / "registry.pxd").unlink()
    assert extraction.compiled_path(package, compiled) == build.target(compiled)
    (package / "numbers.pxd").unlink()
    assert extraction.compiled_path(package, compiled) is None


def test_a_missing_or_broken_manifest_means_no_build(tmp_path, monkeypatch) -> None:
    monkeypatch.delenv("TRACKER_PURE_EXTRACTION", raising=False)
    package, compiled = _fake_build(tmp_path)
    manifest = build.target(compiled) / build.MANIFEST
    manifest.write_text("{not json")
    assert extraction.compiled_path(package, compiled) is None
    manifest.unlink()
    assert extraction.compiled_path(package, compiled) is None


def test_the_switch_turns_the_build_off(tmp_path, monkeypatch) -> None:
    package, compiled = _fake_build(tmp_path)
    monkeypatch.setenv("TRACKER_PURE_EXTRACTION", "1")
    assert extraction.compiled_path(package, compiled) is None


def test_a_build_that_does_not_load_is_left_aside_for_the_sources(tmp_path) -> None:
    # A copy of the package with a manifest matching its sources but a damaged engine.
    package = tmp_path / "articles" / "extraction"
    package.mkdir(parents=True)
    (tmp_path / "articles" / "__init__.py").write_text("")
    for source in build.PACKAGE.glob("*.py"):
        (package / source.name).write_bytes(source.read_bytes())
    where = extraction.compiled_dir(tmp_path / "var" / "compiled")
    where.mkdir(parents=True)
    (where / build.MANIFEST).write_text(json.dumps({"sources": build.digests(package)}))
    suffix = sysconfig.get_config_var("EXT_SUFFIX")
    (where / f"engine{suffix}").write_bytes(b"not a shared object")
    script = (
        "import warnings; warnings.simplefilter('always')\n"
        "import articles.extraction as e\n"
        "print(e.BUILD, len(e.extract('North Korea has sent about 11,000 troops to Russia.')))"
    )
    env = {k: v for k, v in os.environ.items() if k != "TRACKER_PURE_EXTRACTION"}
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        env={**env, "PYTHONPATH": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["python", "1"]  # the sources ran and found the figure
    assert "compiled extraction engine not used" in result.stderr
