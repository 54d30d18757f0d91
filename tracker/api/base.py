"""What every API view shares: renderers, pagination, throttles, errors, schema."""

from __future__ import annotations

from drf_spectacular.openapi import AutoSchema
from rest_framework.permissions import SAFE_METHODS
from rest_framework.renderers import JSONRenderer
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

from tracker.api.errors import ErrorSerializer, api_exception_handler
from tracker.api.pagination import KeysetPagination
from tracker.api.renderers import CSVRenderer


class ReadRateThrottle(AnonRateThrottle):
    """Anonymous reads, per client address (the `anon` rate)."""


class SignedInRateThrottle(UserRateThrottle):
    """Requests of signed-in users, per user (the `user` rate). Anonymous ones are held to
    the `anon` rate by ReadRateThrottle alone (DRF's UserRateThrottle would also count them
    per address against the `user` rate: two more cache round trips for nothing)."""

    def allow_request(self, request, view) -> bool:
        if not (request.user and request.user.is_authenticated):
            return True
        return super().allow_request(request, view)


class WriteRateThrottle(UserRateThrottle):
    """Writes, per user (or address), at the `writes` rate."""

    scope = "writes"

    def allow_request(self, request, view) -> bool:
        if request.method in SAFE_METHODS:
            return True
        return super().allow_request(request, view)


class TrackerAutoSchema(AutoSchema):
    """Documents the JSON error bodies every operation can answer with."""

    error_codes = {
        "400": "Invalid filter, cursor or body; `errors` names the fields at fault.",
        "401": "The token is missing or invalid.",
        "403": "The token's user may not do this (writes need the editor role).",
        "404": "No such object.",
        "429": "Too many requests; retry after the Retry-After header's seconds.",
    }

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        codes = dict(self.error_codes)
        if self.method in ("PUT", "PATCH"):
            codes["409"] = "Someone changed it since you read it (see `current`)."
        for code, description in codes.items():
            if code == "409":
                from tracker.api.serializers import ConflictSerializer

                body = ConflictSerializer
            else:
                body = ErrorSerializer
            response = self._get_response_for_code(body, code, ["application/json"], direction)
            response["description"] = description
            responses.setdefault(code, response)
        return responses


class ApiViewMixin:
    renderer_classes = [JSONRenderer, CSVRenderer]
    pagination_class = KeysetPagination
    throttle_classes = [ReadRateThrottle, SignedInRateThrottle, WriteRateThrottle]
    schema = TrackerAutoSchema()

    def get_exception_handler(self):
        return api_exception_handler

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code >= 400:
            # Errors are JSON whatever format the list was asked in (?format=csv).
            response.accepted_renderer = JSONRenderer()
            response.accepted_media_type = JSONRenderer.media_type
        return response
