"""Make the local run's demo editor account once, and print its login every time."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from tracker.roles import EDITORS

USERNAME = "editor"


class Command(BaseCommand):
    help = "Create the demo editor account for the local run (DEBUG only) and print its login."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("The demo editor is for the local run only (DEBUG is off).")
        password_file = settings.VAR_DIR / "demo_editor_password"
        User = get_user_model()
        user = User.objects.filter(username=USERNAME).first()
        if user is None or not password_file.exists():
            password = secrets.token_urlsafe(12)
            user = user or User(username=USERNAME, email="editor@localhost")
            user.is_staff = True  # the demo editor may also use the admin
            user.set_password(password)
            user.save()
            user.groups.add(Group.objects.get(name=EDITORS))
            settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
            password_file.write_text(password)
            password_file.chmod(0o600)
        password = password_file.read_text().strip()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo editor: username {USERNAME!r}, password {password!r} "
                "(log in at http://127.0.0.1:8000/editor/login/)"
            )
        )
