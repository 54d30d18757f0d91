"""The roles: anonymous visitors and analysts read; editors write; admins manage.

Roles are Django groups (made by a migration) plus the superuser flag for admins.
"""

from __future__ import annotations

from typing import Any

EDITORS = "Editors"
ANALYSTS = "Analysts"
ADMINS = "Admins"


def _groups(user: Any) -> set[str] | None:
    """The user's group names, cached on the user for the request; None if not signed in."""
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    cached = getattr(user, "_tracker_groups", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        user._tracker_groups = cached
    return cached


def is_editor(user: Any) -> bool:
    groups = _groups(user)
    if groups is None:
        return False
    return user.is_superuser or EDITORS in groups or ADMINS in groups


def is_admin(user: Any) -> bool:
    groups = _groups(user)
    if groups is None:
        return False
    return user.is_superuser or ADMINS in groups
