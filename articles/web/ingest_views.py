"""Editor pages to submit articles (/ingest/) and follow what became of them."""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from articles import services
from articles.models import Article
from articles.web.forms import FileForm, TextForm, URLForm
from tracker.roles import is_editor

RECENT = 20


def editor_required(view):
    """Anonymous visitors are sent to log in; signed-in non-editors get 403."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_editor(request.user):
            raise PermissionDenied("Submitting articles is for editors.")
        return view(request, *args, **kwargs)

    return wrapped


def _page(request, *, text_form=None, file_form=None, url_form=None, status=200):
    recent = Article.objects.only(
        "id", "title", "url", "outlet", "status", "error", "created_at"
    ).order_by("-created_at", "-id")[:RECENT]
    context = {
        "text_form": text_form or TextForm(prefix="text"),
        "file_form": file_form or FileForm(prefix="file"),
        "url_form": url_form or URLForm(prefix="url"),
        "recent": recent,
    }
    return render(request, "articles/ingest_index.html", context, status=status)


def _submitted(request, article: Article):
    if getattr(article, "newly_created", True):
        messages.success(request, "The article was received and is being processed.")
    else:
        messages.info(request, "This article was already in the tracker.")
    return redirect("ingest:article", pk=article.pk)


@require_GET
@editor_required
def index(request):
    return _page(request)


@require_POST
@editor_required
def submit_text(request):
    form = TextForm(request.POST, prefix="text")
    if form.is_valid():
        data = form.cleaned_data
        try:
            article = services.submit_text(
                text=data["text"],
                url=data["url"] or None,
                outlet=data["outlet"],
                title=data["title"],
                published=data["published"],
                user=request.user,
            )
        except services.IngestError as error:
            form.add_error(None, str(error))
        else:
            return _submitted(request, article)
    return _page(request, text_form=form, status=400)


@require_POST
@editor_required
def submit_file(request):
    form = FileForm(request.POST, request.FILES, prefix="file")
    if form.is_valid():
        data = form.cleaned_data
        upload = data["file"]
        try:
            article = services.submit_file(
                name=upload.name,
                content=upload.read(),
                url=data["url"] or None,
                outlet=data["outlet"],
                title=data["title"],
                published=data["published"],
                user=request.user,
            )
        except services.IngestError as error:
            form.add_error("file", str(error))
        else:
            return _submitted(request, article)
    return _page(request, file_form=form, status=400)


@require_POST
@editor_required
def submit_url(request):
    form = URLForm(request.POST, prefix="url")
    if form.is_valid():
        try:
            article = services.submit_url(url=form.cleaned_data["url"], user=request.user)
        except services.IngestError as error:
            form.add_error("url", str(error))
        else:
            return _submitted(request, article)
    return _page(request, url_form=form, status=400)


@require_GET
@editor_required
def article_status(request, pk: int):
    article = get_object_or_404(Article.objects.select_related("duplicate_of"), pk=pk)
    citations = article.citations.select_related(
        "estimate__metric", "estimate__source", "estimate__contingent"
    ).order_by("start", "id")
    return render(
        request, "articles/ingest_article.html", {"article": article, "citations": citations}
    )
