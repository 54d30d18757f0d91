"""Errors as JSON: a status, a code, a sentence for a person and the fields at fault.

    {"status": 400, "code": "invalid",
     "message": "low: The low figure (500) is above the high figure (400).",
     "errors": {"low": ["The low figure (500) is above the high figure (400)."]}}

Every API view uses `api_exception_handler`; paths under /api/v1/ that match no route
get `not_found`, a JSON 404 even with DEBUG on (never Django's technical page).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from rest_framework import exceptions, serializers
from rest_framework.views import exception_handler

NON_FIELD_KEYS = {"non_field_errors", "__all__"}


class ErrorSerializer(serializers.Serializer):
    """The body of every error response (for the schema)."""

    status = serializers.IntegerField()
    code = serializers.CharField()
    message = serializers.CharField()
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text="Messages per field at fault (dotted for nested fields); "
        "`non_field_errors` for the request as a whole.",
    )


def _flatten(detail: Any, prefix: str = "") -> dict[str, list[str]]:
    """DRF's nested error detail as {"field" or "field.sub": [messages]}."""
    if isinstance(detail, dict):
        flat: dict[str, list[str]] = {}
        for key, value in detail.items():
            name = "non_field_errors" if key in NON_FIELD_KEYS else str(key)
            flat.update(_flatten(value, f"{prefix}.{name}" if prefix else name))
        return flat
    if isinstance(detail, list):
        if all(not isinstance(item, dict | list) for item in detail):
            return {prefix or "non_field_errors": [str(item) for item in detail]}
        flat = {}
        for index, item in enumerate(detail):
            flat.update(_flatten(item, f"{prefix}.{index}" if prefix else str(index)))
        return flat
    return {prefix or "non_field_errors": [str(detail)]}


def error_body(status: int, code: str, message: str, errors: dict | None = None) -> dict:
    return {"status": status, "code": code, "message": message, "errors": errors or {}}


def _code(exc: exceptions.APIException) -> str:
    codes = exc.get_codes()
    return codes if isinstance(codes, str) else exc.default_code


def api_exception_handler(exc: Exception, context: dict) -> Any:
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(detail=serializers.as_serializer_error(exc))
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound("Nothing here: no such resource or object.")
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    response = exception_handler(exc, context)
    if response is None or not isinstance(exc, exceptions.APIException):
        return response
    if isinstance(exc, exceptions.ValidationError):
        errors = _flatten(exc.detail)
        field, messages = next(iter(errors.items()), ("non_field_errors", ["Invalid input."]))
        message = messages[0] if field == "non_field_errors" else f"{field}: {messages[0]}"
        response.data = error_body(response.status_code, "invalid", message, errors)
    else:
        response.data = error_body(response.status_code, _code(exc), str(exc.detail))
    return response


def not_found(request, *args, **kwargs) -> JsonResponse:
    """A JSON 404 for any path under the API that no route matches."""
    return JsonResponse(
        error_body(404, "not_found", f"No API endpoint at {request.path}; see /api/v1/docs/."),
        status=404,
    )
