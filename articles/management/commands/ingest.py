"""`manage.py ingest FILE...`: ingest .txt and .html files, with a progress bar and a summary."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from articles import services
from articles.models import Article, ArticleStatus


def parse_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"--published must be a date like 2025-03-05, not {value!r}.") from error


class Command(BaseCommand):
    help = "Ingest plain-text or HTML files as articles (processed by the workers, or at once)."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument("--outlet", default="", help="The outlet that published them.")
        parser.add_argument("--published", type=parse_date, help="Publication date, YYYY-MM-DD.")
        parser.add_argument("--url", default=None, help="The article's URL (one file only).")

    def handle(self, *args, files: list[Path], outlet: str, published, url, **options):
        if url and len(files) > 1:
            raise CommandError("--url names one article: give a single file with it.")
        counts = {"new": 0, "duplicate": 0, "failed": 0}
        failures: list[str] = []
        progress = tqdm(files, unit="file", disable=None, file=self.stderr._out)
        for path in progress:
            try:
                article = services.submit_file(
                    name=path.name,
                    content=path.read_bytes(),
                    url=url,
                    outlet=outlet,
                    published=published,
                )
            except (OSError, services.IngestError) as error:
                counts["failed"] += 1
                failures.append(f"{path}: {error}")
                continue
            created = article.newly_created
            article = Article.objects.get(pk=article.pk)  # as processing left it
            if article.status == ArticleStatus.FAILED:
                counts["failed"] += 1
                failures.append(f"{path}: {article.error}")
            elif not created or article.status == ArticleStatus.DUPLICATE:
                counts["duplicate"] += 1
            else:
                counts["new"] += 1
        for failure in failures:
            self.stderr.write(failure)
        self.stdout.write(
            f"{counts['new']} new, {counts['duplicate']} duplicate, {counts['failed']} failed."
        )
