"""`manage.py add_feed URL [--interval MINUTES] [--outlet NAME]`: poll a feed on a schedule."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from articles import feeds, services


class Command(BaseCommand):
    help = "Register an RSS or Atom feed; Celery beat polls it every --interval minutes."

    def add_arguments(self, parser):
        parser.add_argument("url")
        parser.add_argument("--interval", type=int, default=60, help="Minutes between polls.")
        parser.add_argument("--outlet", default="", help="The outlet the feed belongs to.")

    def handle(self, *args, url: str, interval: int, outlet: str, **options):
        try:
            feed = feeds.add_feed(url=url, interval_minutes=interval, outlet=outlet)
        except services.IngestError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Feed {feed.pk}: {feed.url}, polled every {interval} minutes.")
