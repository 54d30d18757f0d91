import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from tests.tracker.analysis_helpers import FEB_26, estimate
from tests.tracker.factories import ContingentFactory, DeploymentFactory, SourceFactory
from tracker.analysis import (
    discrepancies_for,
    dismiss_discrepancy,
    refresh,
    resolve_discrepancy,
)
from tracker.models import Discrepancy, Estimate

pytestmark = pytest.mark.django_db

MAR_10 = dt.date(2025, 3, 10)


@pytest.fixture
def deployment():
    return DeploymentFactory()


def only(kind=None) -> Discrepancy:
    queryset = Discrepancy.objects.all()
    if kind:
        queryset = queryset.filter(kind=kind)
    (discrepancy,) = queryset
    return discrepancy


def ids(discrepancy) -> set[int]:
    return set(discrepancy.estimates.values_list("pk", flat=True))


def bump(estimate: Estimate, **changes) -> None:
    """What an editor's update does: change fields and the version."""
    changes["version"] = estimate.version + 1
    Estimate.objects.filter(pk=estimate.pk).update(**changes)


def test_ranges_that_do_not_overlap_in_one_month_are_a_value_discrepancy(deployment):
    hur = estimate(deployment, SourceFactory(name="HUR", slug="hur"), best=400)
    nis = estimate(deployment, SourceFactory(name="NIS", slug="nis"), low=100, high=300)
    refresh()
    found = only()
    assert (found.kind, found.status, ids(found)) == ("value", "open", {hur.pk, nis.pk})
    assert "February 2025" in found.reason
    assert "100–300 (NIS, 2025-02-26)" in found.reason and "400 (HUR, 2025-02-26)" in found.reason


def test_overlapping_ranges_are_not_a_discrepancy(deployment):
    estimate(deployment, best=400)
    estimate(deployment, low=300, high=500)
    refresh()
    assert not Discrepancy.objects.exists()


def test_figures_of_different_months_are_not_compared_with_the_month_window(deployment):
    # NIS's January figure and HUR's February one are two points of a timeline.
    estimate(deployment, best=300, as_of=dt.date(2025, 1, 13))
    estimate(deployment, best=400, as_of=FEB_26)
    refresh()
    assert not Discrepancy.objects.filter(kind="value").exists()


def test_the_year_window_compares_figures_of_different_months(deployment, settings):
    settings.DISCREPANCY_WINDOW = "year"
    estimate(deployment, best=300, as_of=dt.date(2025, 1, 13))
    estimate(deployment, best=400, as_of=FEB_26)
    refresh()
    assert only("value").reason.startswith("In 2025,")


def test_a_month_figure_is_compared_with_a_day_figure_of_the_same_month(deployment):
    month = estimate(deployment, best=300, as_of=dt.date(2025, 2, 1), as_of_precision="month")
    day = estimate(deployment, best=400, as_of=FEB_26)
    estimate(deployment, best=999, as_of=dt.date(2025, 3, 1))  # next month: not involved
    refresh()
    assert ids(only("value")) == {month.pk, day.pk}


def test_a_year_figure_is_compared_with_every_figure_of_its_year(deployment):
    year = estimate(deployment, best=300, as_of=dt.date(2025, 1, 1), as_of_precision="year")
    march = estimate(deployment, best=400, as_of=MAR_10)
    refresh()
    found = only("value")
    assert ids(found) == {year.pk, march.pk}
    assert found.reason.startswith("In 2025,")


def test_a_dismissed_discrepancy_stays_dismissed_while_its_estimates_are_unchanged(
    deployment, editor
):
    estimate(deployment, best=400)
    estimate(deployment, best=300)
    refresh()
    dismiss_discrepancy(discrepancy=only(), user=editor, note="Different counts.")
    refresh()
    found = only()
    assert (found.status, found.resolved_by, found.resolution_note) == (
        "dismissed",
        editor,
        "Different counts.",
    )


def test_a_dismissed_discrepancy_reappears_when_one_of_its_estimates_changes(deployment, editor):
    first = estimate(deployment, best=400)
    estimate(deployment, best=300)
    refresh()
    dismiss_discrepancy(discrepancy=only(), user=editor)
    bump(first, best=450, low=450, high=450)
    refresh()
    assert Discrepancy.objects.filter(status="dismissed").count() == 1
    reopened = Discrepancy.objects.get(status="open")
    assert "450" in reopened.reason


def test_an_open_discrepancy_goes_away_when_the_estimates_agree_again(deployment):
    first = estimate(deployment, best=400)
    estimate(deployment, best=300)
    refresh()
    bump(first, best=300, low=300, high=300)
    refresh([first.pk])
    assert not Discrepancy.objects.exists()


def test_rejecting_an_estimate_removes_it_from_the_comparison(deployment):
    first = estimate(deployment, best=400)
    estimate(deployment, best=300)
    refresh()
    bump(first, status=Estimate.Status.REJECTED)
    refresh([first.pk])
    assert not Discrepancy.objects.exists()


