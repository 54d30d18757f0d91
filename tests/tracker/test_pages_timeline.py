"""The timeline page: chart series, the table under it, filters, visibility, CSV,
aggregation of very long series, and a constant number of queries."""

import csv
import datetime as dt
import io
import json
import re

import pytest
from django.urls import reverse

from tests.articles.factories import ArticleFactory
from tests.tracker.factories import EstimateFactory, SourceFactory, metric
from tracker import queries
from tracker.models import Citation, Estimate, EstimateStatus

pytestmark = pytest.mark.django_db


def timeline_url(deployment, slug="killed"):
    return reverse("timeline", args=[deployment.slug, slug])


def chart_data(response):
    """The chart's data as the page's script reads it (the #timeline-data element)."""
    found = re.search(
        r'<script id="timeline-data" type="application/json">(.*?)</script>', response.text, re.S
    )
    return json.loads(found.group(1))


def series_by_source(response):
    return {s["source"]["slug"]: s for s in chart_data(response)["series"]}


def test_timeline_has_one_series_per_source_with_a_point_per_estimate(anonymous_client, demo):
    response = anonymous_client.get(timeline_url(demo))
    assert response.status_code == 200
    series = series_by_source(response)
    assert set(series) == {"nis", "hur"}
    assert [p["y"] for p in series["nis"]["points"]] == [100, 300]
    hur = series["hur"]["points"][0]
    assert (hur["x"], hur["y"], hur["via"], hur["citations"]) == (
        "2025-02-26",
        400,
        "Yu Yong-weon",
        2,
    )


def test_timeline_points_carry_the_low_high_range(anonymous_client, demo):
    series = series_by_source(anonymous_client.get(timeline_url(demo, "deployed")))
    joongang = series["joongang-ilbo"]["points"][0]
    assert (joongang["low"], joongang["y"], joongang["high"]) == (1000, 2000, 3000)


def test_chart_data_reaches_the_page_through_json_script(anonymous_client, demo):
    response = anonymous_client.get(timeline_url(demo))
    assert '<script id="timeline-data" type="application/json">' in response.text
    assert "tracker/timeline.js" in response.text


def test_table_lists_each_estimate_with_the_articles_citing_it(anonymous_client, demo):
    response = anonymous_client.get(timeline_url(demo))
    hur = Estimate.objects.get(source__slug="hur", metric__slug="killed")
    assert hur.get_absolute_url() in response.text
    for citation in hur.citations.select_related("article"):
        assert citation.article.get_absolute_url() in response.text
        assert citation.article.title in response.text


def test_filter_by_source_keeps_only_that_source(anonymous_client, demo):
    response = anonymous_client.get(timeline_url(demo), {"source": "hur"})
    assert set(series_by_source(response)) == {"hur"}


def test_filter_by_date_range_and_contingent(anonymous_client, demo):
    first = demo.contingents.get(number=1)
    response = anonymous_client.get(
        timeline_url(demo, "deployed"),
        {"date_from": "2024-10-15", "date_to": "2024-12-31", "contingent": first.pk},
    )
    dates = {p["x"] for s in chart_data(response)["series"] for p in s["points"]}
    assert dates == {"2024-10-18", "2024-11-05"}


def test_filter_by_source_kind(anonymous_client, demo):
    response = anonymous_client.get(timeline_url(demo, "casualties"), {"kind": "government"})
    assert set(series_by_source(response)) == {"us-officials"}


def test_a_bad_filter_gets_a_400_naming_the_field(anonymous_client, demo):
    response = anonymous_client.get(timeline_url(demo), {"date_from": "yesterday"})
    assert response.status_code == 400
    assert "Enter a valid date" in response.text


def proposed_killed(demo):
    return EstimateFactory(
        deployment=demo,
        metric=metric("killed"),
        source=SourceFactory(slug="rumour-mill", name="Rumour Mill"),
        best=9_999,
        low=None,
        high=None,
        status=EstimateStatus.PROPOSED,
    )


def test_anonymous_visitors_never_see_proposed_estimates(anonymous_client, demo):
    proposed_killed(demo)
    response = anonymous_client.get(timeline_url(demo), {"include_proposed": "on"})
    assert "rumour-mill" not in series_by_source(response)
    assert "9,999" not in response.text
    assert 'name="include_proposed"' not in response.text  # the box is not offered


def test_analysts_do_not_see_proposed_estimates(analyst_client, demo):
    proposed_killed(demo)
    response = analyst_client.get(timeline_url(demo), {"include_proposed": "on"})
    assert "rumour-mill" not in series_by_source(response)


def test_editors_see_proposed_estimates_marked_when_they_ask(editor_client, demo):
    proposed_killed(demo)
    assert "rumour-mill" not in series_by_source(editor_client.get(timeline_url(demo)))
    response = editor_client.get(timeline_url(demo), {"include_proposed": "on"})
    point = series_by_source(response)["rumour-mill"]["points"][0]
    assert point["status"] == "proposed"
    assert 'class="badge proposed"' in response.text


def test_rejected_and_deleted_estimates_never_appear_even_for_editors(editor_client, demo):
    source = SourceFactory(slug="gone", name="Gone")
    EstimateFactory(deployment=demo, source=source, status=EstimateStatus.REJECTED)
    EstimateFactory(
        deployment=demo, source=source, deleted_at=dt.datetime(2025, 3, 1, tzinfo=dt.UTC)
    )
    response = editor_client.get(timeline_url(demo), {"include_proposed": "on"})
    assert "gone" not in series_by_source(response)


def read_csv(response):
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(body)))


