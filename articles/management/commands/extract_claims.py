"""Print the claims of report files, or of JSON lines read from standard input.

manage.py extract_claims FILE... [--json] [--published YYYY-MM-DD] [--outlet NAME]
manage.py extract_claims --jsonl < reports.jsonl
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from articles.extraction import ENGINE_VERSION, Claim, ExtractionError, SourceIndex, extract
from articles.sources import load_source_index


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise ValueError(f"bad date {value!r}: expected YYYY-MM-DD") from error


def _describe(claim: Claim) -> str:
    if claim.qualifier == "range":
        figure = f"{claim.low:,}-{claim.high:,}"
    else:
        figure = f"{(claim.low if claim.low is not None else claim.high):,} ({claim.qualifier})"
    parts = [f"{claim.metric}: {figure}", f"as of {claim.as_of or 'unknown'}"]
    if claim.period_end:
        parts[-1] += f" to {claim.period_end}"
    if claim.contingent:
        parts.append(f"contingent {claim.contingent}")
    parts.append(f"source {claim.source or 'unknown'}" + (f" via {claim.via}" if claim.via else ""))
    return "  " + "; ".join(parts) + f'\n    "{claim.quote}" [{claim.start}:{claim.end}]'


class Command(BaseCommand):
    help = "Extract attributed, dated figure claims from report files or JSON lines on stdin."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="*", help="text files, one report each")
        parser.add_argument("--json", action="store_true", help="print JSON instead of text")
        parser.add_argument("--published", help="publication date of the files, YYYY-MM-DD")
        parser.add_argument("--outlet", help="outlet of the files")
        parser.add_argument(
            "--jsonl",
            action="store_true",
            help='read {"id","text","published","outlet"} objects, one per line, from stdin',
        )

    def handle(self, *args: Any, **options: Any) -> None:
        index = load_source_index()
        if options["jsonl"]:
            self._jsonl(index)
            return
        if not options["files"]:
            raise CommandError("give one or more files, or --jsonl")
        try:
            published = _date(options["published"]) if options["published"] else None
        except ValueError as error:
            raise CommandError(str(error)) from error
        results = []
        for name in options["files"]:
            try:
                text = Path(name).read_text(encoding="utf-8")
                claims = extract(text, published=published, outlet=options["outlet"], sources=index)
            except (OSError, UnicodeDecodeError, ExtractionError) as error:
                raise CommandError(f"{name}: {error}") from error
            results.append((name, claims))
        if options["json"]:
            payload = [
                {"file": n, "engine": ENGINE_VERSION, "claims": [c.to_dict() for c in cs]}
                for n, cs in results
            ]
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=1))
            return
        for name, claims in results:
            self.stdout.write(f"{name}: {len(claims)} claim(s)")
            for claim in claims:
                self.stdout.write(_describe(claim))

    def _jsonl(self, index: SourceIndex) -> None:
        for line in sys.stdin:
            if not line.strip():
                continue
            self.stdout.write(json.dumps(_process_line(line, index), ensure_ascii=False))


def _process_line(line: str, index: SourceIndex) -> dict[str, Any]:
    """One output object for one input line; an error object if the line is unusable."""
    try:
        item = json.loads(line)
    except json.JSONDecodeError as error:
        return {"id": None, "error": f"bad JSON: {error}"}
    if not isinstance(item, dict):
        return {"id": None, "error": "each line must be a JSON object"}
    ident = item.get("id")
    text = item.get("text")
    if not isinstance(text, str):
        return {"id": ident, "error": "missing text"}
    try:
        published = _date(item["published"]) if item.get("published") else None
        outlet = item.get("outlet") if isinstance(item.get("outlet"), str) else None
        claims = extract(text, published=published, outlet=outlet, sources=index)
    except (ValueError, TypeError) as error:  # ExtractionError is a ValueError
        return {"id": ident, "error": str(error)}
    return {"id": ident, "claims": [c.to_dict() for c in claims]}
