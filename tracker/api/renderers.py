"""CSV for every list, one row per record.

Written by hand rather than with djangorestframework-csv because the flattening wanted
here differs: nested objects become dotted columns (source.slug), a list of plain values
one cell joined by "; ", and a list of objects (an estimate's citations) one JSON cell,
so a row stays a row however many citations an estimate has.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from rest_framework import serializers
from rest_framework.renderers import BaseRenderer


def flatten(record: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    row: dict[str, Any] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            row.update(flatten(value, f"{name}."))
        elif isinstance(value, list):
            if all(not isinstance(item, dict | list) for item in value):
                row[name] = "; ".join("" if item is None else str(item) for item in value)
            else:
                row[name] = json.dumps(value, default=str, ensure_ascii=False)
        else:
            row[name] = value
    return row


def columns(serializer: serializers.Serializer, prefix: str = "") -> list[str]:
    """The CSV columns of a serializer's records: nested objects as dotted columns."""
    names: list[str] = []
    for name, field in serializer.fields.items():
        if getattr(field, "write_only", False):
            continue
        if isinstance(field, serializers.Serializer):
            names.extend(columns(field, f"{prefix}{name}."))
        else:
            names.append(f"{prefix}{name}")
    return names


def _declared_columns(renderer_context: dict | None) -> list[str] | None:
    """The columns of the view's serializer, so that even an empty page has a header and
    a nested object that is null in every row still gets its columns."""
    context = renderer_context or {}
    view, response = context.get("view"), context.get("response")
    if view is None or response is None or response.status_code >= 300:
        return None
    if getattr(view, "action", None) != "list":
        return None
    try:
        return columns(view.get_serializer())
    except Exception:  # a view without a serializer: fall back to the rows' keys
        return None


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


class CSVRenderer(BaseRenderer):
    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None) -> bytes:
        if data is None:
            return b""
        if isinstance(data, dict) and isinstance(data.get("results"), list):
            records = data["results"]  # a page: the next link travels in the Link header
        elif isinstance(data, list):
            records = data
        else:
            records = [data]
        rows = [
            flatten(record) if isinstance(record, dict) else {"value": record} for record in records
        ]
        header = _declared_columns(renderer_context)
        if header is None:
            header = []
            for row in rows:
                header.extend(key for key in row if key not in header)
        # A nested object that is null in some rows (an estimate without a contingent)
        # keeps only its dotted columns, left empty in those rows.
        nested = {key.split(".", 1)[0] for key in header if "." in key}
        header = [key for key in header if key not in nested]
        buffer = io.StringIO()
        writer = csv.DictWriter(
            buffer, fieldnames=header, lineterminator="\r\n", extrasaction="ignore"
        )
        writer.writeheader()
        for row in rows:
            writer.writerow({key: _cell(value) for key, value in row.items()})
        return buffer.getvalue().encode(self.charset)
