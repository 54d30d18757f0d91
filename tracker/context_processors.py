from tracker.roles import is_admin, is_editor


def roles(request):
    """`is_editor` / `is_admin` for templates, computed once per request when used."""
    user = getattr(request, "user", None)
    return {"is_editor": lambda: is_editor(user), "is_admin": lambda: is_admin(user)}
