"""Composite metrics: casualties as killed plus wounded, derived on the fly, never stored.

Rule: where one source gave both a `killed` and a `wounded` figure for the same
deployment, contingent and date (same as-of and precision) and no `casualties` figure
for that date, the casualties are their sum: low = sum of the lows, high = sum of the
highs (unbounded if either is), best = sum of the bests (none if either has none).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import QuerySet

from tracker.analysis.rules import UNBOUNDED, bounds
from tracker.models import (
    Contingent,
    Deployment,
    Estimate,
    Qualifier,
    Source,
    format_date,
)


@dataclass(frozen=True)
class DerivedEstimate:
    """A figure no source stated as such, computed from two that it did state."""

    deployment: Deployment
    contingent: Contingent | None
    metric_slug: str
    source: Source
    as_of: dt.date
    as_of_precision: str
    low: int | None
    best: int | None
    high: int | None
    qualifier: str
    parts: tuple[Estimate, Estimate]
    derived: bool = field(default=True, init=False)

    Qualifier = Qualifier

    @property
    def figure_display(self) -> str:
        return Estimate.figure_display.fget(self)  # type: ignore[attr-defined]

    @property
    def point(self) -> int | None:
        return Estimate.point.fget(self)  # type: ignore[attr-defined]

    @property
    def as_of_display(self) -> str:
        return format_date(self.as_of, self.as_of_precision)

    @property
    def reason(self) -> str:
        killed, wounded = self.parts
        return (
            f"Derived: {killed.figure_display} killed plus {wounded.figure_display} wounded, "
            f"both from {self.source.name} for {self.as_of_display}."
        )


def _sum(killed: Estimate, wounded: Estimate) -> tuple[int, int | None, int | None, str]:
    k_lo, k_hi = bounds(killed.low, killed.best, killed.high, killed.qualifier)
    w_lo, w_hi = bounds(wounded.low, wounded.best, wounded.high, wounded.qualifier)
    low = k_lo + w_lo
    high = k_hi + w_hi if UNBOUNDED not in (k_hi, w_hi) else None
    best = killed.best + wounded.best if None not in (killed.best, wounded.best) else None
    if high is None:
        qualifier = Qualifier.AT_LEAST
    elif low != high:
        qualifier = Qualifier.RANGE
    elif Qualifier.APPROX in (killed.qualifier, wounded.qualifier):
        qualifier = Qualifier.APPROX
    else:
        qualifier = Qualifier.EXACT
    return low, best, high, qualifier


def derived_casualties(
    deployment: Deployment, *, estimates: QuerySet[Estimate] | None = None
) -> list[DerivedEstimate]:
    """Casualties derived from killed + wounded, oldest first, in three queries.

    `estimates` narrows what may be used (e.g. `Estimate.objects.visible_to(user)`);
    by default every live, non-rejected estimate.
    """
    base = estimates if estimates is not None else Estimate.objects.all()
    base = base.live().exclude(status=Estimate.Status.REJECTED).filter(deployment=deployment)

    def key(e: Estimate) -> tuple:
        return (e.source_id, e.contingent_id, e.as_of, e.as_of_precision)

    stated = set(
        base.filter(metric__slug="casualties").values_list(
            "source_id", "contingent_id", "as_of", "as_of_precision"
        )
    )
    parts = base.filter(metric__slug__in=["killed", "wounded"]).select_related(
        "deployment", "contingent", "metric", "source"
    )
    killed: dict[tuple, list[Estimate]] = {}
    wounded: dict[tuple, list[Estimate]] = {}
    for estimate in parts.order_by("as_of", "id"):
        (killed if estimate.metric.slug == "killed" else wounded).setdefault(
            key(estimate), []
        ).append(estimate)
    derived = []
    for k, killed_list in killed.items():
        if k in stated:
            continue
        for kill in killed_list:
            for wound in wounded.get(k, []):
                low, best, high, qualifier = _sum(kill, wound)
                derived.append(
                    DerivedEstimate(
                        deployment=kill.deployment,
                        contingent=kill.contingent,
                        metric_slug="casualties",
                        source=kill.source,
                        as_of=kill.as_of,
                        as_of_precision=kill.as_of_precision,
                        low=low,
                        best=best,
                        high=high,
                        qualifier=qualifier,
                        parts=(kill, wound),
                    )
                )
    derived.sort(key=lambda d: (d.as_of, d.source.name))
    return derived
