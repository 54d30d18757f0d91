"""Articles over the API: metadata in lists, text on the detail, submissions (202)."""

from __future__ import annotations

import pytest

from articles.models import Article
from tests.articles.factories import ArticleFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/articles/"


def test_list_shows_metadata_and_status_but_not_the_text(api_client):
    article = ArticleFactory(status="failed", error="The page could not be fetched.")
    body = api_client.get(URL).json()["results"][0]
    assert (body["id"], body["status"], body["error"]) == (article.pk, "failed", article.error)
    assert "text" not in body


def test_detail_has_the_text(api_client):
    article = ArticleFactory()
    assert api_client.get(f"{URL}{article.pk}/").json()["text"] == article.text


def test_articles_filter_by_status_and_published(api_client):
    done = ArticleFactory(status="done")
    ArticleFactory(status="queued")
    assert [a["id"] for a in api_client.get(URL, {"status": "done"}).json()["results"]] == [done.pk]
    assert api_client.get(URL, {"published_after": "2030-01-01"}).json()["results"] == []


def test_editor_submits_a_text_and_gets_202_with_a_status_url(editor_api, editor):
    response = editor_api.post(
        URL,
        {"text": "About 400 were killed, officials said.", "title": "Losses", "outlet": "Wire"},
        format="json",
    )
    assert response.status_code == 202, response.content
    body = response.json()
    article = Article.objects.get(pk=body["id"])
    assert article.submitted_by == editor
    assert body["status_url"].endswith(f"/api/v1/articles/{article.pk}/")
    assert response["Location"] == body["status_url"]
    polled = editor_api.get(body["status_url"]).json()
    assert polled["status"] in {"queued", "fetched", "extracted", "done", "duplicate", "failed"}
    assert polled["title"] == "Losses"


def test_editor_submits_a_url(editor_api):
    response = editor_api.post(URL, {"url": "https://news.example.org/a"}, format="json")
    assert response.status_code == 202
    assert Article.objects.get(pk=response.json()["id"]).url == "https://news.example.org/a"


def test_submitting_the_same_text_twice_gives_the_same_article(editor_api):
    first = editor_api.post(URL, {"text": "About 400 were killed."}, format="json").json()
    second = editor_api.post(URL, {"text": "About  400 were KILLED."}, format="json").json()
    assert first["id"] == second["id"]
    assert Article.objects.count() == 1


def test_submission_needs_a_url_or_a_text(editor_api):
    response = editor_api.post(URL, {"title": "Nothing"}, format="json")
    assert response.status_code == 400
    assert response.json()["errors"]["non_field_errors"]
    both = editor_api.post(URL, {"url": "https://x.example.org/", "text": "t"}, format="json")
    assert both.status_code == 400


def test_submission_with_a_bad_url_names_the_field(editor_api):
    response = editor_api.post(URL, {"url": "not a url"}, format="json")
    assert response.status_code == 400
    assert "url" in response.json()["errors"]


def test_only_editors_submit(api_client, analyst_api):
    assert api_client.post(URL, {"text": "x"}, format="json").status_code == 401
    assert analyst_api.post(URL, {"text": "x"}, format="json").status_code == 403
    assert not Article.objects.exists()
