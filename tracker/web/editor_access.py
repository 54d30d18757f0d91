"""Who may use the editor pages: editors and admins. Everyone else is turned away."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import LoginView, redirect_to_login
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from tracker.roles import is_editor


def editor_required(view):
    """Anonymous visitors are sent to log in; signed-in readers get 403 Forbidden.

    (Django's user_passes_test would send an analyst back to the login page, in a loop.)
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_editor(request.user):
            raise PermissionDenied("The editor pages are for editors.")
        return view(request, *args, **kwargs)

    return wrapper


def next_url(request, default: str) -> str:
    """Where to go after an action: the page it came from if it is ours, else `default`."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default


class EditorLoginView(LoginView):
    """Django's login; with no `next`, editors land on the review queue, others on the home."""

    template_name = "tracker/editor/login.html"
    redirect_authenticated_user = True

    def get_default_redirect_url(self) -> str:
        if is_editor(self.request.user):
            return reverse("editor-queue")
        return super().get_default_redirect_url()
