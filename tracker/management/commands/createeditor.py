"""Make an editor account: `manage.py createeditor USERNAME [--email E] [--password P]`.

Without --password the password is asked for twice (not echoed). Passwords go through
the site's password validators. Refuses an existing username rather than changing it.
"""

from __future__ import annotations

import getpass
import sys

from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction

from tracker.roles import EDITORS


class Command(BaseCommand):
    help = "Create an editor account (a user in the Editors group)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--password",
            help="The password (visible in the process list: prefer the prompt).",
        )

    def handle(self, *args, username: str, email: str, password: str | None, **options):
        User = get_user_model()
        username = username.strip()
        if not username:
            raise CommandError("Give a username.")
        if User.objects.filter(username__iexact=username).exists():
            raise CommandError(f"A user called {username!r} already exists.")
        if email:
            try:
                validate_email(email)
            except ValidationError:
                raise CommandError(f"{email!r} is not an email address.") from None
        if password is None:
            password = self._prompt()
        candidate = User(username=username, email=email)
        try:
            password_validation.validate_password(password, user=candidate)
        except ValidationError as error:
            raise CommandError("Password refused: " + " ".join(error.messages)) from None
        with transaction.atomic():
            user = User.objects.create_user(username=username, email=email, password=password)
            user.groups.add(Group.objects.get(name=EDITORS))
        self.stdout.write(
            self.style.SUCCESS(f"Editor {username!r} created; log in at /editor/login/.")
        )

    def _prompt(self) -> str:
        if not sys.stdin.isatty():
            raise CommandError("No terminal to ask for a password: pass --password.")
        first = getpass.getpass("Password: ")
        if first != getpass.getpass("Password (again): "):
            raise CommandError("The passwords do not match.")
        return first
