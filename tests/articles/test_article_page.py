"""The article pages: the text with cited figures marked and linked, escaping, duplicates."""

import pytest
from django.urls import reverse

from articles.models import Article
from articles.web.highlight import highlight_citations
from tests.articles.factories import ArticleFactory
from tests.tracker.factories import EstimateFactory
from tracker import services
from tracker.models import EstimateStatus

pytestmark = pytest.mark.django_db


def test_article_page_marks_each_cited_figure_and_links_its_estimate(anonymous_client, demo):
    article = Article.objects.get(url__endswith="/yu-hur-briefing")
    response = anonymous_client.get(article.get_absolute_url())
    assert response.status_code == 200
    text = response.text
    for citation in article.citations.select_related("estimate"):
        assert (
            f'<a class="cited" href="{citation.estimate.get_absolute_url()}" '
            f'id="citation-{citation.pk}"><mark>{citation.quote}</mark></a>'
        ) in text
    assert 'href="https://demo.tracker.invalid/articles/yu-hur-briefing"' in text
    assert "Demo Wire" in text


def test_a_script_in_the_title_and_text_shows_as_text(anonymous_client, db):
    article = ArticleFactory(
        title="<script>alert('title')</script>",
        text="Officials said <script>alert(1)</script> that 400 soldiers <b>died</b>.",
    )
    estimate = EstimateFactory()
    services.cite(estimate=estimate, article=article, quote="400 soldiers <b>died</b>")
    response = anonymous_client.get(article.get_absolute_url())
    text = response.text
    assert "<script>alert" not in text
    assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;" in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "<mark>400 soldiers &lt;b&gt;died&lt;/b&gt;</mark>" in text


def test_a_script_in_a_title_shows_as_text_in_lists(anonymous_client, db):
    ArticleFactory(title="<script>alert('list')</script>")
    text = anonymous_client.get(reverse("article-list")).text
    assert "<script>alert" not in text
    assert "&lt;script&gt;" in text


def test_highlighting_skips_overlapping_and_out_of_range_spans(db):
    class C:
        def __init__(self, pk, start, end):
            self.pk, self.start, self.end = pk, start, end
            self.estimate = type("E", (), {"get_absolute_url": lambda self: "/estimates/1/"})()

    html = highlight_citations("abcdef & ghi", [C(1, 0, 3), C(2, 2, 5), C(3, 4, 99)])
    link = '<a class="cited" href="/estimates/1/" id="citation-1"><mark>abc</mark></a>'
    assert html == f"<p>{link}def &amp; ghi</p>"


def test_proposed_estimates_are_not_marked_for_anonymous_visitors(
    anonymous_client, editor_client, db
):
    article = ArticleFactory(text="Some say 900 were killed.")
    estimate = EstimateFactory(status=EstimateStatus.PROPOSED)
    services.cite(estimate=estimate, article=article, quote="900 were killed")
    assert "<mark>" not in anonymous_client.get(article.get_absolute_url()).text
    assert "<mark>900 were killed</mark>" in editor_client.get(article.get_absolute_url()).text


def test_article_page_lists_near_duplicates(anonymous_client, db):
    original = ArticleFactory(title="The original report")
    copy = ArticleFactory(title="A syndicated copy", duplicate_of=original)
    assert "A syndicated copy" in anonymous_client.get(original.get_absolute_url()).text
    assert "The original report" in anonymous_client.get(copy.get_absolute_url()).text


def test_article_pages_run_the_same_queries_whatever_the_data(
    anonymous_client, demo, django_assert_num_queries
):
    article = Article.objects.get(url__endswith="/yu-hur-briefing")
    # article with duplicate_of, its visible citations with estimates, near-duplicates.
    with django_assert_num_queries(3):
        anonymous_client.get(article.get_absolute_url())
    # articles page: count (paginator), page of articles.
    with django_assert_num_queries(2):
        anonymous_client.get(reverse("article-list"))
    ArticleFactory.create_batch(30)
    with django_assert_num_queries(2):
        response = anonymous_client.get(reverse("article-list"))
    assert len(response.context["page"].object_list) == 37
