"""The editor pages for submitting articles, per persona."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles import tasks
from articles.models import Article, ArticleStatus
from tests.articles.factories import ArticleFactory
from tests.articles.texts import RELAY, UNKNOWN_SOURCE

pytestmark = pytest.mark.django_db

INDEX = "/ingest/"


@pytest.fixture(autouse=True)
def _login_page(settings):
    # The login page belongs to another area; the redirect only has to point at it.
    settings.LOGIN_URL = "/accounts/login/"


def test_anonymous_visitor_is_sent_to_log_in(anonymous_client):
    response = anonymous_client.get(INDEX)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/ingest/")


def test_anonymous_post_creates_nothing(anonymous_client):
    response = anonymous_client.post("/ingest/text/", {"text-text": RELAY})
    assert response.status_code == 302
    assert not Article.objects.exists()


def test_analyst_is_refused(analyst_client):
    assert analyst_client.get(INDEX).status_code == 403
    assert analyst_client.post("/ingest/url/", {"url-url": "https://a.example/"}).status_code == 403
    assert not Article.objects.exists()


def test_editor_sees_the_forms_and_recent_articles_in_few_queries(
    editor_client, django_assert_num_queries
):
    ArticleFactory.create_batch(3)
    # session, user, the user's groups (role check), recent articles
    with django_assert_num_queries(4):
        response = editor_client.get(INDEX)
    assert response.status_code == 200
    assert b"Paste a text" in response.content
    assert response.content.count(b"/ingest/articles/") == 3


def test_editor_pastes_a_text_and_sees_its_figures(
    editor_client, demo, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            "/ingest/text/",
            {
                "text-text": UNKNOWN_SOURCE,
                "text-outlet": "Test Wire",
                "text-published": "2025-03-05",
            },
        )
    article = Article.objects.get(text=UNKNOWN_SOURCE)
    assert response.status_code == 302
    assert response["Location"] == reverse("ingest:article", args=[article.pk])
    page = editor_client.get(response["Location"])
    assert b"Done" in page.content
    assert b"Baltic Conflict Monitor" in page.content
    assert b"Proposed" in page.content


def test_editor_uploads_an_html_file(editor_client, demo, django_capture_on_commit_callbacks):
    upload = SimpleUploadedFile(
        "relay.html",
        f"<html><body><article><p>{RELAY}</p></article></body></html>".encode(),
        content_type="text/html",
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post("/ingest/file/", {"file-file": upload})
    assert response.status_code == 302
    article = Article.objects.latest("id")
    assert article.status == ArticleStatus.DONE
    assert article.submitted_by.username == "editor"


def test_upload_of_a_binary_file_shows_the_reason(editor_client):
    upload = SimpleUploadedFile("a.txt", b"\x00\x01\x02", content_type="text/plain")
    response = editor_client.post("/ingest/file/", {"file-file": upload})
    assert response.status_code == 400
    assert b"binary file" in response.content


def test_link_is_queued_and_its_failure_is_shown(editor_client, dns):
    dns["router.test"] = ["192.168.1.1"]
    response = editor_client.post("/ingest/url/", {"url-url": "http://router.test/admin"})
    article = Article.objects.get()
    assert response.status_code == 302
    assert b"Queued" in editor_client.get(response["Location"]).content
    tasks.fetch_article_task.apply(args=[article.pk])  # what a worker does next
    page = editor_client.get(response["Location"])
    assert b"Failed" in page.content
    assert b"private network address" in page.content


def test_failed_article_shows_its_error(editor_client):
    article = ArticleFactory(
        status=ArticleStatus.FAILED, error="example.org answered 404 Not Found."
    )
    page = editor_client.get(reverse("ingest:article", args=[article.pk]))
    assert b"answered 404 Not Found" in page.content


def test_article_text_is_escaped_not_rendered(editor_client):
    article = ArticleFactory(text="<script>alert('x')</script> 400 killed", title="<b>T</b>")
    page = editor_client.get(reverse("ingest:article", args=[article.pk]))
    assert b"<script>alert" not in page.content
    assert b"&lt;script&gt;" in page.content
    assert b"<b>T</b>" not in page.content


def test_empty_text_is_refused_with_a_message(editor_client):
    response = editor_client.post("/ingest/text/", {"text-text": ""})
    assert response.status_code == 400
    assert b"This field is required" in response.content
