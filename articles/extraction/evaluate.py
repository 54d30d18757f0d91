"""Score the engine on labelled reports: precision, recall, attribution and date accuracy.

    python -m articles.extraction.evaluate [SEEDS_DIR]

Always scores the project's own reports (`eval/reports/*.txt`, labels in
`eval/reports.json`) and, separately, the held-out reports (labels in `eval/heldout.json`:
reports written later in other outlets' styles and labelled before the engine was tuned on
them, to show overfitting to the first set; `eval/heldout2.json`, a second batch written after
tuning on the first; `eval/heldout3.json` to `eval/heldout38.json`, 36 more, written by
writers who had not seen the engine (the ninth written alongside the tenth and scored after
the tenth's fixes, the eleventh alongside the twelfth and scored after the twelfth's, the
fifteenth and sixteenth together, the seventeenth and eighteenth together and the
eighteenth scored after the seventeenth's fixes, the nineteenth and twentieth likewise,
the 21st and 22nd likewise, the 23rd and 24th together, the 25th and 26th together, the 27th and
28th together, the 29th and 30th together and scored after the 27th's and 28th's fixes, the 31st
and 32nd together and scored after the 29th's and 30th's, the 33rd and 34th likewise
after the 31st's and 32nd's, the 35th after the 33rd's and 34th's, the 36th (written alongside
the 35th) after the 35th's, the 37th and 38th together after the 36th's)); with
SEEDS_DIR also the seed reports there, labelled in
`eval/seeds.json` (publication dates and outlets come from SEEDS_DIR/index.json). Known
sources for recognition are in `eval/sources.json`.

Claims match labels on (metric, low, high), one to one. On matched claims, attribution is
right when the claim's source is one of the label's acceptable sources or its `via` is the
label's `via`; the date is right when `as_of` is written exactly as labelled.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import ENGINE_VERSION, Claim, KnownSource, SourceIndex, extract

EVAL_DIR = Path(__file__).resolve().parent / "eval"


@dataclass
class Score:
    labels: int = 0
    claims: int = 0
    matched: int = 0
    attributed: int = 0
    dated: int = 0
    problems: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.labels += other.labels
        self.claims += other.claims
        self.matched += other.matched
        self.attributed += other.attributed
        self.dated += other.dated

    def line(self, name: str) -> str:
        def ratio(a: int, b: int) -> str:
            return f"{a / b:.3f}" if b else "  -  "

        return (
            f"{name:40} P {ratio(self.matched, self.claims)}  "
            f"R {ratio(self.matched, self.labels)}  "
            f"attr {ratio(self.attributed, self.matched)}  date {ratio(self.dated, self.matched)}  "
            f"({self.matched}/{self.labels} labels, {self.claims} claims)"
        )


def load_sources() -> SourceIndex:
    rows = json.loads((EVAL_DIR / "sources.json").read_text())
    return SourceIndex(
        [
            KnownSource(
                r["name"], tuple(r.get("aliases", ())), r.get("parent"), r.get("kind", "other")
            )
            for r in rows
        ]
    )


def _key(item: Claim | dict[str, Any]) -> tuple[str, int | None, int | None]:
    if isinstance(item, Claim):
        return item.metric, item.low, item.high
    return item["metric"], item["low"], item["high"]


def score(claims: list[Claim], labels: list[dict[str, Any]]) -> Score:
    result = Score(labels=len(labels), claims=len(claims))
    unmatched = list(labels)
    for claim in claims:
        label = next((lab for lab in unmatched if _key(lab) == _key(claim)), None)
        if label is None:
            result.problems.append(
                f"  false positive: {claim.metric} {claim.low}-{claim.high} "
                f"from {claim.quote[:90]!r}"
            )
            continue
        unmatched.remove(label)
        result.matched += 1
        # A label's source null means the report gives none: a claim with none is right.
        sources = label["source"] if label.get("source") is not None else [None]
        if claim.source in sources or (label.get("via") and claim.via == label["via"]):
            result.attributed += 1
        else:
            result.problems.append(
                f"  wrong source: {claim.metric} {claim.low}-{claim.high}: "
                f"{claim.source} via {claim.via}, "
                f"expected {sources} via {label.get('via')}"
            )
        if claim.as_of == label.get("as_of"):
            result.dated += 1
        else:
            result.problems.append(
                f"  wrong date: {claim.metric} {claim.low}-{claim.high}: {claim.as_of}, "
                f"expected {label.get('as_of')}"
            )
    for label in unmatched:
        result.problems.append(f"  missed: {label['metric']} {label['low']}-{label['high']}")
    return result


def evaluate_set(
    name: str,
    texts: dict[str, tuple[str, dt.date | None, str | None]],
    labels: dict[str, list[dict[str, Any]]],
    index: SourceIndex,
    out,
) -> Score:
    total = Score()
    print(f"== {name}", file=out)
    for file_name in sorted(labels):
        if file_name not in texts:
            print(f"{file_name}: missing text", file=out)
            continue
        text, published, outlet = texts[file_name]
        claims = extract(text, published=published, outlet=outlet, sources=index)
        result = score(claims, labels[file_name])
        total.add(result)
        print(result.line(file_name), file=out)
        for problem in result.problems:
            print(problem, file=out)
    print(total.line(f"OVERALL {name}"), file=out)
    return total


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def own_reports(
    labels_file: str = "reports.json",
) -> tuple[dict[str, tuple[str, dt.date | None, str | None]], dict[str, list[dict[str, Any]]]]:
    """The project's reports labelled in `labels_file` (texts in eval/reports/)."""
    meta = json.loads((EVAL_DIR / labels_file).read_text())["files"]
    texts, labels = {}, {}
    for file_name, entry in meta.items():
        text = (EVAL_DIR / "reports" / file_name).read_text(encoding="utf-8")
        texts[file_name] = (text, _date(entry.get("published")), entry.get("outlet"))
        labels[file_name] = entry["claims"]
    return texts, labels


