import datetime as dt
import itertools

import pytest

from tests.tracker.analysis_helpers import (
    FEB_26,
    analysed,
    cite_in,
    estimate,
    fresh,
    row_of,
)
from tests.tracker.factories import DeploymentFactory, SourceFactory
from tracker.analysis import refresh, rules
from tracker.models import Estimate

pytestmark = pytest.mark.django_db


@pytest.fixture
def deployment():
    return DeploymentFactory()


def test_five_articles_quoting_one_briefing_are_five_outlets_and_one_originator(deployment):
    hur = SourceFactory(name="HUR", slug="hur")
    briefing = estimate(deployment, hur, best=400, via=SourceFactory(name="Yu", slug="yu"))
    for outlet in ["Wire", "Daily", "Herald", "Times", "Post"]:
        cite_in(briefing, outlet=outlet)
    (briefing,) = analysed(briefing)
    assert (briefing.citation_count, briefing.outlet_count, briefing.originator_count) == (5, 5, 1)


def test_forty_citations_of_one_originator_count_as_one_originator(deployment):
    briefing = estimate(deployment, best=400)
    for n in range(40):
        cite_in(briefing, outlet=f"Outlet {n % 4}")
    (briefing,) = analysed(briefing)
    assert (briefing.citation_count, briefing.outlet_count, briefing.originator_count) == (
        40,
        4,
        1,
    )


def test_articles_without_an_outlet_count_as_citations_but_not_outlets(deployment):
    briefing = estimate(deployment, best=400)
    cite_in(briefing, outlet="")
    (briefing,) = analysed(briefing)
    assert (briefing.citation_count, briefing.outlet_count) == (1, 0)


def test_two_independent_sources_agreeing_are_two_originators(deployment):
    hur = estimate(deployment, best=400)
    nis = estimate(deployment, low=350, high=450)
    assert [e.originator_count for e in analysed(hur, nis)] == [2, 2]


def test_a_person_and_the_agency_they_speak_for_are_one_originator(deployment):
    hur = SourceFactory(name="HUR", slug="hur")
    budanov = SourceFactory(name="Budanov", slug="budanov", parent=hur)
    deputy = SourceFactory(name="Deputy", slug="deputy", parent=budanov)
    agency = estimate(deployment, hur, best=400)
    person = estimate(deployment, budanov, best=400)
    aide = estimate(deployment, deputy, best=400)
    assert [e.originator_count for e in analysed(agency, person, aide)] == [1, 1, 1]


def test_the_intermediary_is_not_an_originator(deployment):
    lawmaker = SourceFactory(name="Yu", slug="yu")
    relayed = estimate(deployment, best=400, via=lawmaker)
    other = estimate(deployment, best=400)
    assert [e.originator_count for e in analysed(relayed, other)] == [2, 2]


def test_figures_whose_ranges_do_not_overlap_do_not_corroborate(deployment):
    low = estimate(deployment, best=300)
    high = estimate(deployment, best=400)
    at_least = estimate(deployment, low=350, qualifier="at_least")
    # "at least 350" agrees with 400 (no upper bound) but not with 300.
    assert [e.originator_count for e in analysed(low, high, at_least)] == [1, 2, 2]


def test_rejected_and_deleted_estimates_do_not_corroborate(deployment):
    kept = estimate(deployment, best=400)
    estimate(deployment, best=400, status=Estimate.Status.REJECTED)
    estimate(deployment, best=400, deleted_at=dt.datetime(2025, 3, 1, tzinfo=dt.UTC))
    (kept,) = analysed(kept)
    assert kept.originator_count == 1


def test_a_month_figure_and_a_day_figure_of_that_month_corroborate(deployment):
    month = estimate(deployment, best=400, as_of=dt.date(2025, 2, 1), as_of_precision="month")
    day = estimate(deployment, best=400, as_of=FEB_26)
    next_month = estimate(deployment, best=400, as_of=dt.date(2025, 3, 1))
    assert [e.originator_count for e in analysed(month, day, next_month)] == [2, 2, 1]


def test_other_metrics_contingents_and_deployments_do_not_corroborate(deployment):
    base = estimate(deployment, best=400)
    estimate(deployment, best=400, metric="wounded")
    estimate(DeploymentFactory(), best=400)
    (base,) = analysed(base)
    assert base.originator_count == 1


def test_estimates_can_be_sorted_by_corroboration_in_one_query(
    deployment, django_assert_num_queries
):
    lone = estimate(deployment, best=10, metric="captured")
    pair = [estimate(deployment, best=400), estimate(deployment, best=400)]
    refresh()
    with django_assert_num_queries(1):  # the estimates, ordered in the database
        ordered = list(Estimate.objects.order_by("-originator_count", "id"))
    assert [e.pk for e in ordered] == [pair[0].pk, pair[1].pk, lone.pk]


PRECISIONS = {
    "day": [dt.date(2024, 1, 31), dt.date(2024, 2, 1), dt.date(2024, 2, 29)],
    "month": [dt.date(2024, 1, 1), dt.date(2024, 2, 1)],
    "year": [dt.date(2024, 1, 1), dt.date(2023, 1, 1)],
}


@pytest.mark.parametrize("full", [True, False], ids=["full refresh (SQL)", "after a write"])
@pytest.mark.parametrize("window", ["day", "month", "year"])
def test_the_sql_counter_and_the_python_rules_agree_on_every_window(
    deployment, settings, window, full
):
    """Pairs of every precision and neighbouring dates: the stored originator count says
    "2" exactly when rules.same_window says the two are in one period, whether counted in
    SQL by a full refresh or by rules.originator_counts after a write."""
    settings.DISCREPANCY_WINDOW = window
    dated = [(p, d) for p, dates in PRECISIONS.items() for d in dates]
    for (p1, d1), (p2, d2) in itertools.combinations(dated, 2):
        Estimate.objects.all().delete()
        a = estimate(deployment, best=400, as_of=d1, as_of_precision=p1)
        b = estimate(deployment, best=400, as_of=d2, as_of_precision=p2)
        refresh(None if full else [a.pk, b.pk])
        expected = 2 if rules.same_window(row_of(a), row_of(b), window) else 1
        assert fresh(a).originator_count == expected, (p1, d1, p2, d2)


def test_a_counter_that_moves_moves_updated_at_for_sync_clients_and_page_caches(deployment):
    briefing = estimate(deployment, best=400)
    other = estimate(deployment, best=9000, as_of=dt.date(2024, 11, 5))
    (briefing, other) = analysed(briefing, other)
    cite_in(briefing, outlet="Wire")
    refresh([briefing.pk])
    cited, untouched = fresh(briefing), fresh(other)
    assert cited.citation_count == 1
    assert cited.updated_at > briefing.updated_at
    assert untouched.updated_at == other.updated_at
    refresh([briefing.pk])  # nothing changes: nothing is stamped again
    assert fresh(briefing).updated_at == cited.updated_at
