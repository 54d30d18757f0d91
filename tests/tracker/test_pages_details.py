"""Source, estimate, contingents and discrepancies pages."""

import csv
import io

import pytest
from django.urls import reverse

from tests.tracker.factories import EstimateFactory, SourceFactory
from tracker.models import Discrepancy, Estimate, EstimateStatus, Source

pytestmark = pytest.mark.django_db


def test_source_page_shows_who_reliability_aliases_estimates_and_articles(anonymous_client, demo):
    hur = Source.objects.get(slug="hur")
    response = anonymous_client.get(hur.get_absolute_url())
    assert response.status_code == 200
    text = response.text
    assert "Defence Intelligence of Ukraine (HUR)" in text
    assert "C – Fairly reliable" in text
    assert "Ukraine&#x27;s military intelligence" in text
    assert "Kyrylo Budanov" in text  # speaks for it
    shown = {e.pk for e in response.context["page"].object_list}
    assert shown == set(Estimate.objects.filter(source=hur).values_list("pk", flat=True))
    assert "Lawmaker relays Ukrainian intelligence tally" in text


def test_source_page_runs_the_same_queries_whatever_the_data(
    anonymous_client, demo, django_assert_num_queries
):
    hur = Source.objects.get(slug="hur")
    # source with parent, aliases, children, table count, table page, citations with
    # articles, articles citing the source.
    with django_assert_num_queries(7):
        anonymous_client.get(hur.get_absolute_url())
    EstimateFactory.create_batch(20, deployment=demo, source=hur)
    with django_assert_num_queries(7):  # the write moved the data version: counted again
        response = anonymous_client.get(hur.get_absolute_url())
    given = Estimate.objects.filter(source=hur, status=EstimateStatus.CONFIRMED).count()
    assert response.context["page"].paginator.count == given
    with django_assert_num_queries(6):  # no write since: the count comes from the cache
        response = anonymous_client.get(hur.get_absolute_url())
    assert response.context["page"].paginator.count == given


def test_source_estimates_download_as_csv(anonymous_client, demo):
    response = anonymous_client.get(reverse("source-detail", args=["nis"]), {"format": "csv"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == Estimate.objects.filter(source__slug="nis").count()


def test_estimate_page_shows_its_citations_with_quotes(anonymous_client, demo):
    hur = Estimate.objects.get(source__slug="hur", metric__slug="killed")
    response = anonymous_client.get(hur.get_absolute_url())
    assert response.status_code == 200
    assert "roughly 400 North Korean soldiers killed as of February 26" in response.text
    assert "about 400 North Koreans had been killed by February 26" in response.text
    assert "Cited by 2 articles" in response.text
    assert "/editor/estimates/" not in response.text


def test_estimate_page_shows_what_supersedes_it(anonymous_client, demo):
    old = Estimate.objects.get(source__slug="nis", metric__slug="killed", as_of__year=2024)
    new = Estimate.objects.get(source__slug="nis", metric__slug="killed", as_of__year=2025)
    Estimate.objects.filter(pk=new.pk).update(supersedes=old)
    text = anonymous_client.get(old.get_absolute_url()).text
    assert "Replaced by" in text and new.get_absolute_url() in text
    assert old.get_absolute_url() in anonymous_client.get(new.get_absolute_url()).text


def test_estimate_page_lists_its_discrepancies(anonymous_client, demo):
    hur = Estimate.objects.get(source__slug="hur", metric__slug="killed")
    d = Discrepancy.objects.create(
        deployment=demo, kind="value", reason="HUR and NIS disagree", fingerprint="x"
    )
    d.estimates.add(hur)
    assert "HUR and NIS disagree" in anonymous_client.get(hur.get_absolute_url()).text


def test_proposed_estimate_page_is_hidden_from_anonymous_and_shown_to_editors(
    anonymous_client, editor_client, demo
):
    proposed = EstimateFactory(deployment=demo, status=EstimateStatus.PROPOSED)
    assert anonymous_client.get(proposed.get_absolute_url()).status_code == 404
    response = editor_client.get(proposed.get_absolute_url())
    assert response.status_code == 200
    assert f"/editor/estimates/{proposed.pk}/edit/" in response.text
    assert f"/editor/estimates/{proposed.pk}/history/" in response.text


def test_rejected_estimate_page_is_hidden_from_everyone(editor_client, demo):
    rejected = EstimateFactory(deployment=demo, status=EstimateStatus.REJECTED)
    assert editor_client.get(rejected.get_absolute_url()).status_code == 404


def test_contingents_page_and_csv(anonymous_client, demo, django_assert_num_queries):
    url = reverse("contingents", args=[demo.slug])
    # deployment, contingents with strength, metrics (nav).
    with django_assert_num_queries(3):
        response = anonymous_client.get(url)
    assert "First wave" in response.text
    assert "1,500–12,000" in response.text
    body = b"".join(anonymous_client.get(url, {"format": "csv"}).streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(body)))
    assert [r["name"] for r in rows] == ["First wave", "Second wave", "Third wave"]
    assert (rows[0]["low"], rows[0]["high"]) == ("1500", "12000")


def test_discrepancies_page_filters_by_status_and_downloads(anonymous_client, demo):
    Discrepancy.objects.create(deployment=demo, kind="value", reason="Open one", fingerprint="a")
    Discrepancy.objects.create(
        deployment=demo, kind="date", reason="Closed one", fingerprint="b", status="resolved"
    )
    url = reverse("discrepancies", args=[demo.slug])
    text = anonymous_client.get(url).text
    assert "Open one" in text and "Closed one" in text
    text = anonymous_client.get(url, {"status": "open"}).text
    assert "Open one" in text and "Closed one" not in text
    assert anonymous_client.get(url, {"status": "bogus"}).status_code == 404
    body = b"".join(anonymous_client.get(url, {"format": "csv"}).streaming_content).decode()
    assert {r["reason"] for r in csv.DictReader(io.StringIO(body))} == {"Open one", "Closed one"}


def test_discrepancies_page_hides_proposed_estimates_from_anonymous(anonymous_client, demo):
    proposed = EstimateFactory(
        deployment=demo, status=EstimateStatus.PROPOSED, source=SourceFactory(name="Hidden One")
    )
    d = Discrepancy.objects.create(deployment=demo, kind="value", reason="r", fingerprint="c")
    d.estimates.add(proposed)
    assert "Hidden One" not in anonymous_client.get(reverse("discrepancies", args=[demo.slug])).text
