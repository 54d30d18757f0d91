import datetime as dt

import pytest

from tests.tracker.analysis_helpers import FEB_26, analysed, estimate
from tests.tracker.factories import DeploymentFactory, SourceFactory
from tracker.analysis import refresh
from tracker.models import Estimate

pytestmark = pytest.mark.django_db

JAN_13, MAR_10 = dt.date(2025, 1, 13), dt.date(2025, 3, 10)


@pytest.fixture
def deployment():
    return DeploymentFactory()


def latest(deployment) -> set[int]:
    return set(
        Estimate.objects.filter(deployment=deployment)
        .latest_per_source()
        .values_list("pk", flat=True)
    )


def test_a_sources_newer_figure_supersedes_its_older_one(deployment):
    nis = SourceFactory()
    december = estimate(deployment, nis, best=100, as_of=dt.date(2024, 12, 19))
    january = estimate(deployment, nis, best=300, as_of=JAN_13)
    december, january = analysed(december, january)
    assert (january.supersedes_id, december.supersedes_id) == (december.pk, None)
    assert latest(deployment) == {january.pk}
    # The timeline still has both.
    assert Estimate.objects.filter(deployment=deployment).count() == 2


def test_revisions_chain_from_oldest_to_newest(deployment):
    nis = SourceFactory()
    made = [
        estimate(deployment, nis, best=n, as_of=d)
        for n, d in [(1, JAN_13), (2, FEB_26), (3, MAR_10)]
    ]
    first, second, third = analysed(*made)
    assert (second.supersedes_id, third.supersedes_id) == (first.pk, second.pk)
    assert latest(deployment) == {third.pk}


def test_a_person_revises_the_figure_of_the_agency_they_speak_for(deployment):
    hur = SourceFactory(slug="hur")
    budanov = SourceFactory(slug="budanov", parent=hur)
    older = estimate(deployment, hur, best=300, as_of=JAN_13)
    newer = estimate(deployment, budanov, best=400, as_of=FEB_26)
    (newer,) = analysed(newer)
    assert newer.supersedes_id == older.pk
    assert latest(deployment) == {newer.pk}


def test_another_sources_newer_figure_supersedes_nothing(deployment):
    nis = estimate(deployment, best=300, as_of=JAN_13)
    hur = estimate(deployment, best=400, as_of=FEB_26)
    assert [e.supersedes_id for e in analysed(nis, hur)] == [None, None]
    assert latest(deployment) == {nis.pk, hur.pk}


def test_two_figures_for_the_same_date_are_not_revisions(deployment):
    hur = SourceFactory()
    a = estimate(deployment, hur, best=11000, as_of=dt.date(2024, 10, 1), as_of_precision="month")
    b = estimate(deployment, hur, best=12000, as_of=dt.date(2024, 10, 1), as_of_precision="month")
    c = estimate(deployment, hur, best=12000, as_of=dt.date(2024, 10, 20))  # in that month
    assert [e.supersedes_id for e in analysed(a, b, c)] == [None, None, None]
    assert latest(deployment) == {a.pk, b.pk, c.pk}


def test_other_metrics_are_separate_revision_chains(deployment):
    hur = SourceFactory()
    killed = estimate(deployment, hur, best=300, as_of=JAN_13)
    wounded = estimate(deployment, hur, best=3000, as_of=FEB_26, metric="wounded")
    assert [e.supersedes_id for e in analysed(killed, wounded)] == [None, None]


def test_rejecting_the_newer_figure_makes_the_older_one_latest_again(deployment):
    hur = SourceFactory()
    older = estimate(deployment, hur, best=300, as_of=JAN_13)
    newer = estimate(deployment, hur, best=400, as_of=FEB_26)
    refresh()
    Estimate.objects.filter(pk=newer.pk).update(status=Estimate.Status.REJECTED)
    assert latest(deployment) == {older.pk}  # a rejected successor hides nothing
    refresh([newer.pk])
    assert latest(deployment) == {older.pk}


def test_an_editors_link_to_another_source_is_left_alone(deployment):
    older = estimate(deployment, best=300, as_of=JAN_13)
    newer = estimate(deployment, best=400, as_of=FEB_26, supersedes=older)
    (newer,) = analysed(newer)
    assert newer.supersedes_id == older.pk
