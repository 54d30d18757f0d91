"""Article pages: the newest articles, and one article with its cited figures marked."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from articles.models import Article
from articles.web.highlight import highlight_citations
from tracker.models import Citation, Estimate
from tracker.web.export import csv_response, wants_csv

PAGE_SIZE = 50


@require_safe
def article_list(request):
    articles = Article.objects.only(
        "id", "title", "url", "outlet", "published", "status", "created_at"
    ).order_by("-published", "-id")
    if wants_csv(request):
        return csv_response(
            "articles.csv",
            ["id", "published", "outlet", "title", "url", "status"],
            (
                [a.pk, a.published, a.outlet, a.title, a.url, a.status]
                for a in articles.iterator(chunk_size=2000)
            ),
        )
    page = Paginator(articles, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "articles/article_list.html", {"page": page})


@require_safe
def article_detail(request, pk: int):
    visible = Estimate.objects.visible_to(request.user)
    article = get_object_or_404(
        Article.objects.select_related("duplicate_of").prefetch_related(
            Prefetch(
                "citations",
                queryset=Citation.objects.filter(estimate__in=visible)
                .select_related("estimate", "estimate__metric", "estimate__source", "estimate__via")
                .order_by("start", "id"),
            ),
            Prefetch(
                "near_duplicates",
                queryset=Article.objects.only("id", "title", "outlet", "duplicate_of"),
            ),
        ),
        pk=pk,
    )
    citations = list(article.citations.all())
    context = {
        "article": article,
        "citations": citations,
        "text_html": highlight_citations(article.text, citations),
    }
    return render(request, "articles/article_detail.html", context)
