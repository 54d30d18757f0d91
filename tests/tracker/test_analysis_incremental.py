"""The refresh after a write touches only what the write can change, and must leave the
analysis exactly as a full refresh from scratch would: same counters, same revision links,
same discrepancies (fingerprints, statuses, estimates named)."""

import datetime as dt
import random

import pytest
from django.db import connection

from tests.articles.factories import ArticleFactory
from tests.tracker.factories import (
    ContingentFactory,
    DeploymentFactory,
    EstimateFactory,
    SourceFactory,
    metric,
)
from tracker import services
from tracker.analysis import refresh
from tracker.models import Discrepancy, Estimate

pytestmark = pytest.mark.django_db


def state() -> tuple:
    estimates = list(
        Estimate.objects.order_by("pk").values_list(
            "pk", "citation_count", "outlet_count", "originator_count", "supersedes_id"
        )
    )
    discrepancies = sorted(
        (
            d.fingerprint,
            d.kind,
            d.status,
            d.deployment_id,
            d.metric_id,
            d.contingent_id,
            d.reason,
            tuple(sorted(e.pk for e in d.estimates.all())),
        )
        for d in Discrepancy.objects.prefetch_related("estimates")
    )
    return estimates, discrepancies


def as_full_refresh_leaves_it() -> tuple:
    """The state after a full refresh of the same data (what `manage.py analyse` runs)."""
    refresh()
    return state()


@pytest.fixture
def world():
    deployment = DeploymentFactory()
    wave = ContingentFactory(deployment=deployment, start_date=dt.date(2024, 3, 1))
    agency = SourceFactory()
    sources = [agency, SourceFactory(parent=agency), SourceFactory(), SourceFactory()]
    return deployment, [None, wave], sources


def _random_estimate(rng, deployment, contingents, sources, user):
    precision = rng.choice(["day", "day", "day", "month", "year"])
    as_of = dt.date(rng.choice([2023, 2024, 2025]), rng.randint(2, 4), rng.randint(1, 3))
    if precision == "month":
        as_of = as_of.replace(day=1)
    elif precision == "year":
        as_of = as_of.replace(month=1, day=1)
    value = rng.choice([100, 110, 200, 400, 420, 900])
    shape = rng.choice(["point", "range", "at_least"])
    figure = {
        "point": {"low": value, "best": value, "high": value, "qualifier": "approx"},
        "range": {"low": value - 20, "high": value + 20, "qualifier": "range"},
        "at_least": {"low": value, "qualifier": "at_least"},
    }[shape]
    return services.create_estimate(
        deployment=deployment,
        metric=metric(rng.choice(["deployed", "killed", "in_training"])),
        source=rng.choice(sources),
        contingent=rng.choice(contingents),
        as_of=as_of,
        as_of_precision=precision,
        status=rng.choice(["confirmed", "confirmed", "proposed"]),
        user=user,
        **figure,
    )


@pytest.mark.parametrize("window", ["month", "day", "year"])
def test_refreshes_after_varied_writes_leave_what_a_full_refresh_gives(
    world, editor, django_capture_on_commit_callbacks, settings, window
):
    settings.DISCREPANCY_WINDOW = window
    deployment, contingents, sources = world
    rng = random.Random(9)
    with django_capture_on_commit_callbacks(execute=True):
        made = [_random_estimate(rng, deployment, contingents, sources, editor) for _ in range(60)]
    assert state() == as_full_refresh_leaves_it()
    # The data has every kind of discrepancy to keep right, "a year apart" pairs included.
    assert set(Discrepancy.objects.values_list("kind", flat=True)) == {"value", "date", "decrease"}
    assert Discrepancy.objects.filter(reason__contains="a year apart").exists()
    # One verdict stands through the writes that do not touch its estimates.
    verdict = Discrepancy.objects.order_by("pk").first()
    assert verdict is not None
    Discrepancy.objects.filter(pk=verdict.pk).update(status="dismissed")

    def edit(estimate, **changes):
        current = Estimate.objects.get(pk=estimate.pk)
        services.update_estimate(
            estimate_id=current.pk,
            expected_version=current.version,
            changes=changes,
            user=editor,
        )

    writes = [
        lambda e: _random_estimate(rng, deployment, contingents, sources, editor),
        lambda e: edit(
            e, as_of=e.as_of.replace(month=e.as_of.month % 4 + 1), as_of_precision="day"
        ),
        lambda e: edit(e, metric=metric("killed" if e.metric.slug != "killed" else "deployed")),
        lambda e: edit(e, as_of=e.as_of.replace(year=2024), as_of_precision="month"),
        lambda e: (
            edit(e, low=e.low and e.low * 2, best=None, high=None, qualifier="at_least")
            if e.low
            else None
        ),
        lambda e: edit(e, source=rng.choice(sources)),
        lambda e: edit(e, contingent=rng.choice(contingents)),
        lambda e: services.reject_estimate(estimate_id=e.pk, reason="Misread.", user=editor),
        lambda e: services.confirm_estimate(estimate_id=e.pk, user=editor),
        lambda e: services.soft_delete_estimate(estimate_id=e.pk, user=editor),
        lambda e: services.cite(
            estimate=e, article=ArticleFactory(outlet=rng.choice(["A", "B"])), quote="A figure."
        ),
    ]
    for step in range(60):
        target = Estimate.objects.select_related("metric").get(pk=rng.choice(made).pk)
        if target.deleted_at is not None:
            continue
        with django_capture_on_commit_callbacks(execute=True):
            writes[step % len(writes)](target)
        assert state() == as_full_refresh_leaves_it(), f"after write {step}"


