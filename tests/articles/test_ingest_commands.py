"""The ingestion commands, run as an operator would."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from articles.extraction import ENGINE_VERSION
from articles.models import Article, ArticleStatus, Feed
from tests.articles.texts import RELAY, UNKNOWN_SOURCE
from tracker.models import Citation, Estimate

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def run(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def deployment():
    from articles.demo import load_demo

    load_demo()


def test_ingest_files_reports_new_duplicate_and_failed(deployment, tmp_path):
    (tmp_path / "relay.txt").write_text(RELAY)
    (tmp_path / "copy.txt").write_text(RELAY)
    (tmp_path / "monitor.html").write_text(
        f"<html><body><article><p>{UNKNOWN_SOURCE}</p></article></body></html>"
    )
    (tmp_path / "empty.txt").write_text("   ")
    files = [str(tmp_path / n) for n in ("relay.txt", "copy.txt", "monitor.html", "empty.txt")]
    out, err = run("ingest", *files, "--outlet", "Test Wire", "--published", "2025-03-05")
    assert "2 new, 1 duplicate, 1 failed." in out
    assert "empty.txt: The article has no text." in err
    assert set(Article.objects.values_list("status", flat=True)) >= {ArticleStatus.DONE}
    assert Estimate.objects.filter(source__name="Baltic Conflict Monitor").exists()


def test_ingest_refuses_a_bad_date(deployment, tmp_path):
    (tmp_path / "a.txt").write_text(RELAY)
    with pytest.raises(CommandError, match="2025-03-05"):
        run("ingest", str(tmp_path / "a.txt"), "--published", "5 March")


def test_ingest_url_refuses_a_non_http_link(deployment):
    before = Article.objects.count()
    _out, err = run("ingest_url", "ftp://example.org/x")
    assert "http" in err
    assert Article.objects.count() == before


def test_add_feed_registers_it_with_its_interval(db):
    out, _err = run("add_feed", "https://news.example.org/rss", "--interval", "15")
    feed = Feed.objects.get()
    assert feed.poll_interval_minutes == 15
    assert "every 15 minutes" in out


def test_reextract_rereads_old_articles_once(deployment, tmp_path):
    (tmp_path / "monitor.txt").write_text(UNKNOWN_SOURCE)
    Article.objects.update(extractor_version=ENGINE_VERSION)  # the demo's articles
    run("ingest", str(tmp_path / "monitor.txt"), "--published", "2025-03-05")
    Article.objects.filter(text=UNKNOWN_SOURCE).update(extractor_version="2000.1")
    citations = Citation.objects.count()
    out, _err = run("reextract")
    assert "1 article(s) re-read" in out
    assert Citation.objects.count() == citations
    assert set(Article.objects.values_list("extractor_version", flat=True)) == {ENGINE_VERSION}
    out, _err = run("reextract")
    assert "0 article(s) re-read" in out
