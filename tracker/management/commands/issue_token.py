"""Print an editor's API token, making it on first use: `manage.py issue_token USERNAME`."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from rest_framework.authtoken.models import Token

from tracker.roles import is_editor


class Command(BaseCommand):
    help = "Print the API token of an editor (made if the editor has none yet)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("username")
        parser.add_argument(
            "--rotate", action="store_true", help="Replace the existing token with a new one."
        )

    def handle(self, *args, username: str, rotate: bool, **options) -> None:
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        if not is_editor(user):
            raise CommandError(
                f"{username!r} is not an editor: API tokens are for writing, which needs the "
                "editor role (add the user to the Editors group first)."
            )
        if rotate:
            Token.objects.filter(user=user).delete()
        token, _created = Token.objects.get_or_create(user=user)
        self.stdout.write(token.key)
