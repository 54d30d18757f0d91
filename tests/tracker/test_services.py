import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from tests.articles.factories import ArticleFactory
from tests.tracker.factories import DeploymentFactory, EstimateFactory, SourceFactory, metric
from tracker import services
from tracker.models import Estimate

pytestmark = pytest.mark.django_db


def test_create_estimate_explains_low_above_high_in_the_editors_words():
    with pytest.raises(ValidationError) as error:
        services.create_estimate(
            deployment=DeploymentFactory(),
            metric=metric("killed"),
            source=SourceFactory(),
            as_of=dt.date(2025, 1, 1),
            low=600,
            high=500,
        )
    assert "above the high figure" in str(error.value.message_dict["low"])
    assert Estimate.objects.count() == 0


def test_create_estimate_refuses_a_date_in_the_future():
    with pytest.raises(ValidationError) as error:
        services.create_estimate(
            deployment=DeploymentFactory(),
            metric=metric("killed"),
            source=SourceFactory(),
            as_of=dt.date.today() + dt.timedelta(days=3),
            best=10,
        )
    assert "future" in error.value.message_dict["as_of"][0]


def test_citing_the_same_article_twice_returns_the_first_citation():
    estimate = EstimateFactory()
    article = ArticleFactory(text="Officials said about 400 soldiers were killed.")
    first, created = services.cite(estimate=estimate, article=article, quote="about 400 soldiers")
    again, created_again = services.cite(estimate=estimate, article=article, quote="about 400")
    assert (created, created_again) == (True, False)
    assert again.pk == first.pk
    assert article.text[first.start : first.end] == "about 400 soldiers"


def test_a_quote_that_does_not_match_its_offsets_is_refused():
    article = ArticleFactory(text="Officials said about 400 soldiers were killed.")
    with pytest.raises(ValidationError):
        services.cite(
            estimate=EstimateFactory(), article=article, quote="about 400", start=0, end=9
        )


def test_citing_several_estimates_at_once_keeps_what_the_article_already_cites():
    article = ArticleFactory(text="Officials said about 400 soldiers were killed and 900 hurt.")
    killed, wounded = EstimateFactory(), EstimateFactory()
    first, _ = services.cite(estimate=killed, article=article, quote="about 400 soldiers")
    results = services.cite_many(
        article=article,
        quotes=[
            services.Quote(estimate=killed, quote="400 soldiers"),
            services.Quote(estimate=wounded, quote="900 hurt"),
            services.Quote(estimate=wounded, quote="900"),
        ],
    )
    assert [created for _citation, created in results] == [False, True, False]
    assert results[0][0].pk == first.pk
    assert wounded.citations.get().quote == "900 hurt"
    assert wounded.citations.get().history.count() == 1


def test_citing_several_refuses_a_quote_not_in_the_article_and_writes_nothing():
    article = ArticleFactory(text="Officials said about 400 soldiers were killed.")
    estimate = EstimateFactory()
    with pytest.raises(ValidationError):
        services.cite_many(
            article=article,
            quotes=[
                services.Quote(estimate=estimate, quote="about 400"),
                services.Quote(estimate=EstimateFactory(), quote="1,000", start=0, end=5),
            ],
        )
    assert not estimate.citations.exists()
