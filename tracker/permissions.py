"""API permissions: reads are public (API_PUBLIC_READS), writes need the editor role."""

from django.conf import settings
from rest_framework.permissions import SAFE_METHODS, BasePermission

from tracker.roles import is_editor


class ReadOnlyOrEditor(BasePermission):
    message = "Writing needs an editor's API token."

    def has_permission(self, request, view) -> bool:
        if request.method in SAFE_METHODS:
            return settings.API_PUBLIC_READS or bool(request.user and request.user.is_authenticated)
        return is_editor(request.user)