def test_a_figure_filling_a_gap_in_a_chain_moves_the_decrease_it_explains(
    world, editor, django_capture_on_commit_callbacks
):
    """2021: 900, 2024: 400 goes down; a 2022 figure of 300 in between makes the fall
    happen between 2021 and 2022 instead, though neither end is in the year written."""
    deployment, _, (agency, *_) = world
    figures = [(dt.date(2021, 5, 1), 900), (dt.date(2024, 5, 1), 400)]
    with django_capture_on_commit_callbacks(execute=True):
        for as_of, value in figures:
            services.create_estimate(
                deployment=deployment, metric=metric("killed"), source=agency, as_of=as_of,
                low=value, best=value, high=value, status="confirmed", user=editor,
            )  # fmt: skip
    assert Discrepancy.objects.filter(kind="decrease").count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        gap = services.create_estimate(
            deployment=deployment, metric=metric("killed"), source=agency,
            as_of=dt.date(2022, 5, 1), low=300, best=300, high=300, status="confirmed",
            user=editor,
        )  # fmt: skip
    decrease = Discrepancy.objects.get(kind="decrease")
    assert gap in decrease.estimates.all()
    assert state() == as_full_refresh_leaves_it()


def _figure(world, editor, as_of, value, *, precision="day"):
    deployment, _, sources = world
    return services.create_estimate(
        deployment=deployment, metric=metric("killed"), source=sources[2], as_of=as_of,
        as_of_precision=precision, low=value, best=value, high=value, status="confirmed",
        user=editor,
    )  # fmt: skip


def test_a_figure_joining_a_window_rewrites_its_discrepancy_link_by_link(
    world, editor, django_capture_on_commit_callbacks
):
    """A year-precision 100 disagrees with every day figure of 400 that year; one more
    such figure joins the discrepancy: same row, one link inserted, none rewritten."""
    with django_capture_on_commit_callbacks(execute=True):
        _figure(world, editor, dt.date(2024, 1, 1), 100, precision="year")
        for day in range(1, 9):
            _figure(world, editor, dt.date(2024, 6, day), 400)
    before = Discrepancy.objects.get(kind="value")
    links = set(before.estimates.through.objects.values_list("pk", flat=True))
    with django_capture_on_commit_callbacks(execute=True):
        joining = _figure(world, editor, dt.date(2024, 7, 1), 400)
    after = Discrepancy.objects.get(kind="value")
    assert after.pk == before.pk and after.fingerprint != before.fingerprint
    assert after.estimates.count() == 10 and joining in after.estimates.all()
    kept = set(after.estimates.through.objects.values_list("pk", flat=True))
    assert links < kept and len(kept - links) == 1  # the old links stay where they were
    assert state() == as_full_refresh_leaves_it()


def test_a_figure_leaving_a_window_deletes_only_its_link(
    world, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _figure(world, editor, dt.date(2024, 1, 1), 100, precision="year")
        made = [_figure(world, editor, dt.date(2024, 6, day), 400) for day in range(1, 5)]
    before = Discrepancy.objects.get(kind="value")
    with django_capture_on_commit_callbacks(execute=True):
        services.reject_estimate(estimate_id=made[0].pk, reason="Misread.", user=editor)
    after = Discrepancy.objects.get(kind="value")
    assert after.pk == before.pk
    assert made[0] not in after.estimates.all() and after.estimates.count() == 4
    assert state() == as_full_refresh_leaves_it()


def test_a_window_whose_old_discrepancy_is_gone_gets_a_new_one():
    """store() pairs a stale discrepancy with its window's new one; if the stale row was
    deleted meanwhile, the new one is created as usual."""
    from tracker.analysis.discrepancies import Found, store

    deployment = DeploymentFactory()
    group = (deployment.pk, metric("killed").pk, None)
    a, b = (
        EstimateFactory(deployment=deployment, metric=metric("killed"), low=v, best=v, high=v)
        for v in (100, 400)
    )
    new = Found("value", group, (a.pk, b.pk), lambda: "They differ.", "f" * 64, "1:2024-6")
    assert store([new], ["gone"], {"gone": (group, "1:2024-6")}) == {"created": 1, "deleted": 0}
    stored = Discrepancy.objects.get(fingerprint="f" * 64)
    assert set(stored.estimates.all()) == {a, b} and stored.reason == "They differ."


def test_a_citation_is_refreshed_in_one_statement(
    world, editor, django_capture_on_commit_callbacks, django_assert_num_queries
):
    """No rule reads the citation counters: after a citation's commit only its
    estimate's citation and outlet counts are recounted (one UPDATE)."""
    with django_capture_on_commit_callbacks(execute=True):
        cited = _figure(world, editor, dt.date(2024, 6, 1), 400)
        _figure(world, editor, dt.date(2024, 6, 2), 100)
    article = ArticleFactory(outlet="A")
    with django_capture_on_commit_callbacks() as callbacks:
        services.cite(estimate=cited, article=article, quote="A figure.")
    # SAVEPOINT, the UPDATE, RELEASE; and on PostgreSQL before the UPDATE, SET LOCAL jit = off.
    with django_assert_num_queries(4 if connection.vendor == "postgresql" else 3):
        for callback in callbacks:
            callback()
    assert Estimate.objects.get(pk=cited.pk).citation_count == 1
    assert state() == as_full_refresh_leaves_it()
