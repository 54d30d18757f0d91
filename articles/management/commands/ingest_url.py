"""`manage.py ingest_url URL...`: queue links to be fetched and processed."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from articles import services
from articles.models import Article


class Command(BaseCommand):
    help = "Fetch web pages as articles (by the workers, or at once without REDIS_URL)."

    def add_arguments(self, parser):
        parser.add_argument("urls", nargs="+")

    def handle(self, *args, urls: list[str], **options):
        failed = 0
        for url in urls:
            try:
                article = services.submit_url(url=url)
            except services.IngestError as error:
                failed += 1
                self.stderr.write(f"{url}: {error}")
                continue
            article = Article.objects.get(pk=article.pk)
            line = f"{url}: article {article.pk}, {article.get_status_display().lower()}"
            if article.error:
                line += f" ({article.error})"
            self.stdout.write(line)
        if failed:
            self.stderr.write(f"{failed} link(s) refused.")
