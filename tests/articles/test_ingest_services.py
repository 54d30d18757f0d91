"""The ingestion services, called directly: text in, estimates and citations out."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.utils import timezone

from articles import services
from articles.extraction import ENGINE_VERSION
from articles.models import Article, ArticleStatus
from tests.articles.texts import (
    NO_FIGURES,
    PUBLISHED,
    RELAY,
    RELAY_SYNDICATED,
    UNKNOWN_SOURCE,
    numbered_report,
)
from tracker.models import Citation, Estimate, Reliability, Source, SourceKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def ingest(django_capture_on_commit_callbacks):
    """Submit a text and run what its commit enqueues (the in-process pipeline)."""

    def run(text: str, **kwargs) -> Article:
        kwargs.setdefault("published", PUBLISHED)
        with django_capture_on_commit_callbacks(execute=True):
            article = services.submit_text(text=text, **kwargs)
        article.refresh_from_db()
        return article

    return run


def test_submitted_text_is_queued_before_anything_runs(demo):
    article = services.submit_text(text=RELAY, published=PUBLISHED)
    assert article.status == ArticleStatus.QUEUED
    assert article.newly_created is True
    assert Citation.objects.filter(article=article).count() == 0


def test_claim_repeating_a_confirmed_estimate_cites_it_without_changing_it(demo, ingest):
    confirmed = Estimate.objects.get(
        source__slug="hur", metric__slug="killed", as_of=dt.date(2025, 2, 26)
    )
    version = confirmed.version
    article = ingest(RELAY, outlet="Test Wire")
    assert article.status == ArticleStatus.DONE
    assert article.extractor_version == ENGINE_VERSION
    assert Citation.objects.filter(article=article, estimate=confirmed).exists()
    confirmed.refresh_from_db()
    assert confirmed.status == Estimate.Status.CONFIRMED
    assert confirmed.version == version


def test_new_figure_becomes_a_proposed_estimate_with_an_extracted_citation(demo, ingest):
    article = ingest(UNKNOWN_SOURCE)
    citation = Citation.objects.select_related("estimate__source").get(article=article)
    assert citation.method == Citation.Method.EXTRACTED
    assert citation.extractor_version == ENGINE_VERSION
    assert article.text[citation.start : citation.end] == citation.quote
    estimate = citation.estimate
    assert estimate.status == Estimate.Status.PROPOSED
    assert (estimate.metric.slug, estimate.best) == ("killed", 900)


def test_unknown_source_name_becomes_a_new_source_that_cannot_be_judged(demo, ingest):
    ingest(UNKNOWN_SOURCE)
    source = Source.objects.get(name="Baltic Conflict Monitor")
    assert source.kind == SourceKind.OTHER
    assert source.reliability == Reliability.F


def test_same_text_submitted_twice_is_one_article_and_nothing_new(demo, ingest):
    first = ingest(RELAY)
    counts = (Article.objects.count(), Estimate.objects.count(), Citation.objects.count())
    again = ingest("  " + RELAY.replace(". ", ".\n\n") + "\n")
    assert again.pk == first.pk
    assert again.newly_created is False
    assert counts == (Article.objects.count(), Estimate.objects.count(), Citation.objects.count())


def test_same_url_with_tracking_parameters_is_one_article(demo, ingest):
    first = ingest(RELAY, url="https://news.example.org/a/1?utm_source=x")
    again = services.submit_text(text=UNKNOWN_SOURCE, url="https://NEWS.example.org/a/1/#top")
    assert again.pk == first.pk
    assert again.newly_created is False


def test_same_text_at_another_url_is_recorded_as_a_duplicate(demo, ingest):
    first = ingest(RELAY, url="https://one.example.org/story")
    copy = ingest(RELAY, url="https://two.example.org/copy")
    assert copy.pk != first.pk
    assert copy.status == ArticleStatus.DUPLICATE
    assert copy.duplicate_of_id == first.pk
    assert not Citation.objects.filter(article=copy).exists()


def test_syndicated_copy_with_small_edits_is_linked_and_cites_the_same_estimates(demo, ingest):
    original = ingest(RELAY)
    copy = ingest(RELAY_SYNDICATED)
    assert copy.status == ArticleStatus.DONE
    assert copy.duplicate_of_id == original.pk
    cited = set(Citation.objects.filter(article=original).values_list("estimate_id", flat=True))
    assert cited
    assert set(Citation.objects.filter(article=copy).values_list("estimate_id", flat=True)) == cited


def test_separately_written_reports_are_not_near_duplicates(demo, ingest):
    ingest(RELAY)
    other = ingest(UNKNOWN_SOURCE)
    assert other.duplicate_of_id is None


def test_processing_an_article_twice_creates_nothing_new(demo, ingest):
    article = ingest(UNKNOWN_SOURCE)
    counts = (Estimate.objects.count(), Citation.objects.count(), Source.objects.count())
    Article.objects.filter(pk=article.pk).update(status=ArticleStatus.EXTRACTED)
    services.process_article(article.pk)
    assert counts == (Estimate.objects.count(), Citation.objects.count(), Source.objects.count())
    article.refresh_from_db()
    assert article.status == ArticleStatus.DONE


def test_two_articles_proposing_the_same_new_figure_share_one_estimate(demo, ingest):
    ingest(UNKNOWN_SOURCE)
    ingest(UNKNOWN_SOURCE.replace("The group did not say", "It would not explain"))
    estimates = Estimate.objects.filter(source__name="Baltic Conflict Monitor")
    assert estimates.count() == 1
    assert estimates.get().citations.count() == 2


def test_text_without_figures_is_done_with_no_citations(demo, ingest):
    article = ingest(NO_FIGURES)
    assert article.status == ArticleStatus.DONE
    assert not Citation.objects.filter(article=article).exists()


def test_text_the_extractor_refuses_fails_with_its_reason(demo, ingest):
    article = ingest(RELAY, published=timezone.localdate() + dt.timedelta(days=30))
    assert article.status == ArticleStatus.FAILED
    assert "extractor refused" in article.error


def test_empty_text_is_refused_at_submission(db):
    with pytest.raises(services.IngestError, match="no text"):
        services.submit_text(text="   \n ")


def test_link_that_is_not_http_is_refused_at_submission(db):
    with pytest.raises(services.IngestError, match="http"):
        services.submit_url(url="file:///etc/passwd")


def test_html_file_is_reduced_to_its_main_text(demo, ingest, django_capture_on_commit_callbacks):
    html = (
        "<html><head><title>Relay</title><meta property='og:site_name' content='Test Wire'>"
        "</head><body><nav>Home | World | Sport</nav><article><h1>Lawmaker relays a count</h1>"
        f"<p>{RELAY}</p><p><script>alert(1)</script></p></article>"
        "<footer>All rights reserved</footer></body></html>"
    )
    with django_capture_on_commit_callbacks(execute=True):
        article = services.submit_file(
            name="relay.html", content=html.encode(), published=PUBLISHED
        )
    article.refresh_from_db()
    assert "Ukraine's military intelligence" in article.text
    assert "All rights reserved" not in article.text
    assert "alert(1)" not in article.text
    assert article.status == ArticleStatus.DONE


def test_binary_file_is_refused(db):
    with pytest.raises(services.IngestError, match="binary"):
        services.submit_file(name="photo.txt", content=b"\x89PNG\x00\x00\x00")


def test_other_file_types_are_refused(db):
    with pytest.raises(services.IngestError, match=r"\.txt and \.html"):
        services.submit_file(name="report.pdf", content=b"%PDF-1.7")


def test_reextract_cites_again_without_duplicates_or_touching_reviewed_estimates(demo, ingest):
    article = ingest(RELAY)
    Article.objects.filter(pk=article.pk).update(extractor_version="old")
    reviewed = {e.pk: (e.status, e.version) for e in Estimate.objects.all()}
    citations = Citation.objects.count()
    services.reextract_article(Article.objects.get(pk=article.pk))
    assert Citation.objects.count() == citations
    assert {e.pk: (e.status, e.version) for e in Estimate.objects.all()} == reviewed
    assert Article.objects.get(pk=article.pk).extractor_version == ENGINE_VERSION


def test_sweep_requeues_an_article_a_killed_worker_left_half_way(
    demo, django_capture_on_commit_callbacks
):
    article = services.submit_text(text=UNKNOWN_SOURCE, published=PUBLISHED)  # not run
    Article.objects.filter(pk=article.pk).update(
        status=ArticleStatus.EXTRACTED, updated_at=timezone.now() - dt.timedelta(hours=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        count = services.requeue_stuck_articles(older_than=dt.timedelta(minutes=10))
    assert count == 1
    article.refresh_from_db()
    assert article.status == ArticleStatus.DONE
    assert Citation.objects.filter(article=article).count() == 1


def test_sweep_leaves_recent_and_finished_articles_alone(demo, ingest):
    ingest(UNKNOWN_SOURCE)
    services.submit_text(text=RELAY, published=PUBLISHED)  # queued just now
    assert services.requeue_stuck_articles(older_than=dt.timedelta(minutes=10)) == 0


def test_without_any_deployment_the_article_fails_with_a_clear_error(ingest):
    article = ingest(UNKNOWN_SOURCE)
    assert article.status == ArticleStatus.FAILED
    assert "No deployment" in article.error


def test_sweep_fails_an_article_that_keeps_getting_stuck(demo):
    article = services.submit_text(text=UNKNOWN_SOURCE, published=PUBLISHED)
    Article.objects.filter(pk=article.pk).update(
        attempts=services.MAX_SWEEPS, updated_at=timezone.now() - dt.timedelta(hours=1)
    )
    assert services.requeue_stuck_articles(older_than=dt.timedelta(minutes=10)) == 0
    article.refresh_from_db()
    assert article.status == ArticleStatus.FAILED
    assert "stopped 3 times" in article.error


def test_processing_an_article_takes_a_fixed_number_of_queries(
    demo, ingest, django_assert_num_queries
):
    ingest(numbered_report(1))  # loads the per-process caches of sources and domain
    article = services.submit_text(text=numbered_report(2), published=PUBLISHED)
    # Savepoint and release of the article's transaction (nested in the test's), its row
    # locked; dedupe: the sketch stored and the articles sharing enough of it found with
    # their sketches (report 1 is one; one statement on PostgreSQL, three elsewhere); the
    # estimates on record for the claims; the new estimate's row and history (one
    # statement on PostgreSQL, two elsewhere) and its claim key; the citation and its
    # history (likewise); the status done, with the engine's version. (The analysis runs
    # after commit.)
    with django_assert_num_queries(9 if connection.vendor == "postgresql" else 13):
        services.process_article(article.pk)
    article.refresh_from_db()
    assert article.status == ArticleStatus.DONE
    assert article.extractor_version == ENGINE_VERSION
    assert article.citations.get().estimate.status == Estimate.Status.PROPOSED


THREE_NEW_FIGURES = (
    "Ukraine's military intelligence said on Monday that {killed:,} North Korean soldiers "
    "had been killed so far, {wounded:,} North Korean soldiers had been wounded and "
    "{captured} North Korean soldiers had been captured."
)


def test_new_figures_cost_no_more_queries_than_one(demo, ingest, django_assert_num_queries):
    ingest(numbered_report(1))  # loads the per-process caches of sources and domain
    text = THREE_NEW_FIGURES.format(killed=2345, wounded=6789, captured=170)
    article = services.submit_text(text=text, published=PUBLISHED)
    # As for one new figure above (on SQLite one fewer: no earlier article shares
    # enough of this one's sketch, so no sketches of candidates are read).
    with django_assert_num_queries(9 if connection.vendor == "postgresql" else 12):
        services.process_article(article.pk)
    estimates = Estimate.objects.filter(citations__article=article)
    assert sorted(estimates.values_list("metric__slug", "best")) == [
        ("captured", 170), ("killed", 2345), ("wounded", 6789)
    ]  # fmt: skip
    for estimate in estimates:
        assert estimate.status == Estimate.Status.PROPOSED
        assert [h.history_type for h in estimate.history.all()] == ["+"]


def test_a_figure_another_worker_proposed_meanwhile_is_cited_and_ours_leaves_no_trace(
    demo, ingest, monkeypatch
):
    """Two workers read the same new figure at the same moment: neither finds it on
    record, both propose it, the second's claim key is taken. It cites the first's
    estimate, and its own estimate and history row are gone."""
    first = ingest(numbered_report(3))
    theirs = first.citations.get().estimate
    monkeypatch.setattr(services, "_estimates_on_record", lambda wanted: {})  # read too early
    estimates, history = Estimate.objects.count(), Estimate.history.count()
    second = ingest(numbered_report(3).replace("Notes from", "More notes from"))
    assert second.status == ArticleStatus.DONE
    assert second.citations.get().estimate == theirs
    assert (Estimate.objects.count(), Estimate.history.count()) == (estimates, history)
    assert set(Estimate.history.values_list("id", flat=True)) <= set(
        Estimate.objects.values_list("id", flat=True)
    )
