"""Keyset ("cursor") pagination on (sort key, id).

Written here rather than taken from DRF's CursorPagination: DRF's cursor keeps one
position and pages through ties with an OFFSET capped at 1,000, so ordering by a column
where more than a thousand rows share a value (citation_count=0 on most estimates) would
loop or skip rows, and large offsets make deep pages slow. A cursor that carries the sort
value and the id of the last row seen has neither problem: every page is one index range
scan, and a client following `next` sees every row once.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from typing import Any
from urllib.parse import urlencode

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Q, QuerySet
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

SORT_ALIAS = "_sort_key"


def _encode_value(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


class KeysetPagination(BasePagination):
    page_size = 100
    max_page_size = 500
    page_size_query_param = "page_size"
    cursor_query_param = "cursor"

    def paginate_queryset(self, queryset: QuerySet, request, view=None) -> list:
        self.request = request
        self.page_size = self.get_page_size(request)
        key, descending = self.get_sort(request, queryset, view)
        expression = getattr(view, "ordering_expressions", {}).get(key)
        column = key
        if expression is not None:
            queryset = queryset.annotate(**{SORT_ALIAS: expression})
            column = SORT_ALIAS
        self.column = column
        cursor = self.decode_cursor(request, queryset, key, expression is not None)
        if cursor is not None:
            value, last_id = cursor
            op = "lt" if descending else "gt"
            # (key, id) after (value, last_id), said so that an index on the key alone
            # gives a range scan: key >= value, then the tie broken on id.
            queryset = queryset.filter(
                Q(**{f"{column}__{op}e": value}),
                Q(**{f"{column}__{op}": value}) | Q(**{f"id__{op}": last_id}),
            )
        order = (f"-{column}", "-id") if descending else (column, "id")
        rows = list(queryset.order_by(*order)[: self.page_size + 1])
        self.has_next = len(rows) > self.page_size
        page = rows[: self.page_size]
        self.next_cursor = None
        if self.has_next:
            last = page[-1]
            if isinstance(last, dict):  # a values() queryset
                self.next_cursor = self.encode_cursor(last[column], last["id"])
            else:
                self.next_cursor = self.encode_cursor(getattr(last, column), last.pk)
        return page

    def get_page_size(self, request) -> int:
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        try:
            size = int(raw)
        except ValueError:
            size = 0
        if size < 1:
            raise ValidationError(
                {
                    self.page_size_query_param: [
                        f"Give a whole number from 1 to {self.max_page_size}."
                    ]
                }
            )
        return min(size, self.max_page_size)

    def get_sort(self, request, queryset, view) -> tuple[str, bool]:
        """The view's ordering term, as its OrderingFilter validated it."""
        ordering = None
        for backend in getattr(view, "filter_backends", []):
            if hasattr(backend, "get_ordering"):
                ordering = backend().get_ordering(request, queryset, view)
                break
        if not ordering:
            ordering = getattr(view, "ordering", None) or ("id",)
        if isinstance(ordering, str):
            ordering = (ordering,)
        term = ordering[0]
        return term.lstrip("-"), term.startswith("-")

    def encode_cursor(self, value: Any, last_id: int) -> str:
        payload = json.dumps([_encode_value(value), last_id], separators=(",", ":"))
        return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")

    def decode_cursor(self, request, queryset, key: str, is_expression: bool):
        raw = request.query_params.get(self.cursor_query_param)
        if raw is None:
            return None
        try:
            padded = raw + "=" * (-len(raw) % 4)
            value, last_id = json.loads(base64.urlsafe_b64decode(padded.encode()))
            if not isinstance(last_id, int) or isinstance(last_id, bool):
                raise ValueError
            if is_expression:
                if not isinstance(value, int) or isinstance(value, bool):
                    raise ValueError
            else:
                if isinstance(value, str) and "\x00" in value:
                    raise ValueError  # PostgreSQL refuses NUL in text
                value = queryset.model._meta.get_field(key).to_python(value)
                if value is None:
                    raise ValueError
        except (
            ValueError,
            TypeError,
            binascii.Error,
            UnicodeDecodeError,
            DjangoValidationError,
        ) as error:
            raise ValidationError(
                {
                    self.cursor_query_param: [
                        "This cursor is not valid for this ordering; "
                        "start again from the first page."
                    ]
                }
            ) from error
        return value, last_id

    def get_next_link(self) -> str | None:
        if self.next_cursor is None:
            return None
        url = self.request.build_absolute_uri()
        return replace_query_param(url, self.cursor_query_param, self.next_cursor)

    def get_paginated_response(self, data) -> Response:
        next_link = self.get_next_link()
        headers = {"Link": f'<{next_link}>; rel="next"'} if next_link else None
        return Response({"next": next_link, "results": data}, headers=headers)

    def get_paginated_response_schema(self, schema: dict) -> dict:
        return {
            "type": "object",
            "required": ["next", "results"],
            "properties": {
                "next": {
                    "type": "string",
                    "nullable": True,
                    "format": "uri",
                    "description": "The next page, or null on the last page.",
                    "example": "http://api.example.org/api/v1/estimates/?"
                    + urlencode({self.cursor_query_param: "WyIyMDI1LTAyLTI2Iiw0Ml0"}),
                },
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view) -> list[dict]:
        return [
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": "The `next` link's cursor; omit for the first page.",
                "schema": {"type": "string"},
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": f"Results per page (default {self.page_size}, "
                f"at most {self.max_page_size}; larger values are capped).",
                "schema": {"type": "integer", "minimum": 1},
            },
        ]
