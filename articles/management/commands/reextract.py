"""`manage.py reextract`: run the current extraction engine on articles an older one read.

New claims are cited (new proposed estimates where needed); citations already there stay
single (one per estimate and article); no existing estimate is changed, so what editors
confirmed or rejected stands.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand
from tqdm import tqdm

from articles import services
from articles.extraction import ENGINE_VERSION
from articles.models import Article, ArticleStatus


class Command(BaseCommand):
    help = f"Re-run extraction on articles processed by an engine older than {ENGINE_VERSION}."

    def add_arguments(self, parser):
        parser.add_argument(
            "--all", action="store_true", dest="every", help="Every processed article."
        )

    def handle(self, *args, every: bool, **options):
        articles = Article.objects.filter(status=ArticleStatus.DONE)
        if not every:
            articles = articles.exclude(extractor_version=ENGINE_VERSION)
        ids = list(articles.order_by("id").values_list("pk", flat=True))
        citations = estimates = 0
        for pk in tqdm(ids, unit="article", disable=None, file=self.stderr._out):
            article = Article.objects.filter(pk=pk).first()
            if article is None:
                continue
            outcome = services.reextract_article(article)
            if outcome is not None:
                citations += outcome.citations_created
                estimates += outcome.estimates_created
        self.stdout.write(
            f"{len(ids)} article(s) re-read with engine {ENGINE_VERSION}: "
            f"{citations} new citation(s), {estimates} new proposed estimate(s)."
        )