def test_running_the_analysis_twice_changes_nothing(deployment):
    hur = SourceFactory()
    estimate(deployment, best=400)
    estimate(deployment, hur, best=300)
    estimate(deployment, hur, best=200, as_of=MAR_10)
    first = refresh()
    before = list(Discrepancy.objects.values_list("pk", "fingerprint", "updated_at"))
    counters = list(Estimate.objects.values_list("pk", "originator_count", "supersedes_id"))
    assert refresh() == {"superseded": 0, "created": 0, "deleted": 0}
    assert first["created"] == 2  # the February disagreement and the decrease in March
    assert list(Discrepancy.objects.values_list("pk", "fingerprint", "updated_at")) == before
    assert list(Estimate.objects.values_list("pk", "originator_count", "supersedes_id")) == (
        counters
    )


def test_a_running_total_going_down_for_one_source_is_a_decrease(deployment):
    hur = SourceFactory(name="HUR", slug="hur")
    february = estimate(deployment, hur, best=400, as_of=FEB_26)
    march = estimate(deployment, hur, best=300, as_of=MAR_10)
    refresh()
    found = only("decrease")
    assert ids(found) == {february.pk, march.pk}
    assert (
        "goes down: about 400 (HUR, 2025-02-26), then about 300 (HUR, 2025-03-10)" in found.reason
    )


def test_a_lower_figure_from_another_source_is_not_a_decrease(deployment):
    estimate(deployment, best=400, as_of=FEB_26)
    estimate(deployment, best=300, as_of=MAR_10)
    refresh()
    assert not Discrepancy.objects.filter(kind="decrease").exists()


def test_a_figure_that_is_not_a_running_total_may_go_down(deployment):
    source = SourceFactory()
    estimate(deployment, source, best=10000, metric="in_training", as_of=FEB_26)
    estimate(deployment, source, best=3500, metric="in_training", as_of=MAR_10)
    refresh()
    assert not Discrepancy.objects.exists()


def test_a_figure_dated_before_its_contingent_started_is_a_date_discrepancy(deployment):
    wave = ContingentFactory(deployment=deployment, number=1, name="First wave")
    wave.start_date, wave.start_precision = dt.date(2024, 10, 1), "month"
    wave.save()
    right = estimate(
        deployment,
        best=11000,
        metric="deployed",
        contingent=wave,
        as_of=dt.date(2024, 10, 1),
        as_of_precision="month",
    )
    wrong_year = estimate(
        deployment,
        best=11000,
        metric="deployed",
        contingent=wave,
        as_of=dt.date(2023, 10, 1),
        as_of_precision="month",
    )
    refresh()
    found = only("date")
    assert ids(found) == {wrong_year.pk}
    assert "dated before First wave started (2024-10)" in found.reason
    assert right.pk not in ids(found)


def test_the_same_wave_size_a_year_apart_is_a_date_discrepancy(deployment):
    wave = ContingentFactory(deployment=deployment, number=1, start_date=None)
    a = estimate(
        deployment,
        best=11000,
        metric="deployed",
        contingent=wave,
        as_of=dt.date(2023, 10, 1),
        as_of_precision="month",
    )
    b = estimate(
        deployment,
        low=10000,
        high=12000,
        metric="deployed",
        contingent=wave,
        as_of=dt.date(2024, 10, 20),
    )
    refresh()
    found = only("date")
    assert ids(found) == {a.pk, b.pk}
    assert "a year apart" in found.reason


def test_resolving_needs_a_note(deployment, editor):
    estimate(deployment, best=400)
    estimate(deployment, best=300)
    refresh()
    with pytest.raises(ValidationError):
        resolve_discrepancy(discrepancy=only(), user=editor, note="  ")
    resolved = resolve_discrepancy(discrepancy=only(), user=editor, note="HUR corrected it.")
    assert (resolved.status, resolved.resolution_note) == ("resolved", "HUR corrected it.")
    assert resolved.resolved_at is not None


@pytest.mark.parametrize("months", [1, 6])
def test_listing_discrepancies_takes_two_queries_whatever_their_number(
    deployment, django_assert_num_queries, months
):
    for month in range(1, months + 1):
        estimate(deployment, best=100, as_of=dt.date(2024, month, 2))
        estimate(deployment, best=900, as_of=dt.date(2024, month, 3), via=SourceFactory())
    refresh()
    # 1: discrepancies joined with metric and contingent; 2: their estimates joined with
    # source, via, metric and contingent.
    with django_assert_num_queries(2):
        listing = list(discrepancies_for(deployment, status="open"))
        shown = [
            (e.source.name, e.via and e.via.name, e.metric.name, e.contingent)
            for d in listing
            for e in d.estimates.all()
        ]
    assert len(listing) == months and len(shown) == 2 * months


def test_listing_refuses_an_unknown_status(deployment):
    with pytest.raises(ValidationError):
        discrepancies_for(deployment, status="closed")


def test_the_demo_data_shows_the_first_wave_disagreement(demo):
    refresh()
    first_wave = Discrepancy.objects.get(kind="value", contingent__number=1)
    figures = {(e.source.slug, e.best) for e in first_wave.estimates.select_related("source")}
    assert {("hur", 11000), ("hur", 12000), ("nis", 12000)} <= figures
    assert "In October 2024" in first_wave.reason
    # Zelenskyy's 4,000 and the US officials' 1,200 casualties in January.
    casualties = Discrepancy.objects.get(kind="value", metric__slug="casualties")
    assert {e.best for e in casualties.estimates.all()} == {4000, 1200}
    # NIS's January killed and HUR's February killed are different months: no discrepancy.
    assert not Discrepancy.objects.filter(metric__slug="killed").exists()
    assert Discrepancy.objects.count() == 2
