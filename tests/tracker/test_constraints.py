"""The database itself refuses rows that make no sense, whatever path they come by."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from articles.models import Article
from tests.articles.factories import ArticleFactory
from tests.tracker.factories import DeploymentFactory, EstimateFactory, SourceFactory
from tracker.models import Citation, Contingent, Estimate, SourceAlias

pytestmark = pytest.mark.django_db


def refused(**fields) -> bool:
    try:
        with transaction.atomic():
            EstimateFactory(**fields)
    except IntegrityError:
        return True
    return False


@pytest.mark.parametrize(
    ("low", "best", "high"),
    [(500, 400, 600), (300, 700, 600), (700, None, 600), (None, None, None)],
    ids=["low-above-best", "best-above-high", "low-above-high", "no-figure"],
)
def test_estimate_with_impossible_figures_is_refused(low, best, high):
    assert refused(low=low, best=best, high=high)
    assert Estimate.objects.count() == 0


@pytest.mark.parametrize(
    ("low", "best", "high"),
    [(3500, None, None), (None, None, 1200), (10000, None, 12000), (400, 400, 400)],
    ids=["more-than", "up-to", "range", "exact"],
)
def test_estimate_with_sensible_figures_is_accepted(low, best, high):
    assert not refused(low=low, best=best, high=high)


def test_estimate_period_cannot_end_before_it_starts():
    assert refused(as_of=dt.date(2025, 2, 1), period_end=dt.date(2025, 1, 1))


def test_credibility_outside_the_admiralty_scale_is_refused():
    assert refused(credibility=7)


def test_unknown_status_is_refused():
    assert refused(status="published")


def test_the_same_article_url_is_refused_twice():
    ArticleFactory(url="https://news.example.org/a")
    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleFactory(url="https://news.example.org/a")
    assert Article.objects.count() == 1


def test_the_same_article_text_is_refused_twice():
    ArticleFactory(text="About 400 soldiers were killed, officials said.")
    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleFactory(text="About  400 soldiers were killed,\nofficials said.")


def test_the_same_citation_is_refused_twice():
    estimate = EstimateFactory()
    article = ArticleFactory()
    Citation.objects.create(estimate=estimate, article=article, quote="about 400")
    with pytest.raises(IntegrityError), transaction.atomic():
        Citation.objects.create(estimate=estimate, article=article, quote="about 400 killed")
    assert Citation.objects.count() == 1


def test_citation_offsets_must_enclose_the_quote():
    with pytest.raises(IntegrityError), transaction.atomic():
        Citation.objects.create(
            estimate=EstimateFactory(), article=ArticleFactory(), quote="x", start=10, end=5
        )


def test_an_alias_names_one_source_whatever_its_case():
    SourceAlias.objects.create(source=SourceFactory(), alias="HUR")
    with pytest.raises(IntegrityError), transaction.atomic():
        SourceAlias.objects.create(source=SourceFactory(), alias="hur")


def test_two_contingents_cannot_share_a_number():
    deployment = DeploymentFactory()
    Contingent.objects.create(deployment=deployment, number=1, name="First")
    with pytest.raises(IntegrityError), transaction.atomic():
        Contingent.objects.create(deployment=deployment, number=1, name="Also first")


def test_constraints_hold_on_postgresql(postgres):
    """The same refusals on the production database (CI runs the suite on PostgreSQL)."""
    assert refused(low=500, best=400, high=600)
    assert refused(low=None, best=None, high=None)
