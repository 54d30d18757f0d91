import datetime as dt

import pytest

from tests.tracker.analysis_helpers import FEB_26, estimate
from tests.tracker.factories import DeploymentFactory, SourceFactory
from tracker.analysis import derived_casualties
from tracker.models import Estimate

pytestmark = pytest.mark.django_db


def test_the_demo_killed_and_wounded_give_derived_casualties(demo, django_assert_num_queries):
    count = Estimate.objects.count()
    # 1: casualties stated; 2: killed and wounded with deployment, contingent, metric, source.
    with django_assert_num_queries(2):
        derived = derived_casualties(demo)
    assert [(d.source.slug, d.as_of_display, d.figure_display) for d in derived] == [
        ("nis", "2024-12-19", "at least 1,100"),
        ("nis", "2025-01-13", "about 3,000"),
        ("hur", "2025-02-26", "about 4,000"),
    ]
    assert all(d.derived for d in derived)
    killed, wounded = derived[2].parts
    assert (killed.metric.slug, killed.best, wounded.metric.slug, wounded.best) == (
        "killed",
        400,
        "wounded",
        3600,
    )
    assert Estimate.objects.count() == count  # never stored


def test_no_derived_total_when_the_source_stated_one():
    deployment, source = DeploymentFactory(), SourceFactory()
    estimate(deployment, source, best=400)
    estimate(deployment, source, best=3600, metric="wounded")
    estimate(deployment, source, best=4000, metric="casualties")
    assert derived_casualties(deployment) == []


def test_killed_and_wounded_of_different_dates_or_sources_are_not_added():
    deployment, source = DeploymentFactory(), SourceFactory()
    estimate(deployment, source, best=400)
    estimate(deployment, source, best=3600, metric="wounded", as_of=FEB_26 - dt.timedelta(days=1))
    estimate(deployment, best=3600, metric="wounded")
    assert derived_casualties(deployment) == []


def test_only_the_estimates_given_are_used():
    deployment, source = DeploymentFactory(), SourceFactory()
    estimate(deployment, source, best=400)
    estimate(deployment, source, best=3600, metric="wounded", status="proposed")
    assert derived_casualties(deployment, estimates=Estimate.objects.confirmed()) == []
    assert len(derived_casualties(deployment)) == 1