def test_timeline_table_downloads_as_csv_with_the_same_filters(anonymous_client, demo):
    rows = read_csv(anonymous_client.get(timeline_url(demo), {"source": "nis", "format": "csv"}))
    assert [(r["source"], r["as_of"], r["low"]) for r in rows] == [
        ("National Intelligence Service (NIS)", "2024-12-19", "100"),
        ("National Intelligence Service (NIS)", "2025-01-13", "300"),
    ]
    assert rows[0]["articles"] == "https://demo.tracker.invalid/articles/nis-first-losses"


def test_csv_cells_that_look_like_formulas_are_defused(anonymous_client, demo):
    EstimateFactory(
        deployment=demo, source=SourceFactory(name='=HYPERLINK("http://x")', slug="evil")
    )
    rows = read_csv(anonymous_client.get(timeline_url(demo), {"format": "csv"}))
    evil = next(r for r in rows if "HYPERLINK" in r["source"])
    assert evil["source"].startswith("'=")


def test_long_series_are_aggregated_to_at_most_the_point_cap(anonymous_client, demo, monkeypatch):
    monkeypatch.setattr(queries, "MAX_POINTS_PER_SERIES", 10)
    monkeypatch.setattr(queries, "MIN_POINTS_PER_SERIES", 5)
    source = SourceFactory(slug="prolific", name="Prolific")
    Estimate.objects.bulk_create(
        Estimate(
            deployment=demo,
            metric=metric("killed"),
            source=source,
            low=100 + i,
            best=100 + i,
            high=100 + i,
            as_of=dt.date(2024, 11, 1) + dt.timedelta(days=i // 2),
            status=EstimateStatus.CONFIRMED,
        )
        for i in range(60)
    )
    series = series_by_source(anonymous_client.get(timeline_url(demo)))
    prolific = series["prolific"]
    assert prolific["aggregated"] is True
    assert len(prolific["points"]) <= 10
    assert sum(p["n"] for p in prolific["points"]) == 60
    assert min(p["low"] for p in prolific["points"]) == 100
    assert max(p["high"] for p in prolific["points"]) == 159
    assert series["nis"]["aggregated"] is False  # short series keep one point per estimate
    assert {p["period"] for p in prolific["points"]} == {"week"}


def test_many_sources_share_the_chart_point_budget(demo, monkeypatch):
    monkeypatch.setattr(queries, "MAX_POINTS_PER_CHART", 40)
    monkeypatch.setattr(queries, "MIN_POINTS_PER_SERIES", 1)
    sources = [SourceFactory() for _ in range(4)]
    Estimate.objects.bulk_create(
        Estimate(
            deployment=demo,
            metric=metric("wounded"),
            source=sources[i % 4],
            best=i,
            as_of=dt.date(2024, 11, 1) + dt.timedelta(days=i),
            status=EstimateStatus.CONFIRMED,
        )
        for i in range(200)
    )
    series = queries.timeline_series(demo, metric("wounded"))
    assert sum(len(s["points"]) for s in series) <= 40


def test_timeline_series_is_usable_without_a_request(demo):
    series = queries.timeline_series(demo, metric("killed"), filters={"source": ["nis"]})
    assert [s["source"]["slug"] for s in series] == ["nis"]


def add_estimates(deployment, n):
    for i in range(n):
        estimate = EstimateFactory(
            deployment=deployment,
            source=SourceFactory(),
            as_of=dt.date(2025, 1, 1) + dt.timedelta(days=i),
        )
        Citation.objects.create(estimate=estimate, article=ArticleFactory(), quote="about 400")


def test_timeline_runs_the_same_queries_whatever_the_data(
    anonymous_client, demo, django_assert_num_queries, monkeypatch
):
    # deployment, metrics (the nav; the page's metric is picked from them), estimates per
    # source (GROUP BY; also the table's row count), one point per estimate, table page,
    # citations with articles (prefetch), sources offered by the filter form, contingents
    # offered by it.
    with django_assert_num_queries(8):
        anonymous_client.get(timeline_url(demo))
    add_estimates(demo, 60)
    with django_assert_num_queries(8):
        response = anonymous_client.get(timeline_url(demo))
    assert len(chart_data(response)["series"]) == 62
    assert json.dumps(chart_data(response))  # JSON-ready
    # A source over its cap adds one GROUP BY by period for all such sources.
    monkeypatch.setattr(queries, "MAX_POINTS_PER_SERIES", 1)
    monkeypatch.setattr(queries, "MIN_POINTS_PER_SERIES", 1)
    with django_assert_num_queries(9):
        response = anonymous_client.get(timeline_url(demo))
    assert any(s["aggregated"] for s in chart_data(response)["series"])


def test_text_from_articles_and_sources_is_escaped_in_table_and_chart(anonymous_client, demo):
    source = SourceFactory(slug="odd", name="Odd </script><b>Source</b>")
    estimate = EstimateFactory(
        deployment=demo, metric=metric("killed"), source=source, low=None, best=5, high=None
    )
    article = ArticleFactory(title='<img src=x onerror="alert(1)">', outlet="<i>Wire</i>")
    Citation.objects.create(estimate=estimate, article=article, quote="five")
    response = anonymous_client.get(timeline_url(demo))
    assert "<img src=x" not in response.text
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in response.text
    assert "&lt;i&gt;Wire&lt;/i&gt;" in response.text
    assert "Odd &lt;/script&gt;&lt;b&gt;Source&lt;/b&gt;" in response.text
    assert "<b>Source" not in response.text
    # In the chart's JSON nothing can close the script element, and the name survives.
    assert series_by_source(response)["odd"]["source"]["name"] == source.name
