"""Editor pages for submitting articles, under /ingest/."""

from django.urls import path

from articles.web import ingest_views

app_name = "ingest"

urlpatterns = [
    path("", ingest_views.index, name="index"),
    path("text/", ingest_views.submit_text, name="text"),
    path("file/", ingest_views.submit_file, name="file"),
    path("url/", ingest_views.submit_url, name="url"),
    path("articles/<int:pk>/", ingest_views.article_status, name="article"),
]