def seed_reports(
    seeds_dir: Path,
) -> tuple[dict[str, tuple[str, dt.date | None, str | None]], dict[str, list[dict[str, Any]]]]:
    index = {e["file"]: e for e in json.loads((seeds_dir / "index.json").read_text())}
    labels = json.loads((EVAL_DIR / "seeds.json").read_text())["files"]
    texts = {}
    for file_name in labels:
        path = seeds_dir / file_name
        if path.exists():
            entry = index.get(file_name, {})
            texts[file_name] = (
                path.read_text(encoding="utf-8"),
                _date(entry.get("published")),
                entry.get("outlet"),
            )
    return texts, labels


def main(argv: list[str] | None = None, out=sys.stdout) -> int:
    args = sys.argv[1:] if argv is None else argv
    index = load_sources()
    print(f"engine {ENGINE_VERSION}", file=out)
    if args:
        evaluate_set("seeds", *seed_reports(Path(args[0])), index, out)
    evaluate_set("own reports", *own_reports(), index, out)
    evaluate_set("held-out reports", *own_reports("heldout.json"), index, out)
    evaluate_set("held-out reports, second batch", *own_reports("heldout2.json"), index, out)
    evaluate_set("held-out reports, third batch", *own_reports("heldout3.json"), index, out)
    evaluate_set("held-out reports, fourth batch", *own_reports("heldout4.json"), index, out)
    evaluate_set("held-out reports, fifth batch", *own_reports("heldout5.json"), index, out)
    evaluate_set("held-out reports, sixth batch", *own_reports("heldout6.json"), index, out)
    evaluate_set("held-out reports, seventh batch", *own_reports("heldout7.json"), index, out)
    evaluate_set("held-out reports, eighth batch", *own_reports("heldout8.json"), index, out)
    evaluate_set("held-out reports, ninth batch", *own_reports("heldout9.json"), index, out)
    evaluate_set("held-out reports, tenth batch", *own_reports("heldout10.json"), index, out)
    evaluate_set("held-out reports, eleventh batch", *own_reports("heldout11.json"), index, out)
    evaluate_set("held-out reports, twelfth batch", *own_reports("heldout12.json"), index, out)
    evaluate_set("held-out reports, thirteenth batch", *own_reports("heldout13.json"), index, out)
    evaluate_set("held-out reports, fourteenth batch", *own_reports("heldout14.json"), index, out)
    evaluate_set("held-out reports, fifteenth batch", *own_reports("heldout15.json"), index, out)
    evaluate_set("held-out reports, sixteenth batch", *own_reports("heldout16.json"), index, out)
    evaluate_set("held-out reports, seventeenth batch", *own_reports("heldout17.json"), index, out)
    evaluate_set("held-out reports, eighteenth batch", *own_reports("heldout18.json"), index, out)
    evaluate_set("held-out reports, nineteenth batch", *own_reports("heldout19.json"), index, out)
    evaluate_set("held-out reports, twentieth batch", *own_reports("heldout20.json"), index, out)
    evaluate_set("held-out reports, 21st batch", *own_reports("heldout21.json"), index, out)
    evaluate_set("held-out reports, 22nd batch", *own_reports("heldout22.json"), index, out)
    evaluate_set("held-out reports, 23rd batch", *own_reports("heldout23.json"), index, out)
    evaluate_set("held-out reports, 24th batch", *own_reports("heldout24.json"), index, out)
    evaluate_set("held-out reports, 25th batch", *own_reports("heldout25.json"), index, out)
    evaluate_set("held-out reports, 26th batch", *own_reports("heldout26.json"), index, out)
    evaluate_set("held-out reports, 27th batch", *own_reports("heldout27.json"), index, out)
    evaluate_set("held-out reports, 28th batch", *own_reports("heldout28.json"), index, out)
    evaluate_set("held-out reports, 29th batch", *own_reports("heldout29.json"), index, out)
    evaluate_set("held-out reports, 30th batch", *own_reports("heldout30.json"), index, out)
    evaluate_set("held-out reports, 31st batch", *own_reports("heldout31.json"), index, out)
    evaluate_set("held-out reports, 32nd batch", *own_reports("heldout32.json"), index, out)
    evaluate_set("held-out reports, 33rd batch", *own_reports("heldout33.json"), index, out)
    evaluate_set("held-out reports, 34th batch", *own_reports("heldout34.json"), index, out)
    evaluate_set("held-out reports, 35th batch", *own_reports("heldout35.json"), index, out)
    evaluate_set("held-out reports, 36th batch", *own_reports("heldout36.json"), index, out)
    evaluate_set("held-out reports, 37th batch", *own_reports("heldout37.json"), index, out)
    evaluate_set("held-out reports, 38th batch", *own_reports("heldout38.json"), index, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
