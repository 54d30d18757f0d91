"""The pages' cache of aggregates (tracker/web/cache.py): a page served again without a
write runs fewer queries, and every kind of write shows on the next view."""

import re

import pytest
from django.urls import reverse

from tests.articles.factories import ArticleFactory
from tests.tracker.factories import EstimateFactory, SourceFactory, metric
from tracker import services
from tracker.models import Citation, Estimate, EstimateStatus, Source

pytestmark = pytest.mark.django_db


def overview_url(deployment):
    return reverse("deployment-overview", args=[deployment.slug])


def timeline_url(deployment, slug="killed"):
    return reverse("timeline", args=[deployment.slug, slug])


def killed_headline(response):
    return next(h for h in response.context["headlines"] if h.metric.slug == "killed")


def chart_text(response):
    found = re.search(r'<script id="timeline-data" type="application/json">(.*?)</script>',
                      response.text, re.S)  # fmt: skip
    return found.group(1)


def test_overview_served_again_skips_the_aggregates(
    anonymous_client, demo, django_assert_num_queries
):
    anonymous_client.get(overview_url(demo))
    # deployment with the data version, the latest estimates shown, metrics (nav),
    # newest articles, open discrepancies (none in the demo, so no prefetch of their
    # estimates); not the latest rows, the articles per metric or the contingents.
    with django_assert_num_queries(5):
        response = anonymous_client.get(overview_url(demo))
    assert killed_headline(response).article_count == 4


def test_timeline_served_again_skips_the_series(anonymous_client, demo, django_assert_num_queries):
    first = anonymous_client.get(timeline_url(demo))
    # deployment with the data version, metrics, sources and contingents offered by the
    # filter form, table page, citations with articles (prefetch); not the series.
    with django_assert_num_queries(6):
        again = anonymous_client.get(timeline_url(demo))
    assert chart_text(again) == chart_text(first)


def test_overview_shows_a_new_confirmed_figure(anonymous_client, demo):
    anonymous_client.get(overview_url(demo))
    EstimateFactory(
        deployment=demo, metric=metric("killed"), source=SourceFactory(name="New Ministry"),
        low=5_000, best=5_000, high=5_000, status=EstimateStatus.CONFIRMED,
    )  # fmt: skip
    headline = killed_headline(anonymous_client.get(overview_url(demo)))
    assert (headline.high, headline.source_count) == (5_000, 3)


def test_overview_follows_a_confirmation_and_a_deletion(anonymous_client, editor, demo):
    proposed = EstimateFactory(
        deployment=demo, metric=metric("killed"), source=SourceFactory(name="Late Source"),
        low=None, best=6_000, high=None, status=EstimateStatus.PROPOSED,
    )  # fmt: skip
    assert killed_headline(anonymous_client.get(overview_url(demo))).high == 400
    services.confirm_estimate(estimate_id=proposed.pk, user=editor)
    assert killed_headline(anonymous_client.get(overview_url(demo))).high == 6_000
    services.soft_delete_estimate(estimate_id=proposed.pk, user=editor)
    assert killed_headline(anonymous_client.get(overview_url(demo))).high == 400


def test_overview_article_count_follows_citations(anonymous_client, demo):
    assert killed_headline(anonymous_client.get(overview_url(demo))).article_count == 4
    killed = Estimate.objects.filter(deployment=demo, metric__slug="killed").first()
    citation = Citation.objects.create(
        estimate=killed, article=ArticleFactory(), quote="a new report of the figure"
    )
    assert killed_headline(anonymous_client.get(overview_url(demo))).article_count == 5
    citation.delete()
    assert killed_headline(anonymous_client.get(overview_url(demo))).article_count == 4
    Citation.objects.create(estimate=killed, article=ArticleFactory(), quote="once more")
    assert killed_headline(anonymous_client.get(overview_url(demo))).article_count == 5
    # Deleting the article deletes its citations too (a cascade, no citation saved).
    Citation.objects.get(quote="once more").article.delete()
    assert killed_headline(anonymous_client.get(overview_url(demo))).article_count == 4


def test_overview_contingent_strength_follows_an_edit(anonymous_client, editor, demo):
    def strength(wave):
        contingents = anonymous_client.get(overview_url(demo)).context["contingents"]
        return next((c.strength_low, c.strength_high) for c in contingents if c.number == wave)

    assert strength(2) == (1000, 3000)
    deployed = (
        Estimate.objects.filter(deployment=demo, metric__slug="deployed", contingent__number=2)
        .order_by("-high")
        .first()
    )
    services.update_estimate(
        estimate_id=deployed.pk, expected_version=deployed.version,
        changes={"high": 3500}, user=editor,
    )  # fmt: skip
    assert strength(2) == (1000, 3500)


def test_timeline_shows_an_edited_figure(anonymous_client, editor, demo):
    nis = Estimate.objects.get(deployment=demo, metric__slug="killed", source__slug="nis", best=300)
    assert '"y":300' in chart_text(anonymous_client.get(timeline_url(demo)))
    services.update_estimate(
        estimate_id=nis.pk, expected_version=nis.version,
        changes={"low": None, "best": 350, "high": None}, user=editor,
    )  # fmt: skip
    text = chart_text(anonymous_client.get(timeline_url(demo)))
    assert '"y":350' in text
    assert '"y":300' not in text


def test_timeline_shows_a_renamed_source(anonymous_client, demo):
    anonymous_client.get(timeline_url(demo))
    nis = Source.objects.get(slug="nis")
    nis.name = "National Intelligence Service (renamed)"
    nis.save()
    assert "(renamed)" in chart_text(anonymous_client.get(timeline_url(demo)))


def test_timeline_keeps_filters_and_visitors_apart(anonymous_client, editor_client, demo):
    EstimateFactory(
        deployment=demo, metric=metric("killed"),
        source=SourceFactory(slug="rumour-mill", name="Rumour Mill"),
        low=None, best=9_999, high=None, status=EstimateStatus.PROPOSED,
    )  # fmt: skip
    only_nis = chart_text(anonymous_client.get(timeline_url(demo), {"source": ["nis"]}))
    assert '"slug":"nis"' in only_nis
    assert '"slug":"hur"' not in only_nis
    assert '"slug":"hur"' in chart_text(anonymous_client.get(timeline_url(demo)))
    editor_view = editor_client.get(timeline_url(demo), {"include_proposed": "on"})
    assert '"slug":"rumour-mill"' in chart_text(editor_view)
    anonymous_view = anonymous_client.get(timeline_url(demo), {"include_proposed": "on"})
    assert '"slug":"rumour-mill"' not in chart_text(anonymous_view)
