"""CSV downloads of the analyst tables, streamed row by row."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from typing import Any

from django.http import StreamingHttpResponse

# A cell starting with one of these is read as a formula by spreadsheet programs (CSV
# injection); such cells get a leading apostrophe so they are shown as text.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class _Echo:
    """A file-like object whose write returns what it was given, for csv.writer."""

    def write(self, value: str) -> str:
        return value


def wants_csv(request) -> bool:
    return request.GET.get("format") == "csv"


def csv_response(
    filename: str, header: Sequence[str], rows: Iterable[Sequence[Any]]
) -> StreamingHttpResponse:
    """A streamed CSV download: a header row then `rows`, each cell made formula-safe."""
    writer = csv.writer(_Echo())

    def lines():
        yield writer.writerow(header)
        for row in rows:
            yield writer.writerow([safe_cell(cell) for cell in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def estimate_rows(estimates: Iterable[Any]) -> Iterable[list[Any]]:
    """Rows of the estimate tables (timeline, source): one estimate per row, its citing
    articles' URLs (or titles) joined by spaces."""
    for e in estimates:
        yield [
            e.pk,
            e.metric.slug,
            e.source.name,
            e.via.name if e.via else "",
            e.contingent.name if e.contingent else "",
            e.as_of_display,
            e.low,
            e.best,
            e.high,
            e.qualifier,
            e.status,
            e.credibility,
            " ".join(c.article.url or c.article.title for c in e.citations.all()),
        ]


ESTIMATE_HEADER = [
    "id",
    "metric",
    "source",
    "via",
    "contingent",
    "as_of",
    "low",
    "best",
    "high",
    "qualifier",
    "status",
    "credibility",
    "articles",
]
